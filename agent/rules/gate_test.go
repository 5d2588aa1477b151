package rules

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestRequiredWords: the words a pattern's syntax vouches for, and none
// where a match may hold no word of a list.
func TestRequiredWords(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		src  string
		want []string
	}{
		{`abc`, []string{"abc"}},
		{`a|bc`, []string{"a", "bc"}},
		{`x?yz`, []string{"yz"}},
		{`\bfoo\b`, []string{"foo"}},
		{`(?:ab|c)de`, []string{"de"}},
		{`(?:abc|abd)x`, []string{"ab"}}, // ab[cd]x: the longer part
		{`(?:go)+`, []string{"go"}},
		{`(?:go){2,3}`, []string{"go"}},
		{`联系|打`, []string{"打", "联系"}},
		{`\d+`, nil},
		{`(?i)foo`, nil},
		{`a*`, nil},
		{`(?:go){0,3}`, nil},
		{`foo|\d`, nil},
		{`[ab]c?`, nil},
		{``, nil},
	} {
		if got := requiredWords(regexp.MustCompile(tc.src)); !slices.Equal(got, tc.want) {
			t.Errorf("requiredWords(%s) = %q, want %q", tc.src, got, tc.want)
		}
	}
}

// TestGatesMatchAsTheirPatterns: each pattern readRestrictions looks for
// its words before has words, and answers as the pattern alone on every
// sentence of the eval suites and transcripts and on each of its words.
func TestGatesMatchAsTheirPatterns(t *testing.T) {
	t.Parallel()
	var texts []string
	for _, line := range evalLines(t) {
		texts = append(texts, reSentence.FindAllString(normalize(strings.ToLower(line)), -1)...)
	}
	if len(texts) < 1000 {
		t.Fatalf("%d sentences, want at least 1,000", len(texts))
	}
	for _, g := range restrictionGates {
		if len(g.words) == 0 {
			t.Errorf("%s: no words", g.re)
		}
		matched := 0
		for _, s := range append(slices.Clone(g.words), texts...) {
			want := g.re.MatchString(s)
			if got := g.MatchString(s); got != want {
				t.Errorf("%s on %q: gated %v, pattern %v", g.re, s, got, want)
			}
			if want {
				matched++
			}
		}
		t.Logf("%s: words %q, %d matches", g.re, g.words, matched)
	}
}

// evalLines are the lines of the eval suites and transcripts.
func evalLines(t *testing.T) []string {
	t.Helper()
	var lines []string
	for _, glob := range []string{"../../evals/suites/*.yaml", "../../evals/suites-dialogue/*.yaml", "../../evals/testdata/*"} {
		files, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			lines = append(lines, strings.Split(string(b), "\n")...)
		}
	}
	return lines
}
