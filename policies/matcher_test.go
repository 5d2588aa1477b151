package policies

import (
	"bytes"
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// lexiconMatcher is the automaton of the embedded lexicon.
func lexiconMatcher(t *testing.T) *matcher {
	t.Helper()
	lx, err := parsedLexicon()
	if err != nil {
		t.Fatal(err)
	}
	return lx.m
}

// termsAt is what scan must find, read the slow way: every term whose text
// ends at each byte and whose word boundaries hold, looked up by its text
// in byText (the terms of m by their text; longest is the longest text).
func termsAt(m *matcher, byText map[string][]int32, longest int, text []byte) []hit {
	var hits []hit
	for end := 1; end <= len(text); end++ {
		for start := max(0, end-longest); start < end; start++ {
			for _, ti := range byText[string(text[start:end])] {
				tm := &m.terms[ti]
				if tm.wordStart && start > 0 && isWordByte(text[start-1]) {
					continue
				}
				if tm.wordEnd && end < len(text) && isWordByte(text[end]) {
					continue
				}
				hits = append(hits, hit{term: ti, start: int32(start), end: int32(end)})
			}
		}
	}
	return hits
}

// TestScanFindsEveryTerm holds the lexicon's scan to termsAt on the
// labelled texts as the guard reads them (folded, brought to about 200
// characters) and on texts made of the lexicon's own terms, cut and joined
// at random, which walk the automaton's deep states and failure links.
func TestScanFindsEveryTerm(t *testing.T) {
	t.Parallel()
	m := lexiconMatcher(t)
	var texts [][]byte
	for _, path := range []string{"testdata/labelled.jsonl", "testdata/labelled2.jsonl", "testdata/labelled3.jsonl", "testdata/labelled4.jsonl"} {
		for _, l := range loadLabelled(t, path) {
			p, _ := decodeLabelled(t, l)
			texts = append(texts, foldBase(nil, pad200(p.Text)))
		}
	}
	r := rand.New(rand.NewPCG(19, 200))
	seps := []string{" ", "", ", ", "x", "。", "'", "1"}
	for range 1000 {
		var b []byte
		for range 1 + r.IntN(12) {
			tm := m.terms[r.IntN(len(m.terms))].text
			b = append(b, tm[r.IntN(len(tm)/2+1):len(tm)-r.IntN(len(tm)/3+1)]...)
			b = append(b, seps[r.IntN(len(seps))]...)
		}
		texts = append(texts, b)
	}
	byText := map[string][]int32{}
	longest := 0
	for i, tm := range m.terms {
		byText[tm.text] = append(byText[tm.text], int32(i))
		longest = max(longest, len(tm.text))
	}
	order := func(a, b hit) int {
		return cmp.Or(cmp.Compare(a.end, b.end), cmp.Compare(a.start, b.start), cmp.Compare(a.term, b.term))
	}
	bad := 0
	for _, text := range texts {
		got := slices.SortedFunc(slices.Values(m.scan(text, nil)), order)
		want := termsAt(m, byText, longest, text)
		slices.SortFunc(want, order)
		if !slices.Equal(got, want) && bad < 5 {
			t.Errorf("scan(%q):\n got %v\nwant %v / 词典扫描结果不符", bytes.ToValidUTF8(text, []byte("?")), got, want)
			bad++
		}
	}
}
