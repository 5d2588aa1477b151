package rules

import (
	"slices"
	"strings"
	"testing"
)

// TestIndexFindsWhatEveryPatternFinds: the English patterns the index
// offers a message (candidates) find every hit that trying every
// pattern at every token finds, in the same order, on every line of the
// eval suites and transcripts, on messages longer than 64 tokens and on
// patterns anchored to a sentence's start (whose search goes on after a
// hit from the next token as if a sentence started there).
func TestIndexFindsWhatEveryPatternFinds(t *testing.T) {
	t.Parallel()
	texts := evalLines(t)
	if len(texts) < 1000 {
		t.Fatalf("%d lines, want at least 1,000", len(texts))
	}
	long := strings.Repeat("so I said to them that I cannot pay, ", 12) +
		"please stop calling me at work. Stop texting me! I lost my job and I want to dispute this debt"
	texts = append(texts, long, strings.Repeat("stop ", 70)+"stop calling me", "stop stop calling", "i want to pay. i want to pay 50",
		"yes ok sure fine", "no nope no", "hi hello hey there", "perfect perfect deal deal")
	rules, index := compiledLexicon()
	hits := 0
	for _, text := range texts {
		a := analyze(normalize(text))
		hasHan := strings.ContainsFunc(a.norm, func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff })
		cand := index.candidates(a.seq)
		for i := range rules {
			r := &rules[i]
			var got, want []hit
			eachHit(r, a, hasHan, cand, func(h hit) bool { got = append(got, h); return true })
			eachHit(r, a, hasHan, nil, func(h hit) bool { want = append(want, h); return true })
			if !slices.Equal(got, want) {
				t.Errorf("%s on %q: with the index %v, every pattern %v", r.intent, text, got, want)
			}
			hits += len(want)
		}
	}
	if hits < 1000 {
		t.Fatalf("%d hits in all, want at least 1,000", hits)
	}
}
