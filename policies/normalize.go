package policies

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/parley-collections/parley/policies/textclass"
)

// foldBase appends to dst the text as every detector reads it
// (textclass.FoldBase: lower case, full-width forms, look-alike letters,
// traditional Chinese to simplified, Chinese punctuation to its ASCII twin,
// zero-width characters dropped, runs of spaces collapsed; line breaks
// stay, as clause boundaries), with digits of other scripts (Arabic-Indic,
// Devanagari, Bengali, ...) and the Arabic decimal and thousands signs read
// as ASCII, so amounts and identity numbers in any digit script are found.
func foldBase(dst []byte, s string) []byte {
	dst, _ = foldBaseDigits(dst, s)
	return dst
}

// foldBaseDigits is foldBase, also reporting whether a digit or sign of
// another script was read as ASCII: when none was, the result is
// textclass.FoldBase's.
func foldBaseDigits(dst []byte, s string) ([]byte, bool) {
	start := len(dst)
	dst = textclass.FoldBase(dst, s)
	return foldDigits(dst, start)
}

// foldDigits rewrites, in place, the digits of other scripts in dst[start:]
// as ASCII digits, and reports whether it rewrote any; the text only
// shrinks.
func foldDigits(dst []byte, start int) ([]byte, bool) {
	i := start
	for i < len(dst) && (dst[i] < 0xD8 || dst[i] > 0xF4) {
		i++ // no lead byte of the Arabic comma (U+060C) or of a script with its own digits (U+0660 and up)
	}
	// From there every digit and sign is rewritten. Most such texts are
	// Chinese, whose characters share no first byte with a digit: find the
	// first rune to rewrite without decoding the others.
	for i < len(dst) && !(digitLead[dst[i]] && rewrittenDigit(dst[i:])) {
		i++
	}
	if i == len(dst) {
		return dst, false
	}
	w := i
	for i < len(dst) {
		c := dst[i]
		if c < utf8.RuneSelf {
			dst[w] = c
			w++
			i++
			continue
		}
		r, n := utf8.DecodeRune(dst[i:])
		switch {
		case r == 0x066B:
			dst[w] = '.'
			w++
		case r == 0x066C || r == 0x060C:
			dst[w] = ','
			w++
		default:
			if d := foldDigit(r); d != 0 {
				dst[w] = d
				w++
			} else {
				w += copy(dst[w:], dst[i:i+n])
			}
		}
		i += n
	}
	return dst[:w], w < len(dst) // every rewrite shrinks the text
}

// digitLead marks the first bytes of the UTF-8 forms of the runes
// foldDigits rewrites: the decimal digits of every script but ASCII
// (unicode.Nd, which numread.Digit reads) and the Arabic signs.
var digitLead = func() (lead [256]bool) {
	mark := func(r rune) {
		if r >= utf8.RuneSelf { // ASCII digits stay as they are
			var b [utf8.UTFMax]byte
			utf8.EncodeRune(b[:], r)
			lead[b[0]] = true
		}
	}
	for _, r := range unicode.Nd.R16 {
		for c := rune(r.Lo); c <= rune(r.Hi); c += rune(r.Stride) {
			mark(c)
		}
	}
	for _, r := range unicode.Nd.R32 {
		for c := rune(r.Lo); c <= rune(r.Hi); c += rune(r.Stride) {
			mark(c)
		}
	}
	for _, r := range []rune{0x066B, 0x066C, 0x060C} {
		mark(r)
	}
	return lead
}()

// rewrittenDigit reports whether the rune b opens with is one foldDigits
// rewrites.
func rewrittenDigit(b []byte) bool {
	r, _ := utf8.DecodeRune(b)
	return r == 0x066B || r == 0x066C || r == 0x060C || r >= utf8.RuneSelf && foldDigit(r) != 0
}

// foldLexical appends to dst the base text (see foldBase) as the lexicon
// reads it (textclass.FoldLexical): letters spaced out to dodge a filter
// joined again ("a r r e s t") without the words beside them, spaces
// between Chinese characters removed, and digits or signs standing in for
// letters read as those letters ("c0nsequences", "fam1ly", "a$$").
func foldLexical(dst, base []byte) []byte { return textclass.FoldLexical(dst, base) }

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
		// "f***" or "sh*t", not a footnote mark ("note*") nor the close of
		// Markdown bold ("**Make a payment**").
		if j-i >= 3 && (stars >= 2 || inner) && !boldClose(norm, i, j, stars, inner) {
			return true
		}
		i = j
	}
	return false
}

// boldClose reports whether the word norm[i:j], ending in stars, is the
// close of Markdown bold: two stars after a word of three letters or more,
// with an opening "**" before a letter earlier in the text. Masked words
// keep one or two letters ("sh**") or another number of stars ("bast***").
func boldClose(norm []byte, i, j, stars int, inner bool) bool {
	if inner || stars != 2 || j-i-stars < 3 {
		return false
	}
	for k := 0; k+2 < i; k++ {
		if norm[k] == '*' && norm[k+1] == '*' && (k == 0 || norm[k-1] != '*') && isLetter(norm[k+2]) {
			return true
		}
	}
	return false
}

// simplifiedForm marks the characters that are the simplified form of
// some traditional one: those stay as they are, although OpenCC's table
// also folds a few of them (么 to 幺, as a traditional 么 would be). Built
// on first use.
var simplifiedForm = sync.OnceValue(func() []bool {
	out := make([]bool, 0x10000)
	for r := rune(0x3400); r < 0x10000; r++ {
		if f := textclass.FoldRune(r); f != r && f > 0 && f < 0x10000 {
			out[f] = true
		}
	}
	return out
})

// SimplifiedRune returns the simplified form of a traditional Chinese
// character, and any other character as it is: one character for one.
func SimplifiedRune(r rune) rune {
	if r < 0x3400 || !unicode.Is(unicode.Han, r) {
		return r
	}
	if r < 0x10000 && simplifiedForm()[r] {
		return r
	}
	if f := textclass.FoldRune(r); f > 0 && unicode.Is(unicode.Han, f) {
		return f
	}
	return r
}

// Simplified writes traditional Chinese characters as simplified ones
// (SimplifiedRune), one character for one, so positions in runes carry
// over; everything else stays as it is.
func Simplified(s string) string {
	return strings.Map(SimplifiedRune, s)
}
