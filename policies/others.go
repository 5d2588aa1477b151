package policies

import (
	"bytes"
	"hash/maphash"
	"strings"
	"unicode/utf8"
)

// BorrowerIndex knows the names and e-mail addresses of a portfolio's
// borrowers as a set of salted digests, not as text: the guard can tell
// that a message names another borrower without holding the portfolio's
// names in the clear. The salt is a random seed made when the index is
// built, so the digests mean nothing outside this process. Lookups cost a
// few hashes per word of the message, whatever the size of the portfolio.
type BorrowerIndex struct {
	seed maphash.Seed
	set  map[uint64]struct{}
}

// MaxIndexedBorrowers bounds the entries of a BorrowerIndex.
const MaxIndexedBorrowers = 1 << 22

// NewBorrowerIndex builds the digest set of names (two or more words, or a
// Chinese name of two or more characters) and e-mail addresses. Entries
// beyond MaxIndexedBorrowers are ignored.
func NewBorrowerIndex(names, emails []string) *BorrowerIndex {
	ix := &BorrowerIndex{seed: maphash.MakeSeed(), set: map[uint64]struct{}{}}
	var buf []byte
	for _, n := range names {
		if len(ix.set) >= MaxIndexedBorrowers {
			break
		}
		buf = foldBase(buf[:0], n)
		if len(buf) == 0 || bytes.IndexByte(buf, ' ') < 0 && !hasHan(buf) {
			continue // a single Latin word is no name to look for
		}
		ix.set[maphash.Bytes(ix.seed, buf)] = struct{}{}
	}
	for _, e := range emails {
		if len(ix.set) >= MaxIndexedBorrowers {
			break
		}
		buf = foldBase(buf[:0], e)
		if bytes.IndexByte(buf, '@') > 0 {
			ix.set[maphash.Bytes(ix.seed, buf)] = struct{}{}
		}
	}
	return ix
}

// Len is the number of digests held.
func (ix *BorrowerIndex) Len() int { return len(ix.set) }

// other reports whether b is in the index and is not self.
func (ix *BorrowerIndex) other(b, self []byte) bool {
	return !bytes.Equal(b, self) && ix.has(b)
}

func (ix *BorrowerIndex) has(b []byte) bool {
	_, ok := ix.set[maphash.Bytes(ix.seed, b)]
	return ok
}

// findsIn reports whether the folded text holds a name or an address of
// the index other than self (the recipient's own folded name): every e-mail
// address, every run of two or three Latin words, every run of two to four
// Chinese characters is looked up.
func (ix *BorrowerIndex) findsIn(base, self []byte) bool {
	if ix == nil || len(ix.set) == 0 {
		return false
	}
	found := false
	eachEmail(base, func(e []byte) bool {
		found = ix.other(e, self)
		return !found
	})
	if found {
		return true
	}
	// Latin words: starts of words, then two and three words from each.
	var starts [3]int
	for i := 0; i < len(base); i++ {
		if !isLetter(base[i]) || i > 0 && (isLetter(base[i-1]) || base[i-1] == '\'') {
			continue
		}
		n := 0
		j := i
		for n < 3 && j < len(base) && isLetter(base[j]) {
			for j < len(base) && (isLetter(base[j]) || base[j] == '\'' && j+1 < len(base) && isLetter(base[j+1])) {
				j++
			}
			starts[n] = j // end of the n-th word
			n++
			if j+1 < len(base) && base[j] == ' ' && isLetter(base[j+1]) {
				j++
			} else {
				break
			}
		}
		for k := 1; k < n; k++ {
			if ix.other(base[i:starts[k]], self) {
				return true
			}
			// "chen's": the name without its possessive ending.
			if w := base[i:starts[k]]; bytes.HasSuffix(w, []byte("'s")) && ix.other(w[:len(w)-2], self) {
				return true
			}
		}
	}
	// Chinese: runs of two to four ideographs.
	for i := 0; i < len(base); {
		r, n := utf8.DecodeRune(base[i:])
		if r < 0x4E00 || r > 0x9FFF {
			i += n
			continue
		}
		end := i + n
		for k := 2; k <= 4 && end < len(base); k++ {
			r2, n2 := utf8.DecodeRune(base[end:])
			if r2 < 0x4E00 || r2 > 0x9FFF {
				break
			}
			end += n2
			if ix.other(base[i:end], self) {
				return true
			}
		}
		i += n
	}
	return false
}

// eachEmail calls fn for every e-mail address in the folded text until fn
// returns false.
func eachEmail(base []byte, fn func([]byte) bool) {
	for i := 0; i < len(base); i++ {
		if base[i] != '@' {
			continue
		}
		s := i
		for s > 0 && isEmailByte(base[s-1]) {
			s--
		}
		e := i + 1
		for e < len(base) && (isEmailByte(base[e]) && base[e] != '+') {
			e++
		}
		for e > i+1 && base[e-1] == '.' {
			e--
		}
		if s < i && e > i+1 && bytes.IndexByte(base[i+1:e], '.') > 0 {
			if !fn(base[s:e]) {
				return
			}
		}
		i = e - 1
	}
}

func isEmailByte(c byte) bool {
	return isLetter(c) || isDigit(c) || c == '.' || c == '_' || c == '-' || c == '+' || c == '%'
}

// namesOther reports whether base holds one of the names, in full or as
// its surname after a title or an initial ("Mr. Kowalski", "D. Okafor").
func namesOther(base []byte, names []string) bool {
	for _, n := range names {
		if containsName(base, n) {
			return true
		}
		fields := strings.Fields(n)
		if len(fields) < 2 {
			continue
		}
		last := fields[len(fields)-1]
		first := strings.ToLower(fields[0][:1])
		for _, pre := range [...]string{"mr ", "mr. ", "mrs ", "mrs. ", "ms ", "ms. ", "miss ", "dr ", "dr. ", "shri ", "smt ", first + ". ", first + " "} {
			if containsName(base, pre+last) {
				return true
			}
		}
	}
	return false
}

// hasEmail reports whether base holds one of the addresses.
func hasEmail(base []byte, emails []string) bool {
	if len(emails) == 0 {
		return false
	}
	found := false
	eachEmail(base, func(e []byte) bool {
		for _, x := range emails {
			if len(x) == len(e) && strings.EqualFold(x, string(e)) {
				found = true
				return false
			}
		}
		return true
	})
	return found
}
