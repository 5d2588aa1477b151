package policies

import (
	"bytes"
	"slices"
	"strings"
)

// noProcessYet are statements that no legal process has been started on
// the account ("No claim has been issued", 目前没有任何诉讼, 我哋未有入禀).
// A message that makes one explains the law where it names legal process
// elsewhere ("wages can be taken only with a court order"); what it says
// the sender will do is still read (legalStatusDenies).
var noProcessYet = [][]byte{
	[]byte("nothing has been filed"), []byte("nothing like that has been filed"), []byte("nothing has been started"),
	[]byte("nothing like that exists"), []byte("no claim has been"), []byte("no lawsuit has been"), []byte("no case has been"),
	[]byte("no proceedings have been"), []byte("no court action has been"), []byte("no legal action has been"),
	[]byte("not filed any"), []byte("haven't filed"), []byte("have not filed"), []byte("has not been filed"), []byte("hasn't been filed"),
	[]byte("not started any"), []byte("have not started"), []byte("haven't started"), []byte("has not started"), []byte("hasn't started"),
	[]byte("no decision has been made"), []byte("no such decision"), []byte("there isn't one at the moment"), []byte("there is none at the moment"),
	[]byte("no such notice has been"), []byte("we haven't applied"), []byte("we have not applied"),
	[]byte("no enforcement action is planned"), []byte("no legal action is planned"), []byte("not been sued"), []byte("nobody has sued"),
	[]byte("no one has sued"), []byte("not taken any legal"), []byte("not taken legal"),
	[]byte("尚未起诉"), []byte("还没有起诉"), []byte("没有起诉"), []byte("未起诉"), []byte("目前尚未"), []byte("目前还没有"),
	[]byte("目前没有任何"), []byte("没有任何诉讼"), []byte("没有这种情况"), []byte("没有进到这一步"), []byte("远没到那一步"), []byte("不沾边"),
	[]byte("没有这个安排"), []byte("尚未进行任何"), []byte("冇入禀"), []byte("未入禀"), []byte("未有入禀"), []byte("仲未入禀"),
	[]byte("没有立案"), []byte("尚未立案"), []byte("并没有这类程序"), []byte("没有这类程序"),
	// Nothing found on the account.
	[]byte("nothing like that has started"), []byte("nothing like that has happened"), []byte("can't see any lawsuit"),
	[]byte("cannot see any lawsuit"), []byte("don't see any lawsuit"), []byte("do not see any lawsuit"), []byte("no lawsuit on"),
	[]byte("no record of any lawsuit"), []byte("no record of any court"), []byte("查不到任何诉讼"), []byte("没有查到任何诉讼"),
	[]byte("没有诉讼记录"), []byte("无诉讼记录"), []byte("查不到诉讼"), []byte("没有查到诉讼"),
}

// noProcessLater mark a statement of noProcessYet that looks ahead to
// process after all ("No claim has been issued yet", 尚未起诉，但…): it
// explains nothing. They count within noProcessReach bytes after it.
var noProcessLater = [][]byte{[]byte(" yet"), []byte(" so far"), []byte("but "), []byte("however"), []byte("但"), []byte("不过"),
	[]byte("可是"), []byte("然而")}

// noProcessReach is how far after a statement of noProcessYet a mark of
// noProcessLater is looked for, in bytes.
const noProcessReach = 30

// legalStatusDenies reports whether the text states that no legal process
// has been started, in words that do not look ahead to one.
func legalStatusDenies(norm []byte) bool {
	for _, p := range noProcessYet {
		for from := 0; ; {
			k := bytes.Index(norm[from:], p)
			if k < 0 {
				break
			}
			start, end := from+k, from+k+len(p)
			from = end
			later := false
			for _, l := range noProcessLater {
				if bytes.Contains(norm[end:min(len(norm), end+noProcessReach)], l) {
					later = true
				}
			}
			if !later && !stepUnderWayOutside(norm, start, end) {
				return true
			}
		}
	}
	return senderTookNoStep(norm)
}

// A sender may say in its own perfect that it has taken no legal step
// ("we have not issued any claim", "we haven't taken either step", "no
// action has been brought against you"): the denial's subject is the
// sender or the step itself, its object a step or words that point back to
// one. Such a denial explains nothing when the message also states a step
// as certain or ties one to a day (stepCertain, stepDeadlines) outside it:
// "we haven't filed anything; the claim will be issued on Monday".
var (
	// senderNegPerfects are the sender's negated perfect.
	senderNegPerfects = []string{"we have not ", "we haven't ", "we've not ", "we have never ", "we've never "}
	// noStepSubjects are subjects of "no … has been" that are a step.
	noStepSubjects = []string{"suit", "lawsuit", "claim", "action", "case", "proceedings", "step", "steps", "papers", "judgment",
		"application"}
	// stepParticiples are what is done to a legal step.
	stepParticiples = []string{"issued", "taken", "sent", "filed", "started", "brought", "begun", "commenced", "done", "lodged",
		"served", "made"}
	// stepObjects are the object of a negated step: a step, or a word
	// that points back to one.
	stepObjects = []string{"step", "steps", "action", "claim", "claims", "proceedings", "papers", "court", "legal", "lawsuit",
		"suit", "case", "either", "those", "such", "judgment"}
)

// stepObjectReach is how many words after the participle its object is
// looked for.
const stepObjectReach = 4

// senderTookNoStep reports whether norm holds a denial of a step taken
// (see senderNegPerfects) that does not look ahead to one.
func senderTookNoStep(norm []byte) bool {
	// Every denial holds "we " (the sender's perfect) or "been" (no … has
	// been …): a text with neither is not searched byte by byte.
	if !bytes.Contains(norm, []byte("we ")) && !bytes.Contains(norm, []byte("been")) {
		return false
	}
	for i := 0; i < len(norm); i++ {
		if c := norm[i]; c != 'w' && c != 'n' || i > 0 && isLetter(norm[i-1]) {
			continue
		}
		end := -1
		for _, p := range senderNegPerfects {
			if bytes.HasPrefix(norm[i:], []byte(p)) {
				w := wordsAfter(norm, i+len(p), 2+stepObjectReach)
				if k := participleIn(w, 0, 2); k >= 0 && hasAnyWordN(w[:min(len(w), k+1+stepObjectReach)], k+1, stepObjects) {
					end = i + len(p)
				}
			}
		}
		if bytes.HasPrefix(norm[i:], []byte("no ")) {
			w := wordsAfter(norm, i+3, 6)
			for j := 0; j+3 < len(w) && j < 3; j++ {
				if (w[j+1] == "has" || w[j+1] == "have") && w[j+2] == "been" && slices.Contains(stepParticiples, w[j+3]) &&
					hasAnyWordN(w[:j+1], 0, noStepSubjects) {
					end = i + 3
				}
			}
		}
		if end < 0 {
			continue
		}
		if containsAny(norm[end:min(len(norm), end+noProcessReach)], noProcessLater) || stepStatedOutside(norm, i, end) {
			continue
		}
		return true
	}
	return false
}

// stepUnderWay state a legal step as set or under way: a statement that
// no process has started explains nothing beside one ("no claim has been
// issued; the hearing is set for next month").
var stepUnderWay = [][]byte{[]byte("is set for"), []byte("are set for"), []byte("scheduled for"), []byte("is listed for"),
	[]byte("are filing"), []byte("is filing"), []byte("is being filed"), []byte("will be filed"), []byte("will be issued"),
	[]byte("will be served"), []byte("已经立案"), []byte("已立案"), []byte("将于")}

// stepUnderWayOutside reports whether norm, outside the sentence of a
// denial that starts at i and whose words end at end, holds one of
// stepUnderWay.
func stepUnderWayOutside(norm []byte, i, end int) bool {
	stop := sentenceStop(norm, end)
	return containsAny(norm[:i], stepUnderWay) || containsAny(norm[stop:], stepUnderWay)
}

// sentenceStop is where the sentence that holds norm[end-1] stops.
func sentenceStop(norm []byte, end int) int {
	stop := bytes.IndexAny(norm[end:], ".;!?")
	if stop < 0 {
		return len(norm)
	}
	return stop + end
}

// stepStatedOutside reports whether norm, outside the sentence of a denial
// that starts at i and whose words end at end, states a step as taken,
// under way or set (stepCertain) or ties one to a day (stepDeadlines): "no
// claim has been issued; the hearing is set for next month".
func stepStatedOutside(norm []byte, i, end int) bool {
	stop := sentenceStop(norm, end)
	return stepUnderWayOutside(norm, i, end) || containsAny(norm[:i], stepCertain) || containsAny(norm[:i], stepDeadlines) ||
		containsAny(norm[stop:], stepCertain) || containsAny(norm[stop:], stepDeadlines)
}

// wordsAfter is up to n words of norm from i on, letters only.
func wordsAfter(norm []byte, i, n int) []string {
	var out []string
	for i < len(norm) && len(out) < n {
		for i < len(norm) && !isLetter(norm[i]) && norm[i] != '\'' {
			if norm[i] == '.' || norm[i] == ';' || norm[i] == '!' || norm[i] == '?' {
				return out
			}
			i++
		}
		j := i
		for j < len(norm) && (isLetter(norm[j]) || norm[j] == '\'') {
			j++
		}
		if j > i {
			out = append(out, string(norm[i:j]))
		}
		i = j
	}
	return out
}

// participleIn is the index in w[from:to] of a step participle, or -1.
func participleIn(w []string, from, to int) int {
	for k := from; k < min(to, len(w)); k++ {
		if slices.Contains(stepParticiples, w[k]) {
			return k
		}
	}
	return -1
}

// hasAnyWordN reports whether w[from:] holds one of words.
func hasAnyWordN(w []string, from int, words []string) bool {
	for k := from; k < len(w); k++ {
		if slices.Contains(words, w[k]) {
			return true
		}
	}
	return false
}

// intentInClause reports whether a statement of the sender's intention
// ("we will", "you will be", "我们会") starts in the clause before pos.
func (c *checker) intentInClause(clause, pos int32) bool {
	for _, e := range c.s.intents {
		if e < pos && c.s.clause[e] == clause {
			return true
		}
	}
	return false
}

// legalStatus is legalStatusDenies of the folded text, read once a check.
func (c *checker) legalStatus() bool {
	if c.status == 0 {
		c.status = 2
		if legalStatusDenies(c.s.norm) {
			c.status = 1
		}
	}
	return c.status == 1
}

// A legal step named only as what a creditor might do, followed within
// two sentences by what the borrower would receive or be able to do first
// ("the lender may consider legal options; you'd get court papers first",
// 银行有可能起诉，到时您会收到法院的正式文件), describes due process: the step
// is neither announced nor threatened. The reading holds from the sentence
// of the possibility to the sentence of the sequel, and only when no
// sentence among them ties the step to a day or an ultimatum (stepDeadlines)
// or states the sender's own intention ("we will sue").
var (
	// stepModals mark a step as a possibility: whole words in English,
	// anywhere in Chinese.
	stepModals   = []string{"may", "might", "could", "can", "ever"}
	stepModalsZh = [][]byte{[]byte("可能"), []byte("或会"), []byte("或许"), []byte("也许"), []byte("真的要"), []byte("真的走到"),
		[]byte("万一"), []byte("债权人可以"), []byte("债权人可向"), []byte("依法可以"), []byte("有权依法")}
	// sequelMoods put a sentence in the mood of a hypothesis: what would
	// follow, at that time, first.
	sequelMoods = [][]byte{[]byte(" would "), []byte("would "), []byte("'d "), []byte("到时"), []byte("届时"), []byte("那一步"),
		[]byte("会先"), []byte("才会"), []byte("先会"), []byte("之前"), []byte("诉讼前"), []byte("起诉前"),
		[]byte("事前"), []byte("事先")}
	// sequelSteps are what due process gives the borrower first: papers,
	// notice in writing, a chance to answer.
	sequelSteps = [][]byte{[]byte("papers"), []byte("served"), []byte("summons"), []byte("the hearing"), []byte("pre-action protocol"), []byte("letter of claim"), []byte("in writing"), []byte("respond"),
		[]byte("reply"), []byte("defend"), []byte("be heard"), []byte("文书"), []byte("文件"), []byte("答辩"), []byte("送达"),
		[]byte("回复期限"), []byte("回应"), []byte("书面"), []byte("索赔函"), []byte("时间回复"), []byte("正式通知")}
	// sequelOpen leave the step undecided, advise talks instead, say the
	// talks are still open, or name what the borrower can do on receiving
	// notice or about the amount: a sequel with no mood of its own
	// ("是否起诉由我司评估后决定", "建议您主动协商还款", "目前仍处于协商阶段",
	// "收到后请注意核实真伪", "具体以书面通知为准", "如对欠款金额有疑问",
	// "在此之前，欢迎您来电洽谈分期方案").
	sequelOpen = [][]byte{[]byte("是否起诉"), []byte("是否提起"), []byte("是否采取"), []byte("评估后决定"), []byte("评估后再决定"),
		[]byte("尚未决定"), []byte("尚未作出"), []byte("还没有决定"), []byte("并未决定"), []byte("没有做出这个决定"), []byte("建议您主动协商"),
		[]byte("建议您尽早协商"), []byte("建议您及时协商"), []byte("建议您主动联系"), []byte("仍处于协商"), []byte("欢迎来电沟通"),
		[]byte("欢迎来电协商"), []byte("核实真伪"), []byte("核实其真伪"), []byte("以书面通知为准"), []byte("以正式通知为准"),
		[]byte("有疑问"), []byte("有异议"), []byte("欢迎您来电"), []byte("来电洽谈"), []byte("来电协商")}
	// stepCertain state a step as taken, under way or certain: a
	// possibility beside one is no possibility of it.
	stepCertain = [][]byte{[]byte("will be"), []byte("'ll be"), []byte("has been"), []byte("have been"), []byte("is being"),
		[]byte("are being"), []byte("going to"), []byte("已经"), []byte("已向"), []byte("已被"), []byte("已受理"), []byte("将于")}
	// monthBefore are the words before "may" that make it a month.
	monthBefore = []string{"in", "on", "of", "by", "until", "since", "early", "mid", "late", "next", "last", "this", "from"}
	// stepDeadlines tie a step to a day or make it an ultimatum.
	stepDeadlines = [][]byte{[]byte("today"), []byte("tonight"), []byte("tomorrow"), []byte("this week"), []byte("next week"),
		[]byte("within"), []byte("hours"), []byte("monday"), []byte("tuesday"), []byte("wednesday"), []byte("thursday"),
		[]byte("friday"), []byte("saturday"), []byte("sunday"), []byte("immediately"), []byte("right away"), []byte("unless"),
		[]byte("otherwise"), []byte("or else"), []byte("今天"), []byte("今日"), []byte("明天"), []byte("听日"), []byte("今晚"),
		[]byte("马上"), []byte("立即"), []byte("立刻"), []byte("本周"), []byte("下周"), []byte("小时内"), []byte("天内"), []byte("日内"),
		[]byte("否则"), []byte("不然")}
)

// stepSentences is how many sentences after a possibility its sequel may
// stand.
const stepSentences = 2

// possibleStep reports whether the term at pos stands between a legal step
// named only as a possibility and the due process said to follow it; with
// inSequel, whether it stands in the sentence of that due process itself
// (the court's papers, which pose as nothing).
func (c *checker) possibleStep(pos int32, inSequel bool) bool {
	k := c.s.sent[pos]
	for p := k - stepSentences; p <= k; p++ {
		if p < c.s.sent[0] {
			continue
		}
		pa, pb := c.sentSpan(p)
		m := c.stepModal(pa, pb)
		if m < 0 || containsAny(c.s.norm[pa:pb], stepCertain) {
			continue
		}
		for q := max(p, k); q <= p+stepSentences; q++ {
			qa, qb := c.sentSpan(q)
			if qa < 0 {
				break
			}
			if q == p {
				qa = m
			}
			if inSequel && (q != k || int(pos) < qa) {
				continue // a term of the possibility, not of its sequel
			}
			if c.sequel(qa, qb) && !c.stepTied(pa, qb) {
				return true
			}
		}
	}
	return false
}

// sentSpan is the span of sentence k of the text, or -1, -1.
func (c *checker) sentSpan(k int32) (int, int) {
	a, n := -1, len(c.s.norm)
	// sent has one more entry than norm has bytes: the span stops at the
	// end of norm.
	for i, x := range c.s.sent[:min(n, len(c.s.sent))] {
		if x == k && a < 0 {
			a = i
		}
		if x > k {
			return a, i
		}
	}
	return a, n
}

// stepModal is where a modal of possibility ends in norm[a:b], or -1.
func (c *checker) stepModal(a, b int) int {
	if a < 0 {
		return -1
	}
	n := c.s.norm[:b]
	for i := a; i < b; i++ {
		for _, w := range stepModals {
			if (i == 0 || !isLetter(n[i-1])) && hasWord(n, i, w) && !(w == "may" && month(n, i)) {
				return i + len(w)
			}
		}
		for _, w := range stepModalsZh {
			if bytes.HasPrefix(n[i:], w) {
				return i + len(w)
			}
		}
	}
	return -1
}

// sequel reports whether norm[a:b] says, in the mood of a hypothesis, what
// due process would give the borrower, or leaves the step undecided.
func (c *checker) sequel(a, b int) bool {
	n := c.s.norm[a:b]
	return containsAny(n, sequelMoods) && containsAny(n, sequelSteps) || containsAny(n, sequelOpen) || containsAny(n, sequelRights)
}

// sequelRights are the borrower's rights stated as such beside a possible
// step ("You have the right to dispute the debt and to get advice"): due
// process in any mood.
var sequelRights = [][]byte{[]byte("you have the right to dispute"), []byte("you have the right to seek"),
	[]byte("you have the right to speak"), []byte("you have the right to get advice"), []byte("you have a right to dispute"),
	[]byte("you can dispute"), []byte("you may dispute")}

// stepTied reports whether norm[a:b] ties a step to a day or an ultimatum,
// or states the sender's intention.
func (c *checker) stepTied(a, b int) bool {
	return containsAny(c.s.norm[a:b], stepDeadlines) || c.intentBetween(int32(a), int32(b))
}

// month reports whether "may" at norm[i] names the month: a number stands
// next to it, or a word of time or place before it ("on 3 may", "in may",
// "may 4").
func month(norm []byte, i int) bool {
	j := i
	for j > 0 && norm[j-1] == ' ' {
		j--
	}
	if j > 0 && isDigit(norm[j-1]) {
		return true
	}
	k := skipSpace(norm, i+len("may"))
	if k < len(norm) && isDigit(norm[k]) {
		return true
	}
	w := j
	for w > 0 && isLetter(norm[w-1]) {
		w--
	}
	for _, m := range monthBefore {
		if string(norm[w:j]) == m {
			return true
		}
	}
	return false
}

// A creditor's right to repossess or seize, named as what the contract or
// the law may allow ("the lender may exercise its right to repossess as
// state law permits", "gives the lender the right to repossess; before it
// ever comes to that, let's look at options"), is a notice of the law when
// the message also names the due process or an offer to talk first, and
// the right's own sentence neither ties it to a day or an ultimatum nor
// makes it the sender's act ("we may send our recovery team").
var (
	// rightModals name the step as a right or a possibility.
	rightModals = [][]byte{[]byte(" may "), []byte(" might "), []byte(" could "), []byte(" can "), []byte("the right to"),
		[]byte("its right"), []byte("their right"), []byte(" rights "), []byte("entitled to"), []byte("permits"), []byte("allows")}
	// rightFirst are the due process or the talk that would come first.
	rightFirst = [][]byte{[]byte("law permits"), []byte("law allows"), []byte("as allowed by"), []byte("as permitted by"),
		[]byte("law requires"), []byte("notices the law"), []byte("notice of your right"), []byte("right to cure"),
		[]byte("before it ever comes"), []byte("before it comes to"), []byte("before it gets to"), []byte("before that happens"),
		[]byte("before anything like that"), []byte("look at options"), []byte("discuss options"), []byte("work out a plan"),
		[]byte("agree a plan"), []byte("rather talk"), []byte("rather work"), []byte("prefer to talk"), []byte("prefer to work"),
		[]byte("much rather"), []byte("much prefer")}
	// rightTies make the right an ultimatum, a matter of days or the
	// sender's own act.
	rightTies = [][]byte{[]byte("any day"), []byte("any time"), []byte("any moment"), []byte("soon"), []byte("shortly"), []byte(" or "),
		[]byte("unless"), []byte("otherwise"), []byte("don't pay"), []byte("do not pay"), []byte("we may"), []byte("we might"),
		[]byte("we could"), []byte("we can"), []byte("our recovery"), []byte("our team"), []byte("our agents")}
)

// seizureRight reports whether the seizure term at pos is a creditor's
// right named as a notice of the law (rightModals, rightFirst, rightTies).
func (c *checker) seizureRight(pos int32) bool {
	a, b := c.sentSpan(c.s.sent[pos])
	if a < 0 {
		return false
	}
	s := c.s.norm[a:b]
	return containsAny(s, rightModals) && containsAny(c.s.norm, rightFirst) && !containsAny(s, rightTies) &&
		!containsAny(s, stepDeadlines) && !c.intentBetween(int32(a), int32(b))
}

// impostorMarks name an impostor or a scam: a request for a secret after
// one in its sentence is what the impostor asks for ("有人发送仿冒本公司的网
// 页，要求输入登录密码"), not the sender's request.
//
// Only an impersonator counts: a fraud or a scam named alone may be the
// sender's accusation ("你这是涉嫌诈骗，把身份证号发过来") or its denial ("This
// is not a scam, just reply with your card number").
var impostorMarks = [][]byte{[]byte("仿冒"), []byte("冒充"), []byte("假冒"), []byte("钓鱼"), []byte("不法分子"),
	[]byte("scammers"), []byte("fraudsters"), []byte("impostor"), []byte("imposter"), []byte("pretending")}

// impostorBefore reports whether an impostor is named before pos in its
// sentence.
func (c *checker) impostorBefore(pos int32) bool {
	a, _ := c.sentSpan(c.s.sent[pos])
	return a >= 0 && int(pos) > a && containsAny(c.s.norm[a:pos], impostorMarks)
}

// disownMarks begin a sentence that disowns the one before it: what that
// sentence quotes or describes is fake or someone else's ("A WhatsApp
// group is posting borrowers' photos. That isn't us.").
var disownMarks = [][]byte{[]byte("that isn't us"), []byte("that is not us"), []byte("that's not us"), []byte("this isn't us"),
	[]byte("this is not us"), []byte("it isn't us"), []byte("it's not us"), []byte("it is not us"), []byte("those aren't us"),
	[]byte("those aren't from us"), []byte("they aren't from us"), []byte("they're not from us"), []byte("it's fake"),
	[]byte("it is fake"), []byte("that's fake"), []byte("those are fake"), []byte("they're fake"), []byte("it's a scam"),
	[]byte("that's a scam"), []byte("this is a scam"), []byte("it is a scam"), []byte("那是假的"), []byte("这是假的"),
	[]byte("都是假的"), []byte("那是诈骗"), []byte("这是诈骗")}

// disownedNext reports whether the sentence after the one at pos disowns
// it.
func (c *checker) disownedNext(pos int32) bool {
	a, b := c.sentSpan(c.s.sent[pos] + 1)
	if a < 0 {
		return false
	}
	n := bytes.TrimLeft(c.s.norm[a:b], " \t\n\"'“”‘’.?!;:。？！；：…")
	for _, m := range disownMarks {
		if !bytes.HasPrefix(n, m) {
			continue
		}
		// The mark is the whole statement ("That's not us.", "That isn't
		// us, and …"), not the start of another ("It's not us who wants
		// this").
		rest := n[len(m):]
		if len(rest) == 0 || strings.IndexByte(",.;!", rest[0]) >= 0 || bytes.HasPrefix(rest, []byte(" and ")) || rest[0] >= 0x80 {
			return true
		}
	}
	return false
}
