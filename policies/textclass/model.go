package textclass

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"unsafe"
)

// Kind says what a model classifies and how its scores read.
type Kind string

const (
	// KindIntent models give one borrower intent per message: the scores
	// are a probability distribution over the labels (softmax).
	KindIntent Kind = "intent"
	// KindContent models flag outbound content: each label is scored on
	// its own (one-vs-rest logistic), and a clean message scores low on all.
	KindContent Kind = "content"
)

// Model is a linear classifier over hashed features of the folded text,
// with int8 weights and a calibrated threshold per label. A Model is
// immutable and safe for concurrent use; each goroutine brings its own
// Buffer.
type Model struct {
	kind        Kind
	labels      []string
	index       map[string]int
	thresholds  []float32
	sure        []float32 // per label (intents): see SureThreshold; nil for content
	temperature float32
	scales      []float32 // per label: weight = int8 * scale
	biases      []float32
	weights     string // numFeatures rows of len(labels) int8, feature-major
	raw         []byte // the same bytes, read in place eight at a time; never written
	words       int    // eight-byte words per row, the last one partial when len(labels)%8 > 0
	digest      string
}

// header is the JSON head of a weights file; the int8 weights follow it.
type header struct {
	Kind         Kind      `json:"kind"`
	FeatureBits  int       `json:"feature_bits"`
	Labels       []string  `json:"labels"`
	Thresholds   []float32 `json:"thresholds"`
	Sure         []float32 `json:"sure_thresholds,omitempty"`
	Temperature  float32   `json:"temperature,omitempty"`
	Scales       []float32 `json:"scales"`
	Biases       []float32 `json:"biases"`
	CorpusDigest string    `json:"corpus_digest"`
}

const magic = "PTXC"

// Kind returns what the model classifies.
func (m *Model) Kind() Kind { return m.kind }

// Labels returns the model's labels, in the order of Scores.
func (m *Model) Labels() []string { return slices.Clone(m.labels) }

// Threshold returns the calibrated threshold of a label (see Above), or 1
// for a label the model does not know.
func (m *Model) Threshold(label string) float32 {
	if i, ok := m.index[label]; ok {
		return m.thresholds[i]
	}
	return 1
}

// SureThreshold returns the least score at which a reading of label is
// sure enough for the agent to act on when no other reader shares it: the
// lowest score with precision 0.97 on the validation part of the training
// corpora, no less than 0.95, computed by training with the weights
// (Calibrate). It is 1 (never) for a label the model does not know, a
// label no score calibrated, and a content model.
func (m *Model) SureThreshold(label string) float32 {
	if i, ok := m.index[label]; ok && m.sure != nil {
		return m.sure[i]
	}
	return 1
}

// CorpusDigest returns the digest of the corpora the weights were trained
// on, as `parley train` recorded it.
func (m *Model) CorpusDigest() string { return m.digest }

// Buffer holds the scratch space of one classification. The zero value is
// ready; reusing one Buffer makes classification allocation-free once it
// has grown to the longest text seen.
type Buffer struct {
	text   []byte
	feats  []uint32
	acc    []int32
	scores []float32
	sent   []float32 // the sentence scores of SentenceScores
	above  []string
}

// Scores returns the calibrated probability of each label (in the order
// of Labels) for text. The slice belongs to buf and is overwritten by the
// next call with it.
func (m *Model) Scores(text string, buf *Buffer) []float32 {
	buf.text = Fold(buf.text[:0], text)
	return m.ScoresFolded(buf.text, buf)
}

// ScoresFolded is Scores of a text that is already folded (folded is
// Fold of it), for a caller that folds the text for its own reading too:
// the scores are the same, bit for bit, without folding it again. folded
// is only read.
func (m *Model) ScoresFolded(folded []byte, buf *Buffer) []float32 {
	buf.feats = features(buf.feats[:0], folded)
	return m.score(buf)
}

// SentenceScores is Scores with, per label, the highest score of any one
// sentence of the text (sentenceEnd) read as a text of its own, among the
// sentences of at least minSentenceUnits; the sentence scores are all 0
// for a text of one sentence, which the whole scores, or of none that long.
// A violation in one sentence is so not diluted by a harmless one beside
// it ("This is not a sales call. Reply with the code we sent you."), which
// in the whole text's features weighs as much as it. Both slices belong to
// buf. For an intent model the sentence scores are not computed (nil).
func (m *Model) SentenceScores(text string, buf *Buffer) (whole, sentence []float32) {
	buf.text = Fold(buf.text[:0], text)
	return m.SentenceScoresFolded(buf.text, buf)
}

// SentenceScoresFolded is SentenceScores of a text that is already folded,
// as ScoresFolded is of Scores.
//
// No feature spans a sentence end (punctuation ends a word pair, and a
// Chinese run ends at any other character), so the features of the text
// are those of its sentences in a row: each sentence is read once, its
// sums are added into the whole's, and the whole scores bit for bit as
// ScoresFolded. The logistic is monotone, so the highest logit of the
// sentences gives their highest score.
func (m *Model) SentenceScoresFolded(folded []byte, buf *Buffer) (whole, sentence []float32) {
	if m.kind != KindContent {
		return m.ScoresFolded(folded, buf), nil
	}
	n := len(m.labels)
	if cap(buf.acc) < 2*n || cap(buf.scores) < n || cap(buf.sent) < n {
		buf.acc = make([]int32, 2*n)
		buf.scores = make([]float32, n)
		buf.sent = make([]float32, n)
	}
	sum, part := buf.acc[:n], buf.acc[n:2*n]
	clear(sum)
	sentence = buf.sent[:n]
	buf.feats = buf.feats[:0]
	sentences, read := 0, 0 // sentences with features, and those read alone
	for start := 0; start < len(folded); {
		end := sentenceEnd(folded, start)
		i := len(buf.feats)
		var units int
		buf.feats, units = featureUnits(buf.feats, folded[start:end])
		feats := buf.feats[i:]
		long := units >= minSentenceUnits
		start = end
		if len(feats) == 0 {
			continue
		}
		sentences++
		clear(part)
		m.accumulate(part, feats)
		norm := featureNorm(len(feats))
		for c := range part {
			sum[c] += part[c]
			if !long {
				continue
			}
			v := float32(part[c])*m.scales[c]*norm + m.biases[c]
			if read == 0 || v > sentence[c] {
				sentence[c] = v
			}
		}
		if long {
			read++
		}
	}
	whole = buf.scores[:n]
	norm := featureNorm(len(buf.feats))
	for c := range whole {
		whole[c] = float32(sum[c])*m.scales[c]*norm + m.biases[c]
	}
	m.squash(whole)
	if sentences < 2 || read == 0 {
		clear(sentence)
	} else {
		m.squash(sentence)
	}
	return whole, sentence
}

// minSentenceUnits is the least length of a sentence read alone
// (SentenceScores), in the units of featureUnits: four words, or eight
// Chinese characters. A linear model reads a few words alone with more
// confidence than they carry: on out-of-fold training rows, the clean rows
// whose best sentence scored highest were of such short sentences
// ("Ignore if paid.", "need more time?"). A shorter sentence is still read
// in the whole text.
const minSentenceUnits = 8

// sentenceEnd returns the index just past the end of the sentence of
// folded text that starts at i: a '!', '?', ';' or line break (the
// Chinese 。！？； fold to '.', '!', '?', ';'), or a '.' that no letter or
// digit follows (so that "3.5" and "pay.example.com" stay whole); or the
// end of the text.
func sentenceEnd(text []byte, i int) int {
	for ; i < len(text); i++ {
		switch text[i] {
		case '!', '?', ';', '\n':
			return i + 1
		case '.':
			if i+1 == len(text) || !isLetter(text[i+1]) && !isDigit(text[i+1]) {
				return i + 1
			}
		}
	}
	return len(text)
}

// score fills buf.scores from buf.feats.
func (m *Model) score(buf *Buffer) []float32 {
	n := len(m.labels)
	if cap(buf.acc) < n {
		buf.acc = make([]int32, n)
		buf.scores = make([]float32, n)
	}
	acc := buf.acc[:n]
	clear(acc)
	m.accumulate(acc, buf.feats)
	scores := buf.scores[:n]
	norm := featureNorm(len(buf.feats))
	for c := range scores {
		scores[c] = float32(acc[c])*m.scales[c]*norm + m.biases[c]
	}
	m.squash(scores)
	return scores
}

// accumulate adds the weights of feats to acc. It sums eight weights a
// word at a time (SWAR): a row's bytes are read in place eight at a time
// (a last partial word masked), each weight +128 (its top bit flipped),
// the even and odd bytes of a word spread into four 16-bit lanes each, and
// 256 features at most go into the lanes before they are emptied into acc.
// The weights are read where Load found them (the embedded file), so a
// process that classifies copies none of them: it touches only the rows
// of the features it meets. A model of fewer than eight labels (the
// content model has seven) takes a loop of its own, accumulateWord.
func (m *Model) accumulate(acc []int32, feats []uint32) {
	if len(m.labels) < 8 {
		accumulateWord(acc, m.raw, feats)
		return
	}
	k, raw := len(m.labels), m.raw
	full, words := k/8, m.words
	mask := uint64(1)<<(8*(k%8)) - 1 // the bytes of a last partial word
	var even, odd [maxWords]uint64
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), 256)]
		feats = feats[len(chunk):]
		ev, od := even[:words], odd[:words]
		clear(ev)
		clear(od)
		for _, f := range chunk {
			o := int(f) * k
			row := raw[o : o+k : o+k]
			for j := range full {
				x := binary.LittleEndian.Uint64(row[8*j:8*j+8]) ^ flip
				ev[j] += x & lo
				od[j] += (x >> 8) & lo
			}
			if full < words {
				var x uint64
				if p := o + 8*full; p+8 <= len(raw) {
					x = (binary.LittleEndian.Uint64(raw[p:p+8]) ^ flip) & mask
				} else { // the last row of the file: no eight bytes left
					for i, c := range row[8*full:] {
						x |= uint64(c^0x80) << (8 * i)
					}
				}
				ev[full] += x & lo
				od[full] += (x >> 8) & lo
			}
		}
		for j := range words {
			addLanes(acc[8*j:], ev[j], od[j], len(chunk))
		}
	}
}

// accumulateWord is accumulate for fewer than eight labels, a row within
// one word: the lanes stay in registers, and a row costs one read.
func accumulateWord(acc []int32, raw []byte, feats []uint32) {
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), 256)]
		feats = feats[len(chunk):]
		ev, od := sumWords(raw, chunk, len(acc))
		addLanes(acc, ev, od, len(chunk))
	}
}

// sumWords returns the even and odd lanes of the rows of feats (256 at
// most), k bytes each, k at most 7. A row is one read of the eight bytes
// from its start, masked; the last rows of the table, which have not eight
// bytes from their start, are read from the table's last eight bytes,
// shifted down to their own. Only the even lanes are summed apart: with
// the top byte empty a word is below 2^56, so the sum of 256 whole words
// fits in 64 bits, and the odd lanes are that sum less the even ones.
func sumWords(raw []byte, feats []uint32, k int) (ev, od uint64) {
	mask := ^uint64(0) >> (64 - 8*k)
	flipped := flip & mask
	last := uint(len(raw) - 8) // the last start with eight bytes from it
	tail := raw[last:]
	data := unsafe.Pointer(unsafe.SliceData(raw))
	var all uint64
	for _, f := range feats {
		o := uint(f) * uint(k)
		var x uint64
		if o <= last {
			// In bounds: o+8 <= len(raw). Read without a bounds check, which
			// with the shift below kept the loop's values on the stack.
			x = binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(data, o))[:])
		} else {
			x = binary.LittleEndian.Uint64(tail) >> (8 * (o - last) & 63)
		}
		x = (x ^ flipped) & mask
		all += x
		ev += x & lo
	}
	return ev, (all - ev) >> 8
}

// addLanes empties the lanes of one word, the sums of n rows each +128,
// into acc (eight labels at most).
func addLanes(acc []int32, ev, od uint64, n int) {
	bias := int32(128 * n)
	for c := range acc[:min(len(acc), 8)] {
		lanes := ev
		if c%2 == 1 {
			lanes = od
		}
		acc[c] += int32(lanes>>(16*(c/2))&0xFFFF) - bias
	}
}

// The constants of the word-at-a-time sum: the even bytes of a word, and
// the top bit of every byte (int8 to uint8 +128).
const (
	lo   = 0x00FF00FF00FF00FF
	flip = 0x8080808080808080
)

// maxWords bounds a row: 64 labels at most.
const maxWords = 8

// setWeights makes w the model's weights, read in place by accumulate.
func (m *Model) setWeights(w string) {
	m.weights = w
	m.raw = unsafe.Slice(unsafe.StringData(w), len(w))
	m.words = (len(m.labels) + 7) / 8
}

// featureNorm is the value of each feature occurrence: the feature vector
// has unit length whatever the length of the text.
func featureNorm(n int) float32 {
	if n == 0 {
		return 0
	}
	return float32(1 / math.Sqrt(float64(n)))
}

// squash turns logits into probabilities: a tempered softmax for intents,
// a logistic per label for content.
func (m *Model) squash(z []float32) {
	if m.kind == KindContent {
		for i, v := range z {
			z[i] = sigmoid(v)
		}
		return
	}
	t := m.temperature
	if t <= 0 {
		t = 1
	}
	softmax(z, t)
}

func sigmoid(v float32) float32 { return float32(1 / (1 + math.Exp(-float64(v)))) }

func softmax(z []float32, t float32) {
	mx := z[0]
	for _, v := range z {
		mx = max(mx, v)
	}
	var sum float64
	for i, v := range z {
		e := math.Exp(float64((v - mx) / t))
		z[i] = float32(e)
		sum += e
	}
	for i := range z {
		z[i] = float32(float64(z[i]) / sum)
	}
}

// Above returns the labels whose score reaches their threshold, highest
// score first. For intents that is usually one label, sometimes a
// protective intent beside the most likely one, sometimes none (the text
// is unclear); for content an empty result means a clean message. The
// slice belongs to buf.
func (m *Model) Above(text string, buf *Buffer) []string {
	scores := m.Scores(text, buf)
	return m.above(scores, buf)
}

func (m *Model) above(scores []float32, buf *Buffer) []string {
	out := buf.above[:0]
	for c, s := range scores {
		if s >= m.thresholds[c] {
			out = append(out, m.labels[c])
		}
	}
	// Insertion sort by score: the list is short, and sort.Slice allocates.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && scores[m.index[out[j]]] > scores[m.index[out[j-1]]]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	buf.above = out
	return out
}

// Top returns the label with the highest score and that score.
func (m *Model) Top(text string, buf *Buffer) (string, float32) {
	scores := m.Scores(text, buf)
	best := 0
	for c, s := range scores {
		if s > scores[best] {
			best = c
		}
	}
	return m.labels[best], scores[best]
}

// MarshalBinary encodes the model as a weights file: magic, the length of
// a JSON header, the header, then the int8 weights.
func (m *Model) MarshalBinary() ([]byte, error) {
	h, err := json.Marshal(header{
		Kind: m.kind, FeatureBits: featureBits, Labels: m.labels, Thresholds: m.thresholds, Sure: m.sure,
		Temperature: m.temperature, Scales: m.scales, Biases: m.biases, CorpusDigest: m.digest,
	})
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(magic)+4+len(h)+len(m.weights))
	out = append(out, magic...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(h)))
	out = append(out, h...)
	return append(out, m.weights...), nil
}

// Load decodes a weights file written by MarshalBinary. The weights stay
// in data's memory (a string, as go:embed gives), so loading copies none.
func Load(data string) (*Model, error) {
	if len(data) < len(magic)+4 || data[:len(magic)] != magic {
		return nil, errors.New("textclass: not a weights file")
	}
	n := int(binary.LittleEndian.Uint32([]byte(data[len(magic) : len(magic)+4])))
	rest := data[len(magic)+4:]
	if n > len(rest) {
		return nil, errors.New("textclass: weights file truncated")
	}
	var h header
	if err := json.Unmarshal([]byte(rest[:n]), &h); err != nil {
		return nil, fmt.Errorf("textclass: weights header: %w", err)
	}
	k := len(h.Labels)
	switch {
	case h.Kind != KindIntent && h.Kind != KindContent:
		return nil, fmt.Errorf("textclass: unknown model kind %q", h.Kind)
	case h.FeatureBits != featureBits:
		return nil, fmt.Errorf("textclass: weights for 2^%d features, this build reads 2^%d", h.FeatureBits, featureBits)
	case k == 0 || k > 8*maxWords || len(h.Thresholds) != k || (h.Sure != nil && len(h.Sure) != k) || len(h.Scales) != k || len(h.Biases) != k:
		return nil, errors.New("textclass: weights header lists are not one per label")
	case len(rest)-n != numFeatures*k:
		return nil, fmt.Errorf("textclass: %d weight bytes, want %d", len(rest)-n, numFeatures*k)
	}
	m := &Model{
		kind: h.Kind, labels: h.Labels, thresholds: h.Thresholds, sure: h.Sure, temperature: h.Temperature,
		scales: h.Scales, biases: h.Biases, digest: h.CorpusDigest,
		index: make(map[string]int, k),
	}
	m.setWeights(rest[n:])
	for i, l := range m.labels {
		m.index[l] = i
	}
	return m, nil
}
