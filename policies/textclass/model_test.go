package textclass

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
)

// TestWeightsMatchCorpora checks that the embedded weights were trained on
// the corpora as committed: the digest in each weights file must be the
// digest of the corpus files now. After editing a corpus, run parley train.
func TestWeightsMatchCorpora(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		dir   string
		model *Model
	}{{"intents", Intents()}, {"content", Content()}} {
		files, _, _, err := ReadCorpus(os.DirFS(filepath.Join("corpus", c.dir)))
		if err != nil {
			t.Fatal(err)
		}
		if got := Digest(files, DefaultTrain); got != c.model.CorpusDigest() {
			t.Errorf("%s: weights trained on corpus digest %.12s, the corpus now digests to %.12s: run parley train",
				c.dir, c.model.CorpusDigest(), got)
		}
	}
}

// TestWeightsRetrain rebuilds both models from the corpora and compares
// them byte for byte with the embedded weights. It takes a minute, so it
// runs only with TEXTCLASS_RETRAIN=1.
func TestWeightsRetrain(t *testing.T) {
	if os.Getenv("TEXTCLASS_RETRAIN") == "" {
		t.Skip("set TEXTCLASS_RETRAIN=1 to retrain and compare the weights")
	}
	for _, c := range []struct {
		dir      string
		kind     Kind
		embedded string
	}{{"intents", KindIntent, intentWeights}, {"content", KindContent, contentWeights}} {
		files, train, _, err := ReadCorpus(os.DirFS(filepath.Join("corpus", c.dir)))
		if err != nil {
			t.Fatal(err)
		}
		m, _ := Build(c.kind, train, DefaultTrain, Digest(files, DefaultTrain))
		data, err := m.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if string(data) != c.embedded {
			t.Errorf("%s: retrained weights differ from the embedded ones", c.dir)
		}
	}
}

func TestModelsLoad(t *testing.T) {
	t.Parallel()
	if got := Intents().Labels(); !slices.Equal(got, IntentLabels) {
		t.Errorf("intent labels %v", got)
	}
	if got := Content().Labels(); !slices.Equal(got, ContentLabels) {
		t.Errorf("content labels %v", got)
	}
	for _, l := range IntentLabels {
		if th := Intents().Threshold(l); th <= 0 || th >= 1 {
			t.Errorf("threshold of %s = %v", l, th)
		}
	}
	for _, l := range IntentLabels {
		if th := Intents().SureThreshold(l); th < sureFloor || th > 1 {
			t.Errorf("sure threshold of %s = %v", l, th)
		}
	}
	for _, l := range ContentLabels {
		if th := Content().SureThreshold(l); th != 1 {
			t.Errorf("content label %s has a sure threshold %v, want none (1)", l, th)
		}
	}
	if Intents().Threshold("no_such_label") != 1 {
		t.Error("an unknown label has a threshold below 1")
	}
	if _, err := Load("PTXC\x05\x00\x00\x00{bad}"); err == nil {
		t.Error("Load accepted a broken header")
	}
}

// TestScores checks the shape of the scores: a distribution for intents,
// each in [0,1] for content, and labels at or above their thresholds.
func TestScores(t *testing.T) {
	t.Parallel()
	var buf Buffer
	s := Intents().Scores("please stop calling me", &buf)
	var sum float32
	for _, v := range s {
		sum += v
	}
	if sum < 0.99 || sum > 1.01 {
		t.Errorf("intent scores sum to %v", sum)
	}
	m := Content()
	for _, text := range []string{"", "Hi Sunny, your balance is $120.", "我们会通知你的单位和家人"} {
		scores := slices.Clone(m.Scores(text, &buf))
		above := m.Above(text, &buf)
		for i, l := range m.Labels() {
			if scores[i] < 0 || scores[i] > 1 {
				t.Errorf("%q: %s scored %v", text, l, scores[i])
			}
			if (scores[i] >= m.Threshold(l)) != slices.Contains(above, l) {
				t.Errorf("%q: %s scored %v against threshold %v, Above = %v", text, l, scores[i], m.Threshold(l), above)
			}
		}
	}
}

// TestScoresFolded checks that scoring a folded text gives the scores of
// the text, bit for bit.
func TestScoresFolded(t *testing.T) {
	t.Parallel()
	var buf, folded Buffer
	for _, m := range []*Model{Intents(), Content()} {
		for _, text := range append([]string{"", "  ", "C A L L your b0ss", "電話給你的家人，ＮＯＷ"}, benchTexts...) {
			want := slices.Clone(m.Scores(text, &buf))
			got := m.ScoresFolded(Fold(nil, text), &folded)
			for i := range want {
				if math.Float32bits(got[i]) != math.Float32bits(want[i]) {
					t.Errorf("%s %q: label %s scored %v folded, %v as written", m.Kind(), text, m.Labels()[i], got[i], want[i])
				}
			}
		}
	}
}

func TestScoresAllocateNothing(t *testing.T) {
	msg := "Hi, I lost my job last month and honestly I can't pay the full amount right now. Could we do something like $50 a month? Also please don't call me at work. 谢谢"
	var buf Buffer
	Intents().Scores(msg, &buf)
	Content().Above(msg, &buf)
	for _, m := range []*Model{Intents(), Content()} {
		if n := testing.AllocsPerRun(50, func() { m.Above(msg, &buf) }); n != 0 {
			t.Errorf("%s: Above allocates %.1f times per call, want 0", m.Kind(), n)
		}
	}
}

// TestModelMemory measures the heap the two loaded models take (the
// weights are read in place) plus the embedded weights file and the fold
// tables.
func TestModelMemory(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	i, err := Load(intentWeights)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Load(contentWeights)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	heap := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	embedded := len(intentWeights) + len(contentWeights)
	total := heap + int64(embedded) + 4*int64(len(bmpFold)) // with the fold tables
	t.Logf("models: %d bytes of heap, %d bytes of embedded weights; with the fold tables %d bytes", heap, embedded, total)
	if total > 32<<20 {
		t.Errorf("loaded models take %d bytes, want at most 32 MiB", total)
	}
	runtime.KeepAlive(i)
	runtime.KeepAlive(c)
}

// TestAccumulate checks the word-at-a-time sum against the plain one,
// over more than one 256-feature chunk and repeated features.
func TestAccumulate(t *testing.T) {
	t.Parallel()
	for _, m := range []*Model{Intents(), Content()} {
		k := len(m.labels)
		var feats []uint32
		for i := range 700 {
			feats = append(feats, uint32(i*7919)%numFeatures, uint32(i)%5)
		}
		got := make([]int32, k)
		m.accumulate(got, feats)
		want := make([]int32, k)
		for _, f := range feats {
			for c := range k {
				want[c] += int32(int8(m.weights[int(f)*k+c]))
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: accumulate = %v, want %v", m.Kind(), got, want)
		}
	}
}

// TestAccumulateEveryWidth checks the word-at-a-time sum against the plain
// one for every number of labels a model can have, on models loaded from
// weights files, with the first and the last feature of the table among
// the features (the last row ends the file).
func TestAccumulateEveryWidth(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 4))
	for _, k := range []int{1, 2, 7, 8, 9, 15, 16, 17, 23, 35, 40, 63, 64} {
		labels := make([]string, k)
		floats := make([]float32, k)
		for c := range labels {
			labels[c] = fmt.Sprintf("l%d", c)
			floats[c] = 0.5
		}
		w := make([]byte, numFeatures*k)
		for i := range w {
			w[i] = byte(rng.UintN(256))
		}
		src := &Model{kind: KindContent, labels: labels, thresholds: floats, scales: floats, biases: floats, weights: string(w)}
		data, err := src.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		m, err := Load(string(data))
		if err != nil {
			t.Fatalf("%d labels: %v", k, err)
		}
		feats := []uint32{0, numFeatures - 1, numFeatures - 1, 1, numFeatures - 2}
		for i := range 600 {
			feats = append(feats, rng.Uint32N(numFeatures), uint32(i)%3)
		}
		got := make([]int32, k)
		m.accumulate(got, feats)
		want := make([]int32, k)
		for _, f := range feats {
			for c := range k {
				want[c] += int32(int8(w[int(f)*k+c]))
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%d labels: accumulate = %v, want %v", k, got, want)
		}
	}
}

// TestContentSentences: SentenceScores gives the scores of the whole text,
// bit for bit as Scores, and per label the highest score of a sentence of
// four words or eight Chinese characters or more, each scored as a text of
// its own; for a text of one sentence, or of none that long, the sentence
// scores are 0.
func TestContentSentences(t *testing.T) {
	m := Content()
	var buf, other Buffer
	for _, tc := range []struct {
		text  string
		spans []string // the sentences read alone
	}{
		{"", nil},
		{"Your balance is $120.50 today", nil},
		{"Hi. Send it! Ok?", nil},
		{"Thanks for your reply, we are glad to hear from you.", nil},
		{"This is not a sales call. Reply with the code we just sent you.", []string{"This is not a sales call.", " Reply with the code we just sent you."}},
		{"Hi. Thanks for your reply. Please send the code we sent you today. OK?", []string{" Thanks for your reply.", " Please send the code we sent you today."}},
		{"Pay at pay.example.com, it is quick and safe!! Thanks; see you on the phone\nBye", []string{"Pay at pay.example.com, it is quick and safe!", " see you on the phone\n"}},
		{"这不是推销电话。请回复您手机收到的六位数字。好吗？", []string{"请回复您手机收到的六位数字。"}},
		{"感谢您昨天的回复。我们已收到。", []string{"感谢您昨天的回复。"}},
	} {
		wantWhole := slices.Clone(m.Scores(tc.text, &other))
		wantSent := make([]float32, len(wantWhole))
		for _, s := range tc.spans {
			for i, v := range m.Scores(s, &other) {
				wantSent[i] = max(wantSent[i], v)
			}
		}
		whole, sent := m.SentenceScores(tc.text, &buf)
		for i := range wantWhole {
			if math.Float32bits(whole[i]) != math.Float32bits(wantWhole[i]) || math.Float32bits(sent[i]) != math.Float32bits(wantSent[i]) {
				t.Errorf("%q: %s scored %v whole and %v by sentence, want %v and %v", tc.text, m.Labels()[i], whole[i], sent[i], wantWhole[i], wantSent[i])
			}
		}
	}
	msg := "Thanks for your reply. Please send the code; we will wait!"
	m.SentenceScores(msg, &buf)
	if n := testing.AllocsPerRun(50, func() { m.SentenceScores(msg, &buf) }); n != 0 {
		t.Errorf("SentenceScores allocates %.1f times per call, want 0", n)
	}
}
