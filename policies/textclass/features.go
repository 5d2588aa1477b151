package textclass

import (
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
	prevWord := uint32(0) // hash of the previous word, 0 at a clause start
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case isLetter(c) || isDigit(c):
				dst, i, prevWord = latinWord(dst, text, i, prevWord)
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
			dst, i = hanRun(dst, text, i)
			prevWord = 0
		case unicode.IsLetter(r):
			dst, i, prevWord = latinWord(dst, text, i, prevWord)
		default:
			prevWord = 0
			i += size
		}
	}
	return dst
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
	for s := 0; s+1 < n; s++ {
		h := mix(mix(fnvOffset, kindLatin), word[s])
		for e := s + 1; e < n && e < s+5; e++ {
			h = mix(h, word[e])
			dst = append(dst, bucket(h))
		}
	}
	return dst, i, w
}

// hanRun appends the character n-grams of 1 to 4 characters of the run of
// Chinese characters that starts at text[i] and returns the index past it.
func hanRun(dst []uint32, text []byte, i int) ([]uint32, int) {
	// grams[n-1] is the hash of the n characters that end at the last one
	// read: the hash of the n-1 before, carried on over its bytes.
	var grams [4]uint32
	k := 0 // characters read
	for i < len(text) {
		r, size := utf8.DecodeRune(text[i:])
		if !isHan(r) {
			break
		}
		k++
		end := i + size
		for n := 3; n >= 1; n-- {
			grams[n] = mixAll(grams[n-1], text[i:end])
		}
		grams[0] = mixAll(mix(fnvOffset, kindHan), text[i:end])
		for n := 0; n < 4 && n < k; n++ {
			dst = append(dst, bucket(grams[n]))
		}
		i = end
	}
	return dst, i
}

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
