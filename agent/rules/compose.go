package rules

import (
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
	"optout": true, "td": true, "t": true, "退订": true,
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
	end := min(len(a.seq), h.end+3)
	for k, t := range a.seq[h.start:end] {
		w := t.text
		if w == boundary || (k > 0 && t.clause) {
			break
		}
		switch {
		case strings.HasPrefix(w, "text") || w == "sms":
			add(agent.ChannelSMS)
		case strings.HasPrefix(w, "call") || strings.HasPrefix(w, "phon") || strings.HasPrefix(w, "ring") || strings.HasPrefix(w, "voicemail"):
			add(agent.ChannelVoice)
		case strings.HasPrefix(w, "email") || strings.HasPrefix(w, "mail"):
			add(agent.ChannelEmail)
		}
	}
	return out
}

var ordinalIDs = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "a": 1, "b": 2, "c": 3, "d": 4,
}

var hanOrdinals = map[string]int{"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "a": 1, "b": 2, "c": 3}

// offerChoice finds which open offer the borrower picks: "option 2", "the
// second one", "plan b", "选2", "第二个", "方案二". It returns the offer's
// 1-based position as text and ok.
func offerChoice(seq []token, offers int) (string, bool) {
	for i, t := range seq {
		w := t.text
		next, prev := tokText(seq, i+1), tokText(seq, i-1)
		switch w {
		case "option", "plan", "offer", "number", "#", "choice", "no":
			if n, ok := ordinalIDs[next]; ok && (w != "no" || prev == "take" || prev == "choose") {
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
		case "last":
			if (next == "one" || next == "option" || next == "plan" || next == "offer") && offers > 0 {
				return strconv.Itoa(offers), true
			}
		}
		if n, ok := enOrdinals[w]; ok && n <= 9 {
			choosing := false
			switch prev {
			case "take", "choose", "pick", "want", "prefer", "like", "with", "select":
				choosing = true
			case "the":
				p2 := tokText(seq, i-2)
				choosing = p2 == "take" || p2 == "choose" || p2 == "pick" || p2 == "want" || p2 == "prefer" || p2 == "like" || p2 == "with" || p2 == "select" || p2 == "" || p2 == boundary
			}
			if next == "one" || next == "option" || next == "plan" || next == "offer" || choosing {
				return strconv.Itoa(n), true
			}
		}
	}
	return "", false
}

// payVerbIn reports whether the message speaks of paying at all.
func payVerbIn(a *analysis) bool {
	for _, t := range a.seq {
		switch t.text {
		case "pay", "paying", "payment", "send", "sending", "transfer", "deposit", "settle", "repay", "clear", "make",
			"还", "付", "转", "交", "汇", "打":
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

// read turns a message into commands in the documented order.
func (b *Brain) read(tc agent.TurnContext, text string) []agent.Command {
	a := analyze(text)
	hits := b.match(a)
	has := func(i agent.Intent) bool { return hits[i].found }
	cmd := func(i agent.Intent) agent.Command { return agent.Command{Intent: i} }

	var out []agent.Command
	if has(xInjection) {
		if has(agent.IntentVulnerable) {
			out = append(out, cmd(agent.IntentVulnerable))
		}
		return append(out, cmd(agent.IntentUnknown))
	}

	now := tc.Now
	if now.IsZero() {
		now = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	lastAgent := lastAgentText(tc.History)
	offersOpen := len(tc.OpenOffers) > 0 || containsAny(lastAgent, "offer", "plan", "option", "方案", "分期", "installment",
		"per month", "a month", "each month", "every month", "weekly", "每月", "每周", "does that work", "would that work",
		"works for you", "可以吗", "行吗", "好吗", "接受吗", "would you like")
	askedAmount := containsAny(lastAgent, "how much", "what amount", "afford", "多少", "能还", "能付")
	askedWhen := containsAny(lastAgent, "when", "what date", "which day", "什么时候", "哪天", "几号")
	dayFirst := tc.Currency == "GBP" || tc.Currency == "INR" || tc.Currency == "EUR"

	// Slots, most specific first: identity facts, then dates, then numbers.
	used := make([]bool, len(a.seq))
	ask := identityWords(a.norm)
	claims := scanIdentity(a, used, now, ask, pendingIdentity(tc.History))
	dates := scanDates(a.seq, used, now, dayFirst)
	nums := scanNumbers(a.seq, used, askedAmount)

	promised := promisedDate(a.seq, dates, now)
	var amount *numMention
	count := 0
	var freq agent.Frequency
	for i := range nums {
		m := &nums[i]
		switch m.kind {
		case numAmount:
			if m.stated {
				continue
			}
			if amount == nil || amountRank(m) > amountRank(amount) {
				amount = m
			}
		case numCount:
			if count == 0 {
				count = int(m.hundredths / 100)
				if freq == "" {
					freq = m.freq
				}
			}
		}
	}
	if amount != nil && amount.freq != "" {
		freq = amount.freq
	}
	if freq == "" {
		freq = messageFrequency(a)
	}

	if has(agent.IntentVulnerable) {
		out = append(out, cmd(agent.IntentVulnerable))
	}
	if hits[agent.IntentOptOut].found {
		var chans []agent.Channel
		for _, h := range allHits(b.rule(agent.IntentOptOut), a) {
			for _, ch := range channelsIn(a, h) {
				if !slices.Contains(chans, ch) {
					chans = append(chans, ch)
				}
			}
		}
		if len(chans) == 0 {
			out = append(out, cmd(agent.IntentOptOut))
		}
		for _, ch := range chans {
			c := cmd(agent.IntentOptOut)
			c.Channel = ch
			out = append(out, c)
		}
	} else if bareKeyword(a.seq, bareOptOut) {
		out = append(out, cmd(agent.IntentOptOut))
	}
	for _, i := range [...]agent.Intent{agent.IntentCease, agent.IntentAttorney, agent.IntentBankruptcy, agent.IntentDispute, agent.IntentRequestHuman} {
		if has(i) {
			out = append(out, cmd(i))
		}
	}
	if rel, ok := thirdPartyRelation(a); ok {
		c := cmd(agent.IntentThirdParty)
		c.Relation = rel
		out = append(out, c)
	} else if has(xWrongNumber) {
		out = append(out, cmd(agent.IntentThirdParty))
	}
	cannotPay := has(xCannotPay)
	if has(agent.IntentHardship) || (cannotPay && !offersOpen) {
		out = append(out, cmd(agent.IntentHardship))
	}
	if len(claims) > 0 {
		c := cmd(agent.IntentVerifyIdentity)
		c.Identity = claims
		out = append(out, c)
	}

	payVerb := payVerbIn(a)
	plan := count > 0 || (has(xPlan) && !has(xCancelPlan)) || (amount != nil && (freq != "" || promised.IsZero())) || (freq != "" && payVerb)
	if has(agent.IntentPayInFull) && count == 0 && freq == "" {
		c := cmd(agent.IntentPayInFull)
		c.Date = promised
		out = append(out, c)
		plan = false
	}
	if plan {
		c := cmd(agent.IntentProposePlan)
		if amount != nil {
			am := money(amount.hundredths, tc.Currency)
			c.Amount = &am
		}
		c.Frequency, c.Count, c.Date = freq, count, promised
		out = append(out, c)
	}
	if !promised.IsZero() && !plan && (payVerb || askedWhen || amount != nil || has(agent.IntentPayInFull)) {
		c := cmd(agent.IntentPromiseToPay)
		c.Date = promised
		if amount != nil {
			am := money(amount.hundredths, tc.Currency)
			c.Amount = &am
		}
		out = append(out, c)
	}

	offerID, picked := offerChoice(a.seq, len(tc.OpenOffers))
	accept := has(agent.IntentAcceptOffer) || picked || (has(xAcceptWeak) && offersOpen)
	reject := has(agent.IntentRejectOffer) || (has(xRejectWeak) && offersOpen) || (cannotPay && offersOpen)
	if accept && reject {
		accept = picked
	}
	if accept {
		c := cmd(agent.IntentAcceptOffer)
		c.OfferID = offerID
		out = append(out, c)
	}
	if reject {
		out = append(out, cmd(agent.IntentRejectOffer))
	}
	if has(agent.IntentOptIn) || bareKeyword(a.seq, map[string]bool{"start": true, "unstop": true, "resume": true}) {
		out = append(out, cmd(agent.IntentOptIn))
	}
	if bareKeyword(a.seq, map[string]bool{"help": true, "info": true, "帮助": true}) || strings.Trim(a.norm, " .!?。！？") == "帮助" {
		out = append(out, cmd(agent.IntentHelp))
	}
	for _, i := range [...]agent.Intent{agent.IntentAskBalance, agent.IntentAskDueDate, agent.IntentAskCreditor,
		agent.IntentAskPurpose, agent.IntentAskHowToPay, agent.IntentAskFees, agent.IntentAskBot, agent.IntentAskWho,
		agent.IntentAskCredit, agent.IntentAskAdvice} {
		if !has(i) {
			continue
		}
		if i == agent.IntentAskWho && has(agent.IntentAskCreditor) {
			continue
		}
		out = append(out, cmd(i))
	}
	substantive := len(out) > 0
	for _, i := range [...]agent.Intent{agent.IntentGreeting, agent.IntentThanks, agent.IntentGoodbye} {
		if has(i) {
			out = append(out, cmd(i))
		}
	}
	if !substantive && has(agent.IntentAffirm) {
		out = append(out, cmd(agent.IntentAffirm))
	}
	if !substantive && (has(agent.IntentDeny) || (has(xRejectWeak) && !offersOpen)) {
		out = append(out, cmd(agent.IntentDeny))
	}
	if !substantive && (looksLikeQuestion(a) || has(xCancelPlan)) {
		c := cmd(agent.IntentQuestion)
		c.Text = strings.TrimSpace(a.raw)
		out = append(out, c)
	}
	if len(out) == 0 {
		out = append(out, cmd(agent.IntentUnknown))
	}
	return out
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

// messageFrequency finds a frequency said anywhere: "can I pay monthly?", "每周还".
func messageFrequency(a *analysis) agent.Frequency {
	for i := range a.seq {
		if f := freqAfter(a.seq, i); f != "" {
			return f
		}
	}
	return ""
}
