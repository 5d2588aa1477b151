package rules

import (
	"regexp"
	"regexp/syntax"
	"slices"
)

// gatedRE is a pattern with the words one of which every match of it
// holds, looked for before the pattern runs: most sentences hold none,
// and a word looked for is far cheaper than the pattern. A pattern with
// no such words always runs.
type gatedRE struct {
	re    *regexp.Regexp
	words []string
}

// gate works out the words of re (requiredWords).
func gate(re *regexp.Regexp) gatedRE { return gatedRE{re: re, words: requiredWords(re)} }

// MatchString reports whether s holds a match of the pattern.
func (g gatedRE) MatchString(s string) bool {
	return (g.words == nil || hasAny(s, g.words)) && g.re.MatchString(s)
}

// requiredWords returns words one of which every match of re holds, or
// nil when the pattern's syntax vouches for none: a literal is its own
// word; a sequence needs the words of any one of its parts (the part
// whose shortest word is longest is taken); a choice needs the words of
// every branch; a repeat at least once needs its body's. Anything else
// (a class of characters, an optional part, an assertion, case folded)
// needs no word.
func requiredWords(re *regexp.Regexp) []string {
	parsed, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return nil
	}
	words, ok := required(parsed.Simplify())
	if !ok {
		return nil
	}
	slices.Sort(words)
	return slices.Compact(words)
}

func required(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 || len(re.Rune) == 0 {
			return nil, false
		}
		return []string{string(re.Rune)}, true
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min < 1 {
			return nil, false
		}
		return required(re.Sub[0])
	case syntax.OpConcat:
		var best []string
		for _, sub := range re.Sub {
			if w, ok := required(sub); ok && (best == nil || shortest(w) > shortest(best)) {
				best = w
			}
		}
		return best, best != nil
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			w, ok := required(sub)
			if !ok {
				return nil, false
			}
			all = append(all, w...)
		}
		return all, true
	}
	return nil, false
}

// shortest is the length of the shortest of words.
func shortest(words []string) int {
	n := len(words[0])
	for _, w := range words[1:] {
		n = min(n, len(w))
	}
	return n
}
