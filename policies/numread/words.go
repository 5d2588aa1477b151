package numread

import (
	"maps"
	"slices"
)

// English number words.
var (
	units = map[string]int64{
		"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
		"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
		"seventeen": 17, "eighteen": 18, "nineteen": 19,
	}
	tens = map[string]int64{
		"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
		"ninety": 90,
	}
	// scales are the words that multiply what is said before them, after
	// number words or after digits.
	scales = map[string]int64{
		"hundred": 100, "thousand": 1000, "grand": 1000, "lakh": 100_000, "lakhs": 100_000, "lac": 100_000,
		"lacs": 100_000, "million": 1_000_000, "crore": 10_000_000, "crores": 10_000_000, "billion": 1_000_000_000,
		// Abbreviations, read after digits only ("1.2 cr", "3 mn").
		"cr": 10_000_000, "mn": 1_000_000, "bn": 1_000_000_000,
	}
	// wordStart marks the first letters of number words, so most words are
	// passed over without a lookup.
	wordStart = func() (t [256]bool) {
		for _, m := range []map[string]int64{units, tens} {
			for w := range m {
				t[w[0]] = true
			}
		}
		t['a'] = true // a hundred
		return t
	}()
	// wordPairs marks, per first letter of the words classify knows, the
	// letters that may follow it (bit 26: none, a word of one letter).
	wordPairs = func() (t [256]uint32) {
		for _, m := range []map[string]int64{units, tens, scales, {"a": 0, "and": 0}} {
			for w := range m {
				if len(w) == 1 {
					t[w[0]] |= 1 << 26
				} else {
					t[w[0]] |= 1 << (w[1] - 'a')
				}
			}
		}
		return t
	}()
)

// NumberWords lists the English words for the numbers from zero to ninety,
// sorted: the vocabulary a spelling corrector should know.
func NumberWords() []string {
	return slices.Sorted(func(yield func(string) bool) {
		for w := range maps.Keys(units) {
			if !yield(w) {
				return
			}
		}
		for w := range maps.Keys(tens) {
			if !yield(w) {
				return
			}
		}
	})
}

// wordKind is what a word is to a number.
type wordKind uint8

const (
	wOther wordKind = iota
	wUnit
	wTens
	wScale
	wA
	wAnd
)

type wordInfo struct {
	kind wordKind
	v    int64
}

// classify says what a word, in lower case, is to a number. A switch
// rather than the maps: the guard asks it of most words of every message.
// The abbreviations among the scales count after digits only.
func classify(w []byte) wordInfo {
	if len(w) > 9 {
		return wordInfo{}
	}
	switch string(w) {
	case "zero":
		return wordInfo{wUnit, 0}
	case "one":
		return wordInfo{wUnit, 1}
	case "two":
		return wordInfo{wUnit, 2}
	case "three":
		return wordInfo{wUnit, 3}
	case "four":
		return wordInfo{wUnit, 4}
	case "five":
		return wordInfo{wUnit, 5}
	case "six":
		return wordInfo{wUnit, 6}
	case "seven":
		return wordInfo{wUnit, 7}
	case "eight":
		return wordInfo{wUnit, 8}
	case "nine":
		return wordInfo{wUnit, 9}
	case "ten":
		return wordInfo{wUnit, 10}
	case "eleven":
		return wordInfo{wUnit, 11}
	case "twelve":
		return wordInfo{wUnit, 12}
	case "thirteen":
		return wordInfo{wUnit, 13}
	case "fourteen":
		return wordInfo{wUnit, 14}
	case "fifteen":
		return wordInfo{wUnit, 15}
	case "sixteen":
		return wordInfo{wUnit, 16}
	case "seventeen":
		return wordInfo{wUnit, 17}
	case "eighteen":
		return wordInfo{wUnit, 18}
	case "nineteen":
		return wordInfo{wUnit, 19}
	case "twenty":
		return wordInfo{wTens, 20}
	case "thirty":
		return wordInfo{wTens, 30}
	case "forty":
		return wordInfo{wTens, 40}
	case "fourty":
		return wordInfo{wTens, 40}
	case "fifty":
		return wordInfo{wTens, 50}
	case "sixty":
		return wordInfo{wTens, 60}
	case "seventy":
		return wordInfo{wTens, 70}
	case "eighty":
		return wordInfo{wTens, 80}
	case "ninety":
		return wordInfo{wTens, 90}
	case "hundred":
		return wordInfo{wScale, 100}
	case "thousand":
		return wordInfo{wScale, 1000}
	case "grand":
		return wordInfo{wScale, 1000}
	case "lakh":
		return wordInfo{wScale, 100000}
	case "lakhs":
		return wordInfo{wScale, 100000}
	case "lac":
		return wordInfo{wScale, 100000}
	case "lacs":
		return wordInfo{wScale, 100000}
	case "million":
		return wordInfo{wScale, 1000000}
	case "crore":
		return wordInfo{wScale, 10000000}
	case "crores":
		return wordInfo{wScale, 10000000}
	case "billion":
		return wordInfo{wScale, 1000000000}
	case "a":
		return wordInfo{kind: wA}
	case "and":
		return wordInfo{kind: wAnd}
	}
	return wordInfo{}
}

// classifyBytes is classify on letters of any case.
func classifyBytes(w []byte) wordInfo {
	var buf [16]byte
	return classify(lower(w, &buf))
}

// maxWords is the most words one number is read from.
const maxWords = 16

// readWords reads English number words at b[i]: "twelve", "twenty-five",
// "fifteen hundred", "a hundred and fifty", "two thousand five hundred",
// "two lakh", and "two fifty" (250: hundreds said without the word). The
// words are separated by spaces or hyphens.
func readWords(b []byte, i int) (Number, bool) {
	if !wordStarts(b, i) {
		e := i
		for e < len(b) && isLetter(b[e]) {
			e++
		}
		return Number{Start: i, End: e, Form: Words}, false
	}
	return readWordRun(b, i)
}

// wordStarts reports whether number words may start at the letter b[i]:
// false, and cheaply, for most words.
func wordStarts(b []byte, i int) bool {
	e := i
	for e < len(b) && isLetter(b[e]) {
		e++
	}
	if !wordStart[b[i]|0x20] || e-i > 9 || e < len(b) && (b[e] >= 0x80 || b[e] >= '0' && b[e] <= '9') {
		return false
	}
	switch classifyBytes(b[i:e]).kind {
	case wOther, wAnd:
		return false
	case wA:
		k := e
		for k < len(b) && b[k] == ' ' {
			k++
		}
		l := k
		for l < len(b) && isLetter(b[l]) {
			l++
		}
		if w := classifyBytes(b[k:l]); w.kind != wScale || w.v < 100 {
			return false // "a lot", "a a a"
		}
	}
	return true
}

// readWordRun reads the number words at b[i], the first of which is one.
func readWordRun(b []byte, i int) (Number, bool) {
	n := Number{Start: i, End: i, Form: Words}
	skip := func() (Number, bool) {
		for n.End < len(b) && isLetter(b[n.End]) {
			n.End++
		}
		return n, false
	}
	var words [maxWords]wordInfo
	var ends [maxWords]int
	nw := 0
	for j := i; nw < maxWords; {
		s := j
		for j < len(b) && isLetter(b[j]) {
			j++
		}
		if j == s || j < len(b) && (b[j] >= 0x80 || b[j] >= '0' && b[j] <= '9') {
			break // "one2", "tené": not a word of its own
		}
		words[nw], ends[nw] = classifyBytes(b[s:j]), j
		if w := words[nw].kind; w == wOther || w == wA && nw > 0 || w == wAnd && nw == 0 ||
			nw == 1 && words[0].kind == wA && w != wScale {
			break // no number goes on this way: "a a", "and", "a lot"
		}
		nw++
		k := j
		for k < len(b) && (b[k] == ' ' || b[k] == '-') {
			k++
		}
		if k == j || k >= len(b) || !isLetter(b[k]) {
			break
		}
		j = k
	}
	v, used, ok := readWordSeq(nw, func(k int) wordInfo { return words[k] })
	if used == 0 {
		return skip()
	}
	n.End = ends[used-1]
	n.mant = v
	return n, ok
}

// ReadWords reads English number words from a sequence of words that the
// caller has already cut (and maybe corrected): word(k) is the k-th word
// from where reading starts, in lower case, "" past the end. It returns
// the value and how many words it used.
func ReadWords(word func(k int) string) (Number, int, bool) {
	var words [maxWords]wordInfo
	nw := 0
	for nw < maxWords {
		w := word(nw)
		if len(w) > 9 {
			break
		}
		var buf [16]byte
		words[nw] = classify(buf[:copy(buf[:], w)])
		if words[nw].kind == wOther {
			break
		}
		nw++
	}
	v, used, ok := readWordSeq(nw, func(k int) wordInfo { return words[k] })
	return Number{Form: Words, mant: v}, used, ok && used > 0
}

// readWordSeq is the reading of number words behind readWords and
// ReadWords.
func readWordSeq(nw int, word func(k int) wordInfo) (int64, int, bool) {
	var total, cur int64
	j, used := 0, 0
	seen := 0
	lastWasUnit, lastWasTens, hadScale := false, false, false
	parts := 0 // for "two fifty": a unit then tens without a scale
	for j < nw {
		w := word(j)
		switch w.kind {
		case wA:
			if seen == 0 && j+1 < nw && word(j+1).kind == wScale && word(j+1).v >= 100 {
				cur = 1
				seen++
				j++
				lastWasUnit = true
				continue
			}
		case wAnd:
			if seen > 0 && hadScale && j+1 < nw && (word(j+1).kind == wUnit || word(j+1).kind == wTens) {
				j++
				continue
			}
		case wUnit:
			v := w.v
			if lastWasUnit || lastWasTens && v >= 10 || !lastWasTens && !hadScale && cur > 0 {
				break
			}
			cur += v
			parts++
			lastWasUnit, lastWasTens = true, false
			seen++
			j++
			used = j
			continue
		case wTens:
			v := w.v
			if lastWasTens {
				break
			}
			if lastWasUnit && !hadScale && cur < 10 && cur > 0 && parts == 1 {
				// "two fifty": hundreds said without the word.
				cur = cur*100 + v
				parts++
				lastWasUnit, lastWasTens, hadScale = false, true, true
				seen++
				j++
				used = j
				continue
			}
			if lastWasUnit && cur%100 != 0 {
				break
			}
			cur += v
			parts++
			lastWasUnit, lastWasTens = false, true
			seen++
			j++
			used = j
			continue
		case wScale:
			s := w.v
			if seen == 0 || cur > 1e9 || total > 1e12 {
				break // "hundred hundred hundred": not a number anyone says
			}
			if cur == 0 {
				cur = 1
			}
			if s >= 1000 {
				total += cur * s
				cur = 0
			} else {
				cur *= s
			}
			hadScale = true
			lastWasUnit, lastWasTens = false, false
			seen++
			j++
			used = j
			continue
		}
		break
	}
	if used == 0 {
		return 0, 0, false
	}
	return total + cur, used, true
}
