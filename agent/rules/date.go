package rules

import (
	"strconv"
	"strings"
	"time"

	"github.com/parley-collections/parley/policies/numread"
)

var monthWords = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
	"jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
	"oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
	// in Devanagari, as Hindi writes the English months
	"जनवरी": 1, "फरवरी": 2, "मार्च": 3, "अप्रैल": 4, "अप्रेल": 4, "मई": 5, "जून": 6, "जुलाई": 7, "अगस्त": 8,
	"सितंबर": 9, "सितम्बर": 9, "अक्टूबर": 10, "अक्तूबर": 10, "नवंबर": 11, "नवम्बर": 11, "दिसंबर": 12, "दिसम्बर": 12,
}

var weekdayWords = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday, "thursday": time.Thursday,
	"friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
	"mon": time.Monday, "tue": time.Tuesday, "tues": time.Tuesday, "wed": time.Wednesday, "weds": time.Wednesday,
	"thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday, "fri": time.Friday, "sat": time.Saturday, "sun": time.Sunday,
	// Hindi, in Latin letters (v or w) and in Devanagari; itvaar is
	// everyday Sunday, brihaspativar and veervar other Thursdays.
	"somvar": time.Monday, "somwar": time.Monday, "mangalvar": time.Tuesday, "mangalwar": time.Tuesday,
	"budhvar": time.Wednesday, "budhwar": time.Wednesday, "guruvar": time.Thursday, "guruwar": time.Thursday,
	"brihaspativar": time.Thursday, "brihaspatiwar": time.Thursday, "veervar": time.Thursday, "veerwar": time.Thursday,
	"shukravar": time.Friday, "shukrawar": time.Friday, "shanivar": time.Saturday, "shaniwar": time.Saturday,
	"ravivar": time.Sunday, "raviwar": time.Sunday, "itvaar": time.Sunday, "itwar": time.Sunday, "itvar": time.Sunday,
	"सोमवार": time.Monday, "मंगलवार": time.Tuesday, "बुधवार": time.Wednesday, "गुरुवार": time.Thursday,
	"बृहस्पतिवार": time.Thursday, "वीरवार": time.Thursday, "शुक्रवार": time.Friday, "शनिवार": time.Saturday,
	"रविवार": time.Sunday, "इतवार": time.Sunday,
}

var hanWeekdays = map[string]time.Weekday{
	"一": time.Monday, "二": time.Tuesday, "三": time.Wednesday, "四": time.Thursday, "五": time.Friday, "六": time.Saturday,
	"日": time.Sunday, "天": time.Sunday, "末": time.Saturday,
	"1": time.Monday, "2": time.Tuesday, "3": time.Wednesday, "4": time.Thursday, "5": time.Friday, "6": time.Saturday, "7": time.Sunday,
}

// ymd is a calendar date as said; Year is 0 when not said, and short when
// the year was written with two digits.
type ymd struct {
	Year, Month, Day int
	short            bool
}

func (d ymd) valid() bool {
	if d.Month == 0 && d.Year == 0 {
		return d.Day >= 1 && d.Day <= 31
	}
	if d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > 31 {
		return false
	}
	y := d.Year
	if y == 0 || d.short {
		y = 2000 // a leap year, so 29 February is allowed until the year is known
	}
	return time.Date(y, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC).Day() == d.Day
}

// dateMention is a date expression found in the text.
type dateMention struct {
	first, end int   // span in the token sequence
	dates      []ymd // calendar readings, when the text named a calendar date
	at         time.Time
	relative   bool // today, tomorrow, a weekday, "in 3 days": already resolved in at
	nextMonth  bool // "next month": at is its first day, and a day named beside it is in it
}

// ParseDate returns the first date the text names, such as "on Friday",
// "next friday", "the 15th", "March 3", "3/3", "tomorrow", "明天", "下周五"
// or "3月15号", resolved against now in now's location to midnight. A
// weekday means the next such day after today; "next" and 下 mean that day
// in the following Monday-started week. A date without a year is the next
// one on or after today. Numeric dates read month first unless that is
// impossible.
func ParseDate(text string, now time.Time) (time.Time, bool) {
	a := analyze(text)
	for _, m := range scanDates(a.seq, make([]bool, len(a.seq)), now, false) {
		if t, ok := m.resolve(now); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

// resolve turns a mention into a promised date.
func (m dateMention) resolve(now time.Time) (time.Time, bool) {
	if m.relative {
		return m.at, true
	}
	if len(m.dates) == 0 {
		return time.Time{}, false
	}
	d := m.dates[0]
	today := midnight(now)
	if d.Year != 0 {
		y := d.Year
		if d.short {
			y += 2000
		}
		return time.Date(y, time.Month(d.Month), d.Day, 0, 0, 0, 0, now.Location()), true
	}
	if d.Month == 0 {
		return dayOfMonthFrom(today, d.Day), true
	}
	t := time.Date(today.Year(), time.Month(d.Month), d.Day, 0, 0, 0, 0, now.Location())
	if t.Before(today) {
		t = time.Date(today.Year()+1, time.Month(d.Month), d.Day, 0, 0, 0, 0, now.Location())
	}
	return t, true
}

func midnight(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
}

// dayOfMonthFrom is the next date on or after today whose day of month is day.
func dayOfMonthFrom(today time.Time, day int) time.Time {
	for i := 0; i < 13; i++ {
		first := time.Date(today.Year(), today.Month()+time.Month(i), 1, 0, 0, 0, 0, today.Location())
		t := first.AddDate(0, 0, day-1)
		if t.Month() == first.Month() && !t.Before(today) {
			return t
		}
	}
	return today
}

// weekdayAfter is the next given weekday after today (a week ahead when today is that day).
func weekdayAfter(today time.Time, wd time.Weekday) time.Time {
	delta := (int(wd) - int(today.Weekday()) + 7) % 7
	if delta == 0 {
		delta = 7
	}
	return today.AddDate(0, 0, delta)
}

// weekdayInWeek is the given weekday in the Monday-started week that is
// weeks ahead of today's.
func weekdayInWeek(today time.Time, wd time.Weekday, weeks int) time.Time {
	monday := today.AddDate(0, 0, -((int(today.Weekday()) + 6) % 7))
	return monday.AddDate(0, 0, 7*weeks+(int(wd)+6)%7)
}

// hanAt reports whether the Han tokens at seq[i:] spell s, and where they end.
func hanAt(seq []token, i int, s string) (int, bool) {
	for _, r := range s {
		if i >= len(seq) || seq[i].text != string(r) {
			return 0, false
		}
		i++
	}
	return i, true
}

// intAt reads a plain integer (digits without separators) or a Chinese
// numeral at seq[i].
func intAt(seq []token, i int) (int, int, bool) {
	if i >= len(seq) {
		return 0, i, false
	}
	t := seq[i]
	if t.kind == tNum {
		if len(t.text) > 9 || strings.ContainsAny(t.text, ".,/-:") {
			return 0, i, false
		}
		v, err := strconv.Atoi(t.text)
		return v, i + 1, err == nil
	}
	if t.kind == tHan && isHanNumeral(t) {
		n, j, ok := readSeq(seq, i)
		if v, whole := n.Int(); ok && whole && n.Form == numread.Han && v < 1e9 {
			return int(v), j, true
		}
	}
	return 0, i, false
}

// dayAt reads a day of month with an optional ordinal suffix: 15, 15th, 1st.
func dayAt(seq []token, i int) (int, int, bool) {
	if i >= len(seq) || seq[i].kind != tNum || len(seq[i].text) > 2 {
		if i < len(seq) {
			if d, ok := enOrdinals[seq[i].text]; ok {
				return d, i + 1, true
			}
		}
		return 0, i, false
	}
	d, err := strconv.Atoi(seq[i].text)
	if err != nil || d < 1 || d > 31 {
		return 0, i, false
	}
	j := i + 1
	if j < len(seq) && seq[j].start == seq[i].end {
		switch seq[j].text {
		case "st", "nd", "rd", "th":
			j++
		}
	}
	return d, j, true
}

// wordDayAt reads a day of the month said as a cardinal number in words:
// "five", "eleven", "twenty four".
func wordDayAt(seq []token, i int) (int, int, bool) {
	if i >= len(seq) || seq[i].kind != tWord {
		return 0, i, false
	}
	d, ok := cardinalDay(seq[i].text)
	if !ok {
		return 0, i, false
	}
	j := i + 1
	if d >= 20 && j < len(seq) && seq[j].kind == tWord && seq[j].text != "oh" && seq[j].text != "o" {
		if u, ok := digitWords[seq[j].text]; ok && u != '0' {
			d += int(u - '0')
			j++
		}
	}
	if d > 31 {
		return 0, i, false
	}
	return d, j, true
}

func isOrdinalSuffixed(seq []token, i int) bool {
	return i+1 < len(seq) && seq[i].kind == tNum && seq[i+1].start == seq[i].end &&
		(seq[i+1].text == "st" || seq[i+1].text == "nd" || seq[i+1].text == "rd" || seq[i+1].text == "th")
}

// yearAt reads a year after a month and day: 1979, or 79 and '79.
func yearAt(seq []token, i int) (int, bool, int, bool) {
	if i < len(seq) && seq[i].text == "'" {
		i++
	}
	if i >= len(seq) || seq[i].kind != tNum {
		return 0, false, i, false
	}
	s := seq[i].text
	v, err := strconv.Atoi(s)
	if err != nil {
		return 0, false, i, false
	}
	switch {
	case len(s) == 4 && v >= 1900 && v <= 2100:
		return v, false, i + 1, true
	case len(s) == 2:
		return v, true, i + 1, true
	}
	return 0, false, i, false
}

// numericDate reads 9/23/79, 23/09/1979, 1979-09-23, 3/15, 1992.8.8 or
// 8.9.1992 from one token. A dotted date with the year last is day first,
// as everywhere dots are written; a two-digit year that cannot be a day
// or a month may come first (92.8.8, 92/8/8).
func numericDate(s string, dayFirst bool) []ymd {
	sep := "/"
	switch {
	case strings.Contains(s, "-"):
		sep = "-"
	case strings.Count(s, ".") == 2 && !strings.Contains(s, "/"):
		sep, dayFirst = ".", true
	}
	if strings.ContainsAny(s, ",:") || (sep == "-" && strings.Contains(s, "/")) {
		return nil
	}
	parts := strings.Split(s, sep)
	n := make([]int, len(parts))
	for i, p := range parts {
		if (sep != "." && strings.Contains(p, ".")) || len(p) == 0 {
			return nil
		}
		v, err := strconv.Atoi(p)
		if err != nil {
			return nil
		}
		n[i] = v
	}
	var out []ymd
	add := func(d ymd) {
		if d.valid() {
			for _, o := range out {
				if o == d {
					return
				}
			}
			out = append(out, d)
		}
	}
	switch {
	case len(parts) == 3 && len(parts[0]) == 4 && len(parts[1]) <= 2 && len(parts[2]) <= 2:
		add(ymd{Year: n[0], Month: n[1], Day: n[2]})
	case len(parts) == 3 && len(parts[0]) == 2 && n[0] > 31 && len(parts[1]) <= 2 && len(parts[2]) <= 2:
		add(ymd{Year: n[0], Month: n[1], Day: n[2], short: true})
	case len(parts) == 3 && len(parts[0]) <= 2 && len(parts[1]) <= 2 && (len(parts[2]) == 4 || len(parts[2]) == 2):
		short := len(parts[2]) == 2
		first, second := ymd{Year: n[2], Month: n[0], Day: n[1], short: short}, ymd{Year: n[2], Month: n[1], Day: n[0], short: short}
		if dayFirst {
			first, second = second, first
		}
		add(first)
		add(second)
	case len(parts) == 2 && sep == "/" && len(parts[0]) <= 2 && len(parts[1]) <= 2:
		first, second := ymd{Month: n[0], Day: n[1]}, ymd{Month: n[1], Day: n[0]}
		if dayFirst {
			first, second = second, first
		}
		add(first)
		if len(out) == 0 {
			add(second)
		}
	}
	return out
}

// scanDates finds the date expressions in seq that are not already used,
// marking their tokens used.
func scanDates(seq []token, used []bool, now time.Time, dayFirst bool) []dateMention {
	today := midnight(now)
	var out []dateMention
	for i := 0; i < len(seq); i++ {
		if used[i] {
			continue
		}
		m, ok := dateAt(seq, i, today, dayFirst)
		if !ok {
			continue
		}
		for k := m.first; k < m.end; k++ {
			used[k] = true
		}
		out = append(out, m)
		i = m.end - 1
	}
	return out
}

func rel(first, end int, t time.Time) (dateMention, bool) {
	return dateMention{first: first, end: end, at: t, relative: true}, true
}

func cal(first, end int, dates ...ymd) (dateMention, bool) {
	var ok []ymd
	for _, d := range dates {
		if d.valid() {
			ok = append(ok, d)
		}
	}
	if len(ok) == 0 {
		return dateMention{}, false
	}
	return dateMention{first: first, end: end, dates: ok}, true
}

// dateAt reads a date expression starting at seq[i].
func dateAt(seq []token, i int, today time.Time, dayFirst bool) (dateMention, bool) {
	t := seq[i]
	w := t.text
	word := func(k int) string { return tokText(seq, k) }
	switch t.kind {
	case tNum:
		if strings.ContainsAny(w, "/-") || strings.Count(w, ".") == 2 {
			if ds := numericDate(w, dayFirst); len(ds) > 0 {
				return dateMention{first: i, end: i + 1, dates: ds}, true
			}
			return dateMention{}, false
		}
		// 23 september 1979, 23rd of sept
		if d, j, ok := dayAt(seq, i); ok {
			k := j
			if word(k) == "of" {
				k++
			}
			if mo, ok := monthWords[word(k)]; ok {
				k++
				if y, short, e, ok := yearAt(seq, k); ok {
					return cal(i, e, ymd{Year: y, Month: int(mo), Day: d, short: short})
				}
				return cal(i, k, ymd{Month: int(mo), Day: d})
			}
			// 3月15号, 1979年9月23日
			if dm, ok := hanDate(seq, i, today); ok {
				return dm, true
			}
			// 5 tareekh (ko): the 5th, in Hindi in Latin letters
			if hiDateWords[word(j)] {
				return cal(i, j+1, ymd{Day: d})
			}
			// the 15th, on the 15th
			if isOrdinalSuffixed(seq, i) && word(j) != "one" && word(j) != "option" && word(j) != "plan" && word(j) != "offer" {
				p := word(i - 1)
				if p == "the" {
					p = word(i - 2)
				}
				if p != "take" && p != "choose" && p != "pick" && p != "want" && p != "like" && p != "prefer" {
					return cal(i, j, ymd{Day: d})
				}
			}
			// in 3 days, 2 weeks from now
			if n, _ := strconv.Atoi(w); n > 0 && n <= 90 {
				if u := word(i + 1); u == "days" || u == "day" || u == "weeks" || u == "week" {
					in := word(i-1) == "in" || word(i-1) == "within"
					fromNow := word(i+2) == "from" && word(i+3) == "now"
					if in || fromNow {
						days := n
						if strings.HasPrefix(u, "week") {
							days *= 7
						}
						end := i + 2
						if fromNow {
							end = i + 4
						}
						return rel(i, end, today.AddDate(0, 0, days))
					}
				}
			}
		}
		if dm, ok := hanDate(seq, i, today); ok {
			return dm, true
		}
	case tWord:
		switch w {
		case "today", "tonight":
			return rel(i, i+1, today)
		case "now", "asap":
			// "I can pay 200 now": a payment today; "I'm broke now" is no
			// date, nor is a wage that pays ("my wages paying for it now")
			for k := i - 1; k >= 0 && k >= i-4; k-- {
				if payWords[seq[k].text] && !payCueOnly[seq[k].text] && seq[k].kind == tWord && !incomeWords[tokText(seq, k-1)] {
					return rel(i, i+1, today)
				}
			}
		case "tomorrow":
			return rel(i, i+1, today.AddDate(0, 0, 1))
		case "kal", "parso", "parson":
			// Hindi kal is tomorrow or yesterday, parso the day after or
			// before: a future after it ("kal bhar dunga") decides.
			if futureAfter(seq, i) {
				days := 1
				if w != "kal" {
					days = 2
				}
				return rel(i, i+1, today.AddDate(0, 0, days))
			}
		case "day":
			if word(i+1) == "after" && word(i+2) == "tomorrow" {
				return rel(i, i+3, today.AddDate(0, 0, 2))
			}
		case "next", "this", "coming":
			if wd, ok := weekdayWords[word(i+1)]; ok {
				if dm, ok := dayAfterWeekday(seq, i, i+2, today, dayFirst); ok {
					return dm, true
				}
				if w == "next" {
					return rel(i, i+2, weekdayInWeek(today, wd, 1))
				}
				d := weekdayInWeek(today, wd, 0)
				if !d.After(today) {
					d = weekdayAfter(today, wd)
				}
				return rel(i, i+2, d)
			}
			if w == "next" && word(i+1) == "week" {
				return rel(i, i+2, weekdayInWeek(today, time.Monday, 1))
			}
			if w == "next" && word(i+1) == "month" {
				m, ok := rel(i, i+2, time.Date(today.Year(), today.Month()+1, 1, 0, 0, 0, 0, today.Location()))
				m.nextMonth = true
				return m, ok
			}
		case "end":
			k := i + 1
			if word(k) == "of" {
				k++
			}
			if word(k) == "the" || word(k) == "this" {
				k++
			}
			switch word(k) {
			case "month":
				return rel(i, k+1, time.Date(today.Year(), today.Month()+1, 0, 0, 0, 0, 0, today.Location()))
			case "week":
				d := weekdayInWeek(today, time.Friday, 0)
				if d.Before(today) {
					d = weekdayInWeek(today, time.Friday, 1)
				}
				return rel(i, k+1, d)
			}
		case "a":
			if word(i-1) == "in" && word(i+1) == "week" {
				return rel(i, i+2, today.AddDate(0, 0, 7))
			}
		}
		if wd, ok := weekdayWords[w]; ok && (len(w) >= 6 || isDateLead(word(i-1))) {
			if dm, ok := dayAfterWeekday(seq, i, i+1, today, dayFirst); ok {
				return dm, true
			}
			return rel(i, i+1, weekdayAfter(today, wd))
		}
		// five march 1991, eleven of october 1970: a day in words is a
		// date only with a year after the month
		if d, j, ok := wordDayAt(seq, i); ok {
			if word(j) == "of" {
				j++
			}
			if mo, ok := monthWords[word(j)]; ok {
				if y, short, e, ok := yearAt(seq, j+1); ok {
					return cal(i, e, ymd{Year: y, Month: int(mo), Day: d, short: short})
				}
			}
		}
		if mo, ok := monthWords[w]; ok {
			// november nine 1980
			if d, j, ok := wordDayAt(seq, i+1); ok {
				if y, short, e, ok := yearAt(seq, j); ok {
					return cal(i, e, ymd{Year: y, Month: int(mo), Day: d, short: short})
				}
			}
			if d, j, ok := dayAt(seq, i+1); ok {
				if y, short, e, ok := yearAt(seq, j); ok {
					return cal(i, e, ymd{Year: y, Month: int(mo), Day: d, short: short})
				}
				if w == "may" && modalSubjects[word(i-1)] {
					return dateMention{}, false // "you may 2 ...": the verb, not the month
				}
				return cal(i, j, ymd{Month: int(mo), Day: d})
			}
		}
		// the fifteenth of march
		if d, ok := enOrdinals[w]; ok && word(i+1) == "of" {
			if mo, ok := monthWords[word(i+2)]; ok {
				if y, short, e, ok := yearAt(seq, i+3); ok {
					return cal(i, e, ymd{Year: y, Month: int(mo), Day: d, short: short})
				}
				return cal(i, i+3, ymd{Month: int(mo), Day: d})
			}
		}
	case tHan:
		return hanDate(seq, i, today)
	}
	return dateMention{}, false
}

// dayAfterWeekday reads the day of the month said right after a weekday
// that ends before seq[k] ("friday the 18th", "monday, 14th december",
// "tuesday 22 june"): the day named is the date, and the mention spans the
// weekday from seq[i] too.
func dayAfterWeekday(seq []token, i, k int, today time.Time, dayFirst bool) (dateMention, bool) {
	if tokText(seq, k) == "," {
		k++
	}
	if tokText(seq, k) == "the" {
		k++
	}
	if k >= len(seq) || seq[k].kind != tNum {
		return dateMention{}, false
	}
	if _, month := monthWords[tokText(seq, k+1)]; !month && !isOrdinalSuffixed(seq, k) {
		return dateMention{}, false
	}
	dm, ok := dateAt(seq, k, today, dayFirst)
	if !ok || dm.relative || len(dm.dates) == 0 {
		return dateMention{}, false
	}
	dm.first = i
	return dm, true
}

// payCueOnly are the words of payWords that mark an amount ("for 200",
// "about 50") but pay nothing themselves: "now" after them is no payment
// today ("it's going on rent for everything now").
var payCueOnly = map[string]bool{
	"about": true, "around": true, "maybe": true, "only": true, "just": true, "roughly": true, "approximately": true,
	"upto": true, "max": true, "maximum": true, "least": true, "most": true, "like": true, "for": true, "sum": true, "together": true,
}

// hiDateWords are the Hindi words for a date of the month: "5 tareekh".
var hiDateWords = map[string]bool{"tareekh": true, "tarikh": true, "taarikh": true, "tarik": true, "tareek": true, "taarik": true}

// futureAfter reports whether a "will" follows seq[i] in its sentence:
// Hindi futures (dunga, denge, karunga) are read as "will".
func futureAfter(seq []token, i int) bool {
	for k := i + 1; k < len(seq) && k <= i+8; k++ {
		if seq[k].text == boundary {
			return false
		}
		if seq[k].text == "will" {
			return true
		}
	}
	return false
}

func isDateLead(w string) bool {
	switch w {
	case "on", "by", "next", "this", "until", "till", "before", "from", "coming", "after", "|":
		return true
	}
	return false
}

// modalSubjects are the words after which "may" is the verb rather than
// the month, unless a year follows: "I may 2", but "born May 1 1980" and
// "pay May 5" are dates.
var modalSubjects = map[string]bool{
	"i": true, "you": true, "we": true, "they": true, "he": true, "she": true, "it": true, "that": true,
	"this": true, "there": true, "who": true, "which": true, "one": true, "what": true,
}

// hanDate reads Chinese dates: 今天, 明天, 后天, 大后天, 下周五, 周五,
// 3月15号, 1979年9月23日, 15号, 月底, 下个月1号, 3天后.
func hanDate(seq []token, i int, today time.Time) (dateMention, bool) {
	if t := seq[i]; t.kind == tHan && !isHanNumeral(t) && !strings.Contains("大今明后月下这本星礼周", t.text) {
		return dateMention{}, false
	}
	for _, r := range [...]struct {
		s    string
		days int
	}{{"大后天", 3}, {"今天", 0}, {"今晚", 0}, {"明天", 1}, {"明日", 1}, {"后天", 2}} {
		if e, ok := hanAt(seq, i, r.s); ok {
			return rel(i, e, today.AddDate(0, 0, r.days))
		}
	}
	if e, ok := hanAt(seq, i, "月底"); ok {
		return rel(i, e, time.Date(today.Year(), today.Month()+1, 0, 0, 0, 0, 0, today.Location()))
	}
	for _, p := range [...]string{"下下周", "下个星期", "下星期", "下个礼拜", "下礼拜", "下周", "这个星期", "这星期", "这周", "本周", "星期", "礼拜", "周"} {
		e, ok := hanAt(seq, i, p)
		if !ok {
			continue
		}
		if i > 0 && (p == "周" || p == "星期" || p == "礼拜") {
			switch seq[i-1].text {
			case "每", "一", "两", "二", "几", "隔", "个", "半", "双", "上":
				return dateMention{}, false
			}
		}
		weeks := 0
		switch {
		case strings.HasPrefix(p, "下下"):
			weeks = 2
		case strings.HasPrefix(p, "下"):
			weeks = 1
		}
		if e < len(seq) {
			if wd, ok := hanWeekdays[seq[e].text]; ok && (seq[e].kind == tHan || len(seq[e].text) == 1) {
				if weeks > 0 {
					return rel(i, e+1, weekdayInWeek(today, wd, weeks))
				}
				d := weekdayInWeek(today, wd, 0)
				if !d.After(today) {
					d = weekdayAfter(today, wd)
				}
				return rel(i, e+1, d)
			}
		}
		if weeks > 0 {
			return rel(i, e, weekdayInWeek(today, time.Monday, weeks))
		}
		return dateMention{}, false
	}
	months := 0
	start := i
	if e, ok := hanAt(seq, i, "下个月"); ok {
		months, i = 1, e
	} else if e, ok := hanAt(seq, i, "下月"); ok {
		months, i = 1, e
	}
	// [Y年] M月 D号|日, or D号
	n1, j, ok := intAt(seq, i)
	if !ok {
		if months > 0 {
			return rel(start, i, time.Date(today.Year(), today.Month()+1, 1, 0, 0, 0, 0, today.Location()))
		}
		return dateMention{}, false
	}
	next := func(k int) string { return tokText(seq, k) }
	switch next(j) {
	case "年":
		if mo, k, ok := intAt(seq, j+1); ok && next(k) == "月" {
			if d, e, ok := intAt(seq, k+1); ok && (next(e) == "日" || next(e) == "号") {
				short := n1 < 100
				return cal(start, e+1, ymd{Year: n1, Month: mo, Day: d, short: short})
			} else if ok && d >= 1 && d <= 31 && !strings.Contains("天周个号日", next(e)) {
				// 1991年3月5: with the year written, the day needs no 日
				return cal(start, e, ymd{Year: n1, Month: mo, Day: d, short: n1 < 100})
			}
		}
	case "月":
		if d, e, ok := intAt(seq, j+1); ok && (next(e) == "日" || next(e) == "号") {
			return cal(start, e+1, ymd{Month: n1, Day: d})
		}
	case "号", "日":
		if n1 >= 1 && n1 <= 31 {
			if months > 0 {
				t := time.Date(today.Year(), today.Month()+1, n1, 0, 0, 0, 0, today.Location())
				return rel(start, j+1, t)
			}
			return cal(start, j+1, ymd{Day: n1})
		}
	case "天", "周", "星", "个":
		// 3天后, 两周后, 两个星期以后, 一个月内
		days, months, k := 1, 0, j+1
		switch {
		case next(j) == "周":
			days = 7
		case next(j) == "星" && next(j+1) == "期":
			days, k = 7, j+2
		case next(j) == "个" && next(j+1) == "星" && next(j+2) == "期":
			days, k = 7, j+3
		case next(j) == "个" && next(j+1) == "月":
			days, months, k = 0, 1, j+2
		case next(j) != "天":
			return dateMention{}, false
		}
		for _, suf := range [...]string{"之后", "以后", "后", "内"} {
			if after, ok := hanAt(seq, k, suf); ok && n1 > 0 && n1 <= 90 {
				return rel(start, after, today.AddDate(0, n1*months, n1*days))
			}
		}
	}
	return dateMention{}, false
}
