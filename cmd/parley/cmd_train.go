package main

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/parley-collections/parley/policies/textclass"
)

func init() {
	register(command{name: "train", summary: "rebuild the embedded text classifier from its corpora", run: runTrain})
}

// corpusKinds are the corpus directories under policies/textclass/corpus.
var corpusKinds = []string{"intents", "content"}

// runTrain is `parley train [--dir DIR]`: it writes each corpus file's test
// fifth to corpus/<kind>/test/<lang>.jsonl, then trains the two models on
// the rest and writes their weights.
func runTrain(ctx context.Context, sio IO, args []string) error {
	fs := newFlags(sio, "train", "[--dir policies/textclass] [--split-only | --compare | --eval-only FILE...]")
	dir := fs.String("dir", filepath.Join("policies", "textclass"), "the textclass package directory")
	splitOnly := fs.Bool("split-only", false, "only write the test split")
	compare := fs.Bool("compare", false, "compare the linear model with TF-IDF nearest neighbours on the validation part, and write nothing")
	evalOnly := fs.Bool("eval-only", false, "print per-label precision and recall of the embedded models on the labelled JSON Lines files named (default: the test split), and write nothing")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *evalOnly {
		files := fs.Args()
		if len(files) == 0 {
			for _, kind := range corpusKinds {
				f, _ := filepath.Glob(filepath.Join(*dir, "corpus", kind, "test", "*.jsonl"))
				files = append(files, f...)
			}
		}
		return evalFiles(sio, files)
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	if *compare {
		for i, kind := range []textclass.Kind{textclass.KindIntent, textclass.KindContent} {
			c, err := loadCorpus(filepath.Join(*dir, "corpus", corpusKinds[i]))
			if err != nil {
				return err
			}
			textclass.WriteComparison(sio.Stdout, kind, textclass.Compare(kind, c.train, textclass.DefaultTrain))
			fmt.Fprintln(sio.Stdout)
		}
		return nil
	}
	for _, kind := range corpusKinds {
		n, err := splitCorpus(filepath.Join(*dir, "corpus", kind))
		if err != nil {
			return err
		}
		fmt.Fprintf(sio.Stdout, "%s: %d new test rows\n", kind, n)
	}
	if *splitOnly {
		return nil
	}
	type result struct {
		model *textclass.Model
		eval  []textclass.Evaluation
		err   error
	}
	kinds := []textclass.Kind{textclass.KindIntent, textclass.KindContent}
	results := make([]result, len(kinds))
	var wg sync.WaitGroup
	for i, kind := range kinds {
		wg.Go(func() {
			c, err := loadCorpus(filepath.Join(*dir, "corpus", corpusKinds[i]))
			if err != nil {
				results[i].err = err
				return
			}
			m, eval := textclass.Build(kind, c.train, textclass.DefaultTrain, textclass.Digest(c.files, textclass.DefaultTrain))
			results[i] = result{model: m, eval: eval}
		})
	}
	wg.Wait()
	for i, r := range results {
		if r.err != nil {
			return r.err
		}
		data, err := r.model.MarshalBinary()
		if err != nil {
			return err
		}
		path := filepath.Join(*dir, "weights", string(kinds[i])+".bin")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(sio.Stdout, "wrote %s (%d bytes, corpus digest %.12s)\n", path, len(data), r.model.CorpusDigest())
		for _, e := range r.eval {
			fmt.Fprintf(sio.Stdout, "validation %s %s: %d examples, macro-F1 %.3f\n", e.Kind, cmp.Or(e.Lang, "all"), e.Examples, e.MacroF1())
		}
	}
	return nil
}

// corpus is one kind's corpus as training reads it.
type corpus struct {
	files       map[string][]byte // every file, by slash path under the kind's directory
	train, test []textclass.Example
}

// loadCorpus reads one kind's corpus directory (see textclass.ReadCorpus).
func loadCorpus(dir string) (*corpus, error) {
	files, train, test, err := textclass.ReadCorpus(os.DirFS(dir))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	if len(train) == 0 {
		return nil, fmt.Errorf("%s: no training rows", dir)
	}
	return &corpus{files: files, train: train, test: test}, nil
}

// evalFiles prints, for each labelled JSON Lines file (intent or content
// rows, told apart by their label field), the embedded model's per-label
// precision and recall overall and per language.
func evalFiles(sio IO, files []string) error {
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		rows, err := textclass.ParseRows(data)
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		if len(rows) == 0 {
			continue
		}
		m := textclass.Intents()
		if rows[0].Label == "" {
			m = textclass.Content()
		}
		examples := make([]textclass.Example, len(rows))
		for i, r := range rows {
			examples[i] = r.Example()
		}
		fmt.Fprintf(sio.Stdout, "## %s\n\n", f)
		evals := m.Evaluate(examples)
		if len(evals) == 2 {
			evals = evals[1:] // one language: the overall table is the same
		}
		for _, e := range evals {
			e.WriteTable(sio.Stdout)
			fmt.Fprintln(sio.Stdout)
		}
	}
	return nil
}

// splitCorpus copies each row of <dir>/<lang>.jsonl whose id falls in the
// test fifth to <dir>/test/<lang>.jsonl, unless that file has it already.
// Rows already there stay as they are: the split, once made, is frozen.
// It returns how many rows it added.
func splitCorpus(dir string) (int, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil {
		return 0, err
	}
	added := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return added, err
		}
		rows, err := textclass.ParseRows(data)
		if err != nil {
			return added, fmt.Errorf("%s: %w", f, err)
		}
		testPath := filepath.Join(dir, "test", filepath.Base(f))
		old, err := os.ReadFile(testPath)
		if err != nil && !os.IsNotExist(err) {
			return added, err
		}
		have := map[string]bool{}
		oldRows, err := textclass.ParseRows(old)
		if err != nil {
			return added, fmt.Errorf("%s: %w", testPath, err)
		}
		for _, r := range oldRows {
			have[r.ID] = true
		}
		out := bytes.Clone(old)
		lines := bytes.Split(data, []byte("\n"))
		i := 0
		for _, line := range lines {
			if len(bytes.TrimSpace(line)) == 0 {
				continue
			}
			r := rows[i]
			i++
			if !textclass.InTestFifth(r.ID) || have[r.ID] {
				continue
			}
			out = append(out, line...)
			out = append(out, '\n')
			have[r.ID] = true
			added++
		}
		if len(out) == len(old) {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(testPath), 0o755); err != nil {
			return added, err
		}
		if err := os.WriteFile(testPath, out, 0o644); err != nil {
			return added, err
		}
	}
	return added, nil
}
