package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies"
)

// identityAsk says which identity facts a message mentions or asks for.
type identityAsk struct {
	dob, postcode, last4 bool
}

func (k identityAsk) any() bool { return k.dob || k.postcode || k.last4 }

// identityWords finds identity words in text that has been normalized:
// both a borrower's "my zip is" and an agent's "what is your ZIP code?".
func identityWords(norm string) identityAsk {
	var k identityAsk
	for _, w := range [...]string{"date of birth", "birth", "born", "dob", "d.o.b", "birthday", "出生", "生日", "जन्म"} {
		if strings.Contains(norm, w) {
			k.dob = true
			break
		}
	}
	for _, w := range [...]string{"zip", "postcode", "postal", "post code", "pin code", "pincode", "pin ", "邮编", "邮政编码", "पिन"} {
		if strings.Contains(norm, w) {
			k.postcode = true
			break
		}
	}
	for _, w := range [...]string{"last four", "last 4", "ssn", "social security", "ending in", "后四位", "后4位", "后四码", "后4码", "尾号", "身份证", "身分证", "last digits"} {
		if strings.Contains(norm, w) {
			k.last4 = true
			break
		}
	}
	return k
}

// pendingIdentity reads what the last agent message asked for, so that a
// bare "60601" can answer it.
func pendingIdentity(history []agent.Message) identityAsk {
	for i := len(history) - 1; i >= 0; i-- {
		m := history[i]
		if m.Direction == agent.DirectionOut || m.Author == agent.AuthorAgent || m.Author == agent.AuthorSupervisor {
			return identityWords(normalize(m.Text))
		}
	}
	return identityAsk{}
}

// plausibleBirthYears expands a year as written into birth years of people
// aged 10 to 110 at now; a two-digit year may give two.
func plausibleBirthYears(y int, short bool, now time.Time) []int {
	lo, hi := now.Year()-110, now.Year()-10
	var cands []int
	if short {
		cands = []int{1900 + y, 2000 + y}
	} else {
		cands = []int{y}
	}
	var out []int
	for _, c := range cands {
		if c >= lo && c <= hi {
			out = append(out, c)
		}
	}
	return out
}

// dobValues lists the YYYY-MM-DD readings of calendar dates that can be a
// date of birth at now.
func dobValues(dates []ymd, now time.Time) []string {
	var out []string
	for _, d := range dates {
		if d.Year == 0 {
			continue
		}
		for _, y := range plausibleBirthYears(d.Year, d.short, now) {
			full := ymd{Year: y, Month: d.Month, Day: d.Day}
			if !full.valid() {
				continue
			}
			v := fmt.Sprintf("%04d-%02d-%02d", y, d.Month, d.Day)
			if !contains(out, v) {
				out = append(out, v)
			}
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ParseDOB reads a date of birth in any common form ("sept 23 1979",
// "9/23/79", "23/09/1979", "1979-09-23", "1979年9月23日", "September 23rd,
// 1979") and returns its YYYY-MM-DD readings at now: two when day and month
// or a two-digit year are ambiguous, none when it is not a plausible birth date.
func ParseDOB(text string, now time.Time) []string {
	a := analyze(text)
	used := make([]bool, len(a.seq))
	for _, m := range scanDates(a.seq, used, now, false) {
		if v := dobValues(m.dates, now); len(v) > 0 {
			return v
		}
	}
	for _, t := range a.seq {
		if v := compactDOB(t.text, now); v != "" {
			return []string{v}
		}
	}
	return nil
}

// compactDOB reads 19790923.
func compactDOB(s string, now time.Time) string {
	if len(s) != 8 {
		return ""
	}
	y, err1 := strconv.Atoi(s[:4])
	m, err2 := strconv.Atoi(s[4:6])
	d, err3 := strconv.Atoi(s[6:])
	if err1 != nil || err2 != nil || err3 != nil {
		return ""
	}
	if v := dobValues([]ymd{{Year: y, Month: m, Day: d}}, now); len(v) > 0 {
		return v[0]
	}
	return ""
}

// ParsePostcode returns the first postcode in text, normalized as
// agent.NormalizePostcode does: a UK postcode ("SW1A 1AA"), a US ZIP (5
// digits; for ZIP+4 the 5-digit ZIP), or a Chinese or Indian 6-digit code
// ("400 001" too). The caller expects a postcode, so a bare "60601" counts;
// a number marked as money ("$60601") does not.
func ParsePostcode(text string) (string, bool) {
	a := analyze(text)
	ask := identityWords(a.norm)
	ask.postcode = true
	claims := scanIdentity(a, make([]bool, len(a.seq)), time.Time{}, ask, identityAsk{postcode: true})
	for _, c := range claims {
		if c.Kind == agent.IdentityPostcode {
			return c.Values[0], true
		}
	}
	return "", false
}

// scanIdentity finds the identity facts in a message. ask says which facts
// the message itself names; pending says which the agent just asked for.
func scanIdentity(a *analysis, used []bool, now time.Time, ask, pending identityAsk) []agent.IdentityClaim {
	var dob, post, last4 []string
	// How many separate values of each fact were written: a value with
	// several readings (04/05/1985, a ZIP+4) is one.
	var dobN, postN, last4N int
	seq := a.seq
	want := identityAsk{dob: ask.dob || pending.dob, postcode: ask.postcode || pending.postcode, last4: ask.last4 || pending.last4}

	// UK postcodes are distinctive enough to need no context.
	for p := 0; p < len(a.norm); p++ {
		e := policies.UKPostcodeEnd(a.norm, p)
		if e < 0 {
			continue
		}
		post = appendNew(post, agent.NormalizePostcode(a.norm[p:e]))
		postN++
		markSpan(seq, used, p, e)
		p = e
	}

	// A British postcode spelled out on a call: "C F twenty-four, three N P".
	if want.postcode && len(post) == 0 {
		for i := range seq {
			if v, e := spelledPostcode(a.norm, seq, used, i); e > i {
				post = appendNew(post, v)
				postN++
				for k := i; k < e; k++ {
					used[k] = true
				}
				break
			}
		}
	}

	var dated []bool // the tokens of dates with a year: read only when the ID's digits may be
	if want.last4 {
		dated = datedYears(seq, used, now)
	}
	for i, t := range seq {
		if used[i] || t.kind != tNum || moneyish(seq, i) {
			continue
		}
		s := t.text
		switch {
		case want.last4 && isLast4(s) && !hanDatePart(seq, i) && !(i < len(dated) && dated[i]) && last4Context(seq, i, ask, pending):
			v := s
			if len(s) == 3 && i+1 < len(seq) && seq[i+1].text == "x" && seq[i+1].start == t.end {
				v = s + "X"
				used[i+1] = true
			}
			if len(v) == 4 {
				last4 = appendNew(last4, v)
				last4N++
				used[i] = true
			}
		case want.postcode && len(s) == 5 && allDigits(s):
			postN++
			post = appendNew(post, s)
			used[i] = true
		case want.postcode && len(s) == 10 && s[5] == '-' && allDigits(s[:5]) && allDigits(s[6:]):
			postN++
			post = appendNew(post, s[:5])
			post = appendNew(post, s[:5]+s[6:])
			used[i] = true
		case want.postcode && len(s) == 9 && allDigits(s) && ask.postcode:
			postN++
			post = appendNew(post, s[:5])
			post = appendNew(post, s)
			used[i] = true
		case want.postcode && len(s) == 6 && allDigits(s):
			postN++
			post = appendNew(post, s)
			used[i] = true
		case want.postcode && len(s) == 3 && allDigits(s) && i+1 < len(seq) && len(seq[i+1].text) == 3 && allDigits(seq[i+1].text) && ask.postcode:
			postN++
			post = appendNew(post, s+seq[i+1].text)
			used[i], used[i+1] = true, true
		case want.dob && len(s) == 8 && allDigits(s):
			if v := compactDOB(s, now); v != "" {
				dob = appendNew(dob, v)
				dobN++
				used[i] = true
			}
		}
	}

	if !now.IsZero() {
		probe := append([]bool(nil), used...)
		yearless := 0
		for _, m := range scanDates(seq, probe, now, false) {
			if len(m.dates) == 0 {
				continue
			}
			if m.dates[0].Year == 0 {
				// "born 8 August 1992, or was it 18 August": a day and
				// month beside a date of birth is another candidate,
				// unless it is an event ("paid on May 3").
				if m.dates[0].Month != 0 && !eventLead[tokText(seq, m.first-1)] {
					yearless++
				}
				continue
			}
			v := dobValues(m.dates, now)
			if !want.dob {
				// Without a word about birth, a past date after "on" or
				// "since" is an event, and a date of birth is an adult's.
				if eventLead[tokText(seq, m.first-1)] {
					continue
				}
				v = adultOnly(v, now)
			}
			if len(v) == 0 {
				continue
			}
			for _, x := range v {
				dob = appendNew(dob, x)
			}
			dobN++
			for k := m.first; k < m.end; k++ {
				used[k] = true
			}
		}
		if dobN > 0 && want.dob {
			dobN += yearless
		}
	}

	// A date of birth volunteered with a bare five- or six-digit number is
	// the pair the agent asks for: the number is the ZIP or PIN code.
	if len(dob) > 0 && len(post) == 0 && !want.postcode {
		for i, t := range seq {
			if used[i] || t.kind != tNum || moneyish(seq, i) || !allDigits(t.text) || (len(t.text) != 5 && len(t.text) != 6) {
				continue
			}
			post = appendNew(post, t.text)
			postN++
			used[i] = true
		}
	}

	// A date of birth volunteered with a bare four-digit number ("1992年8月8日
	// 1357") is the other pair the agent asks for: the ID's last four. The
	// year of a date is never it.
	if len(dob) > 0 && len(last4) == 0 && !want.last4 {
		var dated []bool
		for i, t := range seq {
			if used[i] || t.kind != tNum || moneyish(seq, i) || len(t.text) != 4 || !allDigits(t.text) || hanDatePart(seq, i) {
				continue
			}
			if dated == nil {
				dated = datedYears(seq, used, now)
			}
			if i < len(dated) && dated[i] {
				continue
			}
			last4 = appendNew(last4, t.text)
			last4N++
			used[i] = true
		}
	}

	var out []agent.IdentityClaim
	if len(dob) > 0 {
		out = append(out, agent.IdentityClaim{Kind: agent.IdentityDOB, Values: dob, Written: several(dobN)})
	}
	if len(post) > 0 {
		out = append(out, agent.IdentityClaim{Kind: agent.IdentityPostcode, Values: post, Written: several(postN)})
	}
	if len(last4) > 0 {
		out = append(out, agent.IdentityClaim{Kind: agent.IdentityIDLast4, Values: last4, Written: several(last4N)})
	}
	return out
}

// several is IdentityClaim.Written for n values written: n when more
// than one, else 0.
func several(n int) int {
	if n > 1 {
		return n
	}
	return 0
}

// eventLead are words before a date that make it an event rather than a birth date.
var eventLead = map[string]bool{
	"on": true, "since": true, "from": true, "until": true, "till": true, "in": true, "by": true, "before": true,
	"after": true, "paid": true, "sent": true, "last": true,
}

// adultOnly keeps the YYYY-MM-DD values of people at least 16 years old at now.
func adultOnly(values []string, now time.Time) []string {
	var out []string
	limit := now.Year() - 16
	for _, v := range values {
		if y, err := strconv.Atoi(v[:4]); err == nil && y <= limit {
			out = append(out, v)
		}
	}
	return out
}

// moneyish reports whether the number at seq[i] is marked as money: a
// currency sign or word, a paying verb, or a frequency next to it.
func moneyish(seq []token, i int) bool {
	prev, next := tokText(seq, i-1), tokText(seq, i+1)
	return currencyBefore[prev] || (payWords[prev] && seq[i-1].kind != tHan && prev != "for") || currencyAfter[next] || freqAfter(seq, i+1) != ""
}

func isLast4(s string) bool {
	return (len(s) == 4 && allDigits(s)) || (len(s) == 3 && allDigits(s))
}

// datedYears marks the tokens of the dates in seq that have a year
// ("3 dec 1986"): their year is never the last digits of an ID. nil when
// now is unknown (no date is read then).
func datedYears(seq []token, used []bool, now time.Time) []bool {
	if now.IsZero() {
		return nil
	}
	var dated []bool
	for _, m := range scanDates(seq, slices.Clone(used), now, false) {
		if len(m.dates) == 0 || m.dates[0].Year == 0 {
			continue
		}
		if dated == nil {
			dated = make([]bool, len(seq))
		}
		for k := m.first; k < m.end; k++ {
			dated[k] = true
		}
	}
	return dated
}

// last4Context reports whether the number at seq[i] follows last-four words
// closely, or answers a pending last-four question.
func last4Context(seq []token, i int, ask, pending identityAsk) bool {
	if pending.last4 && !ask.dob && !ask.postcode {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		switch seq[k].text {
		case "ssn", "social", "four", "4", "ending", "ends", "digits", "id", "位", "号", "码", "证", "security", "sin", "aadhaar", "pan":
			return true
		}
	}
	return false
}

// hanDatePart reports whether the number at seq[i] is the year, month or
// day of a Chinese date (1992年8月8日): never the last digits of an ID.
func hanDatePart(seq []token, i int) bool {
	switch tokText(seq, i+1) {
	case "年", "月", "日", "号":
		return true
	}
	return false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func appendNew(list []string, s string) []string {
	if contains(list, s) {
		return list
	}
	return append(list, s)
}

// markSpan marks the tokens inside byte span [p, e) used.
func markSpan(seq []token, used []bool, p, e int) {
	for k, t := range seq {
		if t.start >= p && t.end <= e {
			used[k] = true
		}
	}
}

// spelledPostcode reads a British postcode spelled out from seq[i]: single
// letters, digits and numbers in words ("S W one A, one A A", "B S eleven
// nine Q T"). It returns the postcode, normalized, and the index after its
// last token, or i when there is none. A letter the normalization wrote
// out as a word ("R" read as "are", "U" as "you") is the letter written.
func spelledPostcode(norm string, seq []token, used []bool, i int) (string, int) {
	if used[i] || seq[i].kind != tWord || len(seq[i].text) != 1 {
		return "", i
	}
	letter := func(t token) (byte, bool) {
		if t.kind != tWord || t.end-t.start != 1 || t.end > len(norm) {
			return 0, false
		}
		c := norm[t.start]
		return c, c >= 'a' && c <= 'z'
	}
	var b []byte
	best, end := "", i
	for k := i; k < len(seq) && k < i+12 && !used[k]; k++ {
		t := seq[k]
		if k > i && seq[k-1].start == t.start && seq[k-1].end == t.end {
			continue // the second word of a letter written out as two
		}
		c, isLetter := letter(t)
		switch {
		case isLetter:
			b = append(b, c)
		case t.kind == tNum && allDigits(t.text) && len(t.text) <= 2:
			b = append(b, t.text...)
		case t.kind == tWord:
			d, ok := digitWords[t.text]
			if ok {
				b = append(b, d)
				break
			}
			v, ok := teenWords[t.text]
			if !ok {
				v, ok = tensWords[t.text]
				if ok && v < 100 && k+1 < len(seq) {
					if u, isDigit := digitWords[seq[k+1].text]; isDigit && u != '0' && seq[k+1].kind == tWord {
						v += int(u - '0')
						k++
					}
				}
			}
			if !ok {
				return best, end
			}
			b = append(b, strconv.Itoa(v)...)
		default:
			return best, end
		}
		if len(b) >= 5 && policies.UKPostcodeEnd(string(b), 0) == len(b) {
			best, end = agent.NormalizePostcode(string(b)), k+1
		}
	}
	return best, end
}
