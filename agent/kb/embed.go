package kb

import (
	"context"
	"hash/fnv"
	"math"
	"strings"
	"unicode"
)

// Embedder turns texts into vectors of a fixed dimension. Implementations
// must return one vector per text, in order.
type Embedder interface {
	Embed(ctx context.Context, texts []string) ([][]float32, error)
	Dimension() int
}

// DefaultDimension is the LocalEmbedder's dimension when none is given.
const DefaultDimension = 4096

// LocalEmbedder embeds English and Chinese text without a model: it hashes
// word unigrams and bigrams and character trigrams of English words, and
// character unigrams and bigrams of Chinese, into a signed feature vector
// that is L2-normalized. Text is first folded: full-width forms to ASCII,
// lower case, punctuation to spaces, a small stop list dropped.
//
// It is deterministic and safe for concurrent use.
type LocalEmbedder struct {
	dim int
}

// NewLocalEmbedder returns a LocalEmbedder of dim dimensions
// (DefaultDimension when dim <= 0).
func NewLocalEmbedder(dim int) *LocalEmbedder {
	if dim <= 0 {
		dim = DefaultDimension
	}
	return &LocalEmbedder{dim: dim}
}

// Dimension reports the vector size.
func (e *LocalEmbedder) Dimension() int { return e.dim }

// Embed returns one L2-normalized vector per text. An empty text gets the
// zero vector, which matches nothing.
func (e *LocalEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, len(texts))
	for i, t := range texts {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		out[i] = e.embed(t)
	}
	return out, nil
}

// Feature weights: whole words and Chinese bigrams carry the meaning;
// trigrams and single Han characters make matching robust to inflection
// and to different word segmentation.
const (
	wUnigram   = 1.0
	wBigram    = 0.7
	wTrigram   = 0.25
	wHanChar   = 0.4
	wHanBigram = 1.0
)

func (e *LocalEmbedder) embed(text string) []float32 {
	v := make([]float64, e.dim)
	add := func(kind byte, feature string, w float64) {
		h := fnv.New64a()
		h.Write([]byte{kind})
		h.Write([]byte(feature))
		x := h.Sum64()
		i := int(x % uint64(e.dim))
		if x>>63 == 1 {
			w = -w
		}
		v[i] += w
	}
	for _, run := range tokenize(text) {
		if run.han {
			var kept []rune
			for _, r := range run.text {
				if !hanStop[r] {
					add('c', string(r), wHanChar)
				}
				kept = append(kept, r)
			}
			for i := 0; i+1 < len(kept); i++ {
				if hanStop[kept[i]] && hanStop[kept[i+1]] {
					continue
				}
				if bg := string(kept[i : i+2]); !hanStopBigrams[bg] {
					add('b', bg, wHanBigram)
				}
			}
			continue
		}
		var words []string
		for _, w := range strings.Fields(string(run.text)) {
			if stopWords[w] {
				continue
			}
			words = append(words, stem(w))
		}
		for i, w := range words {
			add('w', w, wUnigram)
			if i+1 < len(words) {
				add('p', w+" "+words[i+1], wBigram)
			}
			padded := "^" + w + "$"
			rs := []rune(padded)
			for j := 0; j+3 <= len(rs); j++ {
				add('t', string(rs[j:j+3]), wTrigram)
			}
		}
	}
	var norm float64
	for i, x := range v {
		// Sublinear term frequency keeps a repeated word from dominating.
		if x > 0 {
			x = math.Log1p(x)
		} else if x < 0 {
			x = -math.Log1p(-x)
		}
		v[i] = x
		norm += x * x
	}
	out := make([]float32, e.dim)
	if norm == 0 {
		return out
	}
	norm = math.Sqrt(norm)
	for i, x := range v {
		out[i] = float32(x / norm)
	}
	return out
}

type run struct {
	han  bool
	text []rune
}

// tokenize folds the text and cuts it into runs of Han characters and runs
// of Latin words (separated by single spaces).
func tokenize(text string) []run {
	var runs []run
	var cur []rune
	curHan := false
	flush := func() {
		if len(cur) > 0 {
			runs = append(runs, run{han: curHan, text: cur})
		}
		cur = nil
	}
	for _, r := range text {
		r = fold(r)
		switch {
		case isHan(r):
			if !curHan {
				flush()
				curHan = true
			}
			cur = append(cur, r)
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'':
			if curHan {
				flush()
				curHan = false
			}
			if r != '\'' {
				cur = append(cur, r)
			}
		default:
			if curHan {
				flush()
				curHan = false
			} else if len(cur) > 0 && cur[len(cur)-1] != ' ' {
				cur = append(cur, ' ')
			}
		}
	}
	flush()
	return runs
}

// fold maps full-width ASCII forms and the ideographic space to ASCII and
// lower-cases.
func fold(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		r -= 0xFEE0
	case r == 0x3000:
		r = ' '
	}
	return unicode.ToLower(r)
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// stem strips the commonest English suffixes so "payments", "paying" and
// "paid" land near "pay". It is deliberately crude: both sides of a search
// go through it.
func stem(w string) string {
	if irregular, ok := irregulars[w]; ok {
		return irregular
	}
	for _, suf := range []string{"ing", "ies", "ied", "es", "ed", "s", "ly"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 3 {
			base := strings.TrimSuffix(w, suf)
			if suf == "ies" || suf == "ied" {
				base += "y"
			}
			if suf == "es" && !strings.HasSuffix(base, "s") && !strings.HasSuffix(base, "x") &&
				!strings.HasSuffix(base, "ch") && !strings.HasSuffix(base, "sh") {
				base += "e"
			}
			return base
		}
	}
	return w
}

var irregulars = map[string]string{
	"paid": "pay", "owed": "owe", "owing": "owe", "lost": "lose", "loss": "lose", "losing": "lose",
	"can't": "cannot", "cant": "cannot", "won't": "will not",
}

var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but if of to in on at by for from with about as into
		is are was were be been being am do does did doing have has had having i me my we our us you your
		it its this that these those there here what which who whom how when where why can could would
		should will shall may might must just so than then too very also not no yes please thanks hi hello
		get got some any all more most such own same other each both now s t`) {
		m[w] = true
	}
	return m
}()

// hanStop holds function characters that carry little meaning on their own.
var hanStop = func() map[rune]bool {
	m := map[rune]bool{}
	for _, r := range "的了吗呢吧啊么呀我你您他她它们是在和与及或也就都很还这那个有" {
		m[r] = true
	}
	return m
}()

// hanStopBigrams are common function words that would otherwise match
// every Chinese document.
var hanStopBigrams = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("可以 我们 如果 或者 以及 怎么 什么 怎样 如何 一个 一些 因为 所以 还是 已经 现在 需要 能够 请问 告诉") {
		m[w] = true
	}
	return m
}()
