package rules

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies"
)

// The home as a place not to be contacted: "don't call the house phone",
// "not on my home number", "never ring the landline", "ghar ke number pe
// call mat karna", घर के फोन पर कॉल मत करो, 别打家里座机, 唔好打屋企电话 (read
// as 不要打屋企电话). Like "not at work", it keeps contact away from one
// place and its phone, and opts out of nothing: the words are taken away
// from the rest of the reading.

const (
	// enHome names the home and its phone.
	enHome = `home|house|landline|land line|residence`
	// zhHome names the home and its phone in Chinese and Cantonese.
	zhHome = `家里|家中|屋企|我家|座机|宅电|住宅电话|固话`
	// hiHome names the home in Hindi in Latin letters.
	hiHome = `ghar|gharwale|gharwala|gharwali|ghar-wale`
)

var (
	// A negation, then within a few words the home named after a
	// preposition or an article: "don't call me at home", "no calls to my
	// house", "never ring the landline", "not on my home number".
	reHomeEN = negThenPlace(`at|to|on|in|my|our|the|from`, `my\s+|our\s+|the\s+`, enHome, `phone|number|line|landline`)
	// Being at home, which a sentence may say beside a refusal ("don't
	// call me, I'm at home with the baby"): no place ruled out.
	reBeingHomeEN = regexp.MustCompile(`\b(?:i'm|im|i am|i'll be|i will be|we're|we are|i was|stuck|stay|staying|work|working)\s+(?:at\s+|from\s+)?home\b`)
	// A word for the phone, enough without one for contact.
	rePhoneWordEN = regexp.MustCompile(`\b(?:phone|number|line|landline)\b`)
	// The home declared off limits, or contact kept away from it.
	reHomeOffLimitsEN = regexp.MustCompile(`\b(?:home|house|landline|home number|home phone|home line|house phone)\b[^.!?\n]{0,25}?\b(?:off[- ]limits|out of bounds|a no[- ]go)\b|\bkeep\b[^.!?\n]{0,25}?\b(?:away from|out of|off)\s+(?:my\s+|our\s+|the\s+)?(?:home|house|landline|home phone)\b`)
	// The home named first and the negation after it, in Chinese or Hindi
	// word order: "ghar ke phone pe call mat kijiye", "home 别 call 我".
	reHomeNegAfter = placeThenNegation(hiHome + `|home|house|landline`)
	// Chinese: a negation then the home (别打家里座机, 不要往我家里打电话,
	// 唔好再打去我屋企), or the home or its phone then the negation
	// (家里的电话别打了, 座机不要再打了).
	reHomeZH = []*regexp.Regexp{
		regexp.MustCompile(zhNeg + `[^，,。！？]{0,6}?(?:` + zhHome + `)(?:的)?(?:电话|座机|固话|号码)?[^，,。！？]{0,4}`),
		regexp.MustCompile(`(?:家里|家中|屋企|我家)(?:的)?(?:电话|座机|固话|号码)?\s*(?:也|就|都)?` + zhNeg + `[^，,。！？]{0,4}`),
		regexp.MustCompile(`(?:座机|宅电|固话|住宅电话)(?:的)?(?:电话|号码)?\s*(?:也|就|都)?` + zhNeg + `[^，,。！？]{0,4}`),
	}
	// Hindi in Devanagari: the home, then contact and the negation (घर के
	// नंबर पर फोन मत करो).
	reHomeHI      = regexp.MustCompile(`घर[^,.!?\n।]{0,30}?(?:मत|नहीं|नही)`)
	reContactDeva = regexp.MustCompile(`फोन|कॉल|काल|मैसेज|संपर्क|call|phone`)

	homeWords      = strings.Split(enHome, "|")
	homeAfterWords = append(strings.Split(hiHome, "|"), "home", "house", "landline")
)

// homePlace reads the home ruled out of contact.
var homePlace = placeReader{
	restriction:    agent.ContactRestriction{Kind: policies.RestrictPlace, Place: policies.PlaceHome},
	negBefore:      reHomeEN,
	negBeforeWords: homeWords,
	named: func(t string) bool {
		return contactGate.MatchString(t) || rePhoneWordEN.MatchString(t)
	},
	there:          reBeingHomeEN,
	negAfter:       reHomeNegAfter,
	negAfterWords:  homeAfterWords,
	offLimits:      reHomeOffLimitsEN,
	offLimitsWords: homeWords,
	zh:             reHomeZH,
	// Letters sent to the home address (请勿往我家地址寄催款函) are mail
	// refused, which the opt-out reads.
	zhSkip:      func(s string) bool { return strings.Contains(s, "寄") || strings.Contains(s, "地址") },
	zhOther:     family,
	deva:        reHomeHI,
	devaWord:    "घर",
	devaContact: reContactDeva,
}

// family reports whether the home word in the match m of s is the family
// (家里人, 家人, 家属, 家长, 家庭): telling them is no place.
func family(s string, m []int) bool {
	for _, w := range []string{"家里", "家中", "我家", "屋企"} {
		i := strings.Index(s[m[0]:m[1]], w)
		if i < 0 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[m[0]+i+len(w):])
		return strings.ContainsRune("人属长庭", r)
	}
	return false
}
