package policies

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parley-collections/parley/policies/textclass"
)

// contentSplits names the content corpus splits to check through the whole
// guard, comma-separated, relative to textclass/corpus/content:
//
//	go test ./policies -count=1 -run TestContentCorpusThroughGuard -v -args -content-splits=test,fresh
//
// Only the named splits are read; the training rows are the model's own.
var contentSplits = flag.String("content-splits", "", "content corpus splits (test, fresh) to check through the guard")

// heldOut lets the held-out splits (heldOutSplits) be read: once, after the
// code they judge is frozen, for their first-look figures.
var heldOut = flag.Bool("held-out", false, "allow the held-out splits fresh23 and fresh24 (first look after the code is frozen)")

// heldOutSplits are the content splits read only with -held-out. The
// earlier batches (fresh2 to fresh22) were each measured once and have been
// read since; those listed in textclass.TrainingSplitsFile train the model.
var heldOutSplits = []string{"fresh23", "fresh24"}

// contentCategory maps a label of the content corpus to the guard's
// violations that count as finding it: a request for a secret is a pii
// violation; a false promise is an offer that was not granted
// (ungrounded_amount) or a promise about credit records (GEN-CREDIT).
func contentFound(label string, vs []Violation) bool {
	for _, v := range vs {
		switch label {
		case "secret_request":
			if v.Category == CatPII {
				return true
			}
		case "false_promise":
			if (v.Category == CatUngroundedAmount && !amountGrounding(v)) || v.Rule == "GEN-CREDIT" {
				return true
			}
		case "false_representation":
			if v.Category == CatFalseRepresentation && v.Rule != "GEN-CREDIT" {
				return true
			}
		default:
			if v.Category == label {
				return true
			}
		}
	}
	return false
}

// amountGrounding reports whether a violation is the check of an amount
// against the facts (the balance and the allowed amounts), which a corpus
// row, a text without facts, cannot pass: it is not a reading of content.
func amountGrounding(v Violation) bool {
	return v.Category == CatUngroundedAmount && strings.HasPrefix(v.Detail, "states an amount")
}

// contentViolation reports whether a violation is of a content category
// (what a message says, not when or to whom it is sent), the check of
// amounts against the facts left out.
func contentViolation(vs []Violation) bool {
	for _, v := range vs {
		if slices.Contains(contentCategories[:], v.Category) && !amountGrounding(v) {
			return true
		}
	}
	return false
}

// TestContentCorpusThroughGuard reports, per language and per label of the
// content corpus, the guard's recall over the rows labelled with it and its
// false-positive rate over the rows not labelled with it, and the share of
// clean rows blocked for any content category. Each row is checked as a
// labelled line with the defaults of withDefaults (a verified recipient by
// chat, in the row's jurisdiction, at a permitted hour), so only what the
// text says can be found. A row has no facts: an amount in it is never the
// balance or an allowed amount, so that check is left out of the figures,
// and a greeting's name is not known to be the borrower's.
func TestContentCorpusThroughGuard(t *testing.T) {
	if *contentSplits == "" {
		t.Skip("no -content-splits named")
	}
	g := Default()
	if !*withClassifier {
		var err error
		if g, err = NewGuard(Options{LinkHosts: []string{DefaultPaymentHost}, NoClassifier: true}); err != nil {
			t.Fatal(err)
		}
	}
	for _, split := range strings.Split(*contentSplits, ",") {
		if !*heldOut && slices.ContainsFunc(heldOutSplits, func(h string) bool { return strings.Contains(split, h) }) {
			t.Fatalf("split %s is held out", split)
		}
		for _, lang := range []string{"en", "zh"} {
			path := filepath.Join("textclass/corpus/content", split, lang+".jsonl")
			rows := loadContentRows(t, path)
			per := map[string]*figures{}
			for _, l := range textclass.ContentLabels {
				per[l] = &figures{}
			}
			var clean, cleanHit, pos, posHit int
			var log []string
			for _, r := range rows {
				p, f := decodeLabelled(t, r)
				d := g.Check(p, f)
				for _, l := range textclass.ContentLabels {
					want, got := slices.Contains(r.Labels, l), contentFound(l, d.Violations)
					n := per[l]
					switch {
					case want && got:
						n.tp++
					case want:
						n.fn++
						log = append(log, fmt.Sprintf("miss %s %s: %q -> %v", l, r.ID, r.Text, d.Violations))
					case got:
						n.fp++
						log = append(log, fmt.Sprintf("false %s %s %v: %q -> %v", l, r.ID, r.Labels, r.Text, d.Violations))
					default:
						n.tn++
					}
				}
				hit := contentViolation(d.Violations)
				if len(r.Labels) == 0 {
					clean++
					if hit {
						cleanHit++
						log = append(log, fmt.Sprintf("clean blocked %s: %q -> %v", r.ID, r.Text, d.Violations))
					}
				} else {
					pos++
					if hit {
						posHit++
					}
				}
			}
			var b strings.Builder
			fmt.Fprintf(&b, "%-24s %5s %5s %8s %8s\n", "label", "pos", "neg", "recall", "FPR")
			for _, l := range textclass.ContentLabels {
				n := per[l]
				fmt.Fprintf(&b, "%-24s %5d %5d %8.3f %8.3f\n", l, n.tp+n.fn, n.fp+n.tn, n.recall(), n.fpr())
			}
			fmt.Fprintf(&b, "any content category: recall %.3f (%d of %d labelled rows), clean rows blocked %.3f (%d of %d)\n",
				float64(posHit)/float64(max(1, pos)), posHit, pos, float64(cleanHit)/float64(max(1, clean)), cleanHit, clean)
			t.Logf("%s: %d rows\n%s", path, len(rows), b.String())
			for _, m := range log {
				t.Log(m)
			}
		}
	}
}

// loadContentRows reads a content corpus file as labelled guard lines: the
// row's text, jurisdiction and facts, the other fields taking withDefaults.
// trainingContentRows returns the content corpus's rows in one language
// that may train: <lang>.jsonl and the training splits'
// (textclass.TrainingSplitsFile). Callers keep those the model trained on.
func trainingContentRows(t *testing.T, lang string) []labelled {
	t.Helper()
	dir := "textclass/corpus/content"
	splits, err := textclass.TrainingSplits(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	rows := loadContentRows(t, dir+"/"+lang+".jsonl")
	for _, s := range splits {
		path := dir + "/" + s + "/" + lang + ".jsonl"
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			continue // a split in the other language only
		}
		rows = append(rows, loadContentRows(t, path)...)
	}
	return rows
}

// TestTrainingSplitsNotHeldOut: no batch still held out is listed as
// training data.
func TestTrainingSplitsNotHeldOut(t *testing.T) {
	t.Parallel()
	splits, err := textclass.TrainingSplits(os.DirFS("textclass/corpus/content"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range splits {
		if slices.Contains(heldOutSplits, s) {
			t.Errorf("%s is held out and listed as training data", s)
		}
	}
}

func loadContentRows(t *testing.T, path string) []labelled {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []labelled
	for n, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var row struct {
			ID           string   `json:"id"`
			Text         string   `json:"text"`
			Labels       []string `json:"labels"`
			Jurisdiction string   `json:"jurisdiction"`
			// Facts are what the guard is told with the message (a granted
			// term, the borrower's name, legal action approved): a row
			// that states a granted term is clean only with them.
			Facts map[string]any `json:"facts"`
		}
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatalf("%s:%d: %v", path, n+1, err)
		}
		raw := map[string]any{"id": row.ID, "text": row.Text}
		if row.Jurisdiction != "" {
			raw["jurisdiction"] = row.Jurisdiction
		}
		if row.Facts != nil {
			raw["facts"] = row.Facts
		}
		b, err := json.Marshal(withDefaults(raw, path))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, labelled{ID: row.ID, Labels: row.Labels, Line: b, Text: row.Text})
	}
	return out
}
