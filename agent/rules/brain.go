package rules

import (
	"context"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies/numread"
)

// maxText bounds the text Understand reads; the rest of a longer message is ignored.
const maxText = 4000

// Brain is the offline rules brain. The zero value is not ready; use New.
// It is safe for concurrent use: it holds only compiled patterns.
type Brain struct {
	rules []compiledRule
}

var _ agent.Brain = (*Brain)(nil)

type compiledRule struct {
	intent agent.Intent
	neg    bool
	en     []enPattern
	zh     []zhPattern
	first  int // index of en[0] among all English patterns
}

// patternIndex finds the English patterns that can start at a token, so
// that a message is only tried against patterns whose first word it has.
type patternIndex struct {
	total    int
	byWord   map[string][]int // first element's words -> pattern numbers
	byPrefix []int            // patterns whose first element has prefixes
	always   []int            // patterns whose first element is optional, a gap or a number
	elems    []*elem          // first element of every pattern
}

// compiledLexicon compiles the lexicon's patterns on first use, filling
// the spelling vocabulary (known, vocabulary, stems) as it goes: a command
// that never reads a borrower's message, such as `parley guard check`, does
// not pay for it when it starts.
var compiledLexicon = sync.OnceValues(compileLexicon)

func compileLexicon() ([]compiledRule, *patternIndex) {
	out := make([]compiledRule, 0, len(lexicon))
	idx := &patternIndex{byWord: map[string][]int{}}
	for _, r := range lexicon {
		c := compiledRule{intent: r.intent, neg: r.neg, first: idx.total}
		for _, p := range r.en {
			ep := compileEN(p)
			for _, e := range ep.elems {
				addVocabulary(e.words...)
				for _, p := range e.prefixes {
					addStem(p)
				}
			}
			c.en = append(c.en, ep)
			n := idx.total
			idx.total++
			e := &c.en[len(c.en)-1].elems[0]
			idx.elems = append(idx.elems, e)
			switch {
			case e.opt || e.gap > 0 || e.num:
				idx.always = append(idx.always, n)
			default:
				for _, w := range e.words {
					idx.byWord[w] = append(idx.byWord[w], n)
				}
				if len(e.prefixes) > 0 {
					idx.byPrefix = append(idx.byPrefix, n)
				}
			}
		}
		for _, src := range r.zh {
			for _, p := range expandZH(src) {
				c.zh = append(c.zh, compileZH(p))
			}
		}
		out = append(out, c)
	}
	// Words from maps go in sorted, so that spelling repair never depends on
	// map order: Understand is deterministic.
	addVocabulary(numread.NumberWords()...)
	addVocabulary(slices.Sorted(maps.Keys(enOrdinals))...)
	addVocabulary(slices.Sorted(maps.Keys(monthWords))...)
	addVocabulary(slices.Sorted(maps.Keys(weekdayWords))...)
	addVocabulary(slices.Sorted(maps.Keys(enRelations))...)
	addVocabulary("stop", "stopall", "cancel", "end", "quit", "revoke", "optout", "start", "unstop", "help", "info", "tomorrow", "dispute", "disputing", "disputed", "bankruptcy", "bankrupt", "suicide", "suicidal",
		"unsubscribe", "installments", "installment", "instalments", "attorney", "lawyer", "solicitor", "unemployed",
		"hospital", "texting", "messaging", "calling", "emailing", "contacting", "harassing", "representative",
		"payments", "payment", "monthly", "weekly", "biweekly", "fortnightly", "fortnight", "balance", "hundred", "thousand",
		"dollars", "pounds", "rupees", "already", "forgiven", "instructions", "previous", "credit", "report", "advice",
		"please", "thanks", "interest", "charges", "creditor", "company", "divorce", "divorced", "funeral", "cancer",
		"struggling", "redundant", "redundancy", "furloughed", "disabled", "injured", "evicted", "separated")
	return out, idx
}

// expandZH writes out the alternatives of a Chinese pattern: each group
// "(a|b)" stands for any one of its fragments, so "(爸|妈)~6去世" is the
// two patterns "爸~6去世" and "妈~6去世".
func expandZH(src string) []string {
	i := strings.IndexByte(src, '(')
	if i < 0 {
		return []string{src}
	}
	j := strings.IndexByte(src[i:], ')')
	if j < 0 {
		panic("rules: unclosed group in pattern " + strconv.Quote(src))
	}
	var out []string
	for _, alt := range strings.Split(src[i+1:i+j], "|") {
		out = append(out, expandZH(src[:i]+alt+src[i+j+1:])...)
	}
	return out
}

// candidates marks, for every English pattern, the tokens of seq where
// its first element may match: bit i of a pattern's mask is token i (the
// last bit stands for token 63 and every later one), and a pattern with
// no bit set is not tried. A first element of words marks the tokens that
// are one of them; one with prefixes (matched against words), an optional
// one, a gap or a number, once a candidate, marks every token. The masks
// come from candidatePool; match puts them back.
func (x *patternIndex) candidates(seq []token) []uint64 {
	c := *candidatePool.Get().(*[]uint64)
	if len(c) != x.total {
		c = make([]uint64, x.total)
	} else {
		clear(c)
	}
	for _, n := range x.always {
		c[n] = ^uint64(0)
	}
	for i, t := range seq {
		for _, n := range x.byWord[t.text] {
			c[n] |= 1 << min(i, 63)
		}
		if t.kind != tWord {
			continue
		}
		// An element's words are marked above; here its prefixes.
		for _, n := range x.byPrefix {
			if c[n] != ^uint64(0) && x.elems[n].prefixOf(t.text) {
				c[n] = ^uint64(0)
			}
		}
	}
	for _, n := range x.byPrefix {
		if c[n] != 0 {
			c[n] = ^uint64(0)
		}
	}
	return c
}

// candidatePool holds the masks of candidates between messages.
var candidatePool = sync.Pool{New: func() any { return new([]uint64) }}

// New returns the rules brain.
func New() *Brain {
	rules, _ := compiledLexicon()
	return &Brain{rules: rules}
}

// analysis is one message prepared for reading.
type analysis struct {
	raw  string
	norm string
	seq  []token // words, numbers, Han characters, signs and sentence boundaries
}

func analyze(text string) *analysis {
	if len(text) > maxText {
		cut := maxText
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	norm := normalize(text)
	toks := tokenize(norm)
	seq := make([]token, 0, len(toks))
	comma := false
	for _, t := range toks {
		if t.kind == tPunct {
			r, _ := utf8.DecodeRuneInString(t.text)
			switch {
			case r == ',' || r == '、' || r == ':' || r == '(' || r == ')':
				comma = true
			case r == '.' && len(seq) > 0 && chapterAbbrev[seq[len(seq)-1].text]:
				// "chap. 7": the abbreviation's point ends no sentence
			case isSentencePunct(r) || r == '\n':
				if len(seq) > 0 && seq[len(seq)-1].text != boundary {
					seq = append(seq, token{text: boundary, kind: tPunct, start: t.start, end: t.end})
				}
			case r == '/' || r == '#' || r == '\'':
				seq = append(seq, t)
			}
			continue
		}
		t.clause, comma = comma, false
		seq = append(seq, t)
	}
	return &analysis{raw: text, norm: norm, seq: spokenNumbers(seq)}
}

// chapterAbbrev are the abbreviations of "chapter" written with a point.
var chapterAbbrev = map[string]bool{"ch": true, "chap": true, "chapt": true, "chpt": true}

// hit is where a reading matched; for English, a token span, for Chinese, a byte span.
type hit struct {
	found      bool
	zh         bool
	start, end int
}

// match finds every reading of the lexicon in the message.
func (b *Brain) match(a *analysis) map[agent.Intent]hit {
	hits := make(map[agent.Intent]hit, 8)
	hasHan := false
	for _, t := range a.seq {
		if t.kind == tHan {
			hasHan = true
			break
		}
	}
	_, index := compiledLexicon()
	cand := index.candidates(a.seq)
	defer candidatePool.Put(&cand)
	for i := range b.rules {
		r := &b.rules[i]
		if h, ok := matchRule(r, a, hasHan, cand); ok {
			hits[r.intent] = h
		}
	}
	return hits
}

// allHits returns every non-negated match of a rule: English ones first,
// each language in text order.
func allHits(r *compiledRule, a *analysis) []hit {
	var out []hit
	eachHit(r, a, true, nil, func(h hit) bool {
		out = append(out, h)
		return true
	})
	slices.SortStableFunc(out, func(x, y hit) int {
		if x.zh != y.zh {
			if y.zh {
				return -1
			}
			return 1
		}
		return x.start - y.start
	})
	return out
}

func (b *Brain) rule(i agent.Intent) *compiledRule {
	for k := range b.rules {
		if b.rules[k].intent == i {
			return &b.rules[k]
		}
	}
	return nil
}

// matchRule returns the first non-negated match of a rule.
func matchRule(r *compiledRule, a *analysis, hasHan bool, cand []uint64) (hit, bool) {
	var first hit
	eachHit(r, a, hasHan, cand, func(h hit) bool {
		first = h
		return false
	})
	return first, first.found
}

// eachHit calls yield with the non-negated matches of r until yield returns
// false. English patterns are tried only at the tokens cand marks (nil:
// every pattern at every token); Chinese patterns run only when hasHan.
func eachHit(r *compiledRule, a *analysis, hasHan bool, cand []uint64, yield func(hit) bool) {
	for k := range r.en {
		mask := ^uint64(0)
		if cand != nil {
			if mask = cand[r.first+k]; mask == 0 {
				continue
			}
		}
		p := &r.en[k]
		for from := 0; from < len(a.seq); {
			var start, end int
			var ok bool
			if mask == ^uint64(0) {
				start, end, ok = p.find(a.seq[from:])
				start, end = start+from, end+from
			} else {
				start, end, ok = p.findAt(a.seq, from, mask)
			}
			if !ok {
				break
			}
			if (!r.neg || !negatedEN(a.seq, start)) && !yield(hit{found: true, start: start, end: end}) {
				return
			}
			from = start + 1
		}
	}
	if !hasHan {
		return
	}
	for k := range r.zh {
		p := &r.zh[k]
		for from := 0; from < len(a.norm); {
			start, end, ok := p.find(a.norm, from)
			if !ok {
				break
			}
			if (!r.neg || !negatedZH(a.norm, start)) && !yield(hit{found: true, zh: true, start: start, end: end}) {
				return
			}
			_, size := utf8.DecodeRuneInString(a.norm[start:])
			from = start + size
		}
	}
}

// negatedEN reports whether a negation governs the phrase at seq[start]:
// "not", "never", "nobody" or "no need" up to three words before it in the
// same clause, or "no" right before it. A no said twice ("no no cancel
// that", "nope nope") is an interjection, and negates nothing.
func negatedEN(seq []token, start int) bool {
	if start > 0 && seq[start-1].text == "no" && !seq[start].clause && !interjection(seq, start-1) {
		return true
	}
	for k := start - 1; k >= 0 && k >= start-3; k-- {
		if seq[k+1].clause {
			return false
		}
		switch seq[k].text {
		case boundary:
			return false
		case "not", "never", "nobody":
			return true
		case "need":
			// "no need to stop calling" asks for nothing.
			if k > 0 && seq[k-1].text == "no" {
				return true
			}
		}
	}
	return false
}

// interjection reports whether the no at seq[i] is one of several said in
// a row ("no no", "nope no", "nah no"): a word of its own, not a negation.
func interjection(seq []token, i int) bool {
	return i > 0 && slices.Contains([]string{"no", "nope", "nah", "noo"}, seq[i-1].text)
}

var zhNegators = []string{"不", "没", "没有", "不是", "不想", "不会", "不要", "别", "未", "并非", "不能", "无法", "没法", "不打算", "不用"}

// negatedZH reports whether the phrase at byte start of s follows a negation
// (allowing 我/再/会/想/说, a demonstrative and the verb 申请 between them:
// 我没有要争议, 没有要申请破产, 我没有说这个钱不是我的). A-not-A asks rather than
// denies: 能不能少还一点 is no negation.
func negatedZH(s string, start int) bool {
	before := strings.TrimRight(s[:start], " ")
	// The verb of an application stands between a negation and what is
	// applied for: 没有要申请破产 is no bankruptcy.
	before = strings.TrimSuffix(strings.TrimSuffix(before, "申请"), "声请")
	for range 4 {
		for _, n := range zhNegators {
			if strings.HasSuffix(before, n) {
				return !askingAnotA(before, n)
			}
		}
		r, size := utf8.DecodeLastRuneInString(before)
		if size == 0 || !strings.ContainsRune("我再会想要去说这那个笔", r) {
			return false
		}
		before = before[:len(before)-size]
	}
	return false
}

// askingAnotA reports whether the negator n that ends before is the middle
// of an A-not-A question: 能不能, 要不要, 是不是, 会不会, 有没有 (and 有没).
func askingAnotA(before, n string) bool {
	if n == "没有" || n == "没" {
		return strings.HasSuffix(strings.TrimSuffix(before, n), "有")
	}
	a, ok := strings.CutPrefix(n, "不")
	if !ok || a == "" {
		return false
	}
	return strings.HasSuffix(strings.TrimSuffix(before, n), a)
}

// lastAgentText is the normalized text of the last message the borrower received.
func lastAgentText(history []agent.Message) string {
	for i := len(history) - 1; i >= 0; i-- {
		if m := history[i]; fromAgent(m) {
			return normalize(m.Text)
		}
	}
	return ""
}

// fromAgent reports whether a message of the transcript was sent to the
// borrower, by the assistant or a supervisor.
func fromAgent(m agent.Message) bool {
	return m.Direction == agent.DirectionOut || m.Author == agent.AuthorAgent || m.Author == agent.AuthorSupervisor
}

func containsAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// Understand reads one message. It never fails on any text; the error is
// for the context only.
func (b *Brain) Understand(ctx context.Context, tc agent.TurnContext, text string) (agent.Understanding, error) {
	if err := ctx.Err(); err != nil {
		return agent.Understanding{}, err
	}
	u := agent.Understanding{Brain: "rules", Lang: DetectLang(text)}
	if u.Lang == "" {
		u.Lang = fallbackLang(tc)
	}
	u.Commands = b.read(tc, text)
	return u, nil
}

func fallbackLang(tc agent.TurnContext) string {
	for _, l := range [...]string{tc.Locale, tc.Conversation.Locale} {
		if strings.HasPrefix(l, "zh") {
			return "zh"
		}
		if strings.HasPrefix(l, "en") {
			return "en"
		}
	}
	return "en"
}
