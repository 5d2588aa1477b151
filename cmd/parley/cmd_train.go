package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"

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
	fs := newFlags(sio, "train", "[--dir policies/textclass] [--split-only]")
	dir := fs.String("dir", filepath.Join("policies", "textclass"), "the textclass package directory")
	splitOnly := fs.Bool("split-only", false, "only write the test split")
	if err := parseFlags(fs, args); err != nil {
		return err
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
	return fmt.Errorf("training is not built yet")
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
