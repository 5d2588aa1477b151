package policies

import (
	"regexp"
	"slices"
	"strings"
	"time"
)

// Kinds of contact restriction.
const (
	RestrictPlace   = "place"   // not at a place (Place: "work" or "home")
	RestrictTime    = "time"    // not before NotBefore, not from NotAfter, local time
	RestrictChannel = "channel" // only on Channels
	RestrictDays    = "days"    // not on Days
	// RestrictOther is a restriction a reader recognised without its
	// terms: a person reads the borrower's words and records them.
	RestrictOther = "other"
)

// The places of a restriction: "not at work" (the workplace, its phone
// or number) and "not at home" (the home, the house phone, the landline).
const (
	PlaceWork = "work"
	PlaceHome = "home"
)

// ContactRestriction is a limit the borrower put on when, where or how
// they may be contacted ("don't call me at work", "not before noon",
// "only by email", "not on weekends"; agent.RestrictionNames names them).
// It has no expiry. Times are minutes
// after local midnight at the borrower's location; zero is no bound.
type ContactRestriction struct {
	Kind      string         `json:"kind"`
	Place     string         `json:"place,omitempty"`
	NotBefore int            `json:"not_before,omitempty"` // no contact before this minute of the day
	NotAfter  int            `json:"not_after,omitempty"`  // no contact at or after this minute of the day
	Channels  []string       `json:"channels,omitempty"`   // contact only on these
	Days      []time.Weekday `json:"days,omitempty"`       // no contact on these
}

// restrictionRef is the rule a recorded restriction enforces, by
// jurisdiction: a time, place or manner the borrower named as inconvenient.
func restrictionRef(jurisdiction string) ref {
	switch {
	case strings.HasPrefix(jurisdiction, "US"):
		return ref{"US-T3", "15 USC 1692c(a)(1),(3); 12 CFR 1006.6(b)(1),(3); 12 CFR 1006.14(h)"}
	case jurisdiction == "GB":
		return ref{"UK-T1", "CONC 7.9.4R"}
	case jurisdiction == "CN":
		return ref{"CN-T1", "GB/T 45251-2025 (times agreed with the debtor)"}
	case jurisdiction == "IN":
		return ref{"IN-P1", "RBI circular on recovery agents, 12 Aug 2022 (no contact at inconvenient times or places)"}
	}
	return ref{"RESTRICT", "a contact restriction the borrower recorded"}
}

// workplace finds a mention of the borrower's workplace in a folded text.
var workplace = regexp.MustCompile(`\b(your|ur)\s+(work|workplace|office|employer|boss|job|place of work|work (number|phone|email))\b|\b(at|to|in) work\b|单位|公司|上班|办公室|老板|工作的地方`)

// unsaying is a negation that, earlier in a mention's sentence, makes it a
// promise not to: "we won't contact you at work", "我们不会在您的工作单位联系您".
var unsaying = regexp.MustCompile(`\b(won'?t|will not|not|never|no)\b|n't|不会|不再|不要|别`)

// homeplace finds a mention of the borrower's home, its phone or its
// number in a folded text: "your home number", "the landline", "at your
// house", 家里的座机, 到您家, 屋企电话. The family (家里人, 家人) is not the home.
var homeplace = regexp.MustCompile(`\b(your|ur)\s+(home|house|residence|landline|land line|home (number|phone|line|address)|house phone)\b|\blandlines?\b|\bland line\b|\bhouse phone\b|\b(at|to|round) (your )?(home|house)\b|\b(at|to|round) your place\b|家里(?:[^人]|$)|家中|您家(?:[^人]|$)|你家(?:[^人]|$)|座机|宅电|住宅电话|屋企(?:[^人]|$)|घर`)

// mentionsWorkplace reports whether a folded text mentions the borrower's
// workplace other than to promise not to contact them there.
func mentionsWorkplace(text []byte) bool { return mentionsPlace(workplace, text) }

// mentionsHome reports whether a folded text mentions the borrower's
// home, its phone or number other than to promise not to contact them
// there.
func mentionsHome(text []byte) bool { return mentionsPlace(homeplace, text) }

// mentionsPlace reports whether re finds a mention in a folded text that
// no negation earlier in its sentence unsays.
func mentionsPlace(re *regexp.Regexp, text []byte) bool {
	for _, m := range re.FindAllIndex(text, -1) {
		start := 0
		for i := m[0] - 1; i >= 0; i-- {
			if b := text[i]; b == '.' || b == '!' || b == '?' || b == '\n' || i >= 2 && string(text[i-2:i+1]) == "。" {
				start = i + 1
				break
			}
		}
		if !unsaying.Match(text[start:m[0]]) {
			return true
		}
	}
	return false
}

// restrictions enforces the contact restrictions the borrower recorded: a
// contact the agent starts outside the time they allow, on a day they
// excluded, or on a channel other than the one they allow is deferred to
// the next allowed time or blocked; any message that mentions their
// workplace after "not at work", or the home, its phone or number after
// "not at home", is blocked. A reply to the borrower's own
// message on the channel they wrote on is not a contact they restricted:
// answering them there is allowed at any time.
func (c *checker) restrictions() {
	if len(c.f.Restrictions) == 0 {
		return
	}
	r := restrictionRef(c.f.Jurisdiction)
	reply := c.p.InitiatedBy == "borrower"
	start, end := c.prof.start, c.prof.end
	var days []time.Weekday
	windowed := false
	for _, rs := range c.f.Restrictions {
		switch rs.Kind {
		case RestrictPlace:
			if rs.Place == PlaceHome {
				if mentionsHome(c.s.base) {
					c.addRef(r, CatContactTime, "mentions the home, where the borrower asked not to be contacted", Block)
				}
			} else if mentionsWorkplace(c.s.base) {
				c.addRef(r, CatContactTime, "mentions the workplace, where the borrower asked not to be contacted", Block)
			}
		case RestrictChannel:
			if !reply && len(rs.Channels) > 0 && !slices.Contains(rs.Channels, c.p.Channel) {
				c.addRef(r, CatConsent, "the borrower asked to be contacted only by "+strings.Join(rs.Channels, " or "), Block)
			}
		case RestrictTime:
			windowed = true
			if rs.NotBefore > start {
				start = rs.NotBefore
			}
			if rs.NotAfter > 0 && rs.NotAfter < end {
				end = rs.NotAfter
			}
		case RestrictDays:
			windowed = true
			days = append(days, rs.Days...)
		}
	}
	if reply || !windowed || c.f.Now.IsZero() {
		return
	}
	zones := c.s.zones.zones
	if start >= end {
		c.addRef(r, CatContactTime, "the borrower's restrictions leave no allowed contact time", Block)
		return
	}
	if allowedAt(c.f.Now, zones, start, end, days) {
		return
	}
	at, ok := nextAllowedDay(c.f.Now, zones, start, end, days)
	if !ok {
		c.addRef(r, CatContactTime, "the borrower's restrictions leave no allowed contact time in the next week", Block)
		return
	}
	if at.After(c.sendAt) {
		c.sendAt = at
	}
	c.addRef(r, CatContactTime, "outside the times the borrower allowed", Defer)
}

// allowedAt reports whether t is inside [start, end) and on none of days in
// every zone.
func allowedAt(t time.Time, zones []*time.Location, start, end int, days []time.Weekday) bool {
	if !inWindow(t, zones, start, end) {
		return false
	}
	for _, z := range zones {
		if slices.Contains(days, t.In(z).Weekday()) {
			return false
		}
	}
	return true
}

// nextAllowedDay returns the first instant at or after t that allowedAt
// accepts, or false when there is none within eight days. The answer is
// always some zone's window opening (or t itself), so only those instants
// are tried; time.Date places them right across DST changes.
func nextAllowedDay(t time.Time, zones []*time.Location, start, end int, days []time.Weekday) (time.Time, bool) {
	if allowedAt(t, zones, start, end, days) {
		return t, true
	}
	var best time.Time
	for _, z := range zones {
		l := t.In(z)
		for d := 0; d <= 8; d++ {
			c := time.Date(l.Year(), l.Month(), l.Day()+d, start/60, start%60, 0, 0, z)
			if c.Before(t) || !best.IsZero() && !c.Before(best) {
				continue
			}
			if allowedAt(c, zones, start, end, days) {
				best = c
			}
		}
	}
	return best.UTC(), !best.IsZero()
}
