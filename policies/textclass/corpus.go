package textclass

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// Row is one line of a corpus file (see docs/models.md): an intent row has
// Label, a content row has Labels (empty for a clean message).
type Row struct {
	ID              string    `json:"id"`
	Text            string    `json:"text"`
	Lang            string    `json:"lang"`
	Variant         string    `json:"variant,omitempty"`
	Label           string    `json:"label,omitempty"`
	Labels          *[]string `json:"labels,omitempty"`
	Channel         string    `json:"channel,omitempty"`
	Jurisdiction    string    `json:"jurisdiction,omitempty"`
	HardNegativeFor string    `json:"hard_negative_for,omitempty"`
	Source          string    `json:"source,omitempty"`
	// Facts, on a content row, are the facts the guard is given when it
	// checks the row (policies.Facts in its JSON form: granted_terms,
	// borrower_name, legal_action_approved): a message that states a
	// granted term is clean only when the term was granted. The model does
	// not read them.
	Facts json.RawMessage `json:"facts,omitempty"`
}

// Example returns the row as a training or evaluation example.
func (r Row) Example() Example {
	ex := Example{ID: r.ID, Lang: r.Lang, Text: r.Text}
	switch {
	case r.Label != "":
		ex.Labels = []string{r.Label}
	case r.Labels != nil:
		ex.Labels = *r.Labels
	}
	return ex
}

// ParseRows decodes a JSON Lines corpus file. An error names the line.
func ParseRows(data []byte) ([]Row, error) {
	var rows []Row
	for n, line := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var r Row
		if err := json.Unmarshal(line, &r); err != nil {
			return nil, fmt.Errorf("line %d: %w", n+1, err)
		}
		if r.ID == "" || r.Text == "" {
			return nil, fmt.Errorf("line %d: a row needs an id and a text", n+1)
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// InTestFifth reports whether the row with this id belongs to the test
// split: a fifth of the ids, by their FNV-1a hash. The rule never changes,
// so a row, once written, is test or train for good.
func InTestFifth(id string) bool {
	h := fnv.New64a()
	h.Write([]byte(id))
	return h.Sum64()%5 == 0
}

// inValidation reports whether a training row is held out for
// calibration and model comparison: about a fifth of the training rows,
// by another part of the same hash.
func inValidation(id string) bool {
	h := fnv.New64a()
	h.Write([]byte(id))
	return (h.Sum64()/5)%5 == 0
}

// Digest returns the digest of a set of named files (a corpus and its
// test split): SHA-256 over the names and contents in name order, and the
// training configuration, hex-encoded.
func Digest(files map[string][]byte, cfg TrainConfig) string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	h := sha256.New()
	fmt.Fprintf(h, "textclass v1 bits=%d %+v\n", featureBits, cfg)
	for _, n := range names {
		fmt.Fprintf(h, "%s %d\n", n, len(files[n]))
		h.Write(files[n])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TrainingSplitsFile names, in a kind's directory, the file that lists
// the extra training splits: subdirectories, one a line ('#' starts a
// comment), whose <lang>.jsonl rows are all training rows. They are
// batches that were measured once as held-out data and have been read
// since; a batch still held out must never be listed.
const TrainingSplitsFile = "training-splits.txt"

// ReadCorpus reads one kind's corpus from fsys (the kind's directory):
// <lang>.jsonl, test/<lang>.jsonl and the training splits listed in
// TrainingSplitsFile. It returns every file by its slash path (for
// Digest), the training examples (rows neither in the test fifth nor in
// a test file, and every row of a training split) and the test examples.
// An id that occurs twice outside the test split is an error.
func ReadCorpus(fsys fs.FS) (files map[string][]byte, train, test []Example, err error) {
	files = map[string][]byte{}
	testIDs := map[string]bool{}
	splits, err := TrainingSplits(fsys)
	if err != nil {
		return nil, nil, nil, err
	}
	trainIDs := map[string]bool{}
	for _, sub := range append([]string{"test", "."}, splits...) {
		names, err := fs.Glob(fsys, path.Join(sub, "*.jsonl"))
		if err != nil {
			return nil, nil, nil, err
		}
		for _, name := range names {
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				return nil, nil, nil, err
			}
			files[name] = data
			rows, err := ParseRows(data)
			if err != nil {
				return nil, nil, nil, fmt.Errorf("%s: %w", name, err)
			}
			for _, r := range rows {
				if sub != "test" {
					if trainIDs[r.ID] {
						return nil, nil, nil, fmt.Errorf("%s: id %s is in the corpus twice", name, r.ID)
					}
					trainIDs[r.ID] = true
				}
				switch {
				case sub == "test":
					testIDs[r.ID] = true
					test = append(test, r.Example())
				case sub != ".":
					train = append(train, r.Example())
				case !testIDs[r.ID] && !InTestFifth(r.ID):
					train = append(train, r.Example())
				}
			}
		}
	}
	return files, train, test, nil
}

// TrainingSplits returns the subdirectories TrainingSplitsFile lists,
// none when the file is absent. "test", "." and paths that leave the
// directory are refused.
func TrainingSplits(fsys fs.FS) ([]string, error) {
	data, err := fs.ReadFile(fsys, TrainingSplitsFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var splits []string
	for n, line := range strings.Split(string(data), "\n") {
		line, _, _ = strings.Cut(line, "#")
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if line == "test" || line == "." || !fs.ValidPath(line) || strings.Contains(line, "/") {
			return nil, fmt.Errorf("%s line %d: %q is not a split directory", TrainingSplitsFile, n+1, line)
		}
		splits = append(splits, line)
	}
	return splits, nil
}
