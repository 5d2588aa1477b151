package rules

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parley-collections/parley/agent"
)

// bareOptOut are the carrier keywords that opt out when sent alone.
var bareOptOut = map[string]bool{
	"stop": true, "stopall": true, "unsubscribe": true, "cancel": true, "end": true, "quit": true, "revoke": true,
	"optout": true, "td": true, "t": true, "退订": true, "remove": true, "unsub": true,
}

// politeness may surround a bare keyword: "Stop. Thank you", "STOP please".
var politeness = map[string]bool{
	"please": true, "thanks": true, "thank": true, "you": true, "now": true, "ok": true, "all": true, "it": true,
}

// bareKeyword reports whether the message is only carrier keywords from
// set, with politeness words around them.
func bareKeyword(seq []token, set map[string]bool) bool {
	found := false
	for _, t := range seq {
		switch {
		case t.text == boundary || t.kind == tSym:
		case set[t.text]:
			found = true
		case politeness[t.text]:
		default:
			return false
		}
	}
	return found
}

// channelsIn names the channels a phrase speaks of, in the order named:
// texting is SMS, calling is voice, email is email. None leaves it to the
// current channel. The phrase is read with a few words after it, so that
// "stop sending me texts and emails" names both.
func channelsIn(a *analysis, h hit) []agent.Channel {
	var out []agent.Channel
	add := func(c agent.Channel) {
		for _, o := range out {
			if o == c {
				return
			}
		}
		out = append(out, c)
	}
	if h.zh {
		end := h.end
		for n := 0; n < 6 && end < len(a.norm); n++ {
			_, size := utf8.DecodeRuneInString(a.norm[end:])
			end += size
		}
		s := a.norm[h.start:end]
		for _, k := range [...]struct {
			word string
			ch   agent.Channel
		}{{"短信", agent.ChannelSMS}, {"电话", agent.ChannelVoice}, {"打", agent.ChannelVoice}, {"邮件", agent.ChannelEmail}, {"邮箱", agent.ChannelEmail}} {
			if i := strings.Index(s, k.word); i >= 0 {
				add(k.ch)
			}
		}
		return out
	}
	for k := h.start; k < len(a.seq); k++ {
		t := a.seq[k]
		w := t.text
		if k >= h.end && (w == boundary || !(listWords[w] || isChannelWord(w))) {
			break
		}
		if ch := channelOf(w); ch != "" {
			add(ch)
		}
	}
	return out
}

// listWords may join channel words in a list: "texts, calls or emails".
var listWords = map[string]bool{"and": true, "or": true, "&": true, "the": true, "any": true, "your": true, "these": true}

// channelWords map word beginnings to the channel they name.
var channelWords = [...]struct {
	prefix string
	ch     agent.Channel
}{
	{"text", agent.ChannelSMS}, {"sms", agent.ChannelSMS}, {"call", agent.ChannelVoice}, {"phon", agent.ChannelVoice},
	{"ring", agent.ChannelVoice}, {"voicemail", agent.ChannelVoice}, {"email", agent.ChannelEmail}, {"mail", agent.ChannelEmail},
}

// channelOf names the channel a word speaks of, or "".
func channelOf(w string) agent.Channel {
	for _, c := range channelWords {
		if strings.HasPrefix(w, c.prefix) {
			return c.ch
		}
	}
	return ""
}

func isChannelWord(w string) bool { return channelOf(w) != "" }

var ordinalIDs = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "a": 1, "b": 2, "c": 3, "d": 4,
}

var hanOrdinals = map[string]int{"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "a": 1, "b": 2, "c": 3}

// offerChoice finds which open offer the borrower picks: "option 2", "the
// second one", "plan b", "选2", "第二个", "方案二". It returns the offer's
// 1-based position as text and ok.
// bareChoice reads a message that is only the number of an open offer
// ("1", "#2", "2."), with politeness around it.
// choiceMarks are the words around a bare number that still make it a
// choice: 1号, 第1个, 选1, 就2.
var choiceMarks = map[string]bool{"号": true, "个": true, "第": true, "选": true, "就": true, "吧": true,
	// "fine, 3 then", "alright 1 please", "so 2"
	"fine": true, "alright": true, "then": true, "so": true, "yes": true, "sure": true}

// choiceWords are the numbers and ordinals written as words that name an
// option on their own ("one", "the second", "3rd").
var choiceWords = map[string]string{
	"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
	"first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5",
}

var ordinalSuffix = map[string]bool{"st": true, "nd": true, "rd": true, "th": true}

func bareChoice(seq []token, offers int) (string, bool) {
	id := ""
	for _, t := range seq {
		switch {
		case t.text == boundary || t.kind == tSym || t.text == "#" || politeness[t.text] || choiceMarks[t.text]:
		case id == "" && len(t.text) == 1 && t.text >= "1" && t.text <= "9":
			id = t.text
		case id == "" && choiceWords[t.text] != "":
			id = choiceWords[t.text]
		case id != "" && ordinalSuffix[t.text]:
			// "2nd" is read as 2 and "nd".
		default:
			return "", false
		}
	}
	if n, err := strconv.Atoi(id); err != nil || n > offers {
		return "", false
	}
	return id, true
}

// endsWithOne reports whether the message's last word, politeness aside,
// is "one".
func endsWithOne(seq []token) bool {
	for i := len(seq) - 1; i >= 0; i-- {
		w := seq[i].text
		if w == boundary || seq[i].kind == tSym || politeness[w] {
			continue
		}
		return w == "one"
	}
	return false
}

// offerByWords reports whether the message picks an offer on the table by
// what it is ("the monthly one", "go with the settlement one", 分期的那个)
// or by its number of payments ("switch me to the three payments") when
// exactly one offer is of that kind, and sets id to its number. A
// message that names an amount, or a kind two offers share, picks nothing.
func (r *reading) offerByWords(id *string) bool {
	if len(r.cues.table) < 2 || r.slots.amount != nil || r.has(agent.IntentCancelPlan) {
		return false
	}
	n := r.a.norm
	if !r.picking() {
		return false
	}
	if r.offerByComparison(id) || r.offerByCount(id) {
		return true
	}
	var kind agent.PlanKind
	switch {
	case containsAny(n, "monthly", "each month", "every month", "per month", "a month", "instalment", "installment", "payment plan", "分期", "每月", "每个月"):
		kind = agent.PlanInstallment
	case containsAny(n, "settle", "settlement", "discount", "结清", "打折"):
		kind = agent.PlanSettlement
	case containsAny(n, "in full", "all at once", "whole amount", "full amount", "全额", "一次性还清", "全部还清"):
		kind = agent.PlanFull
	default:
		return false
	}
	found := 0
	for i, p := range r.cues.table {
		if p.Kind == kind {
			found++
			*id = strconv.Itoa(i + 1)
		}
	}
	return found == 1
}

// offerByCount reports whether the number of payments the message names
// is that of exactly one offer of two or more on the table, and sets id
// to its number.
func (r *reading) offerByCount(id *string) bool {
	if r.slots.count < 2 {
		return false
	}
	found := 0
	for i, p := range r.cues.table {
		if len(p.Installments) == r.slots.count {
			found++
			*id = strconv.Itoa(i + 1)
		}
	}
	return found == 1
}

// offerByAmount reports whether the message picks an offer on the table by
// an amount it states ("the $600 one", "yes the 1,020 one"): the message
// picks (or opens with a yes), names no frequency or count, and exactly
// one offer has that payment or that total. It sets id to its number. An
// amount no offer states, or one two offers share, is haggling.
func (r *reading) offerByAmount(id *string) bool {
	m := r.money()
	if m == nil || len(r.cues.table) < 2 || r.slots.freq != "" || r.slots.count > 0 || r.has(agent.IntentCancelPlan) {
		return false
	}
	if !r.picking() && !startsWithYes(r.a) {
		return false
	}
	found := 0
	for i, p := range r.cues.table {
		if p.Total.Minor == m.Minor || (len(p.Installments) > 0 && p.Installments[0].Amount.Minor == m.Minor) {
			found++
			*id = strconv.Itoa(i + 1)
		}
	}
	return found == 1
}

// pickPhrases are the words that pick one thing out of several, matched
// on the words with contractions expanded ("I'll take" is "i will take");
// pickHan are the Chinese ones, matched on the text.
var (
	pickPhrases = splitPhrases("the one", "that one", "this one", "the option", "sign me up", "put me down", "go with", "i will take",
		"i will do", "i will go", "i want the", "i choose", "i pick", "the monthly one", "the settlement one", "lock in", "give me the",
		"let us do the", "let us go", "i will have the", "i would like the", "put me on", "put me down for", "whichever",
		// in Hindi, in Latin letters and in Devanagari: take it, do it, it will do
		"le lo", "le lijiye", "kar do", "kar dijiye", "one ok", "ले", "कर दीजिए", "कर दो", "ठीक है", "चलेगा",
		// another option for the one agreed: change it to, switch me over
		// to, swap it for, make it the
		"change to", "change it to", "change that to", "change me to", "change over to", "change me over to",
		"switch to", "switch it to", "switch that to", "switch me to", "switch over to", "switch me over to",
		"swap to", "swap it to", "swap me to", "swap me over to", "swap it for", "swap that for",
		"move me to", "move me over to", "make it the", "make that the")
	pickHan = []string{"那个", "这个", "我要", "我选", "就选", "换成", "改成", "换到", "改到"}
)

func splitPhrases(phrases ...string) [][]string {
	out := make([][]string, len(phrases))
	for i, p := range phrases {
		out[i] = strings.Fields(p)
	}
	return out
}

// phraseIn reports whether the words of one of the phrases follow each
// other in seq.
func phraseIn(seq []token, phrases [][]string) bool {
	for i := range seq {
	next:
		for _, p := range phrases {
			if seq[i].text != p[0] || i+len(p) > len(seq) {
				continue
			}
			for k := 1; k < len(p); k++ {
				if seq[i+k].text != p[k] {
					continue next
				}
			}
			return true
		}
	}
	return false
}

// picking reports whether the message picks something: with words of
// picking, ended with "one" ("the monthly payments one"), or opening with
// "the" and a comparison ("the longer plan please"). A question about
// the offers ("is the longer one dearer?") picks nothing.
func (r *reading) picking() bool {
	if asksAbout(r.a.seq) && !changeAsked(r.a.seq) && !r.swaps() {
		return false
	}
	// 选期数最少的方案: a message opening with 选 picks, one asking 选哪个 does not.
	hanPick := (strings.HasPrefix(r.a.norm, "选") || strings.HasPrefix(r.a.norm, "選")) && !strings.ContainsAny(r.a.norm, "?？哪吗嗎")
	return phraseIn(r.a.seq, pickPhrases) || containsAny(r.a.norm, pickHan...) || hanPick || endsWithOne(r.a.seq) || r.has(agent.IntentAcceptOffer) ||
		(tokText(r.a.seq, 0) == "the" && comparison(r.a.norm) != 0) || r.swaps() || (r.cues.compared[0] > 0 && comparison(r.a.norm) != 0)
}

// swaps reports whether, with a plan agreed, the message asks for
// something in its place: instead, rather, actually, after all, back to,
// 还是, 换: "can I do the longer one instead" picks like any request.
func (r *reading) swaps() bool {
	return r.cues.agreed > 0 && (phraseIn(r.a.seq, swapPhrases) || containsAny(r.a.norm, "还是", "换"))
}

var swapPhrases = splitPhrases("instead", "rather", "actually", "after all", "back to", "hi theek", "hi sahi")

// undoes reports whether, with a plan agreed, the message takes it back
// with a verb of undoing and names no plan ("scratch that", "forget it",
// 算了不要了, "rehne do"): what is undone is the agreement just made.
func (r *reading) undoes() bool {
	return r.cues.agreed > 0 && r.has(xUndo)
}

// cancelAsks are the words of a question about what cancelling would
// bring ("what happens if I cancel the plan?", "can I cancel later if I
// need to?", 如果取消这个方案会怎么样): it calls nothing off.
var cancelAsks = []string{"what happens if", "what would happen if", "what if i", "if i cancel", "if i canceled", "if i cancelled",
	"if we cancel", "cancel later", "cancel it later", "would i get charged", "如果取消", "要是取消", "取消的话", "取消会怎", "取消了会"}

// cancelAskedAbout reports whether the message asks what cancelling would
// bring rather than asking for it.
func (r *reading) cancelAskedAbout() bool { return containsAny(r.a.norm, cancelAsks...) }

// questionOpeners open a question about the offers, not a pick of one.
var questionOpeners = map[string]bool{"is": true, "are": true, "why": true, "what": true, "whats": true, "how": true,
	"does": true, "do": true, "which": true, "would": true, "will": true, "can": true, "could": true, "whys": true}

func asksAbout(seq []token) bool { return questionOpeners[tokText(seq, 0)] }

// changeAsked reports whether a question asks for a change ("can you swap
// me to the longer one", "could we change it to the settlement"): a
// request, which picks like any other.
func changeAsked(seq []token) bool {
	switch tokText(seq, 0) {
	case "can", "could", "would", "will":
	default:
		return false
	}
	switch tokText(seq, 1) {
	case "you", "we", "i":
	default:
		return false
	}
	for k := 2; k <= 3; k++ {
		switch tokText(seq, k) {
		case "change", "switch", "swap", "move", "make", "put":
			return true
		case "please", "just", "maybe":
			continue
		}
		return false
	}
	return false
}

// The comparisons by which one plan is picked from others of its kind.
const (
	pickLongest = iota + 1
	pickShortest
	pickSmallest
	pickLargest
)

// comparison finds which comparison of plans the message makes, or 0.
// Payment size is tried first: "the cheaper monthly one" is about the
// payments, "the longer one" about the number of them.
func comparison(n string) int {
	switch {
	case containsAny(n, "期数最少", "期数少", "期数最短", "期数短", "期數最少", "期數少"):
		// 期数 is the number of instalments: 期数最少的 is the shortest,
		// not the smallest payment.
		return pickShortest
	case containsAny(n, "期数最多", "期数多", "期数最长", "期數最多", "期數多"):
		return pickLongest
	case containsAny(n, "cheaper", "cheapest", "less expensive", "least expensive", "便宜", "smaller", "smallest", "lower", "lowest", "less a month", "less each month",
		"sabse kam", "kam se kam", "chhoti", "chhota", "choti", "सबसे कम", "कम से कम",
		"每月少", "每个月少", "月供少", "月供低", "每月低", "少一点的", "少点的", "低一点的", "最低", "最少的", "最少那",
		// in Cantonese, cheap is 平: 月供最平嗰个
		"最平", "平啲", "平的那"):
		return pickSmallest
	case containsAny(n, "bigger", "biggest", "larger", "largest", "higher", "highest", "more a month", "more each month",
		"sabse zyada", "sabse jyada", "सबसे ज़्यादा", "सबसे ज्यादा",
		"每月多", "每个月多", "月供高", "多一点的", "高一点的", "最高"):
		return pickLargest
	case containsAny(n, "longer", "longest", "more months", "more payments", "most months", "most payments", "most instalments",
		"most installments", "sabse lamba", "sabse lambi", "सबसे लंबा", "सबसे लंबी",
		"时间长", "长的", "长一点的", "期数多", "期多的", "久的", "期数最多", "最多期", "最长", "最耐"):
		return pickLongest
	case containsAny(n, "shorter", "shortest", "quicker", "quickest", "faster", "fastest", "fewer", "fewest", "sooner", "soonest",
		"sabse jaldi", "सबसे जल्दी", "时间短", "短的", "短一点的", "期数少", "期少的", "快的", "期数最少", "最少期", "最短", "最快"):
		return pickShortest
	}
	return 0
}

// comparisonAsked reports whether the message asks which of two or more
// offers on the table compares best ("which of them is quickest?", "what
// one has the smallest payments?"), rather than the lowest terms there are.
func (r *reading) comparisonAsked() bool {
	t := tokText(r.a.seq, 0)
	if _, ok := pairNamed(r.a.seq, len(r.cues.table)); ok && (looksLikeQuestion(r.a) || containsAny(r.a.norm, "difference", "compare", "区别", "比较")) {
		// "what's the difference between option 2 and 3", "2 vs 3,
		// which costs less?": two options asked about, neither picked
		// (a preference said between two is comparedChoice's).
		k, _ := comparedChoice(r.a.seq)
		return k == ""
	}
	return len(r.cues.table) > 1 && (t == "which" || t == "what") && looksLikeQuestion(r.a) && comparison(r.a.norm) != 0 &&
		!r.has(agent.IntentAskLowest) && r.slots.amount == nil
}

// pairNamed finds two different options of the offers named by number
// and joined by and, or, vs or 和 ("option 2 and 3", "1 or 2", "方案1和方案2").
func pairNamed(seq []token, offers int) ([2]int, bool) {
	skip := func(i int) int {
		for i < len(seq) && optionNouns[seq[i].text] {
			i++
		}
		return i
	}
	for i := range seq {
		a, ok := optionDigit(seq, i)
		if !ok {
			continue
		}
		j := skip(i + 1)
		if j >= len(seq) || !pairJoins[seq[j].text] {
			continue
		}
		b, ok := optionDigit(seq, skip(j+1))
		x, _ := strconv.Atoi(a)
		y, _ := strconv.Atoi(b)
		if ok && x != y && x <= offers && y <= offers {
			return [2]int{x, y}, true
		}
	}
	return [2]int{}, false
}

var (
	optionNouns = map[string]bool{"option": true, "options": true, "number": true, "plan": true, "no": true, "#": true, "opt": true, "方": true, "案": true, "第": true}
	pairJoins   = map[string]bool{"and": true, "or": true, "vs": true, "versus": true, "v": true, "&": true, "和": true, "或": true, "跟": true, "与": true}
)

// lastCompared is the pair of options the borrower's message before the
// agent's last reply asked about (pairNamed), if it named two.
func lastCompared(history []agent.Message, offers int) [2]int {
	replied := false
	for i := len(history) - 1; i >= 0; i-- {
		if fromAgent(history[i]) {
			replied = true
			continue
		}
		if replied {
			p, _ := pairNamed(analyze(history[i].Text).seq, offers)
			return p
		}
	}
	return [2]int{}
}

// offerByComparison reports whether the message picks, by comparing them,
// one of two or more offers on the table ("the longer one", "the one with
// smaller payments", 时间长的那个), and sets id to its number. Length
// compares the number of payments of every offer (a settlement is one);
// the size of the payments compares installment plans only, since beside
// a settlement "cheaper" could mean either. A tie picks nothing.
func (r *reading) offerByComparison(id *string) bool {
	how := comparison(r.a.norm)
	if how == 0 {
		return false
	}
	bySize := how == pickSmallest || how == pickLargest
	// "the smallest payment", "lowest EMI": the size of each payment is
	// named, so every offer's payment is compared, a settlement's too.
	perPayment := containsAny(r.a.norm, "payment", "instalment", "installment", "emi", "kisht", "qist", "किस्त", "月供", "每期")
	// After two options were asked about, the comparison is between
	// them; one payment against one payment compares by its amount.
	pair := r.cues.compared
	if pair[0] > len(r.cues.table) || pair[1] > len(r.cues.table) {
		pair = [2]int{}
	}
	if pair[0] > 0 && len(r.cues.table[pair[0]-1].Installments) == 1 && len(r.cues.table[pair[1]-1].Installments) == 1 {
		perPayment = true
	}
	keyOf := func(p agent.Plan) (int64, bool) {
		if len(p.Installments) == 0 || (bySize && !perPayment && p.Kind != agent.PlanInstallment) {
			return 0, false
		}
		switch how {
		case pickLongest:
			return int64(len(p.Installments)), true
		case pickShortest:
			return -int64(len(p.Installments)), true
		case pickSmallest:
			return -p.Installments[0].Amount.Minor, true
		}
		return p.Installments[0].Amount.Minor, true
	}
	// "the shorter one" with a plan agreed compares with that plan: the
	// nearest option beyond it that way, the agreed one left out.
	than, relative := int64(0), false
	if r.cues.agreed > 0 && !superlative(r.a.norm) {
		than, relative = keyOf(r.cues.table[r.cues.agreed-1])
	}
	best, bestKey, tie, plans := -1, int64(0), false, 0
	for i, p := range r.cues.table {
		key, ok := keyOf(p)
		if !ok || (pair[0] > 0 && i+1 != pair[0] && i+1 != pair[1]) {
			continue
		}
		plans++
		if relative {
			if key <= than {
				continue
			}
			key = -key // the nearest beyond the agreed plan
		}
		switch {
		case best < 0 || key > bestKey:
			best, bestKey, tie = i, key, false
		case key == bestKey:
			tie = true
		}
	}
	if plans < 2 || tie || best < 0 {
		return false
	}
	*id = strconv.Itoa(best + 1)
	return true
}

// superlative reports whether a comparison picks the most of all ("the
// longest", "sabse kam", 最短) rather than more than another ("longer").
func superlative(n string) bool {
	for _, w := range strings.Fields(n) {
		if strings.HasSuffix(strings.Trim(w, ".,!?"), "est") || w == "most" || w == "least" {
			return true
		}
	}
	return containsAny(n, "sabse", "kam se kam", "सबसे", "कम से कम", "最")
}

// assentChoiceOK reports whether the message opens with an offer's number
// said with assent ("3 is good for me", "2 works"), and sets id to it: a
// choice, never an amount of 2 in a haggle.
func assentChoiceOK(seq []token, offers int, id *string) bool {
	if len(seq) < 2 || seq[0].kind != tNum || len(seq[0].text) != 1 || seq[0].text < "1" || seq[0].text > "9" || !assentAfter[seq[1].text] {
		return false
	}
	if n, _ := strconv.Atoi(seq[0].text); n > offers {
		return false
	}
	*id = seq[0].text
	return true
}

// assentAfter are words after a number that make it a choice.
var assentAfter = map[string]bool{"is": true, "works": true, "sounds": true, "would": true, "will": true, "please": true,
	"ok": true, "fine": true, "good": true, "for": true, "it": true, "then": true, "looks": true, "suits": true}

func offerChoice(seq []token, offers int) (string, bool) {
	if k, at := comparedChoice(seq); at != nil {
		return k, true
	}
	for i, t := range seq {
		w := t.text
		next, prev := tokText(seq, i+1), tokText(seq, i-1)
		switch w {
		case "middle":
			// "the middle plan", "the one in the middle", "bich wali": the
			// middle of an odd list; an even one has none.
			in := prev == "the" && (tokText(seq, i-2) == "in" || tokText(seq, i-2) == "at")
			if (next == "one" || next == "option" || next == "plan" || next == "offer" || in) && offers >= 3 && offers%2 == 1 {
				return strconv.Itoa(offers/2 + 1), true
			}
		case "中":
			// 中间那个, 中間嗰個, 中间的方案: the middle of an odd list.
			// 中间有一个月 and 中间一个月 name no offer.
			if (next == "间" || next == "間") && offers >= 3 && offers%2 == 1 && placeNamesOffer(seq, i+2) {
				return strconv.Itoa(offers/2 + 1), true
			}
		case "option", "plan", "offer", "number", "#", "choice", "no", "opt":
			n, ok := ordinalIDs[next]
			if ok && len(next) == 1 && next >= "a" && next <= "d" {
				// "plan b" names an offer, "a plan a month" does not
				after := tokText(seq, i+2)
				ok = after == "" || after == boundary || after == "please" || seq[i+2].clause
			}
			if ok && (w != "no" || prev == "take" || prev == "choose") {
				return strconv.Itoa(n), true
			}
			if n, err := strconv.Atoi(next); err == nil && n >= 1 && n <= 9 && len(next) == 1 {
				return strconv.Itoa(n), true
			}
		case "选", "第", "案":
			if w == "案" && prev != "方" {
				continue
			}
			if w == "选" && (next == "择" || next == "项") {
				if next == "项" {
					if n, ok := hanOrdinals[tokText(seq, i+2)]; ok {
						return strconv.Itoa(n), true
					}
				}
				continue
			}
			if n, ok := hanOrdinals[next]; ok {
				return strconv.Itoa(n), true
			}
		case "号":
			// 三号方案, 2号: a number and 号 name an offer.
			if n, ok := hanOrdinals[prev]; ok && n <= offers {
				return strconv.Itoa(n), true
			}
		case "top", "upar", "oopar", "uppar", "niche", "neeche", "nichey", "neechey":
			if place, ok := headOrFoot(seq, i, offers); ok {
				return place, true
			}
		case "last", "final", "bottom":
			if (next == "one" || next == "option" || next == "plan" || next == "offer") && offers > 0 {
				return strconv.Itoa(offers), true
			}
			// "the one on the bottom", "whichever is at the bottom of the list"
			if w == "bottom" && prev == "the" && (tokText(seq, i-2) == "on" || tokText(seq, i-2) == "at") && offers > 0 {
				return strconv.Itoa(offers), true
			}
		case "最":
			// 最后那个, 最後一個, 最尾嗰个: the last offer listed. 最后一次
			// and 最后一期 name no offer.
			after, then := tokText(seq, i+2), tokText(seq, i+3)
			// 最上面那个, 最下面的那个, 最底下那个, 最底那个: the head or
			// the foot of the list.
			if place, ok := hanHeadOrFoot(seq, i, offers); ok {
				return place, true
			}
			if (next == "后" || next == "尾") && offers > 0 && (after == "那" || after == "这" || after == "个" || after == "嗰" || after == "𠮶" ||
				after == "一" && (then == "个" || then == "项" || then == "种") || after == "方" && then == "案" ||
				after == "的" && (then == "方" || then == "那" || then == "选")) {
				return strconv.Itoa(offers), true
			}
		}
		n, ok := enOrdinals[w]
		digits := false
		if !ok && t.kind == tNum && ordinalSuffix[next] {
			// "2nd" is read as 2 and "nd": the ordinal is the two. "the
			// 3rd of" is a date, not "the second of those", and "with
			// the 2nd payment" names no offer: a chosen "2nd" ends the
			// clause.
			d, err := strconv.Atoi(w)
			n, ok, digits = d, err == nil && d >= 1, true
			next = tokText(seq, i+2)
		}
		if ok && n <= 9 {
			choosing := false
			switch prev {
			case "take", "choose", "pick", "want", "prefer", "like", "with", "select", "for":
				choosing = true
			case "the":
				// "take the 2nd", "maybe the 3rd" (a hedged pick, read back)
				p2 := tokText(seq, i-2)
				choosing = p2 == "take" || p2 == "choose" || p2 == "pick" || p2 == "want" || p2 == "prefer" || p2 == "like" || p2 == "with" || p2 == "select" || p2 == "for" || p2 == "" || p2 == boundary ||
					p2 == "maybe" || p2 == "probably" || p2 == "perhaps" || p2 == "possibly"
			}
			if digits && !(next == "" || next == boundary || politeness[next] || seq[min(i+2, len(seq)-1)].clause) {
				choosing = false
			}
			if next == "one" || next == "option" || next == "plan" || next == "offer" || (next == "of" && prev == "the" && !digits) || choosing {
				return strconv.Itoa(n), true
			}
		}
	}
	return "", false
}

// headOrFoot reads an option named by its place at the head or the foot
// of the list from the word at i: "the top one", "the plan at the top",
// "sabse upar wala", "sabse neeche wali". "top of my overdraft" and "top
// priority" name no option, nor does "upar wala" without sabse, which is
// also said of God.
func headOrFoot(seq []token, i, offers int) (string, bool) {
	if offers < 2 {
		return "", false
	}
	w, next, prev := seq[i].text, tokText(seq, i+1), tokText(seq, i-1)
	place := "1"
	if w != "top" && w != "upar" && w != "oopar" && w != "uppar" {
		place = strconv.Itoa(offers)
	}
	if w == "top" {
		at := prev == "the" && (tokText(seq, i-2) == "at" || tokText(seq, i-2) == "on") &&
			(next == "" || next == boundary || politeness[next] || seq[i+1].clause)
		return place, at || (prev == "the" && (next == "one" || next == "option" || next == "plan" || next == "offer" || next == "choice"))
	}
	switch next {
	case "one", "wali", "waali", "vali", "wale": // wala is read as one
		return place, prev == "sabse" || prev == "sab"
	}
	return "", false
}

// hanHeadOrFoot reads an option named, from 最 at i, by its place at the
// head or the foot of the list: 最上面那个, 最上边的方案, 最下面的那个,
// 最底下那个, 最底那个. 最上面写的 names none.
func hanHeadOrFoot(seq []token, i, offers int) (string, bool) {
	if offers < 2 {
		return "", false
	}
	place := ""
	switch tokText(seq, i+1) {
	case "上", "顶", "頂":
		place = "1"
	case "下", "底":
		place = strconv.Itoa(offers)
	default:
		return "", false
	}
	j := i + 2
	switch tokText(seq, j) {
	case "面", "边", "邊", "下", "上", "头", "頭":
		j++
	}
	return place, placeNamesOffer(seq, j)
}

// placeNamesOffer reports whether the characters from i on, after a place
// in the list (中间), name an offer: 那个, 这个, 嗰個, 的那个, 的方案, 一个
// (not 一个月), 方案. 嗰 reads as 𠮶 once simplified.
func placeNamesOffer(seq []token, i int) bool {
	after, then := tokText(seq, i), tokText(seq, i+1)
	switch after {
	case "那", "这", "个", "嗰", "𠮶":
		return true
	case "一":
		unit := tokText(seq, i+2)
		return (then == "个" || then == "项" || then == "种") && (unit == "" || !strings.Contains("月期年天周礼星次笔", unit))
	case "方":
		return then == "案"
	case "的":
		return then == "方" || then == "那" || then == "选" || then == "嗰" || then == "𠮶" || then == "个"
	}
	return false
}

// optionDigit reads a token that can number an option: one digit, 1 to 9.
func optionDigit(seq []token, i int) (string, bool) {
	if i < 0 || i >= len(seq) || seq[i].kind != tNum || len(seq[i].text) != 1 || seq[i].text == "0" {
		return "", false
	}
	return seq[i].text, true
}

// preferWords say which of two is wanted: "I'd rather do 2", "I prefer 1",
// "3 is better".
var preferWords = map[string]bool{"rather": true, "sooner": true, "prefer": true, "take": true, "choose": true, "pick": true,
	"with": true, "do": true, "want": true, "better": true, "best": true, "preferable": true, "works": true, "suits": true}

// comparedChoice finds an option picked by comparing two by their
// numbers: "between 1 and 2 I'd rather do 2", "out of 1 and 3 I'd sooner
// take 3", "2 and 3, 3 is better", "I'd rather do 1 than 3". It returns
// the option picked and the places of the numbers, which are not money;
// nil when the message compares none.
func comparedChoice(seq []token) (string, []int) {
	for i := range seq {
		switch seq[i].text {
		case "between", "of":
			a, okA := optionDigit(seq, i+1)
			b, okB := optionDigit(seq, i+3)
			if c := tokText(seq, i+2); !okA || !okB || a == b || (c != "and" && c != "or" && c != "&") {
				continue
			}
			for j := i + 4; j < len(seq); j++ {
				k, ok := optionDigit(seq, j)
				if !ok || (k != a && k != b) {
					continue
				}
				prefer := preferWords[tokText(seq, j+1)] || preferWords[tokText(seq, j+2)]
				for p := j - 1; p >= j-3 && p > i+3 && !prefer; p-- {
					prefer = preferWords[seq[p].text]
				}
				if prefer {
					return k, []int{i + 1, i + 3, j}
				}
			}
		case "than":
			k, okK := optionDigit(seq, i-1)
			l, okL := optionDigit(seq, i+1)
			if !okK || !okL || k == l {
				continue
			}
			for p := i - 2; p >= 0 && p >= i-5; p-- {
				if w := seq[p].text; w == "rather" || w == "sooner" || w == "prefer" || w == "better" {
					return k, []int{i - 1, i + 1}
				}
			}
		}
	}
	return "", nil
}

// rolePrefix reports whether the text opens like a message of another role
// in a chat transcript: "SYSTEM: ...", "[system] ...", "### assistant: ...".
func rolePrefix(norm string) bool {
	s := strings.TrimLeft(norm, " #[<*>/-|`'\"")
	for _, role := range [...]string{"system", "assistant", "developer", "admin", "系统", "管理员"} {
		rest, ok := strings.CutPrefix(s, role)
		if !ok {
			continue
		}
		rest = strings.TrimLeft(rest, " ")
		if rest != "" && strings.ContainsRune(":]>=：】", []rune(rest)[0]) {
			return true
		}
	}
	return false
}

// payVerbIn reports whether the message speaks of paying at all.
func payVerbIn(a *analysis) bool {
	for _, t := range a.seq {
		switch t.text {
		case "pay", "paying", "payment", "send", "sending", "transfer", "deposit", "settle", "repay", "clear",
			"还", "付", "转", "交", "汇", "打":
			return true
		}
		if devaPayVerbs[t.text] {
			return true
		}
	}
	return false
}

// looksLikeQuestion reports whether the text asks something.
func looksLikeQuestion(a *analysis) bool {
	if strings.ContainsAny(a.norm, "?？") || containsAny(a.norm, "吗", "呢", "什么", "怎么", "为什么", "如何", "哪", "多少", "几") {
		return true
	}
	if len(a.seq) == 0 {
		return false
	}
	switch a.seq[0].text {
	case "how", "what", "why", "when", "where", "who", "which", "can", "could", "do", "does", "did", "is", "are", "will",
		"would", "should", "may", "am", "was", "were", "have", "has":
		return true
	}
	return false
}

// cues are what the conversation so far says about this message.
type cues struct {
	offersOpen  bool         // an offer is on the table: "ok" accepts it, "no" rejects it
	offers      int          // how many offers TurnContext lists, so "the last one" can be numbered
	table       []agent.Plan // the offers themselves, so a restated amount can be told from a counter
	agreed      int          // the position (1-based) of the offer agreed, 0 when none is: "scratch that" undoes it
	compared    [2]int       // the two options (1-based) the borrower's last message asked about: "the cheaper one" is one of them
	askedAmount bool         // the agent asked how much the borrower can pay: a bare number is money
	askedWhen   bool         // the agent asked when ("when you're ready" asks no date): a bare date is a promise
	dayFirst    bool         // numeric dates read day first (pounds, rupees, euros)
}

func readCues(tc agent.TurnContext) cues {
	last := lastAgentText(tc.History)
	cur := strings.ToUpper(tc.Currency)
	return cues{
		offersOpen:  len(tc.OpenOffers) > 0 || madeOffer(last),
		offers:      len(tc.OpenOffers),
		table:       tc.OpenOffers,
		agreed:      slices.IndexFunc(tc.OpenOffers, func(p agent.Plan) bool { return p.Status == agent.PlanAccepted }) + 1,
		compared:    lastCompared(tc.History, len(tc.OpenOffers)),
		askedAmount: containsAny(last, "how much", "what amount", "afford", "多少", "能还", "能付", "负担", "負擔"),
		askedWhen:   containsAny(strings.NewReplacer("when you are ready", "", "when you're ready", "").Replace(last), "when", "what date", "which day", "什么时候", "哪天", "几号"),
		dayFirst:    cur == "GBP" || cur == "INR" || cur == "EUR",
	}
}

// madeOffer reports whether the agent's last message (normalized) put terms
// on the table, rather than asking who the borrower is.
func madeOffer(last string) bool {
	offer := containsAny(last, "offer", "plan", "option", "方案", "分期", "installment", "per month", "a month",
		"each month", "every month", "weekly", "每月", "每周", "does that work", "would that work", "works for you",
		"可以吗", "行吗", "好吗", "接受吗", "would you like")
	identity := identityWords(last).any() || containsAny(last, "speaking with", "speaking to", "am i talking", "本人")
	return offer && !identity
}

// slots are the values parsed out of one message.
type slots struct {
	claims   []agent.IdentityClaim
	promised time.Time   // the date a payment is promised for; zero when none
	amount   *numMention // the amount offered; nil when none
	count    int
	freq     agent.Frequency
}

// readSlots parses identity facts, then dates, then numbers, each stage
// taking its tokens away from the next.
func readSlots(a *analysis, tc agent.TurnContext, cu cues, now time.Time) slots {
	var s slots
	used := make([]bool, len(a.seq))
	s.claims = scanIdentity(a, used, now, identityWords(a.norm), pendingIdentity(tc.History))
	if _, at := comparedChoice(a.seq); at != nil && cu.offersOpen {
		// "between 1 and 2 I'd rather do 2": the options' numbers
		for _, i := range at {
			used[i] = true
		}
	}
	dates := scanDates(a.seq, used, now, cu.dayFirst)
	nums := scanNumbers(a.seq, used, cu.askedAmount)
	s.promised = promisedDate(a.seq, dates, now)
	for i := range nums {
		m := &nums[i]
		switch {
		case m.kind == numAmount && !m.stated:
			if s.amount == nil || amountRank(m) > amountRank(s.amount) {
				s.amount = m
			}
		case m.kind == numCount && s.count == 0:
			s.count, s.freq = int(m.hundredths/100), m.freq
		}
	}
	if s.amount != nil && s.amount.freq != "" {
		s.freq = s.amount.freq
	}
	if s.freq == "" {
		s.freq = messageFrequency(a, nums)
	}
	if s.count == 0 && s.amount == nil && halves(a) {
		// "half now and half next month": the balance in two payments.
		s.count, s.freq = 2, agent.Monthly
		if containsAny(a.norm, "week", "周", "星期", "礼拜") {
			s.freq = agent.Weekly
		}
	}
	return s
}

// halves reports whether the message asks to pay in two halves: "half"
// twice ("half now and half next month"), or beside the rest of it ("half
// now, the rest next month", 先还一半，剩下的下个月). Half alone ("I can only
// pay half") is not.
func halves(a *analysis) bool {
	if strings.Contains(a.norm, "一半") {
		return strings.Count(a.norm, "一半") >= 2 || containsAny(a.norm, "剩下", "剩余", "其余", "余下")
	}
	n, rest := 0, false
	for _, t := range a.seq {
		switch t.text {
		case "half":
			n++
		case "rest", "remainder":
			rest = true
		}
	}
	return n >= 2 || n == 1 && rest
}

// reading is one message being turned into commands.
type reading struct {
	a        *analysis
	hits     map[agent.Intent]hit
	cues     cues
	slots    slots
	currency string
	out      []agent.Command
	// restrictions are the contact restrictions the message asks for.
	restrictions []agent.ContactRestriction
	// relation is the writer's relation to the person the message is
	// about, when the writer says they are someone else ("I am his son").
	relation string
	// asksMore is set when a message that asks for time to decide also
	// asks something else (see Brain.asksMore).
	asksMore bool
}

func (r *reading) has(i agent.Intent) bool { return r.hits[i].found }

// hedged marks a choice or a promise said with doubt ("maybe the second
// one?", "I'll pay Friday I think"): unsure, so it is read back, and
// doubtful, so it confirms no read-back.
func (r *reading) hedged(c agent.Command) agent.Command {
	if r.has(xHedge) {
		c.Unsure, c.Doubt = true, true
	}
	return c
}

func (r *reading) add(c agent.Command) { r.out = append(r.out, c) }

func (r *reading) addIf(ok bool, i agent.Intent) {
	if ok {
		r.add(agent.Command{Intent: i})
	}
}

func (r *reading) money() *agent.Money {
	if r.slots.amount == nil {
		return nil
	}
	m := money(r.slots.amount.hundredths, r.currency)
	return &m
}

// read turns a message into commands in the documented order.
func (b *Brain) read(tc agent.TurnContext, text string) []agent.Command {
	restrictions, rest := readRestrictions(normalize(text))
	if len(restrictions) > 0 {
		// The words of a restriction mean nothing else: "don't call me
		// at work" is no opt-out of calls.
		text = rest
	}
	a := analyze(text)
	r := &reading{a: a, hits: b.match(a), cues: readCues(tc), currency: tc.Currency, restrictions: restrictions}
	if r.has(xInjection) || rolePrefix(a.norm) {
		// Text that tries to instruct the system gets no privileged
		// command, but what it asks for the borrower's protection stands.
		r.protective(b)
		r.addIf(len(r.out) == 0, agent.IntentUnknown)
		return r.out
	}
	now := tc.Now
	if now.IsZero() {
		now = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	r.slots = readSlots(a, tc, r.cues, now)
	r.asksMore = r.has(xDeciding) && b.asksMore(a)
	if today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location()); r.has(xPart) && r.slots.promised.After(today) {
		// "part now, the rest next month" names a day to pay on: a
		// promise, not a part payment asked about.
		delete(r.hits, xPart)
	}

	r.relation, _ = thirdPartyRelation(a)
	r.protective(b)
	if r.relation != "" {
		r.add(agent.Command{Intent: agent.IntentThirdParty, Relation: r.relation})
	} else {
		// "not my debt, you have the wrong person" disputes the debt as
		// the writer's own: no third party.
		r.addIf(r.has(xWrongNumber) || (r.has(xWrongPerson) && !r.has(agent.IntentDispute)), agent.IntentThirdParty)
	}
	if r.has(xPause) && r.slots.amount == nil {
		// "缓三个月", "a couple months' breathing room": the length of a
		// payment holiday asked for is no count of payments.
		r.slots.count, r.slots.freq = 0, ""
	}
	r.addIf(r.has(agent.IntentHardship) || (r.has(xCannotPay) && !r.cues.offersOpen) || r.bankruptcyConsidered() ||
		(r.has(xPause) && r.slots.amount == nil), agent.IntentHardship)
	if len(r.slots.claims) > 0 {
		r.add(agent.Command{Intent: agent.IntentVerifyIdentity, Identity: r.slots.claims})
	}
	if r.comparisonAsked() {
		// "which of them gets it paid off soonest?": the options are
		// shown again to be compared; nothing is chosen.
		r.add(agent.Command{Intent: agent.IntentProposePlan})
	} else if id, ok := bareChoice(a.seq, r.cues.offers); ok || assentChoiceOK(a.seq, r.cues.offers, &id) || r.offerByWords(&id) || r.offerByAmount(&id) {
		// "1" in reply to a numbered list of offers chooses one; it is
		// not an amount of one. Said with doubt or as a question, it is
		// read back.
		c := r.hedged(agent.Command{Intent: agent.IntentAcceptOffer, OfferID: id})
		if choiceAsked(a) {
			c.Unsure, c.Doubt = true, true
		}
		r.add(c)
	} else if (r.has(agent.IntentCancelPlan) || r.undoes()) && !r.cancelAskedAbout() {
		// Withdrawing is never read as a new plan or an acceptance.
		r.add(agent.Command{Intent: agent.IntentCancelPlan})
	} else if r.has(agent.IntentAskLowest) || r.settleAsk() || r.longerAsk() {
		// "ok, what's the lowest you'd take" asks for terms: it neither
		// accepts the offers nor proposes a plan.
		r.add(agent.Command{Intent: agent.IntentAskLowest})
	} else {
		r.payment()
		r.offers()
	}
	r.addIf(r.has(agent.IntentOptIn) || bareKeyword(a.seq, optInWords), agent.IntentOptIn)
	r.addIf(bareKeyword(a.seq, helpWords) || strings.Trim(a.norm, " .!?。！？") == "帮助", agent.IntentHelp)
	for _, i := range [...]agent.Intent{agent.IntentAskBalance, agent.IntentAskDueDate, agent.IntentAskCreditor,
		agent.IntentAskPurpose, agent.IntentAskHowToPay, agent.IntentAskFees, agent.IntentAskBot, agent.IntentAskWho, agent.IntentAskLegit,
		agent.IntentAskCredit, agent.IntentAskAdvice, agent.IntentAskArrest, agent.IntentAskTimeBarred,
		agent.IntentAskValidation} {
		r.addIf(r.has(i) && !(i == agent.IntentAskWho && r.has(agent.IntentAskCreditor)) && !(i == agent.IntentAskArrest && r.othersHeld(b)), i)
	}
	// "Isn't this past the statute of limitations, can you even sue me?"
	// is answered once: the answer about the debt's age says whether
	// they will be sued.
	r.addIf(r.has(agent.IntentAskSuit) && !r.has(agent.IntentAskTimeBarred), agent.IntentAskSuit)
	r.social()
	return r.out
}

// reClause is a sentence or a clause of one, without the mark that ends it.
var reClause = regexp.MustCompile(`[^.!?。！？\n,，;；]+`)

// asksMore reports whether a message that asks for time to decide also
// asks something else: one of its clauses reads as a question and asks
// for no time ("let me think it over, do you take bitcoin?"), where "can
// I think about it?" asks nothing more.
func (b *Brain) asksMore(a *analysis) bool {
	for _, m := range reClause.FindAllStringIndex(a.norm, -1) {
		end := m[1]
		if _, size := utf8.DecodeRuneInString(a.norm[end:]); size > 0 {
			end += size // with the mark that ends it
		}
		s := analyze(a.norm[m[0]:end])
		if looksLikeQuestion(s) && !b.match(s)[xDeciding].found {
			return true
		}
	}
	return false
}

// atHeight reports whether the writer says they are on a roof, a ledge or
// a bridge, or at its edge (xAtHeight), and no word of money stands
// between "on" or "at" and the place or in the two words before, short of
// the writer ("I can't pay, I'm on the roof" is read as a crisis):
// "a loan on a roof repair", "the bill at the roof terrace", "the money
// went on a new roof" speak of a thing paid for. Only that reading is
// narrowed: standing on the roof, or any other crisis wording, is read
// whatever else the message says.
func (r *reading) atHeight() bool {
	h := r.hits[xAtHeight]
	if !h.found || h.zh {
		return h.found
	}
	for k := h.end - 1; k >= 0 && k >= h.start-2; k-- {
		w := r.a.seq[k].text
		if k < h.start && (w == boundary || w == "i" || w == "am" || w == "me") {
			// "I can't pay, I'm on the roof": the writer is there.
			break
		}
		if moneyWord(w) {
			return false
		}
	}
	return true
}

// moneyWords begin the words of money, a loan or a bill.
var moneyWords = []string{"loan", "mortgage", "money", "cash", "paid", "pay", "bill", "cost", "price", "fee", "toll", "debt",
	"credit", "interest", "quote", "deposit", "invoice", "insurance", "financ", "borrow", "emi", "kisht", "installment", "instalment"}

func moneyWord(w string) bool {
	return slices.ContainsFunc(moneyWords, func(p string) bool { return strings.HasPrefix(w, p) })
}

// protective adds the requests that protect the borrower, in the order
// the flows act on them.
func (r *reading) protective(b *Brain) {
	// Abuse going on is a crisis; abuse fled, with the writer in a safe
	// place now, is a vulnerability.
	// The top of a tall place beside a farewell is a crisis too.
	r.addIf(r.has(agent.IntentVulnerable) || r.atHeight() || (r.has(xHigh) && r.has(xFarewell)) || (r.has(xAbuse) && !r.has(xSafe)), agent.IntentVulnerable)
	// A death told by someone who says they are the person's relative
	// ("I am son of Rajesh. Papa expired") is the borrower's.
	deceased := r.has(agent.IntentDeceased) || (r.has(xDeath) && (r.has(xHolder) || r.relation != ""))
	r.addIf(deceased, agent.IntentDeceased)
	poorEnglish := r.has(xPoorEnglish) && r.has(xNotFollowing)
	r.addIf((r.illness(b) || r.has(xDeath) || r.has(xSafe) || poorEnglish || elderly(r.a)) && !deceased, agent.IntentVulnerability)
	r.optOut(b)
	if len(r.restrictions) > 0 {
		r.add(agent.Command{Intent: agent.IntentRestrictContact, Restrictions: r.restrictions})
	}
	r.addIf(r.has(agent.IntentCease), agent.IntentCease)
	r.addIf(r.has(agent.IntentAttorney) && r.representedBy(b), agent.IntentAttorney)
	r.addIf(r.ownBankruptcy(b) && !r.bankruptcyConsidered(), agent.IntentBankruptcy)
	r.addIf(r.has(agent.IntentDispute), agent.IntentDispute)
	// A bankruptcy considered is talked through with a person.
	r.addIf(r.has(agent.IntentRequestHuman) || r.bankruptcyConsidered(), agent.IntentRequestHuman)
}

// illness reports whether the message tells of an illness or a condition:
// some vulnerability reading lies outside every medical place named as what
// the debt is for ("how much is the ER visit" tells of none; "my son is in
// the ER" and "the ICU bill came while I'm on chemo" do).
func (r *reading) illness(b *Brain) bool {
	return r.has(agent.IntentVulnerability) && outsideAll(allHits(b.rule(agent.IntentVulnerability), r.a), allHits(b.rule(xMedicalBill), r.a))
}

// representedBy reports whether a lawyer the message names represents the
// borrower: some attorney reading lies outside every mention of a lawyer
// who is a friend or relative ("my lawyer friend said to pay", "my cousin
// is an attorney").
func (r *reading) representedBy(b *Brain) bool {
	friends := allHits(b.rule(xLawyerFriend), r.a)
	return len(friends) == 0 || outsideAll(allHits(b.rule(agent.IntentAttorney), r.a), friends)
}

// elderly reports whether the writer gives their age as 75 or more
// ("I'm 84", "I am 79 years old", "aged 80").
func elderly(a *analysis) bool {
	for i := 0; i+1 < len(a.seq); i++ {
		w := a.seq[i].text
		if w != "am" && w != "aged" && w != "age" {
			continue
		}
		if w == "am" && (i == 0 || a.seq[i-1].text != "i") {
			continue
		}
		n := a.seq[i+1]
		if n.kind != tNum {
			continue
		}
		age, err := strconv.Atoi(n.text)
		if err != nil || age < 75 || age > 110 {
			continue
		}
		next := tokText(a.seq, i+2)
		if next == "" || next == boundary || next == "and" || next == "years" || next == "yrs" || next == "year" || a.seq[i+2].clause {
			return true
		}
	}
	return false
}

// bankruptcyConsidered reports whether the message speaks of a bankruptcy
// only considered ("thinking about filing", "should I file", "考虑申请破产"):
// that is hardship, and records no bankruptcy. A filing said in the same
// message ("I filed chapter 7") is a bankruptcy.
func (r *reading) bankruptcyConsidered() bool {
	return r.has(agent.IntentBankruptcy) && (r.has(xBankruptMaybe) && !r.has(xBankruptFiled) || r.has(xBankruptHypo))
}

// ownBankruptcy reports whether a bankruptcy the message names is the
// borrower's: some bankruptcy reading lies outside every mention of an
// employer's or a company's ("my old employer went bankrupt", "公司破产了").
func (r *reading) ownBankruptcy(b *Brain) bool {
	return r.has(agent.IntentBankruptcy) && outsideAll(allHits(b.rule(agent.IntentBankruptcy), r.a), allHits(b.rule(xBankruptOther), r.a))
}

// othersHeld reports whether the jail or arrest the message names is only a
// relative's, told as news: every arrest reading lies inside a mention of
// the borrower's family member held ("my husband has been in prison since
// May") and nothing is asked. "will I go to jail?" and "my son is in jail,
// can they arrest me too?" still ask.
func (r *reading) othersHeld(b *Brain) bool {
	if strings.ContainsAny(r.a.norm, "?？") {
		return false
	}
	held := allHits(b.rule(xHeld), r.a)
	return len(held) > 0 && !outsideAll(allHits(b.rule(agent.IntentAskArrest), r.a), held)
}

// outsideAll reports whether some hit of hits overlaps none of within.
func outsideAll(hits, within []hit) bool {
	for _, h := range hits {
		inside := false
		for _, f := range within {
			if h.zh == f.zh && h.start < f.end && f.start < h.end {
				inside = true
				break
			}
		}
		if !inside {
			return true
		}
	}
	return false
}

var (
	optInWords = map[string]bool{"start": true, "unstop": true, "resume": true}
	helpWords  = map[string]bool{"help": true, "info": true, "帮助": true}
)

// optOut adds one opt-out per channel the message names, or one for the
// current channel.
func (r *reading) optOut(b *Brain) {
	if !r.has(agent.IntentOptOut) {
		r.addIf(bareKeyword(r.a.seq, bareOptOut), agent.IntentOptOut)
		return
	}
	var chans []agent.Channel
	for _, h := range allHits(b.rule(agent.IntentOptOut), r.a) {
		for _, ch := range channelsIn(r.a, h) {
			if !slices.Contains(chans, ch) {
				chans = append(chans, ch)
			}
		}
	}
	r.addIf(len(chans) == 0, agent.IntentOptOut)
	for _, ch := range chans {
		r.add(agent.Command{Intent: agent.IntentOptOut, Channel: ch})
	}
}

// settleAsk reports whether the message asks to settle without naming
// an amount ("what about settling instead", "one time settlement"): it
// asks for the lowest terms, not for payment in full. Settling "in full"
// is paying in full.
func (r *reading) settleAsk() bool {
	if r.slots.amount != nil || r.has(agent.IntentPayInFull) || r.has(xPlanTalk) || r.has(xLess) {
		return false
	}
	for _, t := range r.a.seq {
		switch t.text {
		case "settle", "settling", "settlement", "ots":
			return true
		}
	}
	return false
}

// longerAsk reports whether the message asks for the payments spread over
// longer without naming terms ("I'd need it stretched out", 能不能分长一点):
// it asks for the lowest terms. A length named ("spread it over 6
// months") is a plan, unless it is the length refused ("3 months is too
// steep, stretch it out").
func (r *reading) longerAsk() bool {
	return r.has(xLonger) && r.slots.amount == nil && (r.slots.count == 0 || r.has(agent.IntentRejectOffer))
}

// payment adds pay_in_full, propose_plan and promise_to_pay. A frequency
// or a count makes a plan; a date without them makes a promise. One
// payment of an amount ("900 in one payment", "900 to settle", "一次性还1.2万")
// is a plan of one payment of that amount, never pay in full: only the
// flows know whether it covers the balance. Asking to pay less ("settle for
// less", "少还一点") asks for offers, or for a concession when some are open.
func (r *reading) payment() {
	s := r.slots
	less := r.has(xLess) || r.has(xOther)
	// "any other plans?" with offers open asks for other terms than
	// theirs (reject_offer), not for the same list again.
	other := r.has(xOther) && r.cues.offersOpen
	// "can I pay part of it now" with no amount asks for terms, as a plan
	// without figures; it promises no payment of nothing.
	part := r.has(xPart) && s.amount == nil && s.count == 0 && s.freq == "" && !less
	plan := part || s.count > 0 || (r.has(xPlan) && !r.has(xPlanTalk) && !other) || (less && !r.cues.offersOpen) ||
		(s.amount != nil && (s.freq != "" || s.promised.IsZero())) || (s.freq != "" && payVerbIn(r.a))
	count := s.count
	switch {
	case s.count > 0 || s.freq != "":
	case s.amount != nil && (r.has(xLump) || r.has(xSettle)) && !r.has(agent.IntentPayInFull):
		// "settle for less, like 600", "would you take 600 to close it":
		// one payment of the amount, whatever else the message says.
		plan, count = true, 1
	case less:
	case r.has(agent.IntentPayInFull) || (r.has(xLump) && s.amount == nil):
		r.add(agent.Command{Intent: agent.IntentPayInFull, Amount: r.money(), Date: s.promised})
		plan = false
	}
	if part {
		r.add(agent.Command{Intent: agent.IntentProposePlan})
		return
	}
	if plan {
		r.add(agent.Command{Intent: agent.IntentProposePlan, Amount: r.money(), Frequency: s.freq, Count: count, Date: s.promised})
		return
	}
	dated := !s.promised.IsZero() && (payVerbIn(r.a) || r.cues.askedWhen || s.amount != nil || r.has(agent.IntentPayInFull))
	if (dated || (r.has(xPromise) && !r.has(agent.IntentPayInFull))) && !r.has(xCannotPay) {
		r.add(r.hedged(agent.Command{Intent: agent.IntentPromiseToPay, Date: s.promised, Amount: r.money()}))
	}
}

// offers adds accept_offer and reject_offer. "ok" and "no" count only when
// an offer is on the table; a named choice ("option 2") always does.
func (r *reading) offers() {
	offerID, picked := offerChoice(r.a.seq, r.cues.offers)
	weak := r.has(xAcceptWeak) && r.cues.offersOpen
	// "three payments is fine, go ahead", "行，每月2000，办吧": the open
	// offer's own terms said again with a go-ahead take it.
	goAhead := r.has(xGoAhead) && r.cues.offersOpen && r.restatesOffer() && !choiceAsked(r.a)
	if weak && r.slots.amount != nil && (!r.restatesOffer() || !startsWithYes(r.a)) {
		// "ok, what about 700", "fine, 840 then": an amount named after
		// "ok" or "fine" is a proposal, even one the table holds; only a
		// plain "yes" restating an offer ("yes, 1000 to close it") takes it.
		weak = false
	}
	// "before I agree to anything": agreeing is for later.
	// "ok, let me think it over": wanting time takes back a plain ok.
	weak = weak && !r.has(xDeciding)
	// "the third one could work, let me check my rota first": a pick
	// held back is a decision put off, and chooses nothing yet.
	accept := (r.has(agent.IntentAcceptOffer) || picked || weak || goAhead) && !r.has(xNotYet) && !r.has(xDeciding)
	reject := r.has(agent.IntentRejectOffer) || ((r.weakNo() || r.has(xCannotPay) || r.has(xLess) || r.has(xOther)) && r.cues.offersOpen)
	if accept && reject {
		accept = picked
		// "nahi yaar, pehla wala": with a plan agreed, the no is to
		// that plan, and the option named after it is the choice.
		reject = !picked || r.cues.agreed == 0
	}
	if accept {
		// A choice said with doubt ("maybe the second one?", "what if I
		// did 1") is read back before it binds anyone, and so is a plain
		// "ok" said as a question ("ok? any fees?", "可以吧？").
		c := r.hedged(agent.Command{Intent: agent.IntentAcceptOffer, OfferID: offerID})
		if choiceAsked(r.a) || r.payAsked() || (weak && !picked && !r.has(agent.IntentAcceptOffer) && strings.ContainsAny(r.a.norm, "?？")) {
			c.Unsure, c.Doubt = true, true
		}
		r.add(c)
	}
	r.addIf(reject, agent.IntentRejectOffer)
}

// choiceAsked reports whether the message is one sentence said as a
// question ("option 2?", "第二个吧？"): a choice in it is asked about, not
// made, and is read back.
func choiceAsked(a *analysis) bool {
	s := strings.TrimRight(a.norm, " ")
	body, ok := strings.CutSuffix(s, "?")
	if !ok {
		body, ok = strings.CutSuffix(s, "？")
	}
	return ok && !strings.ContainsAny(body, ".!?。！？\n")
}

// payAsked reports whether the message asks how, where or when an option
// would be paid ("can I pay plan 3 by money order", 方案二能不能用现金还,
// "plan 2 cash mein ho sakta hai kya"): a question about the option,
// whose pick is read back, not taken. "option 2, I'll pay by transfer"
// asks nothing and chooses.
func (r *reading) payAsked() bool {
	if !r.has(xPayBy) {
		return false
	}
	return looksLikeQuestion(r.a) || r.has(xAskTag) || phraseIn(r.a.seq, hinglishAsks)
}

// hinglishAsks are the words that make a Hinglish sentence a question
// ("ho sakta hai kya", "de sakte hain", "chalega?").
var hinglishAsks = splitPhrases("kya", "sakta", "sakte", "sakti", "sakenge", "sakun", "sakoon", "chalega")

// weakNo reports a plain no ("no thanks", 不行) that is not the tag of a
// question ("行不行" asks; its 不行 declines nothing) nor the "no" of second
// thoughts ("no wait"), which refuses nothing.
func (r *reading) weakNo() bool { return r.has(xRejectWeak) && !r.has(xAskTag) && !r.has(xNotYet) }

// restatesOffer reports whether the amount named is one an open offer
// states ("yes, 1000 to close it" after an offer of 1000): then a yes
// with it accepts that offer.
func (r *reading) restatesOffer() bool {
	m := r.money()
	if m == nil {
		// "the three payment one": a count alone restates an offer of
		// that many payments.
		return r.slots.count > 1 && slices.ContainsFunc(r.cues.table, func(p agent.Plan) bool { return len(p.Installments) == r.slots.count })
	}
	for _, p := range r.cues.table {
		if p.Total.Minor == m.Minor {
			return true
		}
		if len(p.Installments) > 0 && p.Installments[0].Amount.Minor == m.Minor {
			return true
		}
	}
	return false
}

// startsWithYes reports whether the message opens with a plain yes.
func startsWithYes(a *analysis) bool {
	if len(a.seq) == 0 {
		return false
	}
	switch a.seq[0].text {
	case "yes", "yeah", "yep", "yup", "是", "对":
		return true
	}
	return strings.HasPrefix(a.norm, "是的") || strings.HasPrefix(a.norm, "对的")
}

// social adds greetings and the like, then affirm, deny or question when
// nothing more specific was said, and unknown when nothing was understood.
func (r *reading) social() {
	substantive := len(r.out) > 0
	r.addIf(r.has(agent.IntentGreeting), agent.IntentGreeting)
	r.addIf(r.has(agent.IntentThanks), agent.IntentThanks)
	// "ok the first one… hang on", "第一个吧……等等，先不要": a pick taken
	// back in the same message is time asked to decide, and its yes
	// agrees nothing.
	// Doubt and nothing more ("not sure tbh") is time asked too.
	holding := (r.has(xNotYet) || r.has(xShrug)) && r.cues.offersOpen && !substantive
	r.addIf(r.has(agent.IntentGoodbye) || r.has(xDeciding) || holding, agent.IntentGoodbye)
	if !substantive {
		if r.has(agent.IntentAffirm) && !r.has(xDeciding) && !r.has(xNotYet) {
			r.add(agent.Command{Intent: agent.IntentAffirm, Doubt: r.has(xHedge)})
		}
		r.addIf(r.has(agent.IntentDeny) || (r.weakNo() && !r.cues.offersOpen), agent.IntentDeny)
		// "will think and let you know" and "can I think about it?" ask
		// for time, which the goodbye for now answers: a question only
		// when another sentence asks something.
		asks := looksLikeQuestion(r.a) && (!r.has(xDeciding) || r.asksMore)
		if asks || r.has(xPlanTalk) {
			r.add(agent.Command{Intent: agent.IntentQuestion, Text: strings.TrimSpace(r.a.raw)})
		}
	}
	r.addIf(len(r.out) == 0, agent.IntentUnknown)
}

// amountRank orders the amounts of one message by how surely they are an
// offer: a frequency beats a paying verb, which beats a currency sign.
func amountRank(m *numMention) int {
	r := 0
	if m.freq != "" {
		r += 4
	}
	if m.payNear {
		r += 2
	}
	if m.strong {
		r++
	}
	return r
}

// promisedDate picks the date a payment is promised for: the first future
// date in a clause that speaks of paying, else the first future date.
func promisedDate(seq []token, dates []dateMention, now time.Time) time.Time {
	if t, ok := dayOfNextMonth(dates); ok {
		return t
	}
	var first time.Time
	for _, d := range dates {
		t, ok := d.resolve(now)
		if !ok || t.Before(midnight(now)) {
			continue
		}
		if first.IsZero() {
			first = t
		}
		for k := d.first - 1; k >= 0 && k >= d.first-6; k-- {
			if seq[k].text == boundary {
				break
			}
			if payWords[seq[k].text] && seq[k].kind != tHan {
				return t
			}
			if seq[k].clause {
				break
			}
		}
	}
	return first
}

// dayOfNextMonth reads "next month on the 10th", "agle mahine 10 tarikh":
// a day of the month named beside "next month" is that day of next month.
func dayOfNextMonth(dates []dateMention) (time.Time, bool) {
	i := slices.IndexFunc(dates, func(d dateMention) bool { return d.nextMonth })
	if i < 0 {
		return time.Time{}, false
	}
	month := dates[i].at
	for _, d := range dates {
		if len(d.dates) == 0 || d.dates[0].Month != 0 || d.dates[0].Year != 0 {
			continue
		}
		t := time.Date(month.Year(), month.Month(), d.dates[0].Day, 0, 0, 0, 0, month.Location())
		if t.Month() == month.Month() {
			return t, true
		}
	}
	return time.Time{}, false
}

// messageFrequency finds a frequency said anywhere ("can I pay monthly?",
// "每周还") except one that belongs to an amount that is not an offer ("I
// make 2000 a month").
func messageFrequency(a *analysis, nums []numMention) agent.Frequency {
	for i := range a.seq {
		if f := freqAfter(a.seq, i); f != "" && !afterStated(nums, i) {
			return f
		}
	}
	return ""
}

func afterStated(nums []numMention, i int) bool {
	for _, m := range nums {
		if m.stated && m.end == i {
			return true
		}
	}
	return false
}
