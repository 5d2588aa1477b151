package policies

import (
	"bytes"
	"fmt"
	"iter"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/parley-collections/parley/policies/textclass"
)

// MaxTextRunes is the longest text the guard reads; a longer one is blocked
// unread rather than checked in part.
const MaxTextRunes = 10000

// Errors a decision may carry instead of violations: the guard could not
// check the message at all, so it blocks it.
const (
	ErrUnknownJurisdiction = "unknown jurisdiction"
	ErrTextTooLong         = "text longer than 10000 characters"
)

// Options configure a guard beyond the embedded profiles.
type Options struct {
	// Profiles are profile documents in YAML or JSON, several per entry when
	// split by "---". A profile for an embedded jurisdiction replaces it
	// (and is merged with its parent, if it names one); any other is added.
	Profiles [][]byte
	// LinkHosts are hosts every message may link to (the payment host, the
	// deployment's own site), besides the official advice services the
	// guard knows; a subdomain of one is allowed too.
	LinkHosts []string
	// NoClassifier leaves the content model out: the lexicon alone reads
	// what a message says. By default the embedded model
	// (textclass.Content) flags content beside the lexicon.
	NoClassifier bool
	// UncertainBand is how far below a content label's threshold the
	// model's score still makes its reading uncertain: a message the guard
	// sends lists those categories in Decision.Uncertain, for a caller's
	// second reading (the orchestrator's judge). Zero lists none; the band
	// never changes a decision. It must be in [0, 1].
	UncertainBand float32
}

// Guard checks proposed messages against jurisdiction profiles. It is
// immutable once built and safe for concurrent use.
type Guard struct {
	lx       *lexicon
	profiles map[string]*profile
	names    []string
	zones    *zoneCache
	pool     sync.Pool
	hosts    []string
	cls      *textclass.Model // the content model; nil when off
	clsBind  []classBinding   // per label of cls
	band     float32          // Options.UncertainBand
}

var (
	parsedLexicon = sync.OnceValues(func() (*lexicon, error) { return parseLexicon(lexiconYAML) })
	defaultGuard  = sync.OnceValue(func() *Guard {
		g, err := NewGuard(Options{LinkHosts: []string{DefaultPaymentHost}})
		if err != nil {
			panic("policies: embedded profiles: " + err.Error()) // ruled out by the package's tests
		}
		return g
	})
)

// DefaultPaymentHost is the host of the default payment link template
// (PARLEY_PAYMENT_URL); Default allows links to it.
const DefaultPaymentHost = "pay.example.com"

// Default returns the guard with the embedded profiles, allowing links to
// DefaultPaymentHost. It never fails: the embedded data is checked by the
// package's tests.
func Default() *Guard { return defaultGuard() }

// NewGuard builds a guard from the embedded profiles and opts, validating
// every profile.
func NewGuard(opts Options) (*Guard, error) {
	lx, err := parsedLexicon()
	if err != nil {
		return nil, err
	}
	files, err := loadEmbedded()
	if err != nil {
		return nil, err
	}
	for i, data := range opts.Profiles {
		ps, err := parseProfiles(data, fmt.Sprintf("option %d", i+1))
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			files[p.Jurisdiction] = p
		}
	}
	profiles, err := resolve(files, lx)
	if err != nil {
		return nil, err
	}
	if !(opts.UncertainBand >= 0 && opts.UncertainBand <= 1) {
		return nil, fmt.Errorf("policies: uncertain band %v outside [0, 1]", opts.UncertainBand)
	}
	g := &Guard{lx: lx, profiles: profiles, zones: &zoneCache{zones: map[string]*time.Location{}}, hosts: slices.Clone(opts.LinkHosts), band: opts.UncertainBand}
	for name, p := range profiles {
		g.names = append(g.names, name)
		for i, z := range p.zoneNames {
			g.zones.zones[z] = p.zones[i]
		}
	}
	sort.Strings(g.names)
	if !opts.NoClassifier {
		if err := g.bindClassifier(textclass.Content()); err != nil {
			return nil, err
		}
	}
	g.pool.New = func() any { return new(scratch) }
	return g, nil
}

// Jurisdictions lists the jurisdictions the guard has a profile for, sorted.
func (g *Guard) Jurisdictions() []string { return slices.Clone(g.names) }

// Family is the root of jurisdiction j's profile chain, the profile it
// descends from: US for US-MA, and US for a US-TX a deployment adds with
// parent US. Wording that differs by country (disclosures, advice, crisis
// lines, which identity facts are asked for) follows the family. ok is
// false when the guard has no profile for j.
func (g *Guard) Family(j string) (family string, ok bool) {
	p, ok := g.profiles[j]
	if !ok {
		return "", false
	}
	return p.family, true
}

// Currency is the currency jurisdiction j's profile names, inherited from
// its parents; empty when none does or j has no profile.
func (g *Guard) Currency(j string) string {
	if p, ok := g.profiles[j]; ok {
		return p.currency
	}
	return ""
}

// noViolations is the empty, non-nil list of an allowed message; appending
// to it allocates, so sharing it is safe.
var noViolations = []Violation{}

// scratch is the per-check working memory, pooled so that a check in the
// common case allocates nothing.
type scratch struct {
	base, norm []byte
	hits       []hit
	clause     []int32
	sent       []int32 // sentence index per byte: the scope of a notice of rights
	negs       []famHit
	ends       []int32  // where a word that ends a negation's scope starts
	breaks     []int32  // where a clause break (但, however) starts a sentence
	intents    []int32  // where such a word with the sender as subject starts ("we will", "我们会")
	except     []famHit // phrases inside which one family's terms are not its own
	enum       []bool   // per comma of the folded text: an enumeration comma (、) in the original
	fhits      []famHit
	skip       [][2]int32 // spans whose family terms are not read: reported speech, benign phrases
	retracted  [][2]int32 // sentences of reported words the next sentence retracts (retractedSpans)
	deniedCl   []int32    // the clauses in which a family's match was denied
	courtesy   [][2]int32 // spans of courtesy closings
	quietSent  []int32    // sentences that are courtesy closings and nothing else
	lists      []listSpan // lists of items under a header that ends with a colon
	resid      []byte     // the folded text without those clauses (residue)
	factSpans  [][2]int32 // spans of claims the facts allow (allowedSpans)
	viols      []pending
	zones      zoneSet
	cls        textclass.Buffer
}

// Marks among the negations: a disclaimer denies what comes before it,
// where a negation denies what follows; a not-negation ("why not") cancels
// the negations inside it.
const (
	disclaimerMark  = 255
	notNegationMark = 254
	noticeMark      = 253
	famNegMark      = 252 // a negation of its family only
	famDisclaimMark = 251 // a disclaimer of its family only
	famNoticeMark   = 250 // a condition of its family only, in its sentence
	hiDisclaimMark  = 249 // a disclaimer in Hindi word order, of every family but an insult
)

// negMarks is the mark each kind of term use that is kept among the
// negations carries.
var negMarks = [...]uint8{
	useDisclaimer:    disclaimerMark,
	useNotNegation:   notNegationMark,
	useNotice:        noticeMark,
	useFamNeg:        famNegMark,
	useFamDisclaimer: famDisclaimMark,
	useFamNotice:     famNoticeMark,
	useDisclaimHi:    hiDisclaimMark,
}

// dropNotNegations removes the negations that lie inside a not-negation, and
// the not-negations themselves, in place.
func dropNotNegations(negs []famHit) []famHit {
	var spans [16][2]int32
	k := 0
	for _, n := range negs {
		if n.group == notNegationMark && k < len(spans) {
			spans[k] = [2]int32{n.start, n.end}
			k++
		}
	}
	if k == 0 {
		return negs
	}
	out := negs[:0]
	for _, n := range negs {
		if n.group == notNegationMark {
			continue
		}
		inside := false
		for _, sp := range spans[:k] {
			if n.start >= sp[0] && n.end <= sp[1] {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, n)
		}
	}
	return out
}

type famHit struct {
	family, group uint8
	start, end    int32
	clause, sent  int32
}

// pending is a violation found, with what it does to the decision.
type pending struct {
	v      Violation
	action Action
	family int // lexicon family, -1 for none
}

// severity orders the actions: the decision takes the most severe.
func severity(a Action) int {
	switch a {
	case Revise:
		return 1
	case Defer:
		return 2
	case Escalate:
		return 3
	case Block:
		return 4
	}
	return 0
}

// checker is one check in progress.
type checker struct {
	g      *Guard
	p      Proposal // copies, not pointers: the pointers would make the
	f      Facts    // arguments escape to the heap on every check
	prof   *profile
	s      *scratch
	masked string    // the text with card numbers masked, if that was done
	sendAt time.Time // for a deferral
	// granted marks the families whose claim the facts grant (an offer
	// among GrantedTerms); demand is set when the text asks for payment.
	granted [4]uint64
	demand  bool
	// denied marks the families a term of which stood in the text but was
	// negated or disclaimed in its clause: a reassurance.
	denied [4]uint64
	// allowed marks the families whose claim the facts allow: legal
	// process when legal action is approved, a granted term, and a family
	// that yields to a granted one.
	allowed [4]uint64
	// normIsFold is set when s.norm is textclass.Fold of the text, the
	// form the content model reads, so the model need not fold it again.
	normIsFold bool
	// status is 0 until legalStatus has read the text, then 1 when the
	// text says no legal process has been started, 2 when not.
	status uint8
	// unsure marks the content labels (by index in Guard.clsBind) whose
	// score fell within the uncertain band below the threshold.
	unsure uint64
}

// fold fills s.base and s.norm from text, the forms the detectors read,
// and reports whether s.norm is textclass.Fold(text): it is, unless a digit
// of another script was read as ASCII or a link's path was blanked.
func (s *scratch) fold(text string) bool {
	var digits bool
	s.base, digits = foldBaseDigits(s.base[:0], text)
	s.norm = foldLexical(s.norm[:0], s.base)
	blanked := blankLinkPaths(s.norm)
	return !digits && !blanked
}

// Check decides whether p may be sent under f. It is a pure function of its
// arguments and the guard's profiles.
func (g *Guard) Check(p Proposal, f Facts) Decision {
	prof := g.profiles[f.Jurisdiction]
	if prof == nil {
		return Decision{ID: p.ID, Action: Block, Violations: noViolations, Error: ErrUnknownJurisdiction}
	}
	if p.Text == "" {
		return Decision{ID: p.ID, Action: Allow, Violations: noViolations}
	}
	if len(p.Text) > MaxTextRunes && utf8.RuneCountInString(p.Text) > MaxTextRunes {
		return Decision{ID: p.ID, Action: Block, Violations: noViolations, Error: ErrTextTooLong}
	}
	s := g.pool.Get().(*scratch)
	defer g.pool.Put(s)
	s.viols = s.viols[:0]
	c := checker{g: g, p: p, f: f, prof: prof, s: s}
	c.normIsFold = s.fold(p.Text)
	c.content()
	c.classify()
	c.grounding()
	c.links()
	c.privacy()
	c.consent()
	c.timing()
	c.restrictions()
	c.disclosures()
	return c.decide()
}

// add records a violation of a lexicon family, once per family.
func (c *checker) add(fam int, action Action) {
	for _, v := range c.s.viols {
		if v.family == fam {
			return
		}
	}
	lf := &c.g.lx.families[fam]
	r := c.refOf(fam)
	c.s.viols = append(c.s.viols, pending{
		v:      Violation{Rule: r.Rule, Category: lf.category, Detail: lf.detail, Citation: r.Citation},
		action: action, family: fam,
	})
}

// addDetail records a violation of a family with a more specific detail.
func (c *checker) addDetail(fam int, detail string, action Action) {
	c.add(fam, action)
	for i := range c.s.viols {
		if c.s.viols[i].family == fam {
			c.s.viols[i].v.Detail = detail
			if severity(action) > severity(c.s.viols[i].action) {
				c.s.viols[i].action = action
			}
		}
	}
}

// addRef records a violation of a profile rule that is no lexicon family.
func (c *checker) addRef(r ref, category, detail string, action Action) {
	c.s.viols = append(c.s.viols, pending{
		v:      Violation{Rule: r.Rule, Category: category, Detail: detail, Citation: r.Citation},
		action: action, family: -1,
	})
}

// content runs the lexicon over the normalized text.
func (c *checker) content() {
	s, lx := c.s, c.g.lx
	s.deniedCl, s.quietSent = s.deniedCl[:0], s.quietSent[:0]
	s.retracted = s.retracted[:0]
	s.hits = lx.m.scan(s.norm, s.hits[:0])
	if c.f.BorrowerName != "" && len(s.hits) > 0 {
		s.hits = c.dropNameHits(s.hits)
	}
	if bytes.IndexByte(s.norm, '*') >= 0 && maskedWord(s.norm) {
		c.addDetail(lx.family("profanity"), "uses masked profanity", Block)
	}
	if len(s.hits) == 0 {
		return
	}
	s.retracted = c.retractedSpans(s.retracted)
	s.retracted = c.toldSpans(c.ignoredSpans(s.retracted))
	n := len(s.norm)
	if cap(s.clause) < n+1 {
		s.clause = make([]int32, n+1)
	}
	s.clause = s.clause[:n+1]
	for i := range s.clause {
		s.clause[i] = 0
	}
	if cap(s.sent) < n+1 {
		s.sent = make([]int32, n+1)
	}
	s.sent = s.sent[:n+1]
	for i := range s.sent {
		s.sent[i] = 0
	}
	if c.onlyRetractionTerms() {
		// Verbs of saying and denials, which only retract: the parts stay
		// one clause and one sentence for the model's residue.
		return
	}
	enum := c.enumCommas()
	k, gloss := 0, -1
	for i, b := range s.norm {
		if !partsClauses[b] {
			continue
		}
		switch b {
		case ',':
			if !(enum && s.enum[k]) && !digitGroup(s.norm, i) && !c.listComma(i) && !correlative(s.norm, i) {
				s.clause[i] = 1
			}
			k++
		case '(':
			if j := glossEnd(s.norm, i); j > 0 {
				gloss = j // "enforcement agents (bailiffs)": the gloss stays in the clause
			} else {
				s.clause[i] = 1
			}
		case ')':
			if i != gloss {
				s.clause[i] = 1
			}
		case ':':
			s.clause[i] = 1
		case '.':
			if !digitGroup(s.norm, i) && !titleBefore(s.norm, i) {
				s.clause[i], s.sent[i] = 1, 1
			}
		case ';', '!', '?', '\n':
			s.clause[i], s.sent[i] = 1, 1
		}
	}
	s.breaks = s.breaks[:0]
	for _, h := range s.hits {
		for _, u := range lx.m.terms[h.term].uses {
			if u.kind == useBreak {
				s.clause[h.start], s.sent[h.start] = 1, 1
				s.breaks = append(s.breaks, h.start)
			}
		}
	}
	var run, srun int32
	for i := range s.clause {
		run += s.clause[i]
		s.clause[i] = run
		srun += s.sent[i]
		s.sent[i] = srun
	}
	s.lists = listSpans(s.norm, s.clause, s.lists[:0])
	s.negs, s.fhits, s.ends, s.intents, s.except = s.negs[:0], s.fhits[:0], s.ends[:0], s.intents[:0], s.except[:0]
	s.skip = append(s.skip[:0], s.retracted...)
	if c.legalTerms() {
		s.skip = conditionSpans(s.norm, s.skip)
	}
	s.skip, s.courtesy = c.zhAskedSpans(askedSpans(s.norm, reportedSpans(s.norm, s.skip))), s.courtesy[:0]
	for _, h := range s.hits {
		for _, u := range lx.m.terms[h.term].uses {
			switch u.kind {
			case useBenign:
				s.skip = append(s.skip, [2]int32{h.start, h.end})
			case useExcept:
				s.except = append(s.except, famHit{family: u.family, start: h.start, end: h.end})
			case useCourtesy:
				s.courtesy = append(s.courtesy, [2]int32{h.start, h.end})
			}
		}
	}
	if len(s.courtesy) > 0 {
		c.quietSentences()
	}
	var fams [4]uint64
	for _, h := range s.hits {
		for _, u := range lx.m.terms[h.term].uses {
			fh := famHit{family: u.family, group: u.group, start: h.start, end: h.end, clause: s.clause[h.start], sent: s.sent[h.start]}
			switch u.kind {
			case useNegation:
				if !lx.isCondition(s.norm, int(h.end)) || senderSubject(s.norm, int(h.start)) || pledgeRefused(lx.m.terms[h.term].text) {
					s.negs = append(s.negs, fh)
				}
			case useDisclaimer, useNotNegation, useNotice, useFamNeg, useFamDisclaimer, useFamNotice, useDisclaimHi:
				fh.group = negMarks[u.kind]
				s.negs = append(s.negs, fh)
			case useScopeEnd:
				s.ends = append(s.ends, h.start)
				if t := lx.m.terms[h.term].text; strings.HasPrefix(t, "we") || strings.HasPrefix(t, "我们") || strings.HasPrefix(t, "you") {
					s.intents = append(s.intents, h.start)
				}
			case useFamily:
				if c.excepted(fh) && lx.families[u.family].category == CatPII {
					// A secret the family excepts is named as not asked
					// for (卡号末四码, an identity number sent and to be
					// withdrawn): the model's reading of a request is not
					// used either.
					c.denied[u.family/64] |= 1 << (u.family % 64)
				}
				if inSpans(s.skip, h.start, h.end) || c.excepted(fh) || lx.families[u.family].thingAfter(lx.m.terms[h.term].text, s.norm, int(h.end)) {
					continue // reported speech, a benign phrase, a phrase the family excepts, a thing
				}
				s.fhits = append(s.fhits, fh)
				fams[u.family/64] |= 1 << (u.family % 64)
			}
		}
	}
	s.negs = dropNotNegations(s.negs)
	for f := range familiesIn(&fams) {
		if c.matches(f) {
			c.fire(f)
		}
	}
}

// familiesIn yields the families of a set (a bit per family), in order.
func familiesIn(set *[4]uint64) iter.Seq[int] {
	return func(yield func(int) bool) {
		for w, word := range set {
			for word != 0 {
				i := bits.TrailingZeros64(word)
				word &^= 1 << i
				if !yield(w*64 + i) {
					return
				}
			}
		}
	}
}

// titles are the abbreviations before a name whose point ends no sentence.
var titles = []string{"mr", "mrs", "ms", "dr", "st", "mx", "prof", "sr", "jr"}

// titleBefore reports whether the point at norm[i] closes a title (Mr.,
// Dr.) standing as a word of its own.
func titleBefore(norm []byte, i int) bool {
	j := i
	for j > 0 && isLetter(norm[j-1]) {
		j--
	}
	if j == i || j > 0 && isWordByte(norm[j-1]) {
		return false
	}
	return slices.Contains(titles, string(norm[j:i]))
}

// maxGloss is the most words a bracketed gloss may hold: "(bailiffs)",
// "(the court's order)".
const maxGloss = 3

// glossEnd is the index of the ')' that closes the bracket opened at
// norm[open] when what it holds is a gloss of the words before it: at most
// maxGloss words, no mark that ends a clause; else -1.
func glossEnd(norm []byte, open int) int {
	words, in := 0, false
	for i := open + 1; i < len(norm) && i < open+64; i++ {
		switch b := norm[i]; b {
		case ')':
			if words == 0 {
				return -1
			}
			return i
		case '(', ',', '.', ';', ':', '!', '?', '\n':
			return -1
		case ' ':
			in = false
		default:
			if !in {
				words++
				in = true
			}
			if words > maxGloss {
				return -1
			}
		}
	}
	return -1
}

// quietSentences records the sentences made of courtesy closings alone
// ("Have a good weekend.", "Stay safe and well.", 祝您周末愉快): they say
// nothing the content model can weigh, and on so few words its scores are
// noise (a short pleasantry scored as a threat). A sentence with any other
// word ("enjoy your weekend while you still can") is read whole.
func (c *checker) quietSentences() {
	s := c.s
	n := int32(len(s.norm))
	for i := int32(0); i < n; {
		sent := s.sent[i]
		j := i
		for j < n && s.sent[j] == sent {
			j++
		}
		if c.onlyCourtesy(i, j) {
			s.quietSent = append(s.quietSent, sent)
		}
		i = j
	}
}

// onlyCourtesy reports whether norm[from:to] holds a courtesy closing and
// besides them only punctuation, spaces and "and".
func (c *checker) onlyCourtesy(from, to int32) bool {
	s := c.s
	found := false
	for i := from; i < to; {
		covered := int32(-1)
		for _, sp := range s.courtesy {
			if sp[0] <= i && i < sp[1] {
				covered = max(covered, sp[1])
			}
		}
		switch {
		case covered > i:
			found = true
			i = covered
		case isWordByte(s.norm[i]) || s.norm[i] >= 0x80:
			if to-i >= 3 && string(s.norm[i:i+3]) == "and" && (i+3 == to || !isWordByte(s.norm[i+3])) && (i == 0 || !isWordByte(s.norm[i-1])) {
				i += 3
				continue
			}
			return false
		default:
			i++
		}
	}
	return found
}

// digitGroup reports whether the comma or point at norm[i] stands between
// two digits ($1,200, 3.5): it groups or parts the digits of a number and
// ends no clause.
func digitGroup(norm []byte, i int) bool {
	return i > 0 && i+1 < len(norm) && isDigit(norm[i-1]) && isDigit(norm[i+1])
}

// correlative reports whether the comma at norm[i] stands inside one
// statement put in two halves: a correlative comparative ("the longer you
// wait, the worse it gets", 拖得越久，后果越严重) or a time adverbial put
// first ("every day you delay, …", 每拖一天，…就…). Parting its halves would
// keep a harm that grows with delay from its cause.
func correlative(norm []byte, i int) bool {
	start := i
	for start > 0 && !clausePunct(norm[start-1]) {
		start--
	}
	before := bytes.TrimSpace(norm[start:i])
	han := hasHan(before)
	switch {
	case han && !bytes.Contains(before, []byte("越")) && !bytes.HasPrefix(before, []byte("每")),
		!han && !bytes.HasPrefix(before, []byte("the ")) && !bytes.HasPrefix(before, []byte("every ")) && !bytes.HasPrefix(before, []byte("each ")):
		return false // the first half is no half of either: the second need not be read
	}
	end := i + 1
	for end < len(norm) && !clausePunct(norm[end]) {
		end++
	}
	after := bytes.TrimSpace(norm[i+1 : end])
	if han {
		return bytes.Contains(after, []byte("越")) || bytes.Contains(after, []byte("就")) || bytes.Contains(after, []byte("更"))
	}
	if comparativeHalf(before) && comparativeHalf(after) {
		return true
	}
	for _, p := range [...]string{"every day you", "every hour you", "every week you", "every month you", "each day you", "each week you"} {
		if bytes.HasPrefix(before, []byte(p)) {
			return true
		}
	}
	return false
}

// clausePunct reports whether b is punctuation that may part clauses.
func clausePunct(b byte) bool { return partsClauses[b] }

// partsClauses marks the bytes of clausePunct, most of a text passed by
// with one look-up.
var partsClauses = [256]bool{',': true, '.': true, ';': true, ':': true, '!': true, '?': true, '\n': true, '(': true, ')': true}

// comparativeHalf reports whether a half of a correlative starts with
// "the" and a comparative ("the longer", "the more", "the worse").
func comparativeHalf(b []byte) bool {
	rest, ok := bytes.CutPrefix(b, []byte("the "))
	if !ok {
		return false
	}
	w := rest
	if k := bytes.IndexFunc(rest, func(r rune) bool { return r > 0x7f || !isWordByte(byte(r)) }); k >= 0 {
		w = rest[:k]
	}
	switch string(w) {
	case "more", "less", "worse", "better", "fewer", "further", "farther":
		return true
	case "other", "number", "letter", "order", "lender", "borrower", "customer", "matter":
		return false
	}
	return len(w) > 3 && bytes.HasSuffix(w, []byte("er"))
}

// enumCommas records, per comma of the folded text, whether it was an
// enumeration comma (、) in the original, which parts the items of a list
// ("不会通过电话、短信索要密码"), never two statements. It reports false,
// every comma then parting clauses, when the text has none or when the
// commas of the text and of its folded form cannot be paired one to one.
func (c *checker) enumCommas() bool {
	s := c.s
	if !strings.ContainsRune(c.p.Text, 0x3001) && !strings.ContainsRune(c.p.Text, 0xFF64) {
		return false
	}
	s.enum = s.enum[:0]
	for _, r := range c.p.Text {
		if textclass.FoldRune(r) == ',' {
			s.enum = append(s.enum, r == 0x3001 || r == 0xFF64)
		}
	}
	return bytes.Count(s.norm, []byte{','}) == len(s.enum)
}

// listComma reports whether the comma at norm[i] parts the items of a
// list, not two statements: the word before it ends a family's term and
// what follows is at most two words before another comma or "or", "and",
// "nor" ("not be arrested, jailed or charged"). A negation before the list
// reaches every item of it; "Don't ignore this, arrest will follow" is two
// statements, the word before the comma being no term.
func (c *checker) listComma(i int) bool {
	norm := c.s.norm
	termEnds := false
	w := i // the start of the word before the comma
	for w > 0 && isWordByte(norm[w-1]) {
		w--
	}
	for _, h := range c.s.hits {
		if int(h.end) > w && int(h.end) <= i {
			for _, u := range c.g.lx.m.terms[h.term].uses {
				if u.kind == useFamily {
					termEnds = true
				}
			}
		}
	}
	if !termEnds {
		return negatedList(norm, i)
	}
	j := i + 1
	for words := 0; ; words++ {
		j = skipSpace(norm, j)
		k := j
		for k < len(norm) && (isWordByte(norm[k]) || norm[k] == '\'' || norm[k] == '-') {
			k++
		}
		if k == j {
			return false // no word: the end of the text or other punctuation
		}
		switch string(norm[j:k]) {
		case "or", "and", "nor":
			return true
		}
		if k < len(norm) && norm[k] == ',' {
			return true
		}
		if words == 2 {
			return false
		}
		j = k
	}
}

// negatedList reports whether the comma at norm[i] parts the items of a
// list that a denial of being opens and "or" or "nor" closes at the end of
// its sentence ("we are not solicitors, bailiffs or a court."): the denial
// reaches every item, whether or not the first is a family's term. The
// denial must come within a few words before the comma and the last item
// end the sentence, so that "you're not paying, bailiffs or police will be
// sent" stays two statements.
func negatedList(norm []byte, i int) bool {
	denied := false
	j := i
	for words := 0; words < 4 && !denied; words++ {
		for j > 0 && (norm[j-1] == ' ' || norm[j-1] == ',') {
			j--
		}
		k := j
		for k > 0 && (isWordByte(norm[k-1]) || norm[k-1] == '\'') {
			k--
		}
		if k == j {
			return false // the start of the text or other punctuation
		}
		switch w := string(norm[k:j]); w {
		case "aren't", "isn't", "neither":
			denied = true
		case "not":
			p := k
			for p > 0 && norm[p-1] == ' ' {
				p--
			}
			q := p
			for q > 0 && (isWordByte(norm[q-1]) || norm[q-1] == '\'') {
				q--
			}
			switch string(norm[q:p]) {
			case "are", "is", "am", "was", "were", "we're", "they're", "i'm", "it's", "he's", "she's":
				denied = true
			}
		}
		j = k
	}
	if !denied {
		return false
	}
	j, closed := i+1, -1
	for words := 0; words < 8; words++ {
		j = skipSpace(norm, j)
		if j < len(norm) && norm[j] == ',' {
			j++
			continue
		}
		k := j
		for k < len(norm) && (isWordByte(norm[k]) || norm[k] == '\'' || norm[k] == '-') {
			k++
		}
		if k == j {
			// The end of the text or a mark: the list ends its sentence
			// when "or" or "nor" closed it a few words before.
			return closed >= 0 && words-closed <= 4 && (j == len(norm) || sentenceMark(norm[j]))
		}
		if w := string(norm[j:k]); w == "or" || w == "nor" {
			closed = words
		}
		j = k
	}
	return false
}

// sentenceMark reports whether b ends a sentence or a statement.
func sentenceMark(b byte) bool { return b == '.' || b == ';' || b == '!' || b == '?' || b == '\n' }

// excepted reports whether a family's term lies inside a phrase the family
// excepts ("冻结利息" is no account frozen).
func (c *checker) excepted(fh famHit) bool {
	for _, e := range c.s.except {
		if e.family == fh.family && fh.start >= e.start && fh.end <= e.end {
			return true
		}
	}
	return false
}

// deferred reports whether a term of a one-group family is read by a
// two-group family it defers to, which matches in the same clause with
// that very word ("interest … will be frozen" is an interest freeze, not
// an account frozen).
func (c *checker) deferred(fam *family, h famHit) bool {
	for _, d := range fam.defersTo {
		var word, other bool
		for _, k := range c.s.fhits {
			if int(k.family) != d || k.clause != h.clause {
				continue
			}
			if k.group == 0 && k.start < h.end && h.start < k.end {
				word = true
			}
			if k.group == 1 && (k.end <= h.start || k.start >= h.end) {
				other = true
			}
		}
		if word && other {
			return true
		}
	}
	return false
}

// dropNameHits removes the hits that lie inside a word of the borrower's
// name where it stands in the text ("Hi Dick"): a name is not a slur.
func (c *checker) dropNameHits(hits []hit) []hit {
	if len(hits) == 0 {
		return hits
	}
	norm := c.s.norm
	// The words of the name that can excuse a hit, found once for all
	// the hits.
	var words []string
	for w := range strings.FieldsSeq(c.f.BorrowerName) {
		if len(w) >= 2 && isASCIIWord(w) && onlyCapitalised(c.p.Text, w) {
			words = append(words, w)
		}
	}
	out := hits[:0]
	for _, h := range hits {
		inName := false
		for _, w := range words {
			for k := max(0, int(h.start)-len(w)); k <= int(h.start) && k+len(w) <= len(norm); k++ {
				if int(h.end) <= k+len(w) && equalFoldASCII(norm[k:k+len(w)], w) &&
					(k == 0 || !isWordByte(norm[k-1])) && (k+len(w) == len(norm) || !isWordByte(norm[k+len(w)])) {
					inName = true
					break
				}
			}
			if inName {
				break
			}
		}
		if !inName {
			out = append(out, h)
		}
	}
	return out
}

// onlyCapitalised reports whether every whole-word occurrence of the name
// word w in text is written with a capital, as a name is: where the same
// word also stands in lower case ("Hi Dick, don't be a dick") the name
// excuses none of them.
//
// w is ASCII, so a rune outside ASCII that folds to one of its letters
// (the Kelvin sign, the long s) takes more bytes than the letter and never
// spells it: an occurrence starts with w's first letter in either case,
// the cheap test before the fold.
func onlyCapitalised(text, w string) bool {
	if w == "" {
		return true
	}
	first := lowerASCII(w[0])
	for i := 0; i+len(w) <= len(text); i++ {
		if lowerASCII(text[i]) != first || !strings.EqualFold(text[i:i+len(w)], w) ||
			i > 0 && isWordByte(lowerASCII(text[i-1])) || i+len(w) < len(text) && isWordByte(lowerASCII(text[i+len(w)])) {
			continue
		}
		if text[i] < 'A' || text[i] > 'Z' {
			return false
		}
	}
	return true
}

func lowerASCII(b byte) byte {
	if b >= 'A' && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			return false
		}
	}
	return true
}

// equalFoldASCII compares a folded (lower-case) text with a word in any case.
func equalFoldASCII(b []byte, w string) bool {
	for i := range b {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if b[i] != c {
			return false
		}
	}
	return true
}

// matches reports whether every group of family f has a hit in one clause,
// the hits not overlapping and not negated.
func (c *checker) matches(f int) bool {
	fam := &c.g.lx.families[f]
	for _, h0 := range c.s.fhits {
		if int(h0.family) != f || h0.group != 0 {
			continue
		}
		if len(fam.defersTo) > 0 && c.deferred(fam, h0) {
			continue
		}
		if fam.groups == 1 {
			if !c.negated(f, h0.clause, h0.start, h0.start, h0.end) {
				return true
			}
			c.deny(f, h0.clause)
			continue
		}
		for _, h1 := range c.s.fhits {
			if int(h1.family) != f || h1.group != 1 || h1.start < h0.end && h0.start < h1.end {
				continue
			}
			if !c.together(fam, h0, h1) {
				continue
			}
			first, last := min(h0.start, h1.start), max(h0.start, h1.start)
			// In a sentence, a negation in the clause of either part denies
			// the match.
			if !c.negated(f, h0.clause, first, last, first) && (h1.clause == h0.clause || !c.negated(f, h1.clause, first, last, first)) {
				return true
			}
			c.deny(f, h0.clause)
			if h1.clause != h0.clause {
				c.deny(f, h1.clause)
			}
		}
	}
	return false
}

// together reports whether two hits of the groups of family fam stand near
// enough to match: in one clause, one sentence (a family of sentence
// scope) or anywhere (message scope), or one in a header that ends with a
// colon and the other in an item of the list under it.
func (c *checker) together(fam *family, a, b famHit) bool {
	return fam.message || fam.sentence && a.sent == b.sent || a.clause == b.clause ||
		c.underHeader(a.clause, b.start, false) || c.underHeader(b.clause, a.start, false)
}

// underHeader reports whether the byte at pos is in an item of a list
// under the header that is clause header, one its items complete if open.
func (c *checker) underHeader(header, pos int32, open bool) bool {
	for _, l := range c.s.lists {
		if l.header == header && pos >= l.from && pos < l.to && (l.open || !open) {
			return true
		}
	}
	return false
}

// deny records that a match of family f in the clause was negated or
// disclaimed: the clause is a reassurance.
func (c *checker) deny(f int, clause int32) {
	c.denied[f/64] |= 1 << (f % 64)
	if !slices.Contains(c.s.deniedCl, clause) {
		c.s.deniedCl = append(c.s.deniedCl, clause)
	}
}

// residue is the folded text without the clauses the lexicon found denied
// (each from the mark that opens it to the next), the text the content
// model reads once a reassurance was found: a reassurance covers its own
// statement, not the message ("We won't come to your house. [a threat in
// other words]"). Sentences of courtesy closings alone (quietSentences)
// are left out too. With neither it is the folded text itself.
func (c *checker) residue() []byte { return c.residueWithout(nil) }

// residueWithout is residue without the spans too (allowedSpans).
func (c *checker) residueWithout(spans [][2]int32) []byte { return c.residueOf(spans, false) }

// residueOf is residueWithout, keeping the denied clauses when keepDenied
// is set (readDenied).
func (c *checker) residueOf(spans [][2]int32, keepDenied bool) []byte {
	s := c.s
	if (keepDenied || len(s.deniedCl) == 0) && len(s.quietSent) == 0 && len(spans) == 0 && len(s.retracted) == 0 {
		return s.norm
	}
	s.resid = s.resid[:0]
	// A clause is one run of the text (clause numbers only grow), so
	// whether it stays is decided once, at its first byte.
	last, keep := int32(-1), false
	for i, b := range s.norm {
		if slices.Contains(s.quietSent, s.sent[i]) {
			continue
		}
		if cl := s.clause[i]; cl != last {
			last = cl
			keep = keepDenied || !slices.Contains(s.deniedCl, cl) && !c.introduces(cl) && !c.carriesOn(cl)
		}
		if keep && (len(spans) == 0 || !inSpans(spans, int32(i), int32(i+1))) && !inSpans(s.retracted, int32(i), int32(i+1)) {
			s.resid = append(s.resid, b)
		}
	}
	return s.resid
}

// carryOns open a clause that carries the denial before it on ("…, nor
// will your relatives", "…，也不会…", "…, including us").
var carryOns = [][]byte{[]byte("nor "), []byte("and nor "), []byte("and neither "), []byte("neither "), []byte("and not "),
	[]byte("or any"), []byte("and no "), []byte("也不"), []byte("亦不"), []byte("更不"), []byte("也没有"), []byte("也无"),
	// Who else the denial reaches: "never share your PIN with anyone,
	// including us", "不要告诉任何人，包括我们".
	[]byte("including "), []byte("not even "), []byte("even "), []byte("包括"), []byte("哪怕"), []byte("就算是"), []byte("即使是"),
	[]byte("甚至")}

// carriesOn reports whether clause cl opens with a word that carries on the
// denial of the clause before it, which is denied or carried on itself.
func (c *checker) carriesOn(cl int32) bool {
	s := c.s
	for k := cl; k > 0; k-- {
		start := -1
		for i, x := range s.clause {
			if x == k {
				start = i
				break
			}
		}
		if start < 0 || s.norm[start] != ',' {
			return false
		}
		rest := s.norm[skipSpace(s.norm, start+1):]
		opens := false
		for _, w := range carryOns {
			if bytes.HasPrefix(rest, w) {
				opens = true
				break
			}
		}
		if !opens {
			return false
		}
		if slices.Contains(s.deniedCl, k-1) {
			return true
		}
	}
	return false
}

// maxIntroWords is the longest introduction, in words, read as part of the
// denied statement it introduces.
const maxIntroWords = 4

// introduces reports whether clause cl is a short introduction to a denied
// clause right after it, parted from it by a comma ("Under the law, …",
// "按照规定，…"): it belongs to the reassurance it opens.
func (c *checker) introduces(cl int32) bool {
	s := c.s
	if !slices.Contains(s.deniedCl, cl+1) {
		return false
	}
	start, end := -1, -1
	for i, k := range s.clause {
		if k == cl && start < 0 {
			start = i
		}
		if k == cl+1 {
			end = i
			break
		}
	}
	if start < 0 || end < 0 || end >= len(s.norm) || s.norm[end] != ',' {
		return false
	}
	words, in := 0, false
	for _, b := range s.norm[start:end] {
		w := isWordByte(b) || b >= 0x80
		if w && !in {
			words++
		}
		in = w
	}
	return words <= maxIntroWords && (!hasHan(s.norm[start:end]) || end-start <= 3*maxIntroWords)
}

// negated reports whether a negation in the clause stands before the match
// that spans [first, last] (own1 is where a one-group match's term ends: a
// negation that starts inside the term is a word of it, "shame if someone"
// holding "if someone"): between its parts, or before it with no word
// that ends the negation's scope ("and we", "or our", "unless", "就")
// between them. The scope is the clause, not a distance: "Nobody from our
// company is ever going to come to your house" is a reassurance, "Don't
// ignore this or our agents will come to your house" is not.
//
// A family that is not negatable (its terms are worded as negations: "nobody
// will ever contact you again") is negated only by its own negations ("I
// can't guarantee that …").
func (c *checker) negated(f int, clause, first, last, own1 int32) bool {
	fam := &c.g.lx.families[f]
	if fam.gate == gateLegal && c.legalStatus() && !c.intentInClause(clause, first) {
		// The message says no legal process has been started: the law it
		// names elsewhere is explained, unless the sender states its own
		// intention in the clause ("…, but we will sue on Monday").
		return true
	}
	if (fam.gate == gateLegal || fam.name == "government") && c.possibleStep(first, fam.gate != gateLegal) {
		return true // a possibility before the due process it would follow
	}
	if c.disownedNext(first) {
		return true // the next sentence says it is fake or not the sender's
	}
	if fam.category == CatPII && c.impostorBefore(first) {
		return true // what an impostor asks for, in a warning
	}
	if fam.name == "seizure" && c.seizureRight(first) {
		return true // a creditor's right named as a notice of the law
	}
	if c.reliefUndecided(fam, clause, first) {
		return true // relief whose outcome is left open
	}
	negatable := fam.negatable
	for _, n := range c.s.negs {
		own := n.group == famNegMark || n.group == famDisclaimMark || n.group == famNoticeMark
		if own && int(n.family) != f {
			continue // another family's negation, disclaimer or condition
		}
		if !own && !negatable {
			continue
		}
		if n.start > first && n.start < own1 && n.group != disclaimerMark && n.group != famDisclaimMark && n.group != hiDisclaimMark {
			continue // a word of the term itself ("shame if someone" holds "if someone")
		}
		if !own && n.start < first && n.end > first && n.clause == clause && refusesPledge(c.s.norm[n.start:n.end]) {
			return true // a refused promise that the term completes (不保证通过, not guaranteed to be approved)
		}
		if n.group == famNoticeMark {
			// A family's condition reaches its sentence, before or after
			// the term ("while you get debt advice, we'll hold interest").
			if n.sent == c.s.sent[first] {
				return true
			}
			continue
		}
		if n.group == noticeMark {
			// A notice of what the law protects reaches its sentence,
			// before or after the term, unless the sender states an
			// intention of its own between them.
			if n.sent == c.s.sent[first] && !c.intentBetween(min(n.start, first), max(n.end, last)) {
				return true
			}
			// It reaches back over a clause break too: a step the law
			// allows, then talks preferred ("可依法起诉，但我们更希望与您
			// 沟通").
			if n.sent == c.s.sent[first]+1 && n.start > last && c.breakOpens(n.sent) && !c.intentBetween(first, n.end) {
				return true
			}
			continue
		}
		if n.clause != clause && !c.underHeader(n.clause, first, true) {
			continue
		}
		if n.group == hiDisclaimMark && fam.category == CatHarassment {
			continue // an insult before a negated verb is still said
		}
		if n.group == disclaimerMark || n.group == famDisclaimMark || n.group == hiDisclaimMark {
			if n.start > last && !c.scopeEnds(last, n.start) {
				return true // "the sheriff has nothing to do with this"
			}
			continue
		}
		if n.end <= last && (n.start >= first || !c.scopeEnds(n.end, first)) {
			return true
		}
		if n.start >= last && n.clause == clause && hiAfterVerb(c.s.norm[last:n.start], c.s.norm[n.start:n.end], c.s.norm[n.end:]) {
			return true // Hindi negates after the verb ("koi arrest nahi karega")
		}
	}
	return false
}

// hiNegations are Hindi's negations in Latin letters, which follow what
// they negate.
var hiNegations = []string{"nahi", "nahin", "nhi", "nahi.", "mat"}

// hiActVerbs begin the verbs that carry a threat's act in Hindi (karega,
// jaata, aayegi, bhejenge, hoga, lenge, pakdega): "nahi" before one of them
// negates the act; before another verb it negates that one ("police nahi
// chhodegi", the police will not spare you).
var hiActVerbs = [][]byte{[]byte(" kar"), []byte(" ja"), []byte(" aa"), []byte(" aay"), []byte(" bhej"), []byte(" ho"),
	[]byte(" le"), []byte(" utha"), []byte(" bula"), []byte(" pakad"), []byte(" pakd"), []byte(" bana")}

// hiAfterVerb reports whether neg is a Hindi negation standing right
// after a term, at most one word between them ("jail nahi jaata", "police
// ghar nahi aayegi"), and before the verb of the term's act (rest is the
// text after neg).
func hiAfterVerb(between, neg, rest []byte) bool {
	if !slices.Contains(hiNegations, string(neg)) || len(bytes.Fields(between)) > 1 || bytes.ContainsAny(between, ",;:.!?") {
		return false
	}
	for _, v := range hiActVerbs {
		if bytes.HasPrefix(rest, v) {
			return true
		}
	}
	return false
}

// breakOpens reports whether sentence sent begins at a clause break (但,
// 不过, however).
func (c *checker) breakOpens(sent int32) bool {
	for _, b := range c.s.breaks {
		if c.s.sent[b] == sent {
			return true
		}
	}
	return false
}

// intentBetween reports whether a statement of the sender's intention
// ("we will", "我们会") starts in [from, to).
func (c *checker) intentBetween(from, to int32) bool {
	for _, e := range c.s.intents {
		if e >= from && e < to {
			return true
		}
	}
	return false
}

// scopeEnds reports whether a word that ends a negation's scope starts in
// [from, to).
func (c *checker) scopeEnds(from, to int32) bool {
	for _, e := range c.s.ends {
		if e >= from && e < to {
			return true
		}
	}
	return false
}

// pledges end a negation that refuses a promise ("没法承诺", "can't
// guarantee"): what follows it is what is not promised ("没法承诺还款后一定
// 提额"), never the condition of a threat, whatever its first word.
var pledges = []string{"承诺", "保证", "答应", "promise", "guarantee"}

// pledgeRefused reports whether the negation term refuses a promise.
func pledgeRefused(term string) bool {
	for _, p := range pledges {
		if strings.HasSuffix(term, p) {
			return true
		}
	}
	return false
}

// refusesPledge reports whether the negation neg ends with a promise it
// refuses (pledges), as a term that starts inside it ("不保证通过") is
// what is not promised.
func refusesPledge(neg []byte) bool {
	for _, p := range pledges {
		if bytes.HasSuffix(neg, []byte(p)) {
			return true
		}
	}
	return false
}

// senderSubject reports whether the word before norm[i] is "we" or "i":
// a negation with the sender as its subject ("we do not act for the
// court") states what the sender does not do; it is no condition put to
// the borrower ("if you don't act").
func senderSubject(norm []byte, i int) bool {
	j := i
	for j > 0 && norm[j-1] == ' ' {
		j--
	}
	k := j
	for k > 0 && isWordByte(norm[k-1]) {
		k--
	}
	return (string(norm[k:j]) == "we" || string(norm[k:j]) == "i") && (k == 0 || !isWordByte(norm[k-1]))
}

// thingAfter reports whether the term, one of the family's thing words
// (a rude adjective: stupid, 垃圾), is followed in norm[:end], spaces aside,
// by one of its things (a noun of a thing: autocorrect, app, 系统) as a
// whole word: the term is said of that thing ("the stupid spellcheck",
// 这个垃圾系统). A noun insult before a noun ("kamina phone kyun nahi
// uthata") is no such word.
func (fam *family) thingAfter(term string, norm []byte, end int) bool {
	if len(fam.things) == 0 || !slices.Contains(fam.thingWords, term) {
		return false
	}
	i := skipSpace(norm, end)
	for _, w := range fam.things {
		if termAt(norm, i, w) {
			return true
		}
	}
	return false
}

// termAt reports whether w stands at norm[i] as a whole word: the text or
// the word ends after it, or it ends in a mark. Unlike hasWord (amount.go),
// a digit after it continues the word, as it does for lexicon terms.
func termAt(norm []byte, i int, w []byte) bool {
	if !bytes.HasPrefix(norm[i:], w) {
		return false
	}
	e := i + len(w)
	return !isWordByte(w[len(w)-1]) || e == len(norm) || !isWordByte(norm[e])
}

// isCondition reports whether the negation ending at norm[end] opens a
// condition ("if you don't pay"), not a reassurance.
func (lx *lexicon) isCondition(norm []byte, end int) bool {
	i := skipSpace(norm, end)
	if i >= len(norm) {
		return false
	}
	for _, w := range lx.conditions[norm[i]] {
		// "pay" opens a condition as a word's start too ("payment").
		if termAt(norm, i, w) || string(w) == "pay" && bytes.HasPrefix(norm[i:], w) {
			return true
		}
	}
	return false
}

// othersIn reports whether the folded text names a borrower of the
// portfolio index other than the recipient.
func (c *checker) othersIn(base []byte) bool {
	ix := c.f.OtherBorrowers
	if ix == nil || len(ix.set) == 0 {
		return false
	}
	var buf [96]byte
	return ix.findsIn(base, foldBase(buf[:0], c.f.BorrowerName))
}

// fire applies a family's gate and records it.
func (c *checker) fire(f int) { c.fireDetail(f, "") }

// fireDetail is fire with a detail other than the family's, when not empty.
func (c *checker) fireDetail(f int, detail string) {
	lx := c.g.lx
	fam := &lx.families[f]
	if len(fam.grants) > 0 {
		for _, t := range c.f.GrantedTerms {
			if slices.Contains(fam.grants, t) {
				c.granted[f/64] |= 1 << (f % 64)
				c.allowed[f/64] |= 1 << (f % 64)
				return
			}
		}
	}
	for _, y := range fam.yields {
		if c.granted[y/64]&(1<<(y%64)) != 0 {
			c.allowed[f/64] |= 1 << (f % 64)
			return
		}
	}
	switch fam.gate {
	case gateSignal:
		if fam.name == "demand" {
			c.demand = true
		}
		return
	case gateLegal:
		if c.f.TimeBarred {
			c.add(lx.family("time_barred"), Block)
			return
		}
		if c.f.LegalActionApproved {
			c.allowed[f/64] |= 1 << (f % 64)
			return
		}
	case gateUnverified:
		if c.f.RecipientVerified {
			return
		}
	case gateAutomated:
		if c.p.WrittenBy == WrittenByPerson {
			// A person who says they are one says what is true: the
			// model's reading of it is taken from the text without it.
			c.allowed[f/64] |= 1 << (f % 64)
			return
		}
	}
	if detail != "" {
		c.addDetail(f, detail, Block)
		return
	}
	c.add(f, Block)
}

// privacy looks for personal data, debt detail for an unverified recipient
// and amounts the facts do not back.
func (c *checker) privacy() {
	s, lx := c.s, c.g.lx
	kinds, cards := findPII(s.base, c.f.OtherBorrowerNames)
	if hasEmail(s.base, c.f.OtherBorrowerEmails) || c.othersIn(s.base) {
		kinds |= 1 << piiOtherBorrower
	}
	if kinds != 0 {
		pii := lx.family("pii")
		for k := piiCard; k <= piiSecurityCode; k++ {
			if kinds&(1<<k) == 0 {
				continue
			}
			if k == piiCard && kinds == 1<<piiCard && c.f.RecipientVerified {
				// Masking to the last four digits is safe only for the
				// borrower, and only when every card number was found.
				if masked, n := maskCards(c.p.Text); n == cards {
					c.masked = masked
					c.addDetail(pii, "card number masked to its last four digits", Revise)
					continue
				}
			}
			c.addRef(c.refOf(pii), CatPII, piiDetail[k], Block)
		}
	}
	currency := c.f.Currency
	if currency == "" {
		currency = c.prof.currency
	}
	var any, ungrounded, foreign bool
	findAmounts(s.base, func(m money) bool {
		any = true
		if m.currency != "" && !strings.EqualFold(m.currency, currency) {
			foreign = true
		}
		if !(c.f.HasBalance && m.value == c.f.Balance) && !slices.Contains(c.f.AllowedAmounts, m.value) {
			ungrounded = true
		}
		return true
	})
	if ungrounded {
		c.add(lx.family("ungrounded"), Block)
	} else if foreign {
		c.addDetail(lx.family("ungrounded"), "states an amount in another currency", Block)
	}
	if !c.f.RecipientVerified {
		if any {
			c.addDetail(lx.family("debt_detail"), "states an amount to an unverified recipient", Block)
		} else if c.f.Lender != "" && containsName(s.base, c.f.Lender) ||
			c.f.Agency != "" && !c.carriesNoDebt() && containsName(s.base, c.f.Agency) {
			// A greeting, a HELP answer, an opt-out confirmation or a
			// handoff may name the agency, which must say who is writing
			// (15 USC 1692d(6)); never the lender, and no collection
			// message names either.
			c.addDetail(lx.family("debt_detail"), "names the creditor or the agency to an unverified recipient", Block)
		}
	}
	if c.f.HasBalance && c.f.Balance == 0 {
		c.drop(lx.family("waived")) // a zero balance backs the claim
	}
}

// grounding holds a rewording to its draft (Guard.Grounded).
func (c *checker) grounding() {
	if !c.p.Reworded {
		return
	}
	gr := c.g.Grounded(c.p.Draft, c.p.Text)
	if len(gr.Numbers) > 0 {
		c.addDetail(c.g.lx.family("reword_number"), "a rewording states "+strings.Join(gr.Numbers, ", ")+", which its draft does not", Block)
	}
	if len(gr.Content) > 0 {
		c.addDetail(c.g.lx.family("reword_content"), "a rewording adds "+strings.Join(gr.Content, ", ")+", which its draft does not have", Block)
	}
}

// links blocks a web address whose host is neither the payment host nor an
// allowed service: a message must not send the borrower anywhere else.
func (c *checker) links() {
	base := c.s.base
	if bytes.IndexByte(base, '.') < 0 {
		return
	}
	bad := false
	eachLinkHost(base, func(host []byte) bool {
		if !hostAllowed(host, c.f.LinkHosts, c.g.hosts, officialHosts) {
			bad = true
		}
		return !bad
	})
	if bad {
		c.add(c.g.lx.family("link"), Block)
	}
}

// carriesNoDebt reports whether the message's purpose is one that says
// nothing of a debt (identity, HELP, opt-out confirmation, handoff) and its
// text does not ask for payment.
func (c *checker) carriesNoDebt() bool {
	switch c.p.Purpose {
	case PurposeIdentity, PurposeHelp, PurposeOptOutConfirmation, PurposeHandoff, PurposeStopNotice:
		return !c.demand
	}
	return false
}

// stopNotice reports whether the message is a notice that collection stops
// (PurposeStopNotice) and does not ask for payment.
func (c *checker) stopNotice() bool {
	return c.p.Purpose == PurposeStopNotice && !c.demand
}

// drop removes a family's violation.
func (c *checker) drop(fam int) {
	c.s.viols = slices.DeleteFunc(c.s.viols, func(p pending) bool { return p.family == fam })
}

// refOf returns the rule and citation of a family under the profile, or the
// lexicon's default when the profile names none.
func (c *checker) refOf(fam int) ref {
	lf := &c.g.lx.families[fam]
	if r, ok := c.prof.rules[lf.name]; ok {
		return r
	}
	return ref{lf.rule, lf.citation}
}

// consent stops collection content when the borrower has withdrawn it, and
// lets through the messages the rules still allow.
func (c *checker) consent() {
	lx := c.g.lx
	purpose := c.p.Purpose
	if purpose != PurposeCollection && c.demand {
		// A message that asks for payment is a collection message,
		// whatever its tag says.
		purpose = PurposeCollection
	}
	confirm := purpose == PurposeOptOutConfirmation
	stopNotice := purpose == PurposeStopNotice
	nonCollection := confirm || stopNotice || purpose == PurposeDisputeAck || purpose == PurposeHelp ||
		purpose == PurposeHandoff || purpose == PurposeIdentity
	optedOut := false
	for _, ch := range c.f.OptedOutChannels {
		if ch == c.p.Channel || c.p.Channel == "" {
			optedOut = true
		}
	}
	if optedOut && !confirm && purpose != PurposeHelp {
		c.add(lx.family("opted_out"), Block)
	}
	// A short reply to the borrower's own message that only says contact
	// has stopped and a person will help is allowed after a cease or an
	// attorney notice: silence would leave the borrower unanswered, and a
	// message that asks for payment is collection whatever its tag.
	reply := c.p.InitiatedBy == "borrower"
	stopNote := (purpose == PurposeHandoff || stopNotice) && reply
	// The notice that collection stops is the first of the messages
	// 15 USC 1692c(c) still allows after a cease.
	if c.f.Cease && !confirm && purpose != PurposeHelp && !stopNote && !stopNotice {
		c.add(lx.family("cease"), Block)
	}
	if c.f.Attorney && !confirm && !stopNote {
		c.add(lx.family("attorney"), Block)
	}
	if c.f.Bankruptcy && !nonCollection {
		c.add(lx.family("bankruptcy"), Block)
	}
	if c.f.Disputed && !nonCollection {
		c.add(lx.family("disputed"), Block)
	}
}

// timing checks the contact window and the frequency caps.
func (c *checker) timing() {
	p, f, prof := &c.p, &c.f, c.prof
	reply := p.InitiatedBy == "borrower"
	var loc *time.Location
	if f.Timezone != "" {
		loc = c.g.zones.get(f.Timezone)
	}
	zs := &c.s.zones
	zs.set(loc, prof)
	if f.Now.IsZero() {
		if !reply {
			c.addRef(prof.window, CatContactTime, "the time of sending is unknown", Block)
		}
		return
	}
	if !reply && !inWindow(f.Now, zs.zones, prof.start, prof.end) {
		r := prof.window
		detail := "outside the allowed contact hours at the recipient's location"
		if loc == nil {
			r = prof.unknownZone
			detail = "outside the allowed contact hours in some zone the recipient may be in"
		}
		c.deferTo(f.Now, r, CatContactTime, detail)
	}
	if reply {
		return // a reply to the borrower is not a contact the caps count
	}
	for _, l := range prof.caps {
		if !appliesTo(l.channels, p.Channel) {
			continue
		}
		switch l.counter {
		case counterCalls7d:
			if f.CallsLast7d >= l.max {
				c.addRef(l.ref, CatFrequency, fmt.Sprintf("%d calls in 7 days reach the cap of %d", f.CallsLast7d, l.max), l.action)
			}
		case counterContacts7d:
			if f.ContactsLast7d >= l.max {
				c.addRef(l.ref, CatFrequency, fmt.Sprintf("%d contacts in 7 days reach the cap of %d", f.ContactsLast7d, l.max), l.action)
			}
		case counterCallsToday:
			if f.ConnectedCallsToday >= l.max {
				c.deferTo(dayAfter(f.Now, zs.zones, 1), l.ref, CatFrequency,
					fmt.Sprintf("%d connected calls today reach the cap of %d", f.ConnectedCallsToday, l.max))
			}
		}
	}
	if cd := prof.cooldown; cd != nil && !f.LastPhoneConversationAt.IsZero() && appliesTo(cd.channels, p.Channel) {
		// The day of the conversation is the first day of the period.
		if until := dayAfter(f.LastPhoneConversationAt, zs.zones, cd.days); f.Now.Before(until) {
			c.deferTo(until, cd.ref, CatFrequency, fmt.Sprintf("no call for %d days after a telephone conversation", cd.days))
		}
	}
}

// deferTo defers the message to the first allowed instant at or after t,
// keeping the latest of several deferrals; with none in reach it blocks.
func (c *checker) deferTo(t time.Time, r ref, category, detail string) {
	at, ok := nextAllowed(t, c.s.zones.zones, c.prof.start, c.prof.end)
	if !ok {
		c.addRef(r, category, detail+"; no allowed time in the next week", Block)
		return
	}
	if at.After(c.sendAt) {
		c.sendAt = at
	}
	c.addRef(r, category, detail, Defer)
}

// disclosures finds the required statements the text lacks, to be added.
func (c *checker) disclosures() {
	for i := range c.prof.disclosures {
		d := &c.prof.disclosures[i]
		if c.needs(d) && !c.has(d) {
			c.addRef(d.ref, CatDisclosureMissing, disclosureDetail[d.kind], Revise)
		}
	}
}

// disclosureDetail names what a message lacks, by disclosure kind.
var disclosureDetail = map[string]string{
	discFirst:  "lacks the initial debt-collection disclosure (mini-Miranda)",
	discLater:  "lacks the notice that it is from a debt collector",
	discOptOut: "lacks the opt-out instruction",
	discLender: "lacks the lender's and agency's identity",
	discAI:     "lacks the statement that an automated agent is speaking",
}

// needs reports whether the message must carry d. A disclosure that itself
// reveals a debt (the mini-Miranda, the debt-collector notice, the lender's
// name) is not required, and never added, for an unverified recipient: to a
// possible third party it would be the very disclosure the privacy rules
// forbid. Such a message may carry no debt detail at all (see privacy), so it
// is no collection communication that would need the notice.
func (c *checker) needs(d *disclosure) bool {
	p, f := &c.p, &c.f
	if d.revealsDebt && !f.RecipientVerified {
		return false
	}
	if !appliesTo(d.channels, p.Channel) {
		return false
	}
	switch d.kind {
	case discFirst:
		// A notice that collection stops is no attempt to collect, and
		// must not say it is one: it carries the debt-collector notice
		// below instead, first message or not (see PurposeStopNotice).
		return p.FirstMessage && !c.stopNotice()
	case discLater:
		return !p.FirstMessage || c.stopNotice()
	case discOptOut:
		return p.Purpose != PurposeOptOutConfirmation
	case discLender:
		return p.FirstMessage && f.Lender != ""
	case discAI:
		// Only the automated agent says it is one; a person does not.
		return p.FirstMessage && (p.Channel == "voice" || p.Channel == "") && p.WrittenBy != WrittenByPerson
	}
	return false
}

func (c *checker) has(d *disclosure) bool {
	if d.kind == discLender {
		return containsName(c.s.base, c.f.Lender) && (c.f.Agency == "" || containsName(c.s.base, c.f.Agency))
	}
	for _, m := range d.match {
		if bytes.Contains(c.s.base, m) {
			return true
		}
	}
	return false
}

// text renders a disclosure in the message's language.
func (c *checker) text(d *disclosure) string {
	t := d.text
	if d.kind == discLender && c.f.Agency == "" {
		t = d.direct
		if hasHan(c.s.base) && d.directZh != "" {
			t = d.directZh
		}
	} else if hasHan(c.s.base) && d.textZh != "" {
		t = d.textZh
	}
	if !strings.Contains(t, "{") {
		return t // no placeholder: building a Replacer costs more than the check
	}
	return strings.NewReplacer("{lender}", c.f.Lender, "{agency}", c.f.Agency).Replace(t)
}

// decide turns the violations into the decision.
func (c *checker) decide() Decision {
	d := Decision{ID: c.p.ID, Action: Allow, Violations: noViolations}
	if len(c.s.viols) == 0 {
		d.Text = c.p.Text
		if c.unsure != 0 {
			d.Uncertain = c.uncertain()
		}
		return d
	}
	d.Violations = make([]Violation, 0, len(c.s.viols))
	for _, v := range c.s.viols {
		if severity(v.action) > severity(d.Action) {
			d.Action = v.action
		}
		// Two families that read the same thing ("you're a joke" is an
		// insult and a name called) make one violation.
		if !slices.Contains(d.Violations, v.v) {
			d.Violations = append(d.Violations, v.v)
		}
	}
	switch d.Action {
	case Allow, Revise:
		d.Text = c.revised()
		d.Uncertain = c.uncertain()
	case Defer:
		d.SendAt = c.sendAt
	}
	return d
}

// revised returns the text with cards masked and the missing disclosures
// added: the AI identity first, as the caller must hear it at the start,
// the others after.
func (c *checker) revised() string {
	text := c.p.Text
	if c.masked != "" {
		text = c.masked
	}
	sep := " "
	if hasHan(c.s.base) {
		sep = ""
	}
	var b strings.Builder
	for i := range c.prof.disclosures {
		d := &c.prof.disclosures[i]
		if d.kind == discAI && c.needs(d) && !c.has(d) {
			b.WriteString(c.text(d))
			b.WriteString(sep)
		}
	}
	b.WriteString(text)
	after := sep
	if sep == "" && endsInWord(text) {
		// A Chinese message that ends with a link or a Latin word: the
		// notice starts a new line, or a reader would take it into the
		// link.
		after = "\n"
	}
	for i := range c.prof.disclosures {
		d := &c.prof.disclosures[i]
		if d.kind != discAI && c.needs(d) && !c.has(d) {
			b.WriteString(after)
			after = sep
			b.WriteString(c.text(d))
		}
	}
	return b.String()
}

// endsInWord reports whether text ends with an ASCII letter, digit or a
// character a link may end with.
func endsInWord(text string) bool {
	if text == "" {
		return false
	}
	c := text[len(text)-1]
	return c < 0x80 && (c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || strings.IndexByte("/-_=~%#&+", c) >= 0)
}

// hasHan reports whether b holds a CJK ideograph, to pick the language of
// the disclosures added.
func hasHan(b []byte) bool {
	for i := 0; i < len(b); {
		if b[i] < 0x80 {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r >= 0x4E00 && r <= 0x9FFF {
			return true
		}
		i += n
	}
	return false
}
