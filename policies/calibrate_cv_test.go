package policies

import (
	"cmp"
	"flag"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/parley-collections/parley/policies/textclass"
)

var (
	cvReport = flag.Bool("cv-report", false, "report the guard's out-of-fold figures on the content training rows per calibration budget")
	cvRows   = flag.String("cv-rows", "", "with -cv-report, count only the rows whose ids are in these content corpus files (comma-separated), such as an earlier version of the corpus; every training row is still trained on")
)

// previousRule computes the guard's thresholds by the rule used before the
// cross-validated one: a model fitted on the training rows outside the
// validation fifth (textclass.SplitValidation), each label's threshold
// just above the highest validation score of a row without the label, and
// never below the model's own threshold.
func previousRule(t *testing.T) map[string]float32 {
	_, train, _, err := textclass.ReadCorpus(os.DirFS("textclass/corpus/content"))
	if err != nil {
		t.Fatal(err)
	}
	fit, val := textclass.SplitValidation(train)
	m0 := textclass.Train(textclass.KindContent, textclass.ContentLabels, fit, textclass.DefaultTrain)
	var buf textclass.Buffer
	out := map[string]float32{}
	for c, l := range textclass.ContentLabels {
		hi := float32(0)
		for _, ex := range val {
			if !slices.Contains(ex.Labels, l) {
				hi = max(hi, m0.Scores(ex.Text, &buf)[c])
			}
		}
		out[l] = max(math.Nextafter32(hi, 2), textclass.Content().Threshold(l))
	}
	return out
}

// TestClassThresholdsCrossValidation reports, on the content corpus's
// training rows only, what the guard would find with thresholds calibrated
// at several budgets: each row is checked by a guard whose content model is
// the fold model that never saw it (textclass.OutOfFold), so the figures
// are out-of-fold. It reads neither the test split nor any fresh batch.
// With -cv-rows the figures count only the rows of the files named (the
// thresholds are still calibrated on all training rows), so that a corpus
// that grew can be compared with its earlier version on the same rows.
//
//	go test ./policies -count=1 -run TestClassThresholdsCrossValidation -v -args -cv-report
func TestClassThresholdsCrossValidation(t *testing.T) {
	if !*cvReport {
		t.Skip("no -cv-report")
	}
	cv := crossValidate(t)
	rows := map[string]labelled{}
	for _, lang := range []string{"en", "zh"} {
		for _, r := range trainingContentRows(t, lang) {
			rows[r.ID] = r
		}
	}
	only := map[string]bool{}
	if *cvRows != "" {
		for _, p := range strings.Split(*cvRows, ",") {
			for _, r := range loadContentRows(t, p) {
				only[r.ID] = true
			}
		}
	}
	guards := make([]*Guard, len(cv.models))
	for f, m := range cv.models {
		g, err := NewGuard(Options{LinkHosts: []string{DefaultPaymentHost}})
		if err != nil {
			t.Fatal(err)
		}
		if err := g.bindClassifier(m); err != nil {
			t.Fatal(err)
		}
		guards[f] = g
	}
	type setting struct {
		name     string
		th, sent map[string]float32 // sent nil: sentences are not read alone
	}
	settings := []setting{{"rule before (highest validation score without the label)", previousRule(t), nil}}
	for _, b := range []float64{0, 0.0005, 0.001, 0.0015, 0.002, 0.0025, 0.005, 0.0075, 0.01, 0.015, 0.02} {
		settings = append(settings, setting{fmt.Sprintf("out-of-fold budget %.4f", b), cv.thresholds(b), cv.sentenceThresholds(b)})
	}
	for _, s := range settings {
		for _, g := range guards {
			for i, l := range textclass.ContentLabels {
				g.clsBind[i].threshold = s.th[l]
				g.clsBind[i].sentence = cmp.Or(s.sent[l], 1)
			}
		}
		var b strings.Builder
		fmt.Fprintf(&b, "%s:", s.name)
		for _, l := range textclass.ContentLabels {
			fmt.Fprintf(&b, " %s %.3f", l, s.th[l])
		}
		b.WriteString("\n")
		for _, lang := range []string{"en", "zh"} {
			per := map[string]*figures{}
			for _, l := range textclass.ContentLabels {
				per[l] = &figures{}
			}
			var pos, posHit, clean, cleanHit, modelClean int
			for i, ex := range cv.examples {
				if ex.Lang != lang || len(only) > 0 && !only[ex.ID] {
					continue
				}
				r, ok := rows[ex.ID]
				if !ok {
					t.Fatalf("%s: no row", ex.ID)
				}
				p, f := decodeLabelled(t, r)
				d := guards[cv.fold[i]].Check(p, f)
				for _, l := range textclass.ContentLabels {
					per[l].add(slices.Contains(ex.Labels, l), contentFound(l, d.Violations))
				}
				hit := contentViolation(d.Violations)
				if len(ex.Labels) == 0 {
					clean++
					if hit {
						cleanHit++
					}
					for c, l := range textclass.ContentLabels {
						if cv.scores[i][c] >= s.th[l] {
							modelClean++
							break
						}
					}
				} else {
					pos++
					if hit {
						posHit++
					}
				}
			}
			fmt.Fprintf(&b, "  %s:", lang)
			for _, l := range textclass.ContentLabels {
				fmt.Fprintf(&b, " %s %.3f/%.3f", l, per[l].recall(), per[l].fpr())
			}
			fmt.Fprintf(&b, "\n  %s: any category recall %.3f (%d of %d), clean blocked %.3f (%d of %d), clean above a model threshold %.3f (%d)\n",
				lang, float64(posHit)/float64(pos), posHit, pos, float64(cleanHit)/float64(clean), cleanHit, clean,
				float64(modelClean)/float64(clean), modelClean)
		}
		t.Log(b.String())
	}
}
