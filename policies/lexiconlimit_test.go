package policies

import (
	"fmt"
	"strings"
	"testing"
)

// TestLexiconLimitIsStates: the matcher's limit is on the states of its
// trie near the root (the distinct beginnings of up to five bytes, which a
// row's transition numbers in 16 bits), not on the bytes of the terms nor
// on the deeper states: a lexicon of many terms with one long beginning is
// read, and so is one of many long distinct terms; one with more distinct
// five-byte beginnings than the matcher can number is refused.
func TestLexiconLimitIsStates(t *testing.T) {
	t.Parallel()
	lexiconOf := func(n int, term func(int) string) []byte {
		var b strings.Builder
		b.WriteString("families:\n  f:\n    detail: \"d\"\n    category: threat\n    rule: R\n    citation: \"c\"\n    groups:\n      - [")
		for i := range n {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%q", term(i))
		}
		b.WriteString("]\n")
		return []byte(b.String())
	}
	// 6,000 terms of 25 bytes (150,000 bytes) with about 6,700 states.
	shared := lexiconOf(6000, func(i int) string { return fmt.Sprintf("a long shared beginning %05d", i) })
	if _, err := parseLexicon(shared); err != nil {
		t.Errorf("terms sharing a beginning: %v", err)
	}
	// 8,000 terms, each three letters of its own and ten digits: over
	// 88,000 states, about 24,700 of them near the root.
	long := lexiconOf(8000, func(i int) string {
		return fmt.Sprintf("%c%c%c%010d", 'a'+i%26, 'a'+i/26%26, 'a'+i/676%26, i)
	})
	lx, err := parseLexicon(long)
	if err != nil {
		t.Fatalf("long distinct terms: %v", err)
	}
	text := []byte("say rvl0000007999, aaa0000000000 and aaa0000000000x")
	if hits := lx.m.scan(text, nil); len(hits) != 2 {
		t.Errorf("long distinct terms: %d hits in %q, want 2 (%v)", len(hits), text, hits)
	}
	// 70,000 terms of five letters of their own: more beginnings near the
	// root than 16 bits number.
	distinct := lexiconOf(70000, func(i int) string {
		return fmt.Sprintf("%c%c%c%c%c", 'a'+i%26, 'a'+i/26%26, 'a'+i/676%26, 'a'+i/17576%26, 'a'+i/456976%26)
	})
	if _, err := parseLexicon(distinct); err == nil {
		t.Errorf("a lexicon of more states near the root than the matcher numbers was read")
	}
}
