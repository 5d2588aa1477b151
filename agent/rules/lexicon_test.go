package rules

import (
	"strings"
	"testing"
)

// canonical writes the plainest text an English pattern should match: the
// first word of each element, nothing for gaps and optional elements.
func canonical(p enPattern) string {
	var words []string
	for _, e := range p.elems {
		switch {
		case e.gap > 0 || e.opt:
		case len(e.words) > 0:
			words = append(words, e.words[0])
		case len(e.prefixes) > 0 && e.prefixes[0] == "":
			words = append(words, "word")
		case len(e.prefixes) > 0:
			words = append(words, e.prefixes[0])
		case e.num:
			words = append(words, "7")
		}
	}
	return strings.Join(words, " ")
}

// TestLexiconMatchesItself checks that every phrase pattern matches its own
// plainest wording, so a pattern broken by a slip (an alternative with a
// space in it, a misplaced gap) fails here rather than in a conversation.
func TestLexiconMatchesItself(t *testing.T) {
	t.Parallel()
	compiled, _ := compiledLexicon()
	for _, r := range compiled {
		for _, p := range r.en {
			text := canonical(p)
			a := analyze(text)
			if _, _, ok := p.find(a.seq); !ok {
				t.Errorf("%s: pattern %q does not match %q", r.intent, p.src, text)
			}
		}
		for _, p := range r.zh {
			text := strings.Join(p.frags, "")
			if _, _, ok := p.find(normalize(text), 0); !ok {
				t.Errorf("%s: pattern %q does not match %q", r.intent, p.src, text)
			}
		}
	}
}

// TestLexiconAlternatives checks that no alternative list was split by a
// space by mistake: a word that only makes sense together with the next
// one ("no one", "yes please") must be its own pattern.
func TestLexiconAlternatives(t *testing.T) {
	t.Parallel()
	for _, r := range lexicon {
		for _, src := range r.en {
			fields := strings.Fields(src)
			for i := 0; i+1 < len(fields); i++ {
				a, b := fields[i], fields[i+1]
				// "x|y z|w" is fine; "x|y z" where z completes y alone ("no|nobody one") is the slip.
				if strings.Contains(a, "|") && !strings.Contains(b, "|") && !strings.HasPrefix(b, "~") && !strings.HasPrefix(b, "[") && b != "$" {
					last := a[strings.LastIndex(a, "|")+1:]
					if pair := last + " " + b; splitPairs[pair] {
						t.Errorf("%s: pattern %q splits %q", r.intent, src, pair)
					}
				}
			}
		}
	}
}

// splitPairs are two-word phrases that have slipped into alternative lists before.
var splitPairs = map[string]bool{"no one": true, "yes please": true, "is it": true, "direct debit": true}

// TestCorrect checks spelling repair, including the expansions of casual spellings.
func TestCorrect(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"dispte", "dispute"}, {"bankrupcy", "bankruptcy"}, {"suicde", "suicide"}, {"lawer", "lawyer"},
		{"balnce", "balance"}, {"atorney", "attorney"}, {"tommorow", "tomorrow"}, {"paymnet", "payment"},
		// real words stay as they are
		{"testing", "testing"}, {"there", "there"}, {"cancel", "cancel"}, {"house", "house"}, {"hello", "hello"},
		{"layoffs", "layoffs"}, {"instalments", "instalments"}, {"disputing", "disputing"},
	}
	for _, tt := range tests {
		a := analyze(tt.in)
		if len(a.seq) != 1 || a.seq[0].text != tt.want {
			t.Errorf("analyze(%q) = %+v, want the word %q", tt.in, a.seq, tt.want)
		}
	}
}
