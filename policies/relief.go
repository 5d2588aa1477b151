package policies

import (
	"bytes"
	"slices"
)

// A waiver, a freeze or a reduction is no offer of it while its outcome is
// left open: in its own sentence ("whether it's approved", "if you
// qualify", 与否, 以…为准, 要先看), or in the next when its own sentence only
// asks about it or names it as a possibility ("Fee waiver? …", "An
// interest freeze might be possible. Let's see if you qualify.", 减免可以谈，
// 但以书面确认为准). A sentence that grants it ("we've waived", 已经帮您免了)
// or a sender's intention before it in its clause ("we'll freeze …") keeps
// it an offer, whatever follows.
var (
	// reliefFamilies are the families of relief offered: a waiver, a
	// settlement, a change of interest, of the due date, of fees.
	reliefFamilies = []string{"waived", "offer_settlement", "offer_interest", "offer_interest_zh", "offer_due_date", "offer_fee"}
	// openOutcomes leave the outcome of a request to someone's decision.
	openOutcomes = [][]byte{[]byte("whether"), []byte("if you qualify"), []byte("if u qualify"), []byte("if you're eligible"),
		[]byte("if you are eligible"), []byte("if it's approved"), []byte("if it is approved"), []byte("if approved"),
		[]byte("if it's agreed"), []byte("if it is agreed"), []byte("if it's granted"), []byte("if it is granted"),
		[]byte("up to the lender"), []byte("up to the creditor"), []byte("up to the bank"),
		// A decision that rests on documents, a review or a scheme's
		// conditions.
		[]byte("depends on"), []byte("depending on"), []byte("subject to"), []byte("qualifying"),
		[]byte("与否"), []byte("是否"), []byte("能否"), []byte("为准"), []byte("审核"), []byte("审批"), []byte("不保证"), []byte("要先看"),
		[]byte("另行通知"), []byte("另外通知"), []byte("待定"), []byte("结果我们会通知"), []byte("结果会通知"), []byte("结果将通知")}
	// reliefPossible name relief as a possibility, to be settled by the
	// next sentence.
	reliefPossible = [][]byte{[]byte("might"), []byte("may be"), []byte("could be"), []byte("possible"), []byte("an option"),
		[]byte("可能"), []byte("或许"), []byte("也许"), []byte("可以商量"), []byte("可以谈"), []byte("有机会")}
	// reliefGranted state relief as given, or given whatever happens.
	reliefGranted = [][]byte{[]byte("we've"), []byte("i've"), []byte("we have"), []byte("i have"), []byte("has been"),
		[]byte("have been"), []byte("whether or not"), []byte("已经"), []byte("已为"), []byte("已帮"), []byte("已给"), []byte("帮您"),
		[]byte("帮你"), []byte("无论"), []byte("已获"), []byte("获批"), []byte("已批"), []byte("批准了"), []byte("通过了")}
	// openEligible leave relief to whether the borrower qualifies, and
	// openDecided after it to a decision the sender cannot promise; unlike
	// openOutcomes they count only for relief not tied to a payment ("pay
	// today and the team will decide to waive the rest" is an inducement),
	// and a refused promise only after the relief ("I can't guarantee
	// much, but your fees are waived" promises it).
	openEligible = [][]byte{[]byte("some customers qualify"), []byte("some people qualify"), []byte("may qualify"),
		[]byte("might qualify"), []byte("could qualify"), []byte("may be eligible"), []byte("might be eligible"),
		[]byte("可能符合"), []byte("或许符合"), []byte("也许符合"), []byte("如您符合"), []byte("若您符合"), []byte("如果您符合"),
		[]byte("如你符合"), []byte("如果你符合"), []byte("符合条件的客户")}
	openDecided = [][]byte{[]byte("can't guarantee"), []byte("cannot guarantee"), []byte("can not guarantee"),
		[]byte("will decide"), []byte("team decides")}
	// reliefTalks offer talks about relief, in Chinese: an invitation to
	// discuss it (可以同我哋倾下延长还款期) leaves its outcome open unless
	// the sentence ties it to a payment.
	reliefTalks = [][]byte{[]byte("同我哋倾"), []byte("同我们倾"), []byte("倾下"), []byte("倾吓"), []byte("跟我们商量"),
		[]byte("和我们商量"), []byte("同我哋商量"), []byte("与我们协商"), []byte("和我们协商"), []byte("跟我们协商"),
		[]byte("联系我们协商"), []byte("可以商量"), []byte("可以协商")}
	// outcomeDays are the days a decision takes to be notified: a time of
	// review, not a deadline ("审核结果会在3个工作日内通知您").
	outcomeDays = [][]byte{[]byte("日内通知"), []byte("日内回复"), []byte("日内答复"), []byte("日内告知"), []byte("日内以短信")}
	// dueDays name the day a payment falls due, which holds 还款 but ties
	// nothing to a payment (延长还款期).
	dueDays = [][]byte{[]byte("还款日"), []byte("还款期"), []byte("还款时间"), []byte("还款日期")}
	// reliefBought tie relief to a payment or a day: a possibility of it
	// so tied is an inducement, whatever the next sentence leaves open.
	reliefBought = [][]byte{[]byte("pay"), []byte("还款"), []byte("还清"), []byte("结清"), []byte("只要")}
)

// reliefUndecided reports whether the term of family fam at pos, in clause,
// is relief whose outcome the text leaves open.
func (c *checker) reliefUndecided(fam *family, clause, pos int32) bool {
	if !slices.Contains(reliefFamilies, fam.name) || c.intentInClause(clause, pos) {
		return false
	}
	k := c.s.sent[pos]
	a, b := c.sentSpan(k)
	own := c.s.norm[a:b]
	if containsAny(own, reliefGranted) || reliefDeadline(own) {
		return false
	}
	if containsAny(own, openOutcomes) || (containsAny(own, openEligible) || containsAny(own, reliefTalks) ||
		containsAny(c.s.norm[pos:b], openDecided)) && !reliefBoughtIn(own) {
		return true
	}
	na, nb := c.sentSpan(k + 1)
	if na < 0 {
		return false
	}
	next := c.s.norm[na:nb]
	asked := bytes.HasPrefix(next, []byte("?"))
	if !(asked || containsAny(own, reliefPossible) && !reliefBoughtIn(own)) || !containsAny(next, openOutcomes) ||
		containsAny(next, reliefGranted) {
		return false
	}
	// The sentence that leaves the outcome open belongs to the relief it
	// settles: the content model does not read it alone for an offer.
	for cl := c.s.clause[na]; cl <= c.s.clause[nb-1]; cl++ {
		if !slices.Contains(c.s.deniedCl, cl) {
			c.s.deniedCl = append(c.s.deniedCl, cl)
		}
	}
	return true
}

// reliefDeadline reports whether own ties relief to a day or an ultimatum,
// the days a decision takes to be notified aside.
func reliefDeadline(own []byte) bool {
	if !containsAny(own, outcomeDays) {
		return containsAny(own, stepDeadlines)
	}
	rest := own
	for _, w := range outcomeDays {
		rest = bytes.ReplaceAll(rest, w, []byte("|"))
	}
	return containsAny(rest, stepDeadlines)
}

// reliefBoughtIn reports whether own ties relief to a payment, the day a
// payment falls due aside.
func reliefBoughtIn(own []byte) bool {
	rest := own
	for _, w := range dueDays {
		rest = bytes.ReplaceAll(rest, w, []byte("|"))
	}
	return containsAny(rest, reliefBought)
}
