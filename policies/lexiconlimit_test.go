package policies

import (
	"fmt"
	"strings"
	"testing"
)

// TestLexiconLimitIsStates: the matcher's limit is on the states of its
// trie, which terms that share a beginning share, not on the bytes of the
// terms: a lexicon of many terms with one long beginning is read, one with
// more distinct states than the matcher can number is refused.
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
	// 88,000 states.
	distinct := lexiconOf(8000, func(i int) string {
		return fmt.Sprintf("%c%c%c%010d", 'a'+i%26, 'a'+i/26%26, 'a'+i/676%26, i)
	})
	if _, err := parseLexicon(distinct); err == nil {
		t.Errorf("a lexicon of more states than the matcher numbers was read")
	}
}
