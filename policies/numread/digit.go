package numread

import (
	"sort"
	"unicode"
)

// zeros are the zeros of every run of decimal digits in unicode.Nd, in
// order. Unicode assigns decimal digits only in contiguous runs 0 to 9, so
// a digit's value is its distance from the zero before it.
var zeros = func() []rune {
	var out []rune
	add := func(lo, hi, stride rune) {
		for r := lo; r <= hi; r += stride {
			if len(out) == 0 || r >= out[len(out)-1]+10 {
				out = append(out, r)
			}
		}
	}
	for _, r := range unicode.Nd.R16 {
		add(rune(r.Lo), rune(r.Hi), rune(r.Stride))
	}
	for _, r := range unicode.Nd.R32 {
		add(rune(r.Lo), rune(r.Hi), rune(r.Stride))
	}
	return out
}()

// Digit returns the value of r when it is a decimal digit of any script
// (ASCII, full-width, Arabic-Indic, Devanagari, Bengali, Thai, Myanmar,
// the mathematical digits and the rest of unicode.Nd), or -1.
func Digit(r rune) int {
	if r < 0x80 {
		if r >= '0' && r <= '9' {
			return int(r - '0')
		}
		return -1
	}
	k := sort.Search(len(zeros), func(i int) bool { return zeros[i] > r }) - 1
	if k < 0 || r-zeros[k] > 9 {
		return -1
	}
	return int(r - zeros[k])
}

// decode reads the rune at b[i]; it is utf8.DecodeRune without the slice.
func decode(b []byte, i int) (rune, int) {
	c := b[i]
	switch {
	case c < 0x80:
		return rune(c), 1
	case c < 0xC2:
		return 0xFFFD, 1
	case c < 0xE0:
		if i+1 < len(b) && b[i+1]&0xC0 == 0x80 {
			return rune(c&0x1F)<<6 | rune(b[i+1]&0x3F), 2
		}
	case c < 0xF0:
		if i+2 < len(b) && b[i+1]&0xC0 == 0x80 && b[i+2]&0xC0 == 0x80 {
			r := rune(c&0x0F)<<12 | rune(b[i+1]&0x3F)<<6 | rune(b[i+2]&0x3F)
			if r >= 0x800 {
				return r, 3
			}
		}
	case c < 0xF5:
		if i+3 < len(b) && b[i+1]&0xC0 == 0x80 && b[i+2]&0xC0 == 0x80 && b[i+3]&0xC0 == 0x80 {
			r := rune(c&0x07)<<18 | rune(b[i+1]&0x3F)<<12 | rune(b[i+2]&0x3F)<<6 | rune(b[i+3]&0x3F)
			if r >= 0x10000 && r <= unicode.MaxRune {
				return r, 4
			}
		}
	}
	return 0xFFFD, 1
}

// decodeLast reads the rune that ends just before b[i].
func decodeLast(b []byte, i int) (rune, int) {
	s := i - 1
	for s > 0 && i-s < 4 && b[s]&0xC0 == 0x80 {
		s--
	}
	if s < 0 {
		return 0xFFFD, 0
	}
	r, n := decode(b, s)
	if s+n != i {
		return 0xFFFD, 1
	}
	return r, n
}

// digitAt returns the value of the digit at b[i] and its length, or -1.
func digitAt(b []byte, i int) (int, int) {
	if i >= len(b) {
		return -1, 0
	}
	if c := b[i]; c < 0x80 {
		if c >= '0' && c <= '9' {
			return int(c - '0'), 1
		}
		return -1, 1
	}
	r, n := decode(b, i)
	return Digit(r), n
}

// sepAt reports the decimal or group separator at b[i] ('.' or ','), with
// its length: ASCII, or the Arabic decimal and thousands signs.
func sepAt(b []byte, i int) (byte, int) {
	if i >= len(b) {
		return 0, 0
	}
	switch b[i] {
	case '.', ',':
		return b[i], 1
	case 0xD9:
		if i+1 < len(b) {
			switch b[i+1] {
			case 0xAB: // U+066B ARABIC DECIMAL SEPARATOR
				return '.', 2
			case 0xAC: // U+066C ARABIC THOUSANDS SEPARATOR
				return ',', 2
			}
		}
	}
	return 0, 0
}
