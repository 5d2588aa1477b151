package policies

import "math"

// matcher finds every lexicon term in a text in one pass (Aho-Corasick over
// bytes), so the cost of a check grows with the text, not with the size of
// the lexicon. The states near the root, where a scan spends most of its
// bytes, have full rows of transitions with the failure links folded in;
// a deeper state keeps only its children and its failure link, which step
// follows to a state with a row. A full table of every state (4.7 MB for
// the default lexicon) was most of the guard's memory, written at every
// start and held by every process.
type matcher struct {
	class    [256]uint8 // byte -> class; 0 for bytes in no term
	nclass   int
	rows     int32       // states 0 to rows-1 have a row of delta, numbered before the deeper states, so a state is its row
	delta    []uint16    // state*nclass + class -> next state (one of depth denseDepth+1 at most, numbered below 1<<16); uint16 halves the table, so more of it stays in cache
	deep     []deepState // state-rows -> what a state without a row steps by
	kidClass []uint8     // the children of deep states with more than one, each state's together
	kidNext  []uint32
	emits    []uint64 // a bit per state: set when a term ends there or at a suffix (out or dict)
	out      []int32  // state -> index+1 of the first term that ends there, or 0
	same     []int32  // term -> the next term of the same text (other boundaries), or -1
	dict     []int32  // state -> nearest suffix state with an output, or -1
	terms    []term
}

// deepState is a state without a row: its children and its failure link
// in one record, so that a step from it reads one place, not a list of
// children and a table of failure links apart. Most such states, deep in a
// term, have one child, which the record holds.
type deepState struct {
	fail  uint32 // the state of its longest proper suffix that is a state
	next  uint32 // its one child, or where its children start in kidClass and kidNext
	class uint8  // the class of its one child
	kids  uint8  // how many children it has
}

// denseDepth is the depth to which states have full rows: about three
// bytes of four that a scan of the labelled texts reads end in one of
// them, and the table (837 KB) leaves room in a core's cache for the
// content model's weights. A deeper state is a deepState.
const denseDepth = 4

// rowTargets is how many states a row's transitions may reach: the states
// of depth denseDepth+1 at most, numbered first, so that a transition
// fits in 16 bits. Deeper states are numbered in 32 bits: the limit of the
// lexicon is the number of distinct beginnings of up to five bytes of its
// terms (nearStates), not the number of its states.
const rowTargets = 1 << 16

// term is one lexicon entry after parsing.
type term struct {
	text      string
	prefix    bool // a trailing * in the lexicon: the word may go on
	wordStart bool // starts with an ASCII letter or digit: needs a word boundary before
	wordEnd   bool // ends with one and is not a prefix: needs a boundary after
	uses      []termUse
}

// has reports whether the term has a use of the kind.
func (t *term) has(kind uint8) bool {
	for _, u := range t.uses {
		if u.kind == kind {
			return true
		}
	}
	return false
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
	useFamNotice     // a condition of one family only: denies its terms in its sentence
	useReport        // a verb of saying: its sentence may report words a retraction takes back
	useRetraction    // opens a sentence that takes back the reported one before it
	useFlatDenial    // a denial that takes it back only when its sentence ends there
	useEchoDenial    // a denial that answers a term echoed as a short question
	useIgnore        // a verb asking the borrower to ignore a message (ignoredSpans)
	useTeller        // reports, without quotation marks, what the borrower said (toldSpans)
	useZhAsker       // the borrower asking, in Chinese (zhAskedSpans)
	useDisclaimHi    // a disclaimer in Hindi word order, of every family but an insult
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
	m.nclass++ // class 0 for the bytes in no term
	// The trie is built first as lists of children, then laid out: a
	// state with a row holds its children there (no child is 0, the root,
	// which is no state's child) and is filled with the transitions of its
	// failure state when the breadth-first pass reaches it; a deeper state
	// lists its children.
	nc := m.nclass
	var (
		first = []int32{-1} // state -> its first child, or -1
		next  = []int32{-1} // state -> its parent's next child, or -1
		label = []uint8{0}  // state -> the class that leads to it
		depth = []int32{0}  // state -> the length of its prefix
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
				depth = append(depth, depth[s]+1)
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
	// The states with rows are numbered first, then the states a row's
	// transition reaches (one byte deeper), then the rest, each group in
	// the trie's order (a term's states stay neighbours), so that a state
	// with a row is its row (a step reads no table of rows before the
	// transition) and a row's transition fits in 16 bits.
	states := len(m.out)
	id := make([]int32, states)
	numbered, rows := int32(0), int32(0)
	for _, band := range [][2]int32{{0, denseDepth}, {denseDepth + 1, denseDepth + 1}, {denseDepth + 2, math.MaxInt32}} {
		for s := range states {
			if depth[s] >= band[0] && depth[s] <= band[1] {
				id[s] = numbered
				numbered++
			}
		}
		switch band[0] {
		case 0:
			rows = numbered
		case denseDepth + 1:
			if numbered > rowTargets {
				panic("policies: lexicon too large for the matcher") // parseLexicon checks first
			}
		}
	}
	renum := func(n int32) int32 {
		if n < 0 {
			return n
		}
		return id[n]
	}
	first2, next2, label2 := make([]int32, states), make([]int32, states), make([]uint8, states)
	out2 := make([]int32, states)
	for s := range states {
		first2[id[s]], next2[id[s]], label2[id[s]], out2[id[s]] = renum(first[s]), renum(next[s]), label[s], m.out[s]
	}
	first, next, label, m.out = first2, next2, label2, out2
	m.rows = rows
	m.deep = make([]deepState, int(states)-int(rows))
	for s := rows; s < int32(states); s++ {
		d := &m.deep[s-rows]
		for n := first[s]; n >= 0; n = next[n] {
			d.kids++
			d.next, d.class = uint32(n), label[n]
		}
		if d.kids > 1 {
			d.next = uint32(len(m.kidClass))
			for n := first[s]; n >= 0; n = next[n] {
				m.kidClass, m.kidNext = append(m.kidClass, label[n]), append(m.kidNext, uint32(n))
			}
		}
	}
	m.delta = make([]uint16, int(rows)*nc)
	for s := range rows {
		for n := first[s]; n >= 0; n = next[n] {
			m.delta[int(s)*nc+int(label[n])] = uint16(n)
		}
	}
	m.dict = make([]int32, states)
	fail := make([]int32, states) // the failure links of every state, while the rows are filled
	m.dict[0] = -1
	queue := make([]int32, 0, states)
	for n := first[0]; n >= 0; n = next[n] {
		m.dict[n] = -1 // fail[n] is the root
		queue = append(queue, n)
	}
	// Breadth first, a state's failure state (shallower) is complete when
	// the state is reached.
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		f := int(fail[s])
		if s < rows {
			// A byte without a child goes where it goes from the failure
			// state, which has a row too: it is nearer the root.
			row := m.delta[int(s)*nc : int(s+1)*nc]
			frow := m.delta[f*nc : (f+1)*nc]
			for c, n := range row {
				if n == 0 {
					row[c] = frow[c]
				}
			}
		}
		for n := first[s]; n >= 0; n = next[n] {
			nf := m.step(int32(f), label[n])
			fail[n] = nf
			if n >= rows {
				m.deep[n-rows].fail = uint32(nf)
			}
			if m.out[nf] != 0 {
				m.dict[n] = nf
			} else {
				m.dict[n] = m.dict[nf]
			}
			queue = append(queue, n)
		}
	}
	m.emits = make([]uint64, (states+63)/64)
	for s := range states {
		if m.out[s] != 0 || m.dict[s] >= 0 {
			m.emits[s/64] |= 1 << (s % 64)
		}
	}
	return m
}

// step is the transition from state s on a byte of class c: the state of
// the longest suffix of s's prefix and the byte that is a state. It is not
// inlined, so that scan's loop keeps its values in registers.
//
//go:noinline
func (m *matcher) step(s int32, c uint8) int32 {
	for {
		if s < m.rows {
			return int32(m.delta[int(s)*m.nclass+int(c)])
		}
		d := &m.deep[s-m.rows]
		if d.kids == 1 {
			if d.class == c {
				return int32(d.next)
			}
		} else {
			for i := int(d.next); i < int(d.next)+int(d.kids); i++ {
				if m.kidClass[i] == c {
					return int32(m.kidNext[i])
				}
			}
		}
		s = int32(d.fail)
	}
}

// scan appends to hits every term found in text that respects its word
// boundaries, in order of the end of the match. A byte costs one read of
// the table from a state with a row (advance), and one of the bits of
// emits; a deeper state steps by its children and failure links, and the
// terms that end at a byte are read apart (emit).
func (m *matcher) scan(text []byte, hits []hit) []hit {
	rows := uint(m.rows)
	s := uint(0)
	for i := 0; i < len(text); i++ {
		if s < rows {
			if i, s = m.advance(text, i, s); i == len(text) {
				break
			}
		} else {
			s = uint(m.step(int32(s), m.class[text[i]]))
		}
		if m.emits[s/64]&(1<<(s%64)) != 0 {
			hits = m.emit(text, i, int32(s), hits)
		}
	}
	return hits
}

// advance runs the automaton from s, a state with a row, over text[i:]
// while the states it reaches have rows and end no term. It returns the
// index of the byte after which that stopped and the state there, or
// len(text) and the last state. It calls nothing, so that the state and
// the index stay in registers: a byte is one step of a chain of reads.
func (m *matcher) advance(text []byte, i int, s uint) (int, uint) {
	delta, nc, rows, emits, class := m.delta, uint(m.nclass), uint(m.rows), m.emits, &m.class
	for ; i < len(text); i++ {
		s = uint(delta[s*nc+uint(class[text[i]])])
		if s >= rows || emits[s/64]&(1<<(s%64)) != 0 {
			return i, s
		}
	}
	return i, s
}

// emit appends the terms that end at text[i] in state s (a state whose
// emits bit is set) and respect their word boundaries.
//
//go:noinline
func (m *matcher) emit(text []byte, i int, s int32, hits []hit) []hit {
	t := s
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
	return hits
}
