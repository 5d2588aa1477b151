package rules

import "strconv"

// Spoken numbers, as a caller says them and a call's transcript writes
// them, are rewritten to digits before anything reads the message: a run
// of three or more digit words ("six oh six oh one") is one number, a
// year in words ("nineteen eighty five", "two thousand and three") is the
// year, and a tens word before an ordinal ("twenty first") is the day.
// Other number words are left to the readers of amounts.

var digitWords = map[string]byte{"zero": '0', "oh": '0', "o": '0', "one": '1', "two": '2', "three": '3', "four": '4',
	"five": '5', "six": '6', "seven": '7', "eight": '8', "nine": '9'}

var teenWords = map[string]int{"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}

var tensWords = map[string]int{"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90}

// spokenNumbers rewrites the spoken numbers of seq in place and returns
// the shortened sequence.
func spokenNumbers(seq []token) []token {
	out := seq[:0]
	for i := 0; i < len(seq); {
		if t, n := spokenAt(seq, i); n > 0 {
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
		k := i
		var b []byte
		for k < len(seq) && seq[k].kind == tWord {
			d, ok := digitWords[seq[k].text]
			if !ok {
				break
			}
			b = append(b, d)
			k++
		}
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
