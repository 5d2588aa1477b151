package policies

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/parley-collections/parley/policies/textclass"
)

var lexiconReport = flag.Bool("lexicon-report", false, "list the clean training rows of the content corpus that the lexicon alone blocks")

// TestLexiconCleanTrainingRows lists the clean training rows of the content
// corpus (neither in the test split nor in its test fifth) that the guard
// blocks with the content model turned off, grouped by rule: the lexicon's
// false blocks, which no threshold of the model can take back. Each row is
// checked as TestContentCorpusThroughGuard checks it. It reads neither the
// test split's rows nor any fresh batch.
//
//	go test ./policies -count=1 -run TestLexiconCleanTrainingRows -v -args -lexicon-report
func TestLexiconCleanTrainingRows(t *testing.T) {
	if !*lexiconReport {
		t.Skip("no -lexicon-report")
	}
	_, train, _, err := textclass.ReadCorpus(os.DirFS("textclass/corpus/content"))
	if err != nil {
		t.Fatal(err)
	}
	inTrain := map[string]bool{}
	for _, ex := range train {
		inTrain[ex.ID] = true
	}
	g, err := NewGuard(Options{LinkHosts: []string{DefaultPaymentHost}, NoClassifier: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "zh"} {
		byRule := map[string][]string{}
		var clean, blocked, pos, found int
		for _, r := range trainingContentRows(t, lang) {
			if !inTrain[r.ID] {
				continue
			}
			p, f := decodeLabelled(t, r)
			d := g.Check(p, f)
			hit := contentViolation(d.Violations)
			if len(r.Labels) > 0 {
				pos++
				if hit {
					found++
				}
				continue
			}
			clean++
			if !hit {
				continue
			}
			blocked++
			var rules []string
			for _, v := range d.Violations {
				if slices.Contains(contentCategories[:], v.Category) && !amountGrounding(v) {
					rules = append(rules, v.Rule+" "+v.Detail)
				}
			}
			key := strings.Join(rules, "; ")
			byRule[key] = append(byRule[key], fmt.Sprintf("%s %q", r.ID, r.Text))
		}
		keys := make([]string, 0, len(byRule))
		for k := range byRule {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			if len(byRule[keys[i]]) != len(byRule[keys[j]]) {
				return len(byRule[keys[i]]) > len(byRule[keys[j]])
			}
			return keys[i] < keys[j]
		})
		var b strings.Builder
		fmt.Fprintf(&b, "%s: lexicon alone, training rows: recall %.3f (%d of %d), clean rows blocked %.3f (%d of %d)\n",
			lang, float64(found)/float64(max(1, pos)), found, pos, float64(blocked)/float64(max(1, clean)), blocked, clean)
		for _, k := range keys {
			fmt.Fprintf(&b, "  %d  %s\n", len(byRule[k]), k)
			for _, row := range byRule[k] {
				fmt.Fprintf(&b, "      %s\n", row)
			}
		}
		t.Log(b.String())
	}
}
