package rules

import (
	"fmt"
	"strconv"
	"strings"
)

// Spoken numbers, as a caller says them and a call's transcript writes
// them, are rewritten to digits before anything reads the message: a run
// of three or more digit words ("six oh six oh one") is one number, a
// year in words ("nineteen eighty five", "two thousand and three") is the
// year, and a tens word before an ordinal ("twenty first") is the day.
// A two-digit year in words right after a month and a day ("march fifth
// ninety one") is the year too, and Chinese digits said one by one
// (四四一七, 一九九一) are one number. Other number words are left to the
// readers of amounts.

var digitWords = map[string]byte{"zero": '0', "oh": '0', "o": '0', "one": '1', "two": '2', "three": '3', "four": '4',
	"five": '5', "six": '6', "seven": '7', "eight": '8', "nine": '9'}

var teenWords = map[string]int{"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}

var tensWords = map[string]int{"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90}

// spokenNumbers rewrites the spoken numbers of seq in place and returns
// the shortened sequence.
func spokenNumbers(seq []token) []token {
	out := make([]token, 0, len(seq))
	for i := 0; i < len(seq); {
		if t, n := spokenAt(seq, i); n > 0 {
			out = append(out, t)
			i += n
			continue
		}
		if t, n := hanDigitRun(seq, i); n > 0 {
			out = append(out, t)
			i += n
			continue
		}
		if t, n := shortSpokenYear(seq, i, out); n > 0 {
			out = append(out, t)
			i += n
			continue
		}
		out = append(out, seq[i])
		i++
	}
	return out
}

// spokenAt reads a spoken number at seq[i] and returns it as one token and
// the number of tokens it took, or 0.
func spokenAt(seq []token, i int) (token, int) {
	w := seq[i].text
	if seq[i].kind != tWord {
		return token{}, 0
	}
	merged := func(text string, n int) (token, int) {
		return token{text: text, kind: tNum, start: seq[i].start, end: seq[i+n-1].end, clause: seq[i].clause}, n
	}
	word := func(k int) string {
		if k < len(seq) && seq[k].kind == tWord {
			return seq[k].text
		}
		return ""
	}
	// six oh six oh one: three or more digit words in a row
	if _, ok := digitWords[w]; ok {
		b, k := digitRun(seq, i, tWord, digitWords)
		if len(b) >= 3 && (b[0] != '0' || w != "o") {
			return merged(string(b), k-i)
		}
	}
	// twenty first, thirty first: a day
	if w == "twenty" || w == "thirty" {
		if d, ok := enOrdinals[word(i+1)]; ok && d < 10 {
			return merged(strconv.Itoa(tensWords[w]+d), 2)
		}
	}
	// nineteen eighty five, nineteen oh five, twenty ten, two thousand
	// (and) three: a year only beside a month or a word of birth, else left
	// to the readers of amounts. Only the words a year starts with look
	// for that context.
	if (w != "nineteen" && w != "twenty" && w != "two") || !yearContext(seq, i) {
		return token{}, 0
	}
	if w != "two" {
		century := 19
		if w == "twenty" {
			century = 20
		}
		if lo, n := twoDigits(word, i+1, false); n > 0 {
			return merged(strconv.Itoa(century*100+lo), 1+n)
		}
		return token{}, 0
	}
	if word(i+1) == "thousand" {
		k := i + 2
		if word(k) == "and" {
			k++
		}
		if lo, n := twoDigits(word, k, true); n > 0 && word(k+n) != "hundred" && word(k+n) != "thousand" {
			return merged(strconv.Itoa(2000+lo), k-i+n)
		}
	}
	return token{}, 0
}

// twoDigits reads the two last digits of a spoken year at seq[k]: "eighty
// five", "ninety", "oh five", "twelve", and a lone digit when unit is set
// ("two thousand and three"; "march twenty three" is a day, not 2003). It
// returns their value and the number of words, or 0 words.
func twoDigits(word func(int) string, k int, unit bool) (int, int) {
	w := word(k)
	if t, ok := teenWords[w]; ok {
		return t, 1
	}
	if t, ok := tensWords[w]; ok {
		if d, ok := digitWords[word(k+1)]; ok && d != '0' && word(k+1) != "oh" && word(k+1) != "o" {
			return t + int(d-'0'), 2
		}
		return t, 1
	}
	if d, ok := digitWords[w]; ok && d != '0' && unit {
		return int(d - '0'), 1
	}
	if w == "oh" || w == "o" {
		if d, ok := digitWords[word(k+1)]; ok && d != '0' {
			return int(d - '0'), 2
		}
	}
	return 0, 0
}

// yearContext reports whether a month or a word of birth comes up to five
// words before seq[i]: "april twelfth nineteen eighty five", "born in
// nineteen ninety".
func yearContext(seq []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		w := seq[k].text
		if _, ok := monthWords[w]; ok {
			return true
		}
		switch w {
		case "born", "birth", "birthday", "dob", "year":
			return true
		}
	}
	return false
}

// hanDigits are the Chinese digits a number is said with one by one.
var hanDigits = map[string]byte{"零": '0', "〇": '0', "一": '1', "二": '2', "三": '3', "四": '4', "五": '5',
	"六": '6', "七": '7', "八": '8', "九": '9'}

// hanDigitRun reads three or more Chinese digits in a row with no place
// word after them (五零八二, 一九八九年, but not 三五百) as one number.
func hanDigitRun(seq []token, i int) (token, int) {
	b, k := digitRun(seq, i, tHan, hanDigits)
	if len(b) < 3 {
		return token{}, 0
	}
	if k < len(seq) && strings.Contains("十百千万亿萬億块塊元蚊", seq[k].text) {
		return token{}, 0
	}
	return token{text: string(b), kind: tNum, start: seq[i].start, end: seq[k-1].end, clause: seq[i].clause}, k - i
}

// shortSpokenYear reads a two-digit year in words ("ninety one", "oh
// five", "eighty") right after a month and a day already read (prev):
// "march fifth ninety one", "the fourth of july eighty two". Not just
// after a paying word, and not before a word of money or of a count.
func shortSpokenYear(seq []token, i int, prev []token) (token, int) {
	if seq[i].kind != tWord {
		return token{}, 0
	}
	if _, ok := tensWords[seq[i].text]; !ok && seq[i].text != "oh" {
		return token{}, 0
	}
	word := func(k int) string {
		if k < len(seq) && seq[k].kind == tWord {
			return seq[k].text
		}
		return ""
	}
	lo, n := twoDigits(word, i, false)
	if n == 0 || !afterMonthAndDay(prev) {
		return token{}, 0
	}
	switch next := tokText(seq, i+n); {
	case next == "hundred" || next == "thousand" || next == "a" || next == "per" || next == "each" || next == "every",
		currencyAfter[next], freqAfter(seq, i+n) != "":
		return token{}, 0
	}
	for _, t := range prev[max(0, len(prev)-5):] {
		if payWords[t.text] && t.kind == tWord {
			return token{}, 0
		}
	}
	return token{text: fmt.Sprintf("%02d", lo), kind: tNum, start: seq[i].start, end: seq[i+n-1].end, clause: seq[i].clause}, n
}

// afterMonthAndDay reports whether prev ends in a month and a day, either
// way round: "march fifth", "march 5th", "fifth of march", "twelve april".
func afterMonthAndDay(prev []token) bool {
	at := func(k int) token {
		if k >= 0 && k < len(prev) {
			return prev[k]
		}
		return token{}
	}
	isMonth := func(t token) bool { _, ok := monthWords[t.text]; return ok && t.kind == tWord }
	isDay := func(k int) bool {
		t := at(k)
		switch {
		case t.kind == tNum:
			v, err := strconv.Atoi(t.text)
			return err == nil && len(t.text) <= 2 && v >= 1 && v <= 31
		case t.kind == tWord:
			if _, ok := enOrdinals[t.text]; ok {
				return true
			}
			_, ok := cardinalDay(t.text)
			return ok
		}
		return false
	}
	n := len(prev) - 1
	if t := at(n); t.text == "st" || t.text == "nd" || t.text == "rd" || t.text == "th" {
		return isDay(n-1) && isMonth(at(n-2))
	}
	if isDay(n) && isMonth(at(n-1)) {
		return true
	}
	if isMonth(at(n)) {
		if at(n-1).text == "of" {
			n--
		}
		return isDay(n - 1)
	}
	return false
}

// cardinalDay reads a day of the month said as a cardinal word of its own:
// "five", "eleven" (not "oh" or "zero").
func cardinalDay(w string) (int, bool) {
	if d, ok := digitWords[w]; ok && d != '0' {
		return int(d - '0'), true
	}
	if v, ok := teenWords[w]; ok {
		return v, true
	}
	if w == "twenty" || w == "thirty" {
		return tensWords[w], true
	}
	return 0, false
}

// digitRun reads the digits said one by one from seq[i], in tokens of kind
// with the words of digits, and returns them and the index after them.
func digitRun(seq []token, i int, kind tokKind, digits map[string]byte) ([]byte, int) {
	k := i
	var b []byte
	for k < len(seq) && seq[k].kind == kind {
		d, ok := digits[seq[k].text]
		if !ok {
			break
		}
		b = append(b, d)
		k++
	}
	return b, k
}
