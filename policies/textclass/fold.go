package textclass

//go:generate go run ./internal/gentables

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// dropRune marks, in bmpFold, a rune that folding removes, and astralRune
// one whose fold lies outside the plane (in astralFold).
const (
	dropRune   = 0xFFFF
	astralRune = 0xFFFE
)

var (
	// bmpFold maps each rune of the Basic Multilingual Plane to its folded
	// form (0: unchanged; dropRune: removed), so that FoldRune is one load.
	bmpFold [0x10000]uint16
	// astralFold holds the few folds outside it (mathematical letters,
	// rare traditional characters).
	astralFold = map[rune]rune{}
	// phraseFirst marks the first characters of t2sPhrases, and
	// phrasesByFirst lists those phrases, longest first.
	phraseFirst    [0x10000 / 64]uint64
	phrasesByFirst = map[rune][]int32{}
)

func init() {
	for _, p := range confusableLetters {
		setFold(p.r, rune(p.c))
	}
	for _, p := range t2sChars {
		setFold(p[0], p[1])
	}
	// What the tables do not say: the fixed cases below, then lower case.
	for r := rune(utf8.RuneSelf); r < 0x10000; r++ {
		if bmpFold[r] == 0 {
			if f := foldFixed(r); f != r {
				setFold(r, f)
			}
		}
	}
	for i, p := range t2sPhrases {
		r, _ := utf8.DecodeRuneInString(p[0])
		if r < 0x10000 {
			phraseFirst[r/64] |= 1 << (r % 64)
		}
		phrasesByFirst[r] = append(phrasesByFirst[r], int32(i))
	}
	for _, list := range phrasesByFirst {
		slices.SortStableFunc(list, func(a, b int32) int { return len(t2sPhrases[b][0]) - len(t2sPhrases[a][0]) })
	}
}

func setFold(r, f rune) {
	switch {
	case r >= 0x10000:
		astralFold[r] = f
	case f >= 0x10000:
		astralFold[r] = f
		bmpFold[r] = astralRune
	case f < 0:
		bmpFold[r] = dropRune
	default:
		bmpFold[r] = uint16(f)
	}
}

// foldFixed folds the runes no generated table covers: full-width ASCII,
// wide spaces, invisible characters, Chinese and typographic punctuation,
// and lower case for every other letter. -1 drops the rune.
func foldFixed(r rune) rune {
	switch {
	case r >= 'A' && r <= 'Z':
		return r + ('a' - 'A')
	case r < utf8.RuneSelf:
		return r
	case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
		return foldFixed(r - 0xFEE0)
	}
	switch r {
	case 0x3000, 0x00A0, 0x2007, 0x202F:
		return ' '
	case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD:
		return -1
	case 0x3002, 0xFF61: // 。
		return '.'
	case 0x3001, 0xFF64: // 、
		return ','
	case 0x2018, 0x2019, 0x02BC, 0x2032:
		return '\''
	case 0x201C, 0x201D:
		return '"'
	case 0xFFE5:
		return '¥'
	case 0xFFE1:
		return '£'
	case 0x2013, 0x2014, 0x2212:
		return '-'
	}
	if unicode.IsUpper(r) {
		return unicode.ToLower(r)
	}
	return r
}

// FoldRune maps one rune to its folded form, or to -1 when folding drops
// it: ASCII and other letters lower-cased, full-width forms to ASCII,
// letters that look like a Latin letter (Cyrillic "а", Greek "ο",
// mathematical "𝐚", accented "é") to that letter, traditional Chinese
// characters to simplified ones, Chinese and typographic punctuation to its
// ASCII twin, zero-width characters dropped. Digits and currency signs stay.
func FoldRune(r rune) rune {
	switch {
	case r >= 'A' && r <= 'Z':
		return r + ('a' - 'A')
	case r < utf8.RuneSelf:
		return r
	case r < 0x10000:
		switch f := bmpFold[r]; f {
		case 0:
			return r
		case dropRune:
			return -1
		case astralRune:
			return astralFold[r]
		default:
			return rune(f)
		}
	}
	if f, ok := astralFold[r]; ok {
		return f
	}
	return r
}

// FoldBase appends to dst the text as every detector reads it: each rune
// folded by FoldRune, traditional Chinese phrases that do not convert
// character by character replaced by their simplified form, runs of spaces
// collapsed to one and trimmed. Line breaks stay, as clause boundaries.
// It allocates nothing when dst has room for len(s) bytes more.
func FoldBase(dst []byte, s string) []byte {
	dst = slices.Grow(dst, len(s))
	start := len(dst)
	space := true // drop leading spaces
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf && c > ' ' {
			// The common case, printable ASCII, without decoding.
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			space = false
			i++
			continue
		}
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = decodeRune(s, i)
			if r >= 0x3400 && r < 0x10000 && phraseFirst[r/64]&(1<<(r%64)) != 0 {
				if to, m := phraseAt(r, s[i:]); m > 0 {
					dst = append(dst, to...)
					space = false
					i += m
					continue
				}
			}
		}
		i += n
		r = FoldRune(r)
		switch {
		case r < 0:
			continue
		case r == '\n' || r == '\r':
			if len(dst) > start && dst[len(dst)-1] == ' ' {
				dst = dst[:len(dst)-1]
			}
			if len(dst) == start || dst[len(dst)-1] != '\n' {
				dst = append(dst, '\n')
			}
			space = true
			continue
		case r == ' ' || r == '\t' || r == '\v' || r == '\f' || r >= utf8.RuneSelf && r <= maxSpace && unicode.IsSpace(r):
			if !space {
				dst = append(dst, ' ')
				space = true
			}
			continue
		}
		space = false
		if r < utf8.RuneSelf {
			dst = append(dst, byte(r))
		} else {
			dst = utf8.AppendRune(dst, r)
		}
	}
	for len(dst) > start && (dst[len(dst)-1] == ' ' || dst[len(dst)-1] == '\n') {
		dst = dst[:len(dst)-1]
	}
	return dst
}

// maxSpace is the last rune unicode.IsSpace reports (U+3000, the wide
// space): a Chinese character is past it and needs no look-up.
const maxSpace = 0x3000

// decodeRune is utf8.DecodeRuneInString(s[i:]) for a rune that is not
// ASCII, a rune of three bytes (most Chinese characters) read in line.
func decodeRune(s string, i int) (rune, int) {
	if i+2 < len(s) && s[i]&0xF0 == 0xE0 && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		r := rune(s[i]&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) { // neither overlong nor a surrogate
			return r, 3
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

// phraseAt returns the simplified form of the longest traditional phrase
// that opens s (whose first rune is r) and its length in bytes, or 0.
func phraseAt(r rune, s string) (string, int) {
	for _, i := range phrasesByFirst[r] {
		if p := t2sPhrases[i]; strings.HasPrefix(s, p[0]) {
			return p[1], len(p[0])
		}
	}
	return "", 0
}

// FoldLexical appends to dst the base text (see FoldBase) as word lists
// and features read it: letters spaced out to dodge a filter joined again
// ("a r r e s t") without taking in the words beside them, spaces between
// Chinese characters removed, and digits or signs standing in for letters
// read as those letters ("c0nsequences", "fam1ly", "a$$"). Amounts and
// ordinals keep their digits ("$1,200", "10am", "2nd"). base must not
// overlap dst's spare capacity.
func FoldLexical(dst, base []byte) []byte {
	dst = slices.Grow(dst, len(base))
	start := len(dst)
	run := 0 // base[run:i] is copied as it stands when a byte that changes is reached
	for i := 0; i < len(base); {
		if i+1 < len(base) && !sepByte[base[i]] && !sepByte[base[i+1]] {
			// A token of two bytes or more: no byte of it opens a spaced
			// run (the byte before or after each is no separator) or is a
			// space, so it is passed whole.
			i += 2
			for i < len(base) && !sepByte[base[i]] {
				i++
			}
			continue
		}
		// Only a one-character token can open a spaced run.
		if i+1 < len(base) && sepByte[base[i+1]] && (i == 0 || sepByte[base[i-1]]) {
			if k, letters, end := spacedRun(base, i); k >= 3 && letters >= 2 {
				dst = append(dst, base[run:i]...)
				for j := i; j < end; j += 2 {
					dst = append(dst, base[j])
				}
				i, run = end, end
				continue
			} else if k >= 3 {
				// A run that is no word ("1 2 3"): copy it whole, so that
				// no later position reads it again.
				i = end
				continue
			}
		}
		if base[i] == ' ' && i > 0 && i+1 < len(base) && base[i-1] >= 0x80 && base[i+1] >= 0x80 {
			dst = append(dst, base[run:i]...)
			i++
			run = i
			continue // spaces inside Chinese text
		}
		i++
	}
	dst = append(dst, base[run:]...)
	out := dst[start:]
	for i, c := range out {
		if leetable[c] {
			if l := leet(out, i, c); l != 0 {
				out[i] = l
			}
		}
	}
	return dst
}

// Fold appends to dst the fully folded text: FoldLexical of FoldBase. It
// allocates nothing when dst has room for 2*len(s) bytes more.
func Fold(dst []byte, s string) []byte {
	start := len(dst)
	dst = slices.Grow(dst, 2*len(s))
	dst = FoldBase(dst, s)
	mid := len(dst)
	dst = FoldLexical(dst, dst[start:mid:mid])
	n := copy(dst[start:], dst[mid:])
	return dst[:start+n]
}

// leetable marks the bytes that may stand for a letter.
var leetable = [256]bool{'0': true, '1': true, '3': true, '4': true, '5': true, '7': true, '@': true, '$': true, '!': true, '|': true}

// spacedRun measures the run of single characters split by one separator
// each ("a r r e s t", "f.a.m.i.l.y") that starts at base[i]: how many
// characters, how many of them letters, and the index just past the last.
func spacedRun(base []byte, i int) (k, letters, end int) {
	if i > 0 && !isSep(base[i-1]) {
		return 0, 0, 0
	}
	for j := i; j < len(base) && isSpacedChar(base[j]); j += 2 {
		if j+1 < len(base) && isSpacedChar(base[j+1]) {
			break // part of a longer word
		}
		k++
		if isLetter(base[j]) {
			letters++
		}
		end = j + 1
		if j+2 >= len(base) || !isSep(base[j+1]) {
			break
		}
	}
	return k, letters, end
}

func isSep(c byte) bool { return sepByte[c] }

// sepByte marks the separators of a spaced-out word.
var sepByte = [256]bool{' ': true, '.': true, '-': true, '_': true}

func isSpacedChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '@' || c == '$' || c == '*'
}

// leet returns the letter that c stands for at out[i], or 0. A digit or sign
// counts as a letter only beside a letter and never beside a digit, so
// "$1,200", "10am" and "2nd" keep their digits.
func leet(out []byte, i int, c byte) byte {
	var l byte
	switch c {
	case '0':
		l = 'o'
	case '1':
		l = 'i'
	case '3':
		l = 'e'
	case '4':
		l = 'a'
	case '5':
		l = 's'
	case '7':
		l = 't'
	case '@':
		l = 'a'
	case '$':
		l = 's'
	case '!', '|':
		// Only between two letters: "stupid!" keeps its exclamation mark.
		if i > 0 && i+1 < len(out) && isLetter(out[i-1]) && isLetter(out[i+1]) {
			if c == '!' {
				return 'i'
			}
			return 'l'
		}
		return 0
	default:
		return 0
	}
	var prev, next byte
	if i > 0 {
		prev = out[i-1]
	}
	if i+1 < len(out) {
		next = out[i+1]
	}
	if isDigit(prev) || isDigit(next) {
		return 0
	}
	if isLetter(prev) || isLetter(next) {
		return l
	}
	return 0
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
