package textclass

import (
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
)

// Scored is one example with the model's scores for it.
type scored struct {
	ex     Example
	scores []float32
}

func (m *Model) scoreAll(examples []Example) []scored {
	var buf Buffer
	out := make([]scored, len(examples))
	for i, ex := range examples {
		out[i] = scored{ex: ex, scores: slices.Clone(m.Scores(ex.Text, &buf))}
	}
	return out
}

// LabelStats counts one label's outcomes over a set of examples.
type LabelStats struct {
	Label          string
	Support        int // examples with the label
	TruePositives  int
	FalsePositives int
}

// Precision is TP/(TP+FP), or 1 with no positive prediction.
func (s LabelStats) Precision() float64 {
	if s.TruePositives+s.FalsePositives == 0 {
		return 1
	}
	return float64(s.TruePositives) / float64(s.TruePositives+s.FalsePositives)
}

// Recall is TP/support, or 1 with no support.
func (s LabelStats) Recall() float64 {
	if s.Support == 0 {
		return 1
	}
	return float64(s.TruePositives) / float64(s.Support)
}

// F1 is the harmonic mean of precision and recall.
func (s LabelStats) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Evaluation is how a model did on a labelled set, for one language or all.
type Evaluation struct {
	Kind     Kind
	Lang     string // "" for all languages
	Examples int
	Labels   []LabelStats
	// Intents: how often the top label is the right one.
	TopAccuracy float64
	// Content: clean examples, and how many of them got any label.
	Clean, CleanFlagged int
}

// MacroF1 is the mean F1 over the labels with support.
func (e Evaluation) MacroF1() float64 {
	var sum float64
	n := 0
	for _, s := range e.Labels {
		if s.Support > 0 {
			sum += s.F1()
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// CleanFPR is the share of clean messages flagged with any label.
func (e Evaluation) CleanFPR() float64 {
	if e.Clean == 0 {
		return 0
	}
	return float64(e.CleanFlagged) / float64(e.Clean)
}

// Stats returns the counts of one label.
func (e Evaluation) Stats(label string) LabelStats {
	for _, s := range e.Labels {
		if s.Label == label {
			return s
		}
	}
	return LabelStats{Label: label}
}

// Evaluate scores the examples and counts, per label, the examples whose
// score reaches the label's threshold (Above) against their labels. It
// returns one Evaluation over all examples, then one per language.
func (m *Model) Evaluate(examples []Example) []Evaluation {
	return m.evaluate(m.scoreAll(examples))
}

func (m *Model) evaluate(all []scored) []Evaluation {
	langs := map[string]bool{}
	for _, s := range all {
		langs[s.ex.Lang] = true
	}
	keys := []string{""}
	for l := range langs {
		keys = append(keys, l)
	}
	sort.Strings(keys)
	var out []Evaluation
	for _, lang := range keys {
		e := Evaluation{Kind: m.kind, Lang: lang, Labels: make([]LabelStats, len(m.labels))}
		for c, l := range m.labels {
			e.Labels[c].Label = l
		}
		top := 0
		for _, s := range all {
			if lang != "" && s.ex.Lang != lang {
				continue
			}
			e.Examples++
			want := make([]bool, len(m.labels))
			for _, l := range s.ex.Labels {
				if c, ok := m.index[l]; ok {
					want[c] = true
					e.Labels[c].Support++
				}
			}
			best, flagged := 0, false
			for c, v := range s.scores {
				if v > s.scores[best] {
					best = c
				}
				if v >= m.thresholds[c] {
					flagged = true
					if want[c] {
						e.Labels[c].TruePositives++
					} else {
						e.Labels[c].FalsePositives++
					}
				}
			}
			if want[best] {
				top++
			}
			if len(s.ex.Labels) == 0 {
				e.Clean++
				if flagged {
					e.CleanFlagged++
				}
			}
		}
		if e.Examples > 0 {
			e.TopAccuracy = float64(top) / float64(e.Examples)
		}
		out = append(out, e)
	}
	return out
}

// WriteTable prints an evaluation as a Markdown table: per label support,
// precision, recall and F1, then the summary figures.
func (e Evaluation) WriteTable(w io.Writer) {
	lang := e.Lang
	if lang == "" {
		lang = "all"
	}
	fmt.Fprintf(w, "%s, %s, %d examples\n\n| label | support | precision | recall | F1 |\n|---|---:|---:|---:|---:|\n", e.Kind, lang, e.Examples)
	for _, s := range e.Labels {
		fmt.Fprintf(w, "| %s | %d | %.3f | %.3f | %.3f |\n", s.Label, s.Support, s.Precision(), s.Recall(), s.F1())
	}
	fmt.Fprintf(w, "\nmacro-F1 %.3f", e.MacroF1())
	if e.Kind == KindIntent {
		fmt.Fprintf(w, ", top-label accuracy %.3f", e.TopAccuracy)
		var tp, sup, fp int
		for _, l := range ProtectiveIntents {
			s := e.Stats(l)
			tp, sup, fp = tp+s.TruePositives, sup+s.Support, fp+s.FalsePositives
		}
		fmt.Fprintf(w, ", protective intents pooled recall %.3f precision %.3f", ratio(tp, sup), ratio(tp, tp+fp))
	} else {
		var tp, sup int
		for _, s := range e.Labels {
			tp, sup = tp+s.TruePositives, sup+s.Support
		}
		fmt.Fprintf(w, ", pooled recall %.3f, clean messages flagged %d of %d (FPR %.3f)", ratio(tp, sup), e.CleanFlagged, e.Clean, e.CleanFPR())
	}
	fmt.Fprintln(w)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}
