package kb

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestChunksSplitByHeading(t *testing.T) {
	t.Parallel()
	d := NewDocument("en/plans.md", "# How plans work\n\nIntro text.\n\n## First\n\nOne.\n\n### Deeper\n\nTwo.\n\n```\n# not a heading\n```\n")
	got := d.Chunks(ChunkOptions{})
	want := []Chunk{
		{ID: "en/plans#0", DocID: "en/plans", Title: "How plans work", Locale: "en", Text: "Intro text."},
		{ID: "en/plans#1", DocID: "en/plans", Title: "How plans work", Locale: "en", Heading: "First", Text: "One."},
		{ID: "en/plans#2", DocID: "en/plans", Title: "How plans work", Locale: "en", Heading: "Deeper", Text: "Two.\n\n```\n# not a heading\n```"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("chunks (-want +got):\n%s", diff)
	}
}

func TestChunksBoundedWithOverlap(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		body string
	}{
		{"paragraphs", strings.Repeat("Alpha beta gamma delta epsilon zeta eta theta.\n\n", 40)},
		{"one long paragraph", strings.Repeat("Alpha beta gamma delta epsilon. ", 80)},
		{"chinese without spaces", strings.Repeat("这是一个很长的中文句子，用来测试切分。", 60)},
		{"no terminators", strings.Repeat("x", 3000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			opt := ChunkOptions{MaxRunes: 300, Overlap: 40}
			chunks := NewDocument("en/long.md", "# Long\n\n## Part\n\n"+tt.body).Chunks(opt)
			if len(chunks) < 2 {
				t.Fatalf("got %d chunks, want the section split", len(chunks))
			}
			for i, c := range chunks {
				if n := utf8.RuneCountInString(c.Text); n > opt.MaxRunes {
					t.Errorf("chunk %d has %d runes, max %d", i, n, opt.MaxRunes)
				}
				if c.Heading != "Part" || c.DocID != "en/long" || c.Title != "Long" {
					t.Errorf("chunk %d lost its provenance: %+v", i, c)
				}
			}
			// Every word of the body survives somewhere.
			all := ""
			for _, c := range chunks {
				all += c.Text
			}
			if utf8.RuneCountInString(all) < utf8.RuneCountInString(strings.TrimSpace(tt.body))-len(chunks) {
				t.Errorf("chunks hold %d runes, body has %d", utf8.RuneCountInString(all), utf8.RuneCountInString(tt.body))
			}
		})
	}
}

func TestChunkOptionsDefaults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want ChunkOptions
	}{
		{ChunkOptions{}, ChunkOptions{MaxRunes: 700, Overlap: 80}},
		{ChunkOptions{MaxRunes: 100}, ChunkOptions{MaxRunes: 100, Overlap: 12}},
		{ChunkOptions{MaxRunes: 400, Overlap: 300}, ChunkOptions{MaxRunes: 400, Overlap: 50}},
		{ChunkOptions{MaxRunes: 400, Overlap: -1}, ChunkOptions{MaxRunes: 400, Overlap: 50}},
		{ChunkOptions{MaxRunes: 400, Overlap: 30}, ChunkOptions{MaxRunes: 400, Overlap: 30}},
	}
	for _, tt := range tests {
		if got := tt.in.withDefaults(); got != tt.want {
			t.Errorf("%+v.withDefaults() = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestChunksOverlapRepeatsTail(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	for i := 0; i < 30; i++ {
		b.WriteString("Paragraph number " + strings.Repeat("word ", 10) + "end" + string(rune('A'+i)) + ".\n\n")
	}
	chunks := NewDocument("en/x.md", b.String()).Chunks(ChunkOptions{MaxRunes: 200, Overlap: 30})
	for i := 1; i < len(chunks); i++ {
		prev := chunks[i-1].Text
		lastWord := prev[strings.LastIndex(prev, " ")+1:]
		if !strings.Contains(chunks[i].Text, lastWord) {
			t.Errorf("chunk %d does not repeat %q from the end of chunk %d", i, lastWord, i-1)
		}
	}
}

func TestDocumentLocaleAndTitle(t *testing.T) {
	t.Parallel()
	tests := []struct {
		path, text       string
		wantID, wantLang string
		wantTitle        string
	}{
		{"en/rights.md", "# Your rights\nbody", "en/rights", "en", "Your rights"},
		{"zh/rights.md", "# 您的权利\n内容", "zh/rights", "zh", "您的权利"},
		{"misc/note.md", "没有标题的中文文档，说明还款方式。", "misc/note", "zh", "note"},
		{"note.md", "plain English text", "note", "en", "note"},
	}
	for _, tt := range tests {
		d := NewDocument(tt.path, tt.text)
		if d.ID != tt.wantID || d.Locale != tt.wantLang || d.Title != tt.wantTitle {
			t.Errorf("NewDocument(%q) = %q %q %q, want %q %q %q", tt.path, d.ID, d.Locale, d.Title, tt.wantID, tt.wantLang, tt.wantTitle)
		}
	}
}

func TestQueryLang(t *testing.T) {
	t.Parallel()
	tests := []struct{ query, locale, want string }{
		{"how do I pay", "en-US", "en"},
		{"how do I pay", "zh-CN", "en"},
		{"我怎么付款", "en", "zh"},
		{"我怎么付款", "", "zh"},
		{"como pago", "es-MX", "es"},
	}
	for _, tt := range tests {
		if got := QueryLang(tt.query, tt.locale); got != tt.want {
			t.Errorf("QueryLang(%q, %q) = %q, want %q", tt.query, tt.locale, got, tt.want)
		}
	}
}

func TestLang(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"en-US": "en", "zh_CN": "zh", "ZH": "zh", "": "", "hi-IN": "hi"} {
		if got := Lang(in); got != want {
			t.Errorf("Lang(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLocalEmbedder(t *testing.T) {
	t.Parallel()
	e := NewLocalEmbedder(0)
	if e.Dimension() != DefaultDimension {
		t.Fatalf("dimension %d, want %d", e.Dimension(), DefaultDimension)
	}
	texts := []string{
		"How do I pay?", "ＨＯＷ ｄｏ Ｉ ＰＡＹ？", "how do i pay",
		"我怎么付款", "我怎么付款？", "", "!!!",
		"I lost my job", "payments paid paying",
	}
	vecs, err := e.Embed(context.Background(), texts)
	if err != nil {
		t.Fatal(err)
	}
	norm := func(v []float32) float64 {
		var s float64
		for _, x := range v {
			s += float64(x) * float64(x)
		}
		return math.Sqrt(s)
	}
	cos := func(a, b []float32) float64 { return float64(dot(a, b)) }
	for i, v := range vecs {
		n := norm(v)
		wantZero := strings.Trim(texts[i], "!") == ""
		if wantZero && n != 0 || !wantZero && math.Abs(n-1) > 1e-5 {
			t.Errorf("norm of %q = %v", texts[i], n)
		}
	}
	tests := []struct {
		a, b int
		min  float64
	}{
		{0, 1, 0.999}, // full-width and case folded
		{0, 2, 0.999}, // punctuation dropped
		{3, 4, 0.999}, // Chinese punctuation dropped
	}
	for _, tt := range tests {
		if c := cos(vecs[tt.a], vecs[tt.b]); c < tt.min {
			t.Errorf("cos(%q, %q) = %.3f, want >= %.3f", texts[tt.a], texts[tt.b], c, tt.min)
		}
	}
	if c := cos(vecs[0], vecs[7]); c > 0.3 {
		t.Errorf("unrelated texts too similar: %.3f", c)
	}
	again, _ := e.Embed(context.Background(), texts[:1])
	if diff := cmp.Diff(vecs[0], again[0]); diff != "" {
		t.Errorf("embedding not deterministic:\n%s", diff)
	}
}

func TestStem(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"payments": "payment", "paying": "pay", "paid": "pay", "disputes": "dispute",
		"verified": "verify", "boxes": "box", "is": "is", "difficulties": "difficulty",
	} {
		if got := stem(in); got != want {
			t.Errorf("stem(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIndexSearchTopK(t *testing.T) {
	t.Parallel()
	x := NewIndex(3)
	for _, v := range [][]float32{{1, 0, 0}, {0, 1, 0}, {0.9, 0.1, 0}, {0, 0, 5}, {-1, 0, 0}} {
		if _, err := x.Add(v); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name  string
		q     []float32
		k     int
		admit func(int) bool
		want  []int
	}{
		{"best first", []float32{1, 0, 0}, 2, nil, []int{0, 2}},
		{"unnormalized stored vector", []float32{0, 0, 1}, 1, nil, []int{3}},
		{"k beyond size", []float32{1, 0, 0}, 10, nil, []int{0, 2, 1, 3, 4}},
		{"filter", []float32{1, 0, 0}, 2, func(p int) bool { return p != 0 }, []int{2, 1}},
		{"k zero", []float32{1, 0, 0}, 0, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			hits, err := x.Search(tt.q, tt.k, tt.admit)
			if err != nil {
				t.Fatal(err)
			}
			var got []int
			for _, h := range hits {
				got = append(got, h.Pos)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("positions (-want +got):\n%s", diff)
			}
		})
	}
	if _, err := x.Search([]float32{1}, 1, nil); err == nil {
		t.Error("search with a wrong dimension succeeded")
	}
	if _, err := x.Add([]float32{1}); err == nil {
		t.Error("add with a wrong dimension succeeded")
	}
}

func TestBaseSearchPrefersLocaleAndCites(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"en/pay.md":    {Data: []byte("# How to pay\n\n## Card\n\nPay by debit card with the secure link.\n")},
		"en/rights.md": {Data: []byte("# Your rights\n\nYou can stop text messages by replying STOP.\n")},
		"zh/pay.md":    {Data: []byte("# 如何还款\n\n用借记卡通过安全链接付款。\n")},
		"notes.txt":    {Data: []byte("ignored")},
	}
	b, err := LoadDir(context.Background(), fsys, NewLocalEmbedder(256))
	if err != nil {
		t.Fatal(err)
	}
	if docs, chunks, dim := b.Stats(); docs != 3 || chunks != 3 || dim != 256 {
		t.Fatalf("stats = %d docs, %d chunks, %d dims", docs, chunks, dim)
	}
	tests := []struct {
		query, locale string
		wantDoc       string
		wantTitle     string
	}{
		{"can I pay by card?", "en-US", "en/pay", "How to pay"},
		{"怎么用借记卡付款", "zh-CN", "zh/pay", "如何还款"},
		{"how do I stop texts", "en", "en/rights", "Your rights"},
		{"pay by card", "hi", "en/pay", "How to pay"}, // no Hindi documents: search everything
		{"借记卡付款", "", "zh/pay", "如何还款"},               // no locale: detected from the query
	}
	for _, tt := range tests {
		got, err := b.Search(context.Background(), tt.query, tt.locale, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].DocID != tt.wantDoc || got[0].Title != tt.wantTitle || got[0].Text == "" || got[0].Score <= 0 {
			t.Errorf("Search(%q, %q) = %+v, want %s", tt.query, tt.locale, got, tt.wantDoc)
		}
	}
	// A Chinese question searches Chinese passages only, however many are asked for.
	if got, _ := b.Search(context.Background(), "借记卡付款", "en", 5); len(got) != 1 || got[0].DocID != "zh/pay" {
		t.Errorf("Chinese search = %+v, want zh/pay alone", got)
	}
	if got, err := b.Search(context.Background(), "   ", "en", 3); err != nil || len(got) != 0 {
		t.Errorf("blank query = %v, %v; want nothing", got, err)
	}
}

func TestLoadDirErrors(t *testing.T) {
	t.Parallel()
	if _, err := LoadDir(context.Background(), fstest.MapFS{"a.txt": {Data: []byte("x")}}, NewLocalEmbedder(8)); err == nil {
		t.Error("a folder without Markdown loaded")
	}
	if _, err := LoadDir(context.Background(), fstest.MapFS{"a.md": {Data: []byte{0xff, 0xfe}}}, NewLocalEmbedder(8)); err == nil {
		t.Error("a non-UTF-8 document loaded")
	}
	if _, err := LoadDir(context.Background(), fstest.MapFS{"a.md": {Data: []byte("# A\n\nx")}}, shortEmbedder{}); err == nil {
		t.Error("an embedder returning too few vectors was accepted")
	}
}

type shortEmbedder struct{}

func (shortEmbedder) Embed(context.Context, []string) ([][]float32, error) { return nil, nil }
func (shortEmbedder) Dimension() int                                       { return 8 }

type labelled struct {
	Q      string `json:"q"`
	Locale string `json:"locale"`
	Doc    string `json:"doc"`
}

func readQuestions(t testing.TB) []labelled {
	t.Helper()
	f, err := os.Open("testdata/questions.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var qs []labelled
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		var q labelled
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			t.Fatalf("questions.jsonl:%d: %v", line, err)
		}
		qs = append(qs, q)
	}
	return qs
}

// TestRecallAt3 measures retrieval on the labelled questions against the
// starter documents: the expected document must be among the top three
// passages for at least 90% of them, in each language.
func TestRecallAt3(t *testing.T) {
	t.Parallel()
	b, err := Default(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	qs := readQuestions(t)
	if len(qs) < 40 {
		t.Fatalf("only %d labelled questions, want at least 40", len(qs))
	}
	hits, total := map[string]int{}, map[string]int{}
	for _, q := range qs {
		ps, err := b.Search(context.Background(), q.Q, q.Locale, 3)
		if err != nil {
			t.Fatal(err)
		}
		total[q.Locale]++
		found := false
		var got []string
		for _, p := range ps {
			got = append(got, p.DocID)
			found = found || p.DocID == q.Doc
		}
		if found {
			hits[q.Locale]++
		} else {
			t.Logf("miss: %q want %s, got %v", q.Q, q.Doc, got)
		}
	}
	for lang, n := range total {
		r := float64(hits[lang]) / float64(n)
		t.Logf("recall@3 %s: %.3f (%d/%d)", lang, r, hits[lang], n)
		if r < 0.9 {
			t.Errorf("recall@3 for %s is %.3f, want >= 0.9", lang, r)
		}
	}
	if len(total) < 2 {
		t.Errorf("questions cover %d languages, want en and zh", len(total))
	}
}

// TestIndexMatchesBruteForce checks both storage paths, and the parallel
// dense scan, against a plain scan.
func TestIndexMatchesBruteForce(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		n, dim   int
		sparsity int // keep one dimension in sparsity; 1 = dense
	}{
		{"dense parallel", 3*parallelScan + 7, 16, 1},
		{"sparse", 3000, 64, 16},
		{"mixed", 2000, 32, 0}, // alternate
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rng := rand.New(rand.NewPCG(uint64(tt.n), 7))
			vec := func(i int) []float32 {
				v := make([]float32, tt.dim)
				every := tt.sparsity
				if every == 0 {
					every = 1 + 15*(i%2)
				}
				for d := range v {
					if rng.IntN(every) == 0 {
						v[d] = rng.Float32()*2 - 1
					}
				}
				return v
			}
			x := NewIndex(tt.dim)
			var stored [][]float32
			for i := 0; i < tt.n; i++ {
				v := vec(i)
				stored = append(stored, v)
				if _, err := x.Add(v); err != nil {
					t.Fatal(err)
				}
			}
			q := vec(0)
			got, err := x.Search(q, 10, nil)
			if err != nil {
				t.Fatal(err)
			}
			want := make([]Hit, len(stored))
			for i, v := range stored {
				want[i] = Hit{Pos: i, Score: float32(cosine(q, v))}
			}
			sort.SliceStable(want, func(i, j int) bool { return want[i].Score > want[j].Score })
			for i := range got {
				if math.Abs(float64(got[i].Score-want[i].Score)) > 1e-4 {
					t.Fatalf("hit %d: got %+v, want %+v", i, got[i], want[i])
				}
			}
		})
	}
}

func cosine(a, b []float32) float64 {
	var ab, aa, bb float64
	for i := range a {
		ab += float64(a[i]) * float64(b[i])
		aa += float64(a[i]) * float64(a[i])
		bb += float64(b[i]) * float64(b[i])
	}
	if aa == 0 || bb == 0 {
		return 0
	}
	return ab / math.Sqrt(aa*bb)
}

// TestLazyBuildsOnFirstSearch: a Lazy base is built by its first search,
// once, answers as the base itself does, and hands the build's error to
// every search.
func TestLazyBuildsOnFirstSearch(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	loads := 0
	l := NewLazy(func() (*Base, error) { loads++; return Default(ctx) })
	if loads != 0 {
		t.Fatalf("built %d times before any search", loads)
	}
	b, err := Default(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"how do I dispute this debt?", "what is a payment plan"} {
		got, err := l.Search(ctx, q, "en", 3)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := b.Search(ctx, q, "en", 3)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%q (-base +lazy):\n%s", q, diff)
		}
	}
	if loads != 1 {
		t.Errorf("built %d times, want once", loads)
	}
	broken := NewLazy(func() (*Base, error) { return nil, errors.New("no documents") })
	for range 2 {
		if _, err := broken.Search(ctx, "anything", "en", 3); err == nil || !strings.Contains(err.Error(), "no documents") {
			t.Errorf("search of a base that cannot be built: %v", err)
		}
	}
}
