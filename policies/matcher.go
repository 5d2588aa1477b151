package policies

// matcher finds every lexicon term in a text in one pass (Aho-Corasick over
// bytes, with the failure links folded into a full transition table), so the
// cost of a check grows with the text, not with the size of the lexicon.
type matcher struct {
	class  [256]uint8 // byte -> column of delta; 0 for bytes in no term
	nclass int
	delta  []uint16 // state*nclass + class -> next state; uint16 halves the table, so more of it stays in cache
	out    []int32  // state -> index+1 of the first term that ends there, or 0
	same   []int32  // term -> the next term of the same text (other boundaries), or -1
	dict   []int32  // state -> nearest suffix state with an output, or -1
	terms  []term
}

// term is one lexicon entry after parsing.
type term struct {
	text      string
	prefix    bool // a trailing * in the lexicon: the word may go on
	wordStart bool // starts with an ASCII letter or digit: needs a word boundary before
	wordEnd   bool // ends with one and is not a prefix: needs a boundary after
	uses      []termUse
}

// termUse is what a term means: a family group, a negation or a clause break.
type termUse struct {
	kind   uint8
	family uint8
	group  uint8
}

const (
	useFamily uint8 = iota
	useNegation
	useBreak
	useDisclaimer
	useNotNegation
	useScopeEnd
	useBenign
	useNotice        // a statement of what the law protects: denies legal terms in its sentence
	useExcept        // a phrase inside which one family's terms are not that family's
	useFamNeg        // a negation of one family only
	useFamDisclaimer // a disclaimer of one family only
	useCourtesy      // a courtesy closing, which the content model does not read alone
)

// hit is one term found in a text, [start, end) in bytes.
type hit struct {
	term       int32
	start, end int32
}

// newMatcher builds the automaton over terms.
func newMatcher(terms []term) *matcher {
	m := &matcher{terms: terms}
	for _, t := range terms {
		for i := 0; i < len(t.text); i++ {
			if m.class[t.text[i]] == 0 {
				m.nclass++
				m.class[t.text[i]] = uint8(m.nclass)
			}
		}
	}
	m.nclass++ // column 0 for the bytes in no term
	// The trie is built first as lists of children (a map of children per
	// state was most of the build), then laid into delta: a state's row
	// holds its children (no child is 0, the root, which is no state's
	// child) and is filled with the failure state's transitions when the
	// breadth-first pass reaches it.
	nc := m.nclass
	var (
		first = []int32{-1} // state -> its first child, or -1
		next  = []int32{-1} // state -> its parent's next child, or -1
		label = []uint8{0}  // state -> the class that leads to it
	)
	m.out = []int32{0}
	m.same = make([]int32, len(terms))
	for i := range m.same {
		m.same[i] = -1
	}
	for i, t := range terms {
		s := int32(0)
		for j := 0; j < len(t.text); j++ {
			c := m.class[t.text[j]]
			n := first[s]
			for n >= 0 && label[n] != c {
				n = next[n]
			}
			if n < 0 {
				n = int32(len(m.out))
				first, next, label = append(first, -1), append(next, first[s]), append(label, c)
				m.out = append(m.out, 0)
				first[s] = n
			}
			s = n
		}
		if prev := m.out[s]; prev != 0 {
			m.same[i] = m.same[prev-1] // same text, other boundaries: chain them
			m.same[prev-1] = int32(i)
		} else {
			m.out[s] = int32(i + 1)
		}
	}
	if len(m.out) > 1<<16 {
		panic("policies: lexicon too large for the matcher") // parseLexicon checks first
	}
	m.delta = make([]uint16, len(m.out)*nc)
	for s := range first {
		for n := first[s]; n >= 0; n = next[n] {
			m.delta[s*nc+int(label[n])] = uint16(n)
		}
	}
	states := len(m.out)
	m.dict = make([]int32, states)
	fail := make([]int32, states)
	m.dict[0] = -1
	queue := make([]int32, 0, states)
	for c := 0; c < nc; c++ {
		if n := m.delta[c]; n != 0 {
			fail[n] = 0
			m.dict[n] = -1
			queue = append(queue, int32(n))
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		// A byte without a child goes where it goes from the failure
		// state, whose row is complete: it is nearer the root.
		row := m.delta[int(s)*nc : int(s+1)*nc]
		frow := m.delta[int(fail[s])*nc : int(fail[s]+1)*nc]
		for c, n := range row {
			if n == 0 {
				row[c] = frow[c]
				continue
			}
			f := int32(frow[c])
			fail[n] = f
			if m.out[f] != 0 {
				m.dict[n] = f
			} else {
				m.dict[n] = m.dict[f]
			}
			queue = append(queue, int32(n))
		}
	}
	return m
}

// scan appends to hits every term found in text that respects its word
// boundaries, in order of the end of the match.
func (m *matcher) scan(text []byte, hits []hit) []hit {
	s := 0
	for i := 0; i < len(text); i++ {
		s = int(m.delta[s*m.nclass+int(m.class[text[i]])])
		t := int32(s)
		if m.out[t] == 0 {
			t = m.dict[t]
		}
		for t > 0 {
			for ti := m.out[t] - 1; ti >= 0; ti = m.same[ti] {
				tm := &m.terms[ti]
				start := i + 1 - len(tm.text)
				if (!tm.wordStart || start == 0 || !isWordByte(text[start-1])) &&
					(!tm.wordEnd || i+1 == len(text) || !isWordByte(text[i+1])) {
					hits = append(hits, hit{term: ti, start: int32(start), end: int32(i + 1)})
				}
			}
			t = m.dict[t]
		}
	}
	return hits
}
