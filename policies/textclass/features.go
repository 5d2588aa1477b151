package textclass

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// featureBits sets the size of the hashed feature space: 2^17 buckets.
const (
	featureBits = 17
	numFeatures = 1 << featureBits
)

// Feature kinds, mixed into each hash so that a word and a character
// n-gram with the same bytes land in different buckets.
const (
	kindWord   = 'w' // a Latin-script word
	kindBigram = 'b' // two Latin-script words in a row
	kindLatin  = 'l' // 2-5 bytes within one padded Latin-script word
	kindHan    = 'h' // 1-4 Chinese characters in a row
)

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func mix(h uint32, c byte) uint32 { return (h ^ uint32(c)) * fnvPrime }

// bucket maps a hash to a feature index. The final multiply spreads the
// low bits of short keys.
func bucket(h uint32) uint32 { return (h * 0x9E3779B1) >> (32 - featureBits) }

// features appends to dst the hashed features of folded text (see Fold):
// for Latin-script words the word, the pair of words and the character
// n-grams of 2 to 5 bytes inside the word padded with a space each side;
// for Chinese the character n-grams of 1 to 4 characters within a run of
// Chinese text. Digits all read as 0, so amounts and dates of any value
// look alike. It allocates nothing when dst has room.
func features(dst []uint32, text []byte) []uint32 {
	dst, _ = featureUnits(dst, text)
	return dst
}

// featureUnits is features that also returns the length of the text in
// words, two units each, and Chinese characters, one unit each (see
// minSentenceUnits).
func featureUnits(dst []uint32, text []byte) ([]uint32, int) {
	prevWord := uint32(0) // hash of the previous word, 0 at a clause start
	units := 0
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case isLetter(c) || isDigit(c):
				dst, i, prevWord = latinWord(dst, text, i, prevWord)
				units += 2
			case c == ' ' || c == '\'':
				i++
			default:
				prevWord = 0 // punctuation ends a clause
				i++
			}
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		switch {
		case isHan(r):
			var k int
			dst, i, k = hanRun(dst, text, i)
			units += k
			prevWord = 0
		case unicode.IsLetter(r):
			dst, i, prevWord = latinWord(dst, text, i, prevWord)
			units += 2
		default:
			prevWord = 0
			i += size
		}
	}
	return dst, units
}

// latinWord appends the features of the word that starts at text[i] and
// returns the index just past it and the word's hash.
func latinWord(dst []uint32, text []byte, i int, prevWord uint32) ([]uint32, int, uint32) {
	var word [48]byte // the word padded with a space each side: " word "
	word[0] = ' '
	n := 1
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if !isLetter(c) && !isDigit(c) && c != '\'' {
				break
			}
			if isDigit(c) {
				c = '0'
			}
			if n < len(word)-1 {
				word[n] = c
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		if isHan(r) || !unicode.IsLetter(r) {
			break
		}
		if n+size < len(word) {
			n += copy(word[n:], text[i:i+size])
		}
		i += size
	}
	word[n] = ' '
	n++
	w := mix(fnvOffset, kindWord)
	for _, b := range word[1 : n-1] {
		w = mix(w, b)
	}
	dst = append(dst, bucket(w))
	if prevWord != 0 {
		dst = append(dst, bucket(mix(prevWord*31+w, kindBigram)))
	}
	// The n-grams of each start, in order: four for every start with four
	// bytes after it, written in place, then the last starts' fewer.
	dst = slices.Grow(dst, 4*n)
	out := dst[len(dst) : len(dst)+4*n]
	k, s := 0, 0
	for ; s+5 <= n; s++ {
		h1 := mix(latinStart[word[s]], word[s+1])
		h2 := mix(h1, word[s+2])
		h3 := mix(h2, word[s+3])
		h4 := mix(h3, word[s+4])
		g := out[k : k+4 : k+4]
		g[0], g[1], g[2], g[3] = bucket(h1), bucket(h2), bucket(h3), bucket(h4)
		k += 4
	}
	for ; s+1 < n; s++ {
		h := latinStart[word[s]]
		for e := s + 1; e < n; e++ {
			h = mix(h, word[e])
			out[k] = bucket(h)
			k++
		}
	}
	return dst[:len(dst)+k], i, w
}

// latinStart is, per byte, the hash of a Latin n-gram that starts with it.
var latinStart = func() (t [256]uint32) {
	for c := range t {
		t[c] = mix(mix(fnvOffset, kindLatin), byte(c))
	}
	return t
}()

// hanRun appends the character n-grams of 1 to 4 characters of the run of
// Chinese characters that starts at text[i] and returns the index past it
// and the number of characters.
// A character of the Basic Multilingual Plane is read from its three bytes
// without decoding it in full.
func hanRun(dst []uint32, text []byte, i int) ([]uint32, int, int) {
	// g1 to g4 are the hashes of the 1 to 4 characters that end at the
	// last one read: each the hash of the one shorter before, carried on
	// over the character's bytes.
	var g1, g2, g3, g4 uint32
	k := 0 // characters read
	for i < len(text) {
		size := 3
		if i+2 < len(text) && hanLead(text[i]) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
			r := rune(text[i]&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
			if !isHan(r) {
				break
			}
			b0, b1, b2 := text[i], text[i+1], text[i+2]
			g4 = mix(mix(mix(g3, b0), b1), b2)
			g3 = mix(mix(mix(g2, b0), b1), b2)
			g2 = mix(mix(mix(g1, b0), b1), b2)
			g1 = mix(mix(mix(mix(fnvOffset, kindHan), b0), b1), b2)
		} else {
			var r rune
			r, size = utf8.DecodeRune(text[i:])
			if !isHan(r) {
				break
			}
			c := text[i : i+size]
			g4 = mixAll(g3, c)
			g3 = mixAll(g2, c)
			g2 = mixAll(g1, c)
			g1 = mixAll(mix(fnvOffset, kindHan), c)
		}
		k++
		switch {
		case k >= 4:
			dst = append(dst, bucket(g1), bucket(g2), bucket(g3), bucket(g4))
		case k == 3:
			dst = append(dst, bucket(g1), bucket(g2), bucket(g3))
		case k == 2:
			dst = append(dst, bucket(g1), bucket(g2))
		default:
			dst = append(dst, bucket(g1))
		}
		i += size
	}
	return dst, i, k
}

// hanLead reports whether c opens the three bytes of a character that may
// be Chinese (U+3000 to U+9FFF, U+F000 to U+FFFF): lead bytes whose
// continuations utf8.DecodeRune takes whole, neither overlong nor a
// surrogate.
func hanLead(c byte) bool { return c >= 0xE3 && c <= 0xE9 || c == 0xEF }

// mixAll mixes the bytes of b into h.
func mixAll(h uint32, b []byte) uint32 {
	for _, c := range b {
		h = mix(h, c)
	}
	return h
}

// isHan reports whether r is a Chinese character (the unified ideograph
// blocks and their extensions).
func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF || r >= 0xF900 && r <= 0xFAFF || r >= 0x20000 && r <= 0x3FFFF
}
