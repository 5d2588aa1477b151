package rules

import (
	_ "embed"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// English patterns are written as space-separated elements over words:
//
//	word         that word
//	a|b|c        any of these words
//	pref*        any word starting with pref
//	#            any number
//	[a|b]        optional: one of these words, or nothing
//	~N           skip up to N tokens (never across a sentence end)
//	*            any word
//	^ and $      as first or last element: the match must start or end a sentence
//
// Chinese patterns are fragments of text joined by ~N, which skips up to N
// characters: "别再~6发" matches "别再给我发". A leading ^ or trailing $
// anchors the match to the start or end of a sentence.

// boundary stands for a sentence end in a token sequence; no element matches it.
const boundary = "|"

type elem struct {
	words    []string
	prefixes []string
	num      bool
	opt      bool
	gap      int
}

func (e *elem) matches(t token) bool {
	if t.text == boundary {
		return false
	}
	if e.num && t.kind == tNum {
		return true
	}
	return slices.Contains(e.words, t.text) || e.prefixOf(t.text)
}

// prefixOf reports whether one of the element's prefixes starts word.
func (e *elem) prefixOf(word string) bool {
	for _, p := range e.prefixes {
		if strings.HasPrefix(word, p) {
			return true
		}
	}
	return false
}

type enPattern struct {
	src        string
	elems      []elem
	start, end bool
}

func compileEN(src string) enPattern {
	p := enPattern{src: src}
	for _, f := range strings.Fields(src) {
		switch {
		case f == "^":
			p.start = true
			continue
		case f == "$":
			p.end = true
			continue
		case strings.HasPrefix(f, "~"):
			n, err := strconv.Atoi(f[1:])
			if err != nil || n <= 0 {
				panic("rules: bad gap in pattern " + strconv.Quote(src))
			}
			p.elems = append(p.elems, elem{gap: n})
			continue
		}
		var e elem
		if strings.HasPrefix(f, "[") && strings.HasSuffix(f, "]") {
			e.opt = true
			f = f[1 : len(f)-1]
		}
		for _, alt := range strings.Split(f, "|") {
			switch {
			case alt == "#":
				e.num = true
			case alt == "*":
				e.prefixes = append(e.prefixes, "")
			case strings.HasSuffix(alt, "*"):
				e.prefixes = append(e.prefixes, strings.TrimSuffix(alt, "*"))
			case alt == "":
				panic("rules: empty alternative in pattern " + strconv.Quote(src))
			default:
				e.words = append(e.words, alt)
			}
		}
		p.elems = append(p.elems, e)
	}
	if len(p.elems) == 0 {
		panic("rules: empty pattern")
	}
	return p
}

// find returns the token span of the first match of p in seq.
func (p *enPattern) find(seq []token) (int, int, bool) {
	for i := range seq {
		if p.start && i > 0 && seq[i-1].text != boundary {
			continue
		}
		if end, ok := p.matchAt(seq, 0, i); ok {
			return i, end, true
		}
	}
	return 0, 0, false
}

// findAt is find on seq[from:], trying only the tokens that mask marks
// (bit i for token i, the last bit for token 63 and every later one), and
// returns the span in seq.
func (p *enPattern) findAt(seq []token, from int, mask uint64) (int, int, bool) {
	for i := from; i < len(seq); i++ {
		if mask&(1<<min(i, 63)) == 0 {
			continue
		}
		// find starts at seq[from:], whose first token counts as a
		// sentence's start.
		if p.start && i > from && seq[i-1].text != boundary {
			continue
		}
		if end, ok := p.matchAt(seq[from:], 0, i-from); ok {
			return i, end + from, true
		}
	}
	return 0, 0, false
}

// matchAt reports where the pattern ends when its element ei matches at token ti.
func (p *enPattern) matchAt(seq []token, ei, ti int) (int, bool) {
	if ei == len(p.elems) {
		if p.end && ti < len(seq) && seq[ti].text != boundary {
			return 0, false
		}
		return ti, true
	}
	e := &p.elems[ei]
	if e.gap > 0 {
		for k := 0; k <= e.gap && ti+k <= len(seq); k++ {
			if k > 0 && seq[ti+k-1].text == boundary {
				break
			}
			if end, ok := p.matchAt(seq, ei+1, ti+k); ok {
				return end, true
			}
		}
		return 0, false
	}
	if ti < len(seq) && e.matches(seq[ti]) {
		if end, ok := p.matchAt(seq, ei+1, ti+1); ok {
			return end, true
		}
	}
	if e.opt {
		return p.matchAt(seq, ei+1, ti)
	}
	return 0, false
}

type zhPattern struct {
	src        string
	frags      []string
	gaps       []int // gaps[i] is the most characters between frags[i] and frags[i+1]
	start, end bool
}

func compileZH(src string) zhPattern {
	p := zhPattern{src: src}
	rest := src
	if r, ok := strings.CutPrefix(rest, "^"); ok {
		p.start, rest = true, r
	}
	if r, ok := strings.CutSuffix(rest, "$"); ok {
		p.end, rest = true, r
	}
	for {
		i := strings.IndexByte(rest, '~')
		if i < 0 {
			p.frags = append(p.frags, rest)
			break
		}
		p.frags = append(p.frags, rest[:i])
		rest = rest[i+1:]
		j := 0
		for j < len(rest) && isDigit(rune(rest[j])) {
			j++
		}
		n, err := strconv.Atoi(rest[:j])
		if err != nil {
			panic("rules: bad gap in pattern " + strconv.Quote(src))
		}
		p.gaps = append(p.gaps, n)
		rest = rest[j:]
	}
	for _, f := range p.frags {
		if f == "" {
			panic("rules: empty fragment in pattern " + strconv.Quote(src))
		}
	}
	return p
}

// find returns the byte span of the first match of p in s at or after from.
func (p *zhPattern) find(s string, from int) (int, int, bool) {
	for off := from; off < len(s); {
		i := strings.Index(s[off:], p.frags[0])
		if i < 0 {
			return 0, 0, false
		}
		start := off + i
		if end, ok := p.rest(s, 1, start+len(p.frags[0])); ok && (!p.start || sentenceEdge(s, start, -1)) && (!p.end || sentenceEdge(s, end, 1)) {
			return start, end, true
		}
		off = start + len(p.frags[0])
	}
	return 0, 0, false
}

func (p *zhPattern) rest(s string, fi, pos int) (int, bool) {
	if fi == len(p.frags) {
		return pos, true
	}
	limit := pos
	for n := 0; n < p.gaps[fi-1] && limit < len(s); n++ {
		_, size := utf8.DecodeRuneInString(s[limit:])
		limit += size
	}
	window := s[pos:min(len(s), limit+len(p.frags[fi]))]
	for off := 0; off < len(window); {
		i := strings.Index(window[off:], p.frags[fi])
		if i < 0 {
			return 0, false
		}
		at := pos + off + i
		if end, ok := p.rest(s, fi+1, at+len(p.frags[fi])); ok {
			return end, true
		}
		_, size := utf8.DecodeRuneInString(window[off+i:])
		off += i + size
	}
	return 0, false
}

// sentenceEdge reports whether byte offset at is the start (dir -1) or the
// end (dir 1) of a sentence in s: the text's edge or punctuation.
func sentenceEdge(s string, at, dir int) bool {
	var r rune
	if dir < 0 {
		if at == 0 {
			return true
		}
		r, _ = utf8.DecodeLastRuneInString(s[:at])
	} else {
		if at >= len(s) {
			return true
		}
		r, _ = utf8.DecodeRuneInString(s[at:])
	}
	return isSentencePunct(r) || r == ',' || r == '，' || r == ' ' || r == '、' || r == '~' || r == '。'
}

func isSentencePunct(r rune) bool {
	switch r {
	case '.', '!', '?', ';', '。', '！', '？', '；', '…', '\n':
		return true
	}
	return false
}

// vocabulary is every word the patterns know, by length; correct maps a
// misspelled word of five letters or more onto it.
var vocabulary = map[int][]string{}

var known = map[string]bool{}

// protected words are kept exactly as written. Most were listed one by one
// before correct learned to keep every real word (englishWord); they also
// keep correct from reading them as a lexicon word's plural or singular
// ("months" stays "months"). flatmate and housemate are missing from the
// word lists.
var protected = map[string]bool{
	"testing": true, "layer": true, "there": true, "their": true, "where": true, "these": true,
	"those": true, "would": true, "could": true, "should": true, "house": true, "money": true,
	"mouth": true, "worth": true, "sorry": true, "paying": true, "payed": true, "still": true,
	"hours": true, "calls": true, "filed": true, "filled": true, "pain": true, "wanted": true,
	"second": true, "seconds": true, "fifth": true, "month": true, "months": true,
	"share": true, "shared": true, "shares": true, "flatmate": true, "housemate": true, "roommate": true,
	"handed": true, "hands": true, "lent": true,
	// common words near the words of protective patterns
	"waiting": true, "wanting": true, "repay": true, "missed": true, "killed": true, "banging": true, "earning": true,
	"decide": true, "toward": true, "whose": true, "lodge": true, "early": true, "blame": true,
	"lying": true, "maria": true, "clock": true, "bonus": true, "river": true, "lives": true, "serve": true,
	"enter": true, "token": true, "takes": true, "track": true, "large": true, "meant": true, "finds": true,
	"round": true, "simply": true, "apple": true, "dialing": true, "property": true, "leaving": true,
	"heading": true, "answers": true, "purposes": true, "continues": true, "officer": true, "loose": true,
	"pledge": true, "breath": true, "reading": true, "writing": true, "decreased": true,
}

// exactWords are words of the patterns for indirect protective wordings
// (a method of self-harm, an illness, a relative, a way of disputing)
// that are read as written and are never the repair of another word: a
// near word ("waiting", "repay", "early", "blame", "lying", "Maria") is
// far more often itself than a typo of one of them.
var exactWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(exactWordList) {
		m[w] = true
	}
	return m
}()

const exactWordList = "" +
	"marna chahta chahti chahte jaunga jaungi voicemails " +
	"aadhaar aatmahatya abuse acting addiction address almost answer anxiety applicant applied apply applying " +
	"appointment around atmahatya attack auntie aunty badgering bedridden beemar behalf being believe bigger billed " +
	"bimar bipolar blade bleeding blind block bogus bottle bought breakdown breathe buddy burden burial cardholder " +
	"caring carry center centre challenge challenging charged charging chasing chest children choice citizen cliff " +
	"clinic cloned completed computers consent contest contesting continue cremation dealing debtor debts decided " +
	"delete denying details dewaliya dialysis disable disease divaliya diwaliya documents domestic double downed " +
	"drank drive driving drove dying eighties elderly emergency english entered erase every exaggerated fabricated " +
	"failure family figure finished firearm former forms friends grandad granddad granny handful handling hanging " +
	"hassling having hearing heart higher hubby illegal impaired individual inform information informing intensive " +
	"jaana jaunga jaungi jeena jeene kharab khudkushi kidney kindly kinds language larger leaning learn learning " +
	"ledge lending letters likely liver longer looked marna marne means medication meeting memorial memory mistaken " +
	"misused mixed mixup mobile muddled mummy nahin nearly nineties noose notify notifying office operation ordered " +
	"packet padded panic parents partially pending pensioner permission pestering phones pills pistol plain " +
	"probably properly purchased purpose pursuing razor reaching reading received records recovering rehab reply " +
	"represent representing represents research researching resort respond return revoking rooftop school screen " +
	"senior seventies sighted simple simpler sleeping small sochna sochta sochti sorts standing stepdad stepfather " +
	"stepmom stepmother stole stood strong swerve switch tabiyat tablets taken technology their theirs tonight " +
	"towards tracks transplant twice types unlawful vanish violence visually voluntary wheelchair withdrawing words " +
	"world "

func addVocabulary(words ...string) {
	for _, w := range words {
		if known[w] {
			continue
		}
		known[w] = true
		if len(w) >= 5 && !exactWords[w] {
			vocabulary[len(w)] = append(vocabulary[len(w)], w)
		}
	}
}

// stems are the prefixes of prefix elements ("disput*"): a word that starts
// with one already matches and is never corrected.
var stems []string

func addStem(p string) {
	if len(p) >= 4 && !slices.Contains(stems, p) {
		stems = append(stems, p)
	}
}

// correct returns the vocabulary word one edit away from w, or w itself.
// A real English word is kept as written (or read as the lexicon's plural
// or singular of it): "poison" is not a slip for "prison".
// Edits are tried from the most common slip to the least: a letter left out,
// two letters swapped, a letter mistyped, a letter doubled. Only words in
// Latin letters are corrected: the edits are of bytes, and in another
// script one byte changes a letter into another (भर, fill or pay, is not
// a slip for मर, die).
func correct(w string) string {
	compiledLexicon() // fills the vocabulary
	if len(w) < 5 || known[w] || protected[w] {
		return w
	}
	if r, _ := utf8.DecodeRuneInString(w); r >= 0x0370 {
		return w
	}
	for _, s := range stems {
		if strings.HasPrefix(w, s) {
			return w
		}
	}
	for _, try := range [...]struct {
		n    int
		swap bool
	}{{len(w) + 1, false}, {len(w), true}, {len(w), false}, {len(w) - 1, false}} {
		for _, v := range vocabulary[try.n] {
			if oneEdit(w, v, try.swap) {
				if englishWord(w) && !typoWords[w] {
					return numberOf(w)
				}
				return v
			}
		}
	}
	return w
}

// numberOf returns the vocabulary word that is w's plural or singular
// ("accounts" for "account", "dollars" for "dollar"), or w itself: a real
// word is never repaired, but the patterns' words stand for their plurals.
func numberOf(w string) string {
	if inVocabulary(w + "s") {
		return w + "s"
	}
	if s, ok := strings.CutSuffix(w, "s"); ok && inVocabulary(s) {
		return s
	}
	return w
}

func inVocabulary(w string) bool {
	return len(w) >= 5 && known[w] && !exactWords[w]
}

// typoWords are real words that correct still repairs, because in a
// borrower's message they are far more often a slip for a lexicon word than
// themselves.
var typoWords = map[string]bool{
	// "stop sending me massages": borrowers who ask to stop messages write
	// this often; a borrower has no reason to speak of massage to a
	// collector, and a missed stop request is the costlier mistake.
	"massage": true, "massages": true, "massaging": true,
	// "my husband decease last month": the noun is rare, the slip for
	// "deceased" common, and both speak of a death.
	"decease": true,
}

// englishWordList is every lowercase word of five letters or more in the
// American and British SCOWL word lists, sorted; see words/NOTICE for its
// source and licence.
//
//go:embed words/english.txt
var englishWordList string

var englishWords = sync.OnceValue(func() []string {
	return strings.Split(strings.TrimSuffix(englishWordList, "\n"), "\n")
})

// englishWord reports whether w is a real English word, in American or
// British spelling.
func englishWord(w string) bool {
	_, ok := slices.BinarySearch(englishWords(), w)
	return ok
}

// oneEdit reports whether a and b differ by one edit; for equal lengths,
// swap selects a swap of neighbours rather than one mistyped letter.
func oneEdit(a, b string, swap bool) bool {
	if len(a) == len(b) {
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		if i == len(a) {
			return false
		}
		if !swap {
			return a[i+1:] == b[i+1:]
		}
		return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) != 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return a[i:] == b[i+1:]
}
