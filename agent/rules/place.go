package rules

import (
	"regexp"
	"strings"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies"
)

// A place not to be contacted at ("not at work", "not on the house
// phone") is read by one reader, placeReader, whatever the place: a
// negation then the place, the place then a negation (Chinese and Hindi
// word order), the place declared off limits, the place in Chinese and in
// Devanagari. Each place brings only its words (work in restrict.go, home
// in home.go).

// placeReader reads one place ruled out of contact in a sentence.
type placeReader struct {
	restriction agent.ContactRestriction
	// negBefore is a negation, then within a few words the place (see
	// negThenPlace), looked for when the sentence holds one of
	// negBeforeWords; a match counts when named says it speaks of contact
	// or a phone.
	negBefore      *regexp.Regexp
	negBeforeWords []string
	named          func(match string) bool
	// there is being at the place, which a sentence may say beside a
	// refusal ("I'm at home with the baby"): no place ruled out. Nil when
	// the place has none.
	there *regexp.Regexp
	// negAfter is the place then the negation (placeThenNegation), looked
	// for when the sentence names contact and one of negAfterWords.
	negAfter      *regexp.Regexp
	negAfterWords []string
	// offLimits is the place declared off limits, or contact kept away
	// from it, said without a negation: it takes the whole sentence.
	offLimits      *regexp.Regexp
	offLimitsWords []string
	// zh are the Chinese patterns, run on a sentence that names contact
	// and that zhSkip (nil: none) does not set aside; a match counts unless
	// zhOther (nil: none) reads it as something else.
	zh      []*regexp.Regexp
	zhSkip  func(s string) bool
	zhOther func(s string, m []int) bool
	// deva is the place then the negation in Devanagari, run when the
	// sentence holds devaWord and devaContact matches it. Nil when none.
	deva        *regexp.Regexp
	devaWord    string
	devaContact *regexp.Regexp
}

// negThenPlace builds the pattern of a negation and, within a few words,
// one of the place's words after a preposition (preps) and an optional
// determiner (dets), with an optional word after it (suffix, "" none).
func negThenPlace(preps, dets, words, suffix string) *regexp.Regexp {
	src := `(?:` + enNeg + `\b|不要|别|不能)[^.!?\n]{0,40}?\b(?:` + preps + `)\s+(?:` + dets + `)?(?:` + words + `)\b`
	if suffix != "" {
		src += `(?:\s+(?:` + suffix + `))?`
	}
	return regexp.MustCompile(src)
}

// placeThenNegation builds the pattern of one of the place's words and,
// within a few words, a negation said after it.
func placeThenNegation(words string) *regexp.Regexp {
	return regexp.MustCompile(`\b(?:` + words + `)\b[^,.!?\n，。！？]{0,30}?` + afterNeg)
}

// read adds the place's restriction for each way the sentence s rules it
// out, with where in s it was read (zh: s holds a character outside
// ASCII; contact: s names contact). The declaration off limits is
// offLimitsIn's.
func (p *placeReader) read(s string, zh, contact bool, add func(agent.ContactRestriction, []int)) {
	if hasAny(s, p.negBeforeWords) {
		for _, m := range p.negBefore.FindAllStringIndex(s, -1) {
			t := s[m[0]:m[1]]
			if p.there != nil && p.there.MatchString(t) || !p.named(t) {
				continue
			}
			add(p.restriction, m)
		}
	}
	if contact && hasAny(s, p.negAfterWords) {
		for _, m := range p.negAfter.FindAllStringIndex(s, -1) {
			if p.there == nil || !p.there.MatchString(s[m[0]:m[1]]) {
				add(p.restriction, m)
			}
		}
	}
	if !zh {
		return
	}
	if contact && (p.zhSkip == nil || !p.zhSkip(s)) {
		for _, re := range p.zh {
			for _, m := range re.FindAllStringIndex(s, -1) {
				if p.zhOther == nil || !p.zhOther(s, m) {
					add(p.restriction, m)
				}
			}
		}
	}
	if p.deva != nil && strings.Contains(s, p.devaWord) && p.devaContact.MatchString(s) {
		for _, m := range p.deva.FindAllStringIndex(s, -1) {
			add(p.restriction, m)
		}
	}
}

// offLimitsIn adds the place's restriction over the whole sentence s when
// it declares the place off limits.
func (p *placeReader) offLimitsIn(s string, add func(agent.ContactRestriction, []int)) {
	if hasAny(s, p.offLimitsWords) && p.offLimits.MatchString(s) {
		add(p.restriction, []int{0, len(s)})
	}
}

// workPlace reads the workplace ruled out: "don't call me at work",
// "office 别 call 我", "kaam pe message mat bhejo", 不要打我单位电话, "my
// office is off limits".
var workPlace = placeReader{
	restriction:    agent.ContactRestriction{Kind: policies.RestrictPlace, Place: policies.PlaceWork},
	negBefore:      rePlaceEN,
	negBeforeWords: placeWords,
	named: func(t string) bool {
		return contactGate.MatchString(t) || strings.Contains(t, "number")
	},
	negAfter:       rePlaceNegAfter,
	negAfterWords:  placeAfterWords,
	offLimits:      reOffLimitsEN,
	offLimitsWords: offLimitsWords,
	zh:             rePlaceZH,
}
