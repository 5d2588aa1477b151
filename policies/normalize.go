package policies

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// foldBase appends to dst the text as every detector reads it: full-width
// forms folded to ASCII, Chinese punctuation to its ASCII twin, ASCII and
// Latin letters lower-cased, Cyrillic and Greek look-alikes read as the
// Latin letters they imitate, digits of other scripts as ASCII digits,
// traditional Chinese characters as simplified ones, zero-width characters dropped, runs of spaces
// collapsed to one. Line breaks stay, as clause boundaries. Digits and
// currency signs are kept, so amounts and identity numbers survive.
func foldBase(dst []byte, s string) []byte {
	dst = slices.Grow(dst, len(s)) // folding never lengthens the text
	space := true                  // drop leading spaces
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
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		i += n
		r = foldRune(r)
		switch {
		case r < 0:
			continue
		case r == '\n' || r == '\r':
			if len(dst) > 0 && dst[len(dst)-1] == ' ' {
				dst = dst[:len(dst)-1]
			}
			if len(dst) == 0 || dst[len(dst)-1] != '\n' {
				dst = append(dst, '\n')
			}
			space = true
			continue
		case r == ' ' || r == '\t' || r >= utf8.RuneSelf && unicode.IsSpace(r) || r == '\v' || r == '\f':
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
	for len(dst) > 0 && (dst[len(dst)-1] == ' ' || dst[len(dst)-1] == '\n') {
		dst = dst[:len(dst)-1]
	}
	return dst
}

// foldRune maps one rune to its folded form; -1 drops it.
func foldRune(r rune) rune {
	switch {
	case r >= 'A' && r <= 'Z':
		return r + ('a' - 'A')
	case r < utf8.RuneSelf:
		return r
	case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
		return foldRune(r - 0xFEE0)
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
	case 0x066B: // Arabic decimal separator
		return '.'
	case 0x066C, 0x060C: // Arabic thousands separator, comma
		return ','
	}
	if r < 0x250 {
		return unicode.ToLower(r)
	}
	if r >= 0x4E00 && r < 0xA000 {
		return simplified(r)
	}
	if r < 0x530 {
		if c, ok := confusables[r]; ok {
			return rune(c)
		}
	}
	if d := foldDigit(r); d != 0 {
		return rune(d)
	}
	return r
}

// foldLexical appends to dst the base text (see foldBase) as the lexicon
// reads it: letters spaced out to dodge a filter joined again ("a r r e s t"),
// spaces between Chinese characters removed, and digits or signs standing in
// for letters read as those letters ("c0nsequences", "fam1ly", "a$$").
func foldLexical(dst, base []byte) []byte {
	start := len(dst)
	for i := 0; i < len(base); {
		// Only a one-character token can open a spaced run.
		if i+1 < len(base) && isSep(base[i+1]) {
			if k, letters, end := spacedRun(base, i); k >= 3 && letters >= 2 {
				for j := i; j < end; j += 2 {
					dst = append(dst, base[j])
				}
				i = end
				continue
			} else if k >= 3 {
				// A run that is no word ("1 2 3"): copy it whole, so that
				// no later position reads it again.
				dst = append(dst, base[i:end]...)
				i = end
				continue
			}
		}
		c := base[i]
		if c == ' ' && i > 0 && i+1 < len(base) && base[i-1] >= 0x80 && base[i+1] >= 0x80 {
			i++
			continue // spaces inside Chinese text
		}
		dst = append(dst, c)
		i++
	}
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

func isSep(c byte) bool { return c == ' ' || c == '.' || c == '-' || c == '_' }

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

func isLetter(c byte) bool   { return c >= 'a' && c <= 'z' }
func isDigit(c byte) bool    { return c >= '0' && c <= '9' }
func isWordByte(c byte) bool { return isLetter(c) || isDigit(c) }

// maskedWord reports whether norm has a word written with asterisks for
// letters, the usual way of masking profanity ("f***", "sh*t", "b*tch").
func maskedWord(norm []byte) bool {
	for i := 0; i < len(norm); i++ {
		if !isLetter(norm[i]) || (i > 0 && (isLetter(norm[i-1]) || norm[i-1] == '*')) {
			continue
		}
		j, stars, inner := i, 0, false
		for j < len(norm) && (isLetter(norm[j]) || norm[j] == '*') {
			if norm[j] == '*' {
				stars++
			} else if stars > 0 {
				inner = true // a letter after a star: "sh*t"
			}
			j++
		}
		// "f***" or "sh*t", not a footnote mark ("note*").
		if j-i >= 3 && (stars >= 2 || inner) {
			return true
		}
		i = j
	}
	return false
}
