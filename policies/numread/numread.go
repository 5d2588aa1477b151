// Package numread reads the numbers people write, in the forms a
// collections conversation uses: digits of any decimal script with Western
// or Indian grouping ("1,200.50", "1,20,000", "१,२००"), with a multiplier
// after them ("1.5k", "3 thousand", "1.2 lakh", "1.25 crore", "1.2万",
// "2万5千"), English number words ("fifteen hundred", "a hundred and
// fifty", "two lakh"), and Chinese numerals, the financial ones (大写)
// included ("一千二" is 1200, "一千零二" is 1002, "壹仟贰佰", "两万五",
// "一亿二千万", "二〇二六" read digit by digit).
//
// It reads values only. Whether a number is money, a count, a date or a
// reference is for the caller to decide from the words around it, and so
// is which currency it is in. The guard (policies), the rules brain and the
// rewording check all read numbers here, so that one text has one value for
// each of them.
//
// It is a leaf: it imports nothing of the module, does no I/O and keeps no
// state; every function is safe for concurrent use.
package numread

import (
	"math"
	"strconv"
	"strings"
)

// Form is how a number was written.
type Form uint8

// The forms of a number.
const (
	Digits Form = iota + 1 // digits of any script, maybe with a multiplier: 1,200.50, 1.5k, 1.2万
	Words                  // English number words: fifteen hundred
	Han                    // Chinese numerals: 一千二, 壹仟贰佰
)

// Number is one number read from a text.
type Number struct {
	// Start and End are the bytes read: the numeral and its multiplier,
	// never a currency sign or word.
	Start, End int
	Form       Form
	// IntDigits counts the digits before the decimal point as written
	// (Digits form; before any multiplier).
	IntDigits int
	// Grouped says the digits were written with group separators.
	Grouped bool
	// Point says the digits were written with a decimal point.
	Point bool
	// Mult is the multiplier that scaled the digits ("k", "lakh", "万"),
	// or 0.
	Mult int64
	// Positional says Chinese digits were read one by one (二〇二六).
	Positional bool

	mant   int64  // the value is mant / 10^places
	places int    // decimal places, without trailing zeros
	big    string // the canonical digits, for a number too long to hold
}

// Hundredths returns the value in hundredths (minor units of a currency
// with cents), when it is a whole number of hundredths that fits.
func (n Number) Hundredths() (int64, bool) {
	if n.big != "" || n.places > 2 {
		return 0, false
	}
	v := n.mant
	for p := n.places; p < 2; p++ {
		if v > math.MaxInt64/10 {
			return 0, false
		}
		v *= 10
	}
	return v, true
}

// Int returns the value when it is a whole number that fits.
func (n Number) Int() (int64, bool) {
	if n.big != "" || n.places != 0 {
		return 0, false
	}
	return n.mant, true
}

// String writes the value canonically: no grouping, no leading zeros, no
// trailing zero decimals ("1,200.50" and "1200.5" are both "1200.5").
func (n Number) String() string {
	if n.big != "" {
		return n.big
	}
	s := strconv.FormatInt(n.mant, 10)
	if n.places == 0 {
		return s
	}
	if len(s) <= n.places {
		s = strings.Repeat("0", n.places-len(s)+1) + s
	}
	return s[:len(s)-n.places] + "." + s[len(s)-n.places:]
}

// scale multiplies the value by m; false when it would not fit.
func (n *Number) scale(m int64) bool {
	if n.big != "" || n.mant > math.MaxInt64/m {
		return false
	}
	n.mant *= m
	n.trim()
	return true
}

// trim drops trailing zero decimals.
func (n *Number) trim() {
	for n.places > 0 && n.mant%10 == 0 {
		n.mant /= 10
		n.places--
	}
}

// ReadString is Read on a string.
func ReadString(s string, i int) (Number, bool) { return Read([]byte(s), i) }

// Read reads the number that starts at b[i]: digits (of any script), an
// English number word, or a Chinese numeral (a digit or 十). ok is false
// when none starts there or it is too large to read; End is then past what
// looked like one, so that a scanner can go on from there.
func Read(b []byte, i int) (n Number, ok bool) {
	n = Number{Start: i, End: i}
	if i < 0 || i >= len(b) {
		return n, false
	}
	if d, _ := digitAt(b, i); d >= 0 {
		return readDigits(b, i)
	}
	if isLetter(b[i]) {
		return readWords(b, i)
	}
	if b[i] >= 0x80 {
		if r, _ := decode(b, i); hanStart(r) {
			return readHan(b, i, i, nil)
		}
	}
	return n, false
}

// Starts reports whether a number may start at b[i]: a digit, a Chinese
// numeral that may open one, or an English number word. Read tells for
// sure; Starts is the cheap test that lets a scanner pass over most words.
func Starts(b []byte, i int) bool {
	if i < 0 || i >= len(b) {
		return false
	}
	if d, _ := digitAt(b, i); d >= 0 {
		return true
	}
	if isLetter(b[i]) {
		return wordStarts(b, i)
	}
	r, _ := decode(b, i)
	return hanStart(r)
}

// WordMayStart reports whether a number word may start at the ASCII
// letter b[i], from that letter and the next: when it reports false,
// Starts(b, i) is false, and a scanner need not ask it.
func WordMayStart(b []byte, i int) bool {
	m := wordPairs[b[i]|0x20]
	if i+1 < len(b) && isLetter(b[i+1]) {
		return m&(1<<(b[i+1]|0x20-'a')) != 0
	}
	return m&(1<<26) != 0
}

// ScanString is Scan on a string.
func ScanString(s string, fn func(Number) bool) { Scan([]byte(s), fn) }

// Scan calls fn with every number in b, left to right, until fn returns
// false. Digits that continue a number through a separator it did not take
// ("1.2.3", "1,2345") are not read again as a number of their own.
func Scan(b []byte, fn func(Number) bool) {
	for i := 0; i < len(b); {
		c := b[i]
		if isLetter(c) {
			if i == 0 || !isLetter(b[i-1]) {
				if n, ok := readWords(b, i); n.End > i {
					if ok && !fn(n) {
						return
					}
					i = n.End
					continue
				}
			}
			for i < len(b) && isLetter(b[i]) {
				i++
			}
			continue
		}
		if c < 0x80 && (c < '0' || c > '9') {
			i++
			continue
		}
		r, size := decode(b, i)
		switch {
		case Digit(r) >= 0 && !continues(b, i):
			n, ok := readDigits(b, i)
			if ok && !fn(n) {
				return
			}
			i = max(n.End, i+size)
			continue
		case Digit(r) >= 0:
			for i < len(b) {
				if d, sz := digitAt(b, i); d >= 0 {
					i += sz
				} else if s, sz := sepAt(b, i); s != 0 {
					i += sz
				} else {
					break
				}
			}
			continue
		case hanStart(r) && (i == 0 || !hanNumeral(lastRune(b, i))):
			n, ok := readHan(b, i, i, nil)
			if ok && !fn(n) {
				return
			}
			i = max(n.End, i+size)
			continue
		}
		i += size
	}
}

// continues reports whether the digit at b[i] follows a digit, directly or
// through a separator.
func continues(b []byte, i int) bool {
	if i == 0 {
		return false
	}
	r, n := decodeLast(b, i)
	if Digit(r) >= 0 {
		return true
	}
	if s, _ := sepAt(b, i-n); s != 0 || r == 0x066B || r == 0x066C {
		return i-n > 0 && Digit(lastRune(b, i-n)) >= 0
	}
	return false
}

func lastRune(b []byte, i int) rune {
	r, _ := decodeLast(b, i)
	return r
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// maxDigits is the most digits an int64 value is read from.
const maxDigits = 18

// readDigits reads digits at b[i]: an integer part, maybe grouped by
// thousands or in the Indian way, a fraction, and a multiplier.
func readDigits(b []byte, i int) (Number, bool) {
	n := Number{Start: i, Form: Digits}
	// Groups: the first run of digits and each one after a comma.
	var ends [12]int // where each group ends
	var lens [12]int
	ng := 0
	j := i
	for ng < len(ends) {
		k, cnt := j, 0
		for {
			d, sz := digitAt(b, k)
			if d < 0 {
				break
			}
			k += sz
			cnt++
		}
		if cnt == 0 {
			break
		}
		ends[ng], lens[ng] = k, cnt
		ng++
		s, sz := sepAt(b, k)
		if s != ',' {
			break
		}
		if d, _ := digitAt(b, k+sz); d < 0 {
			break
		}
		j = k + sz
	}
	// The longest prefix of groups that is a well-formed grouping.
	use := 0
	for g := ng - 1; g > 0; g-- {
		if groupingOK(lens[:g+1]) {
			use = g
			break
		}
	}
	n.Grouped = use > 0
	j = ends[use]
	digits := 0
	var mant int64
	var long []byte // the digits, once there are too many for mant
	add := func(d int) {
		digits++
		if digits > maxDigits {
			if long == nil {
				// The digits so far, with the leading zeros mant lost
				// (0.0000…), so the places still count from the end.
				m := strconv.FormatInt(mant, 10)
				long = append([]byte(strings.Repeat("0", digits-1-len(m))), m...)
			}
			long = append(long, byte('0'+d))
			return
		}
		mant = mant*10 + int64(d)
	}
	for k := i; k < j; {
		d, sz := digitAt(b, k)
		if d >= 0 {
			add(d)
			n.IntDigits++
		}
		k += sz
	}
	places := 0
	if s, sz := sepAt(b, j); s == '.' {
		if d, _ := digitAt(b, j+sz); d >= 0 {
			n.Point = true
			j += sz
			for {
				d, sz := digitAt(b, j)
				if d < 0 {
					break
				}
				add(d)
				places++
				j += sz
			}
		}
	}
	n.End = j
	if long != nil {
		n.big = canonicalDigits(string(long), places)
		return n, true
	}
	n.mant, n.places = mant, places
	n.trim()
	// A multiplier: a word ("k", "thousand", "lakh") or a Chinese unit.
	k := j
	for k < len(b) && b[k] == ' ' {
		k++
	}
	if k < len(b) && b[k] >= 0x80 {
		if r, sz := decode(b, k); hanUnit(r) > 0 {
			if !n.Point && n.places == 0 && n.mant < 1e12 {
				// 2万5千, 12万, 3千: the digits are a numeral's digit.
				h, ok := readHan(b, i, k, &n)
				h.Form, h.IntDigits, h.Grouped = Digits, n.IntDigits, n.Grouped
				h.Mult = hanUnit(r)
				return h, ok
			}
			n.Mult = hanUnit(r)
			n.End = k + sz
			return n, n.scale(n.Mult)
		}
		return n, true
	}
	if m, e := multiplierWord(b, k); m > 0 {
		n.Mult, n.End = m, e
		return n, n.scale(m)
	}
	return n, true
}

// groupingOK reports whether digit groups of these lengths, separated by
// commas, are well formed: thousands (1,200,000) or Indian (1,20,000,
// 10,00,000).
func groupingOK(lens []int) bool {
	last := len(lens) - 1
	if lens[0] < 1 || lens[0] > 3 || lens[last] != 3 {
		return false
	}
	western, indian := true, lens[0] <= 2
	for _, l := range lens[1:last] {
		western = western && l == 3
		indian = indian && l == 2
	}
	return western || indian
}

// canonicalDigits writes digits with places decimals canonically.
func canonicalDigits(d string, places int) string {
	whole, frac := d[:len(d)-places], d[len(d)-places:]
	whole = strings.TrimLeft(whole, "0")
	if whole == "" {
		whole = "0"
	}
	if frac = strings.TrimRight(frac, "0"); frac != "" {
		return whole + "." + frac
	}
	return whole
}

// multiplierWord reads a multiplier word at b[k]: "k", "thousand",
// "lakh", "crore", "million"; it returns the factor and where it ends.
func multiplierWord(b []byte, k int) (int64, int) {
	e := k
	for e < len(b) && isLetter(b[e]) {
		e++
	}
	if e == k {
		return 0, k
	}
	var buf [16]byte
	w := lower(b[k:e], &buf)
	if string(w) == "k" {
		return 1000, e
	}
	return scales[string(w)], e
}

// lower writes w in lower case into buf; nil when it does not fit.
func lower(w []byte, buf *[16]byte) []byte {
	if len(w) > len(buf) {
		return nil
	}
	for i, c := range w {
		buf[i] = c | 0x20
	}
	return buf[:len(w)]
}
