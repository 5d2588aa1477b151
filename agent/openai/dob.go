package openai

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

var (
	isoDate   = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$`)
	compact   = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
	hanDate   = regexp.MustCompile(`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$`)
	slashDate = regexp.MustCompile(`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$`)
	ordinal   = regexp.MustCompile(`(\d)(?:st|nd|rd|th)\b`)
	wordDates = []string{"January 2 2006", "Jan 2 2006", "2 January 2006", "2 Jan 2006"}
)

// normalizeDOB reads a date of birth into YYYY-MM-DD candidates: one for an
// unambiguous form, two for 03/04/1985 (month first and day first) or a
// two-digit year. Dates in the future or before 1900 are dropped, so an
// impossible date yields none.
func normalizeDOB(s string, now time.Time) []string {
	s = strings.TrimSpace(foldDigits(s))
	if now.IsZero() {
		now = time.Now()
	}
	var cands []time.Time
	add := func(y, m, d int) {
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if t.Year() != y || int(t.Month()) != m || t.Day() != d { // 31 February rolled over
			return
		}
		if y < 1900 || t.After(now) {
			return
		}
		cands = append(cands, t)
	}
	atoi := func(x string) int { n, _ := strconv.Atoi(x); return n }
	if p := isoDate.FindStringSubmatch(s); p != nil {
		add(atoi(p[1]), atoi(p[2]), atoi(p[3]))
	} else if p := compact.FindStringSubmatch(s); p != nil {
		add(atoi(p[1]), atoi(p[2]), atoi(p[3]))
	} else if p := hanDate.FindStringSubmatch(s); p != nil {
		add(atoi(p[1]), atoi(p[2]), atoi(p[3]))
	} else if p := slashDate.FindStringSubmatch(s); p != nil {
		a, b := atoi(p[1]), atoi(p[2])
		for _, y := range years(p[3], now) {
			add(y, a, b)
			if a != b {
				add(y, b, a)
			}
		}
	} else {
		clean := ordinal.ReplaceAllString(strings.ReplaceAll(s, ",", " "), "$1")
		clean = strings.Join(strings.Fields(clean), " ")
		for _, layout := range wordDates {
			if t, err := time.Parse(layout, clean); err == nil {
				add(t.Year(), int(t.Month()), t.Day())
				break
			}
		}
	}
	out := make([]string, 0, len(cands))
	for _, t := range cands {
		out = append(out, t.Format(time.DateOnly))
	}
	return out
}

// years expands a two-digit year to the candidates not in the future.
func years(y string, now time.Time) []int {
	n, _ := strconv.Atoi(y)
	if len(y) == 4 {
		return []int{n}
	}
	var out []int
	for _, c := range []int{1900 + n, 2000 + n} {
		if c <= now.Year() {
			out = append(out, c)
		}
	}
	return out
}

// digitGroup matches a number written in digits, with thousands
// separators and a fraction.
var digitGroup = regexp.MustCompile(`[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?`)

// foldDigits maps full-width digits and separators to ASCII.
func foldDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 0xFF01 && r <= 0xFF5E {
			return r - 0xFEE0
		}
		return r
	}, s)
}
