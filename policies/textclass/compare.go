package textclass

import (
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
)

// Comparison is how two models rank the validation examples, on the same
// footing and without thresholds: for intents the accuracy and macro-F1 of
// the top label; for content the mean recall over labels at the threshold
// that flags at most 2% of the clean messages (chosen on these examples
// for both models alike).
type Comparison struct {
	Model  string
	Lang   string
	Top    float64 // intents: top-label accuracy
	TopF1  float64 // intents: macro-F1 of the top label
	Recall float64 // content: mean recall at clean FPR 0.02
}

// Compare trains the linear model and a TF-IDF nearest-neighbour model
// over the same features on the fitting part of train, and ranks the
// validation part with both, per language.
func Compare(kind Kind, train []Example, cfg TrainConfig) []Comparison {
	labels := IntentLabels
	if kind == KindContent {
		labels = ContentLabels
	}
	fit, val := SplitValidation(train)
	linear := Train(kind, labels, fit, cfg)
	lin := linear.scoreAll(val)
	knn := newKNN(labels, fit, 5)
	nn := make([]scored, len(val))
	for i, ex := range val {
		nn[i] = scored{ex: ex, scores: knn.scores(ex.Text)}
	}
	var out []Comparison
	for _, lang := range []string{"", "en", "zh"} {
		out = append(out, rank("linear (softmax / one-vs-rest logistic)", lang, kind, labels, lin),
			rank("TF-IDF 5-nearest neighbours", lang, kind, labels, nn))
	}
	return out
}

func rank(name, lang string, kind Kind, labels []string, all []scored) Comparison {
	c := Comparison{Model: name, Lang: lang}
	var sel []scored
	for _, s := range all {
		if lang == "" || s.ex.Lang == lang {
			sel = append(sel, s)
		}
	}
	if kind == KindIntent {
		tp := make([]int, len(labels))
		fp := make([]int, len(labels))
		sup := make([]int, len(labels))
		hits := 0
		for _, s := range sel {
			best := 0
			for i, v := range s.scores {
				if v > s.scores[best] {
					best = i
				}
			}
			want := slices.Index(labels, firstOr(s.ex.Labels))
			if want >= 0 {
				sup[want]++
			}
			if best == want {
				hits++
				tp[best]++
			} else {
				fp[best]++
			}
		}
		c.Top = float64(hits) / float64(max(1, len(sel)))
		var f1s float64
		n := 0
		for i := range labels {
			if sup[i] > 0 {
				f1s += 2 * float64(tp[i]) / float64(sup[i]+tp[i]+fp[i])
				n++
			}
		}
		c.TopF1 = f1s / float64(max(1, n))
		return c
	}
	var sum float64
	for li, l := range labels {
		var pos, clean []float32
		for _, s := range sel {
			switch {
			case slices.Contains(s.ex.Labels, l):
				pos = append(pos, s.scores[li])
			case len(s.ex.Labels) == 0:
				clean = append(clean, s.scores[li])
			}
		}
		t := thresholdForFPR(clean, 0.02)
		sum += float64(count(pos, t)) / float64(max(1, len(pos)))
	}
	c.Recall = sum / float64(len(labels))
	return c
}

// WriteComparison prints comparisons as a Markdown table.
func WriteComparison(w io.Writer, kind Kind, cs []Comparison) {
	if kind == KindIntent {
		fmt.Fprintf(w, "| model | language | top-label accuracy | top-label macro-F1 |\n|---|---|---:|---:|\n")
	} else {
		fmt.Fprintf(w, "| model | language | mean recall at clean FPR 0.02 |\n|---|---|---:|\n")
	}
	for _, c := range cs {
		lang := c.Lang
		if lang == "" {
			lang = "all"
		}
		if kind == KindIntent {
			fmt.Fprintf(w, "| %s | %s | %.3f | %.3f |\n", c.Model, lang, c.Top, c.TopF1)
		} else {
			fmt.Fprintf(w, "| %s | %s | %.3f |\n", c.Model, lang, c.Recall)
		}
	}
}

// knn is a TF-IDF cosine nearest-neighbour classifier over the same
// hashed features as the linear model.
type knn struct {
	labels   []string
	k        int
	idf      map[uint32]float64
	postings map[uint32][]posting
	docs     [][]int // label indices of each training document
}

type posting struct {
	doc int32
	w   float32
}

func newKNN(labels []string, train []Example, k int) *knn {
	m := &knn{labels: labels, k: k, idf: map[uint32]float64{}, postings: map[uint32][]posting{}}
	vecs := make([]map[uint32]float64, len(train))
	df := map[uint32]int{}
	var buf []byte
	for i, ex := range train {
		buf = Fold(buf[:0], ex.Text)
		tf := map[uint32]float64{}
		for _, f := range features(nil, buf) {
			tf[f]++
		}
		for f := range tf {
			df[f]++
		}
		vecs[i] = tf
		var ls []int
		for _, l := range ex.Labels {
			if c := slices.Index(labels, l); c >= 0 {
				ls = append(ls, c)
			}
		}
		m.docs = append(m.docs, ls)
	}
	for f, n := range df {
		m.idf[f] = math.Log(float64(len(train)+1) / float64(n+1))
	}
	for i, tf := range vecs {
		v := m.weigh(tf)
		keys := make([]uint32, 0, len(v))
		for f := range v {
			keys = append(keys, f)
		}
		slices.Sort(keys) // a fixed order, so ties break the same way each run
		for _, f := range keys {
			m.postings[f] = append(m.postings[f], posting{int32(i), float32(v[f])})
		}
	}
	return m
}

// weigh turns term counts into a unit-length TF-IDF vector.
func (m *knn) weigh(tf map[uint32]float64) map[uint32]float64 {
	v := map[uint32]float64{}
	var norm float64
	for f, n := range tf {
		x := (1 + math.Log(n)) * m.idf[f]
		v[f] = x
		norm += x * x
	}
	norm = math.Sqrt(norm)
	for f := range v {
		if norm > 0 {
			v[f] /= norm
		}
	}
	return v
}

// scores gives each label the share of the similarity of the k nearest
// training documents that carry it.
func (m *knn) scores(text string) []float32 {
	tf := map[uint32]float64{}
	for _, f := range features(nil, Fold(nil, text)) {
		tf[f]++
	}
	sims := map[int32]float64{}
	for f, x := range m.weigh(tf) {
		for _, p := range m.postings[f] {
			sims[p.doc] += x * float64(p.w)
		}
	}
	type hit struct {
		doc int32
		sim float64
	}
	hits := make([]hit, 0, len(sims))
	for d, s := range sims {
		hits = append(hits, hit{d, s})
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].sim != hits[j].sim {
			return hits[i].sim > hits[j].sim
		}
		return hits[i].doc < hits[j].doc
	})
	out := make([]float32, len(m.labels))
	var total float64
	for _, h := range hits[:min(m.k, len(hits))] {
		total += h.sim
		for _, c := range m.docs[h.doc] {
			out[c] += float32(h.sim)
		}
	}
	for c := range out {
		if total > 0 {
			out[c] /= float32(total)
		}
	}
	return out
}
