package agent

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/parley-collections/parley/policies"
	"github.com/parley-collections/parley/prompts"
)

// The dialogue flows decide, deterministically, what a turn does: verify,
// disclose, answer, negotiate, record disputes, hardship, opt-outs and stop
// requests, and hand over to a person. The brain only says what the borrower
// meant; it never chooses an amount, a date or an outcome. Every sentence
// comes from a versioned template in package prompts.
//
// The flows are a state machine over Conversation.State with a typed memory
// (flowMemory) serialized into Conversation.Memory, so a turn on any replica
// continues where the last one stopped.

// flowMemory is what the flows remember between turns.
type flowMemory struct {
	// Greeted is set once the assistant has introduced itself.
	Greeted bool `json:"greeted,omitempty"`
	// CallGreeted is set when a call's welcome greeting introduced the
	// assistant (VoiceGreeting) before the caller first spoke: that was
	// the first message, and the introduction is not said again.
	CallGreeted bool `json:"call_greeted,omitempty"`
	// Failures is the account's count of failed verification attempts
	// (on every conversation and channel) as this conversation last saw it.
	Failures int `json:"failures,omitempty"`
	// Matched lists the identity facts confirmed so far; facts may arrive
	// over several turns.
	Matched []IdentityKind `json:"matched,omitempty"`
	// Disclosed is set once the jurisdiction's disclosure was given.
	Disclosed bool `json:"disclosed,omitempty"`
	// Pending holds debt-specific requests made before verification, answered
	// as soon as the borrower is verified.
	Pending []Command `json:"pending,omitempty"`
	// Hardship is set once hardship was recorded: the hardship terms apply.
	Hardship bool `json:"hardship,omitempty"`
	// Vulnerable is set on crisis language: no collection content ever after.
	Vulnerable bool `json:"vulnerable,omitempty"`
	// OptedOut is set when the borrower opted out of this conversation's
	// channel: nothing more goes out on it but HELP and START answers.
	OptedOut bool `json:"opted_out,omitempty"`
	// Negotiation is the negotiation in progress, with the offers on the table.
	Negotiation *Negotiation `json:"negotiation,omitempty"`
	// PlanID is the accepted plan's id.
	PlanID string `json:"plan_id,omitempty"`
	// Referred is set once a person was asked to answer a borrower whom the
	// assistant may not write to (attorney represented, contact ceased).
	Referred bool `json:"referred,omitempty"`
	// Offered is set when the turn's reply presented offers: only a reply
	// to that message may choose one of them.
	Offered bool `json:"offered,omitempty"`
	// Deferred is set when the turn's reply gave the borrower time to
	// decide on offers the reply before presented: the next message may
	// still choose one of them by naming it, though not by a bare yes.
	Deferred bool `json:"deferred,omitempty"`
	// Fallbacks counts "didn't follow" replies in a row.
	Fallbacks int `json:"fallbacks,omitempty"`
	// AwaitAttorney is set once the borrower said an attorney represents
	// them and was asked for the attorney's contact details.
	AwaitAttorney bool `json:"await_attorney,omitempty"`
	// ThirdParty is set once the person writing said they are not the
	// borrower (a spouse, a parent, a flatmate): nothing they send
	// verifies them, and they learn nothing about the debt or whom it is
	// owed to, for the rest of the conversation.
	ThirdParty bool `json:"third_party,omitempty"`
	// Waiting is set once the borrower was told a person will reply.
	Waiting bool `json:"waiting,omitempty"`
	// ReadBack is a commitment the turn's reply read back: only a yes in
	// reply to that message agrees it (flow_confirm.go).
	ReadBack *readBack `json:"read_back,omitempty"`
}

// verificationAttempts is how many wrong answers end verification.
const verificationAttempts = 3

// part is one rendered template of a reply.
type part struct {
	text, version, purpose string
	data                   prompts.Data // what it was rendered from, for a fallback
}

// flow is one turn of the dialogue policy.
type flow struct {
	ctx context.Context
	t   *Turn
	o   *Orchestrator
	mem flowMemory

	parts         []part
	err           error
	done          bool // nothing more is said or done this turn
	handled       bool // some command got an answer
	justVerified  bool // verification completed on this turn
	askedID       bool // an identity request is already in this turn's reply
	paused        bool // the paused notice is already in this turn's reply
	which         bool // a yes named no option: the options are shown again asking which
	askedLanguage bool // the borrower asked to continue in another language
	// otherLang (otherLangZh in Chinese) is a language the borrower asked
	// for that the assistant does not write; unread, a message written in
	// a script it does not read.
	otherLang, otherLangZh string
	unread                 bool
	cmds                   []Command
	loc                    *time.Location
	replaying              bool // answering requests held until verification
	offersOpen             bool // the previous reply presented offers
	deferred               bool // the previous reply gave time to decide on open offers
	fellBack               bool // this turn answered "didn't follow"
	// pendingReadBack is the read-back of the previous reply, if any.
	pendingReadBack *readBack
}

// respond is the dialogue policy: it decides, from the understanding and the
// conversation's state, what to say and what happened.
func (o *Orchestrator) respond(ctx context.Context, t *Turn) error {
	f := &flow{ctx: ctx, t: t, o: o}
	if len(t.Conversation.Memory) > 0 {
		var err error
		if m := t.memory(); m.taken {
			err = json.Unmarshal(t.Conversation.Memory, &f.mem)
		} else {
			f.mem, err, m.taken = m.mem, m.err, true
		}
		if err != nil {
			// A memory this version cannot read must not wedge the
			// conversation: start the flows afresh, keeping verification.
			o.log.Warn("flows: unreadable memory, starting afresh", "conversation", t.Conversation.ID, "err", err)
			f.mem = flowMemory{}
		}
	}
	f.chooseLocale()
	if f.mem.CallGreeted {
		f.mem.Greeted = true
	}
	f.offersOpen, f.mem.Offered = f.mem.Offered, false
	f.deferred, f.mem.Deferred = f.mem.Deferred, false
	f.pendingReadBack, f.mem.ReadBack = f.mem.ReadBack, nil
	f.run()
	if f.handled && !f.fellBack {
		f.mem.Fallbacks = 0
	}
	if f.err != nil {
		return f.err
	}
	f.compose()
	if f.err != nil {
		return f.err
	}
	mem, err := json.Marshal(f.mem)
	if err != nil {
		return fmt.Errorf("flows: memory: %w", err)
	}
	t.Conversation.Memory = mem
	t.mem = turnMemory{raw: mem, set: true, taken: true, callGreeted: f.mem.CallGreeted}
	return nil
}

// turnMemory is a conversation's memory decoded once a turn: what the
// turn reads of it before the flows (the open offers, a call's greeting)
// and the flows themselves, which take it, read the one decoding.
type turnMemory struct {
	raw         []byte // the memory decoded
	mem         flowMemory
	err         error
	callGreeted bool // as callGreeted reports
	set         bool
	taken       bool // the flows have mem: decode raw again for another
}

// memory is the turn's conversation memory, decoded when it changed.
func (t *Turn) memory() *turnMemory {
	m := &t.mem
	if m.set && bytes.Equal(m.raw, t.Conversation.Memory) {
		return m
	}
	*m = turnMemory{raw: t.Conversation.Memory, set: true}
	if len(m.raw) > 0 {
		m.err = json.Unmarshal(m.raw, &m.mem)
		m.callGreeted = m.err == nil && m.mem.CallGreeted
	}
	return m
}

// openOffers returns the offers on the table in the turn's conversation
// memory, as openOffers does.
func (t *Turn) openOffers() []Plan {
	m := t.memory()
	if m.taken {
		return openOffers(t.Conversation)
	}
	if len(m.raw) == 0 || m.err != nil || m.mem.Negotiation == nil {
		return nil
	}
	return m.mem.Negotiation.Offers()
}

// callGreeted reports whether a call's welcome greeting introduced the
// assistant on the conversation (flowMemory.CallGreeted).
func callGreeted(c Conversation) bool {
	var m flowMemory
	return len(c.Memory) > 0 && json.Unmarshal(c.Memory, &m) == nil && m.CallGreeted
}

// markCallGreeted records in the conversation's memory that a call's
// welcome greeting introduced the assistant.
func markCallGreeted(c *Conversation) error {
	var m map[string]json.RawMessage
	if len(c.Memory) > 0 {
		if err := json.Unmarshal(c.Memory, &m); err != nil {
			m = nil // an unreadable memory starts afresh (see respond)
		}
	}
	if m == nil {
		m = map[string]json.RawMessage{}
	}
	m["call_greeted"] = json.RawMessage("true")
	b, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("flows: memory: %w", err)
	}
	c.Memory = b
	return nil
}

// openOffers returns the offers on the table in a conversation's memory, so
// the brain can resolve "the second one".
func openOffers(c Conversation) []Plan {
	var m flowMemory
	if len(c.Memory) == 0 || json.Unmarshal(c.Memory, &m) != nil || m.Negotiation == nil {
		return nil
	}
	return m.Negotiation.Offers()
}

// chooseLocale answers in Chinese when the borrower writes Chinese; any
// other conversation keeps its locale, since short texts ("1", "STOP") say
// nothing about a language.
func (f *flow) chooseLocale() {
	t := f.t
	if f.switchLanguage() {
		f.askedLanguage = true
		return
	}
	f.otherLang, f.otherLangZh, f.unread = otherLanguage(t.Inbound.Text)
	if t.Understanding.Lang == "zh" && t.Locale != "zh" {
		t.Locale = "zh"
		t.Conversation.Locale = "zh"
	}
	if t.Locale != "zh" {
		t.Locale = "en"
	}
}

// run walks the borrower's commands, most safety-relevant first.
func (f *flow) run() {
	t := f.t
	f.cmds = t.Understanding.Commands
	if len(f.cmds) == 0 {
		f.cmds = []Command{{Intent: IntentUnknown}}
	}
	for _, c := range f.cmds {
		if c.Intent == IntentThirdParty {
			f.becomeThirdParty()
		}
	}
	// Requests that act whatever the state: they protect the borrower.
	// They are taken most urgent first, whichever reader gave them; the
	// first that ends the turn gives the reply, and every other one of
	// the message is still recorded (recordOnly).
	protective := slices.Clone(f.cmds)
	slices.SortStableFunc(protective, func(a, b Command) int { return protectiveRank(a.Intent) - protectiveRank(b.Intent) })
	for k, c := range protective {
		switch c.Intent {
		case IntentVulnerable:
			f.vulnerable()
		case IntentDeceased:
			f.deceased()
		case IntentVulnerability:
			if namesBorrowersDeath(t.Inbound.Text, t.Account.Borrower.Name) {
				f.deceased() // a relative tells of the borrower's death
			} else {
				f.vulnerability()
			}
		case IntentOptOut:
			f.optOut(c)
		case IntentOptIn:
			f.optIn()
		case IntentHelp:
			f.help()
		case IntentCease, IntentAttorney, IntentBankruptcy:
			f.stopContact(c.Intent)
		case IntentRestrictContact:
			f.restrict(c)
		}
		if f.done {
			for _, rest := range protective[k+1:] {
				f.recordOnly(rest)
			}
			if slices.ContainsFunc(protective[:k], func(c Command) bool { return c.Intent == IntentDispute }) {
				f.recordDispute()
			}
			return
		}
	}
	if f.silenced() {
		return
	}
	if fl := t.Account.Flags; fl.Attorney || fl.Cease || t.Conversation.State == StateStopped {
		f.refer()
		return
	}
	switch {
	case f.mem.Vulnerable, t.Account.Flags.Deceased, t.Account.Flags.Vulnerable,
		t.Conversation.State == StateHandoff, t.Conversation.State == StateIdentityFailed:
		f.waiting()
		return
	}
	if f.askedLanguage {
		f.languageAck()
	} else if f.otherLang != "" || f.unread {
		f.otherLanguageAck()
		if f.done {
			return
		}
	}
	if f.mem.ThirdParty {
		f.thirdParty()
		return
	}
	f.verification()
	if f.done {
		return
	}
	f.confirmReadBack()
	if slices.ContainsFunc(f.cmds, func(c Command) bool { return c.Intent == IntentDispute }) {
		// A dispute pauses collection: the words a reader also took for
		// paying or choosing ("I paid it all off in March") get no offer.
		f.cmds = slices.DeleteFunc(slices.Clone(f.cmds), func(c Command) bool { return negotiating(c.Intent) })
	}
	// A hardship is recorded before a request for a person ends the turn
	// ("bankruptcy may be my only way out, what would you do").
	f.cmds = hardshipBeforePerson(f.cmds)
	for _, c := range f.cmds {
		f.command(c)
		if f.done {
			return
		}
	}
	if f.justVerified {
		f.afterVerification()
	}
	if !f.handled {
		f.notUnderstood()
	}
}

// protectiveRank orders the requests that protect the borrower by how
// urgently they are answered: a crisis, a death, a vulnerability, then
// the requests about contact, then a dispute; anything else keeps its
// place after them.
func protectiveRank(i Intent) int {
	switch i {
	case IntentVulnerable:
		return 0
	case IntentDeceased:
		return 1
	case IntentVulnerability:
		return 2
	case IntentOptOut, IntentOptIn, IntentHelp:
		return 3
	case IntentRestrictContact:
		return 4
	case IntentCease, IntentAttorney, IntentBankruptcy:
		return 5
	case IntentDispute:
		return 6
	}
	return 7
}

// recordOnly records a protective request of a message whose reply is
// already given by another one (a crisis, a stop): the flag, the consent
// of another channel, the restriction or the dispute, and its event,
// without a reply of its own and without changing the conversation's
// state.
func (f *flow) recordOnly(c Command) {
	t := f.t
	switch c.Intent {
	case IntentVulnerable:
		f.mem.Vulnerable = true
		if !t.Account.Flags.Vulnerable {
			t.SetFlag(FlagVulnerable, true)
		}
		f.emitOnce(EventCrisisDetected, nil)
		t.requestUrgentHandoff("crisis")
	case IntentDeceased:
		if t.Emitted(EventVulnerability) {
			return // the death was read as a bereavement of the borrower's
		}
		if !t.Account.Flags.Deceased {
			t.SetFlag(FlagDeceased, true)
		}
		f.emitOnce(EventDeceasedRecorded, nil)
	case IntentVulnerability:
		if t.Emitted(EventDeceasedRecorded) {
			return // the death is the borrower's
		}
		if !t.Account.Flags.Vulnerable {
			t.SetFlag(FlagVulnerable, true)
		}
		f.emitOnce(EventVulnerability, map[string]string{"kind": ""})
	case IntentOptOut:
		ch := c.Channel
		if ch == "" {
			ch = t.Conversation.Channel
		}
		if ch == t.Conversation.Channel {
			// After an opt-out nothing but its confirmation may be sent
			// on the channel, and the reply already given (988 and a
			// person, condolences, a stop notice) must reach the
			// borrower: it goes out as that one confirmation, with the
			// confirmation at its end, and nothing follows it.
			if f.mem.OptedOut {
				return
			}
			t.SetConsent(Consent{Channel: ch, OptedOut: true, Source: "free text"})
			t.Emit(EventOptedOut, map[string]string{"channel": string(ch)})
			f.mem.OptedOut = true
			for i := range f.parts {
				f.parts[i].purpose = policies.PurposeOptOutConfirmation
			}
			f.sayAs(policies.PurposeOptOutConfirmation, prompts.OptOut{Channel: string(ch), Collector: f.sender(), Current: true})
			return
		}
		t.SetConsent(Consent{Channel: ch, OptedOut: true, Source: "free text"})
		t.Emit(EventOptedOut, map[string]string{"channel": string(ch)})
	case IntentCease, IntentAttorney, IntentBankruptcy:
		flag, reason, event := FlagCease, "cease", EventCeaseRecorded
		var atty AttorneyDetails
		switch c.Intent {
		case IntentAttorney:
			flag, reason, event = FlagAttorney, "attorney", EventAttorneyRecorded
			atty = readAttorneyDetails(t.Inbound.Text)
			f.mem.AwaitAttorney = atty.Phone == "" && atty.Email == ""
		case IntentBankruptcy:
			flag, reason, event = FlagBankruptcy, "bankruptcy", EventBankruptcyRecorded
		}
		if t.Emitted(event) {
			return
		}
		t.SetFlag(flag, true)
		t.Emit(event, atty.data(map[string]string{"reason": reason}))
	case IntentRestrictContact:
		f.recordRestrictions(c)
	case IntentDispute:
		f.recordDispute()
	}
}

// negotiating reports whether an intent asks for, makes or takes an offer
// (a bare yes or no answers one).
func negotiating(i Intent) bool {
	switch i {
	case IntentProposePlan, IntentPayInFull, IntentAcceptOffer, IntentRejectOffer, IntentAskLowest, IntentPromiseToPay,
		IntentAffirm, IntentDeny:
		return true
	}
	return false
}

// silenced reports whether nothing may be said on this conversation: the
// borrower opted out of its channel.
func (f *flow) silenced() bool {
	return f.mem.OptedOut
}

// refer answers a borrower the assistant may not collect from (an attorney
// represents them, they asked that contact cease, or they are bankrupt):
// a short truthful reply to what they wrote, never silence and never
// collection content, and a person asked to look, once per conversation.
// The attorney's details, when the borrower sends them after being asked,
// are recorded for that person and read back; a message without them is
// answered, and they are still awaited.
func (f *flow) refer() {
	t := f.t
	fl := t.Account.Flags
	reason, why := "cease", "contact ceased"
	switch {
	case fl.Attorney:
		reason, why = "attorney", "attorney represents the borrower"
	case fl.Bankruptcy:
		reason, why = "bankruptcy", "bankruptcy"
	}
	f.handled = true
	if atty := readAttorneyDetails(t.Inbound.Text); f.mem.AwaitAttorney && fl.Attorney && !atty.Empty() {
		f.mem.AwaitAttorney = atty.Phone == "" && atty.Email == ""
		t.Emit(EventAttorneyRecorded, atty.data(map[string]string{"reason": "attorney"}))
		f.sayAs(policies.PurposeStopNotice, prompts.StopAck{Reason: "attorney", Verified: t.Conversation.Verified,
			AttorneyName: atty.Name, AttorneyPhone: atty.Phone, AttorneyEmail: atty.Email != ""})
	} else {
		f.sayAs(policies.PurposeStopNotice, prompts.Paused{Reason: reason})
	}
	if !f.mem.Referred {
		f.mem.Referred = true
		f.emitOnce(EventHandoffRequested, map[string]string{"reason": why})
	}
}

// command answers one command once the safety requests are dealt with.
func (f *flow) command(c Command) {
	switch c.Intent {
	case IntentVulnerable, IntentOptOut, IntentOptIn, IntentHelp, IntentCease, IntentAttorney, IntentBankruptcy,
		IntentRestrictContact:
		return // acted on before
	case IntentVerifyIdentity:
		return // verification ran before the commands
	case IntentRequestHuman:
		f.handoff("request")
		return
	case IntentThirdParty:
		return // answered before verification (run)
	case IntentAskBot:
		f.say(prompts.Bot{AgentName: f.o.cfg.AgentName, Collector: f.sender()})
	case IntentAskWho:
		f.say(prompts.Who{AgentName: f.o.cfg.AgentName, Collector: f.sender(), Voice: f.t.Conversation.Channel == ChannelVoice})
	case IntentAskLegit:
		f.say(f.legit())
	case IntentGreeting:
		f.greeting()
	case IntentThanks, IntentGoodbye:
		if c.Intent == IntentGoodbye && f.deciding() {
			f.say(prompts.TakeTime{})
			f.mem.Deferred = f.offersOpen || f.deferred
		} else {
			f.say(prompts.Closing{})
		}
	case IntentQuestion:
		f.question(c)
	case IntentUnknown:
		return // answered at the end when nothing else was
	case IntentHardship:
		f.hardship()
	default:
		f.debtCommand(c)
	}
	f.handled = true
}

// hardshipBeforePerson moves a hardship before the first request for a
// person, the rest in their order.
func hardshipBeforePerson(cmds []Command) []Command {
	h := slices.IndexFunc(cmds, func(c Command) bool { return c.Intent == IntentHardship })
	p := slices.IndexFunc(cmds, func(c Command) bool { return c.Intent == IntentRequestHuman })
	if h < 0 || p < 0 || h < p {
		return cmds
	}
	out := slices.Clone(cmds)
	c := out[h]
	out = slices.Delete(out, h, h+1)
	return slices.Insert(out, p, c)
}

// deciding reports whether the borrower is choosing among offers made in
// this conversation and did not thank anyone: a goodbye then means "let
// me think it over".
func (f *flow) deciding() bool {
	if f.mem.Negotiation == nil || f.mem.PlanID != "" {
		return false
	}
	for _, c := range f.cmds {
		if c.Intent == IntentThanks {
			return false
		}
	}
	return true
}

// debtCommand answers what needs a verified borrower and an account under
// collection: questions about the debt, negotiation, disputes, promises.
func (f *flow) debtCommand(c Command) {
	t := f.t
	if !t.Conversation.Verified {
		if c.Intent == IntentAffirm || c.Intent == IntentDeny {
			// A bare yes or no before verification answers nothing yet.
			f.requestIdentity(false)
			return
		}
		f.holdUntilVerified(c)
		return
	}
	switch c.Intent {
	case IntentDispute:
		f.dispute()
		return
	case IntentAskSuit, IntentAskTimeBarred:
		// Truthful answers about the law are no collection content: they
		// are given in a dispute too.
		f.suit(c.Intent == IntentAskTimeBarred)
		return
	case IntentAskValidation:
		f.validation()
		return
	}
	if reason := f.pauseReason(); reason != "" {
		f.sayPaused(reason)
		return
	}
	switch c.Intent {
	case IntentAskBalance:
		f.balance()
	case IntentAskDueDate:
		a := t.Account
		// The due date is a calendar date; it is shown as stored.
		f.say(prompts.DueDate{HasDue: !a.DueDate.IsZero(), Due: a.DueDate, DaysPastDue: a.DaysPastDue})
	case IntentAskCreditor:
		f.say(prompts.Creditor{Creditor: t.Account.Creditor, Agency: t.Account.Agency})
	case IntentAskPurpose:
		f.say(prompts.Purpose{Creditor: t.Account.Creditor, Purpose: t.Account.Purpose})
	case IntentAskHowToPay:
		f.say(prompts.HowToPay{})
		if f.mem.PlanID == "" && f.mem.Negotiation == nil {
			// "how can I pay it" before any plan: paying starts with
			// choosing how much and when, so the options follow the
			// answer, to be chosen in reply like any offer.
			f.negotiate(Command{Intent: IntentProposePlan})
		}
	case IntentAskFees:
		f.say(prompts.Fees{Creditor: t.Account.Creditor})
	case IntentAskCredit:
		f.credit()
	case IntentAskAdvice:
		f.say(prompts.Advice{Region: t.region()})
	case IntentAskArrest:
		f.arrest()
	case IntentProposePlan, IntentPayInFull, IntentAcceptOffer, IntentRejectOffer, IntentAffirm, IntentDeny, IntentAskLowest:
		f.negotiate(c)
	case IntentPromiseToPay:
		f.promise(c)
	case IntentCancelPlan:
		f.cancelOrReadBack(c)
	default:
		f.notUnderstood()
	}
}

// pauseReason says why collection content must not be sent on this account,
// or "" when it may.
func (f *flow) pauseReason() string {
	fl := f.t.Account.Flags
	switch {
	case fl.Disputed:
		return "dispute"
	case fl.Attorney:
		return "attorney"
	case fl.Bankruptcy:
		return "bankruptcy"
	case fl.Cease:
		return "cease"
	}
	return ""
}

func (f *flow) sayPaused(reason string) {
	if f.paused {
		return
	}
	f.paused = true
	purpose := policies.PurposeHandoff
	switch reason {
	case "dispute":
		purpose = policies.PurposeDisputeAck
	case "attorney", "cease", "bankruptcy":
		purpose = policies.PurposeStopNotice
	}
	f.sayAs(purpose, prompts.Paused{Reason: reason})
}

func (f *flow) greeting() {
	switch {
	case !f.t.Conversation.Verified:
		f.requestIdentity(false)
	case f.pauseReason() == "":
		f.say(prompts.Menu{})
	default:
		// A hello on a paused account is told why nothing is asked of
		// them, not thanked.
		f.sayPaused(f.pauseReason())
	}
}

// notUnderstood answers what nothing else answered. Two in a row, or one
// where a misreading costs the borrower (a dispute, hardship, a
// negotiation with offers on the table), hand the conversation to a person.
func (f *flow) notUnderstood() {
	if !f.t.Conversation.Verified {
		if f.t.Understanding.Commands == nil || f.onlyUnknown() {
			// Nothing at all was understood: it counts towards a person
			// as after verification, and the identity request is the
			// reply meanwhile.
			f.fellBack = true
			if f.mem.Fallbacks++; f.mem.Fallbacks >= 2 {
				f.handoff("not_understood")
				return
			}
		}
		f.requestIdentity(false)
		return
	}
	if f.answered() {
		return
	}
	if f.onlyFacts() {
		// Identity facts sent again once verified: nothing to check, so
		// the borrower hears what they can do next.
		f.handled = true
		if reason := f.pauseReason(); reason != "" {
			f.sayPaused(reason)
			return
		}
		f.say(prompts.Menu{})
		return
	}
	f.unsure(prompts.NotUnderstood{Verified: true})
}

// unsure says d, a reply that does not answer (a "didn't follow", an "I
// don't know"), unless this is the second in a row or the conversation is
// in a state where a misreading costs the borrower: then a person takes
// over, with the reason not_understood for the console.
func (f *flow) unsure(d prompts.Data) {
	f.fellBack = true
	f.mem.Fallbacks++
	switch f.t.Conversation.State {
	case StateDisputed, StateHardship, StateNegotiating:
		f.handoff("not_understood")
		return
	}
	if f.mem.Fallbacks >= 2 {
		f.handoff("not_understood")
		return
	}
	f.say(d)
}

// onlyFacts reports whether the message offered identity facts to a
// conversation verified before this turn, and nothing else.
func (f *flow) onlyFacts() bool {
	if f.t.Emitted(EventIdentityVerified) {
		return false
	}
	facts := false
	for _, c := range f.t.Understanding.Commands {
		switch c.Intent {
		case IntentVerifyIdentity:
			facts = true
		case IntentGreeting, IntentThanks, IntentUnknown:
		default:
			return false
		}
	}
	return facts
}

// onlyUnknown reports whether the brain understood nothing of the message.
func (f *flow) onlyUnknown() bool {
	for _, c := range f.t.Understanding.Commands {
		if c.Intent != IntentUnknown {
			return false
		}
	}
	return true
}

// say queues a template with the purpose its content has: ordinary content
// once the borrower is verified, an identity message before.
func (f *flow) say(d prompts.Data) {
	purpose := policies.PurposeCollection
	switch {
	case !f.t.Conversation.Verified:
		purpose = policies.PurposeIdentity
	case f.t.Account.Flags.Disputed:
		// While a dispute is open everything said is about the dispute:
		// collection content is not allowed.
		purpose = policies.PurposeDisputeAck
	case f.t.Account.Flags.Bankruptcy:
		purpose = policies.PurposeHandoff
	}
	f.sayAs(purpose, d)
}

// sayAs queues a template with a purpose that changes what the guard allows.
func (f *flow) sayAs(purpose string, d prompts.Data) {
	text, version, err := prompts.Render(f.t.Locale, d)
	if err != nil {
		f.fail(fmt.Errorf("flows: %w", err))
		return
	}
	f.parts = append(f.parts, part{text: text, version: version, purpose: purpose, data: d})
}

func (f *flow) fail(err error) {
	if f.err == nil {
		f.err = err
	}
	f.done = true
}

// emitOnce records an event unless the turn already did.
func (f *flow) emitOnce(kind EventKind, data map[string]string) {
	if !f.t.Emitted(kind) {
		f.t.Emit(kind, data)
	}
}

// introEligible lists the purposes a first reply opens with the
// assistant's introduction: every one. Whatever a conversation opens with,
// a crisis, a dispute or a STOP, the borrower learns once that an
// automated assistant is writing and for whom.
func introEligible(string) bool { return true }

// introduces reports whether the turn's reply already says who is writing
// and for whom (the answer to "who is this?" or "are you a bot?"), so that
// the introduction is not said twice.
func (f *flow) introduces() bool {
	for _, p := range f.parts {
		switch p.data.(type) {
		case prompts.Who, prompts.Bot:
			return true
		}
	}
	return false
}

// compose turns the queued parts into replies: consecutive parts with one
// purpose make one message, so a borrower gets one text per turn where the
// rules allow it, and each reply carries a plainer fallback.
func (f *flow) compose() {
	if len(f.parts) == 0 {
		return
	}
	if !f.mem.Greeted && introEligible(f.parts[0].purpose) && f.introduces() {
		f.mem.Greeted = true
	}
	introduced := false
	if !f.mem.Greeted && introEligible(f.parts[0].purpose) {
		introduced = true
		intro := prompts.Intro{AgentName: f.o.cfg.AgentName, Collector: f.sender(), Voice: f.t.Conversation.Channel == ChannelVoice}
		text, version, err := prompts.Render(f.t.Locale, intro)
		if err != nil {
			f.fail(fmt.Errorf("flows: %w", err))
			return
		}
		f.parts = append([]part{{text: text, version: version, purpose: f.parts[0].purpose, data: intro}}, f.parts...)
		f.mem.Greeted = true
	}
	for i := 0; i < len(f.parts); {
		j := i + 1
		for j < len(f.parts) && f.parts[j].purpose == f.parts[i].purpose {
			j++
		}
		group := f.parts[i:j]
		r := join(group)
		r.Fallback = f.fallback(r.Purpose)
		if introduced && i == 0 && r.Fallback != nil {
			// The first message still says who is writing when the
			// guard sends its plainer fallback: the introduction
			// without the sender's name.
			f.introduceFallback(r.Fallback)
		}
		if nameless, ok := f.nameless(group); ok {
			nameless.Fallback = r.Fallback
			r.Fallback = &nameless
		}
		f.reword(&r, group)
		f.t.Say(r)
		i = j
	}
}

// introduceFallback puts the assistant's introduction, without the
// sender's name, before a first message's fallback.
func (f *flow) introduceFallback(fb *Reply) {
	intro := prompts.Intro{AgentName: f.o.cfg.AgentName, Voice: f.t.Conversation.Channel == ChannelVoice}
	text, version, err := prompts.Render(f.t.Locale, intro)
	if err != nil {
		f.fail(fmt.Errorf("flows: %w", err))
		return
	}
	fb.Text = text + "\n" + fb.Text
	fb.TemplateVersion = version + "+" + fb.TemplateVersion
}

// join makes one reply of parts that share a purpose.
func join(parts []part) Reply {
	texts := make([]string, 0, len(parts))
	versions := make([]string, 0, len(parts))
	for _, p := range parts {
		texts = append(texts, p.text)
		versions = append(versions, p.version)
	}
	return Reply{Text: strings.Join(texts, "\n"), TemplateVersion: strings.Join(versions, "+"), Purpose: parts[0].purpose}
}

// nameless renders parts again without the sender's name, for when the
// guard finds that the name itself says too much (an agency called
// "… Collections", before verification). ok is false when no part names
// the sender.
func (f *flow) nameless(parts []part) (Reply, bool) {
	out := make([]part, len(parts))
	named := false
	for i, p := range parts {
		out[i] = p
		sd, ok := p.data.(prompts.Sender)
		if !ok {
			continue
		}
		text, version, err := prompts.Render(f.t.Locale, sd.WithoutSender())
		if err != nil {
			f.fail(fmt.Errorf("flows: %w", err))
			return Reply{}, false
		}
		if text != p.text {
			named = true
			out[i].text, out[i].version = text, version
		}
	}
	if !named {
		return Reply{}, false
	}
	return join(out), true
}

// fallback is the plain reply sent when the guard refuses a draft: it states
// no amount and no debt detail.
func (f *flow) fallback(purpose string) *Reply {
	kind := ""
	switch purpose {
	case policies.PurposeOptOutConfirmation:
		kind = "opt_out"
	case policies.PurposeHandoff, policies.PurposeStopNotice:
		kind = "handoff"
	case policies.PurposeDisputeAck:
		kind = "dispute"
	}
	text, version, err := fallbackText(f.t.Locale, kind)
	if err != nil {
		f.fail(fmt.Errorf("flows: %w", err))
		return nil
	}
	if purpose == policies.PurposeCollection {
		purpose = policies.PurposeIdentity // the fallback carries no debt detail
	}
	return &Reply{Text: text, TemplateVersion: version, Purpose: purpose}
}

// fallbackTexts are the fallback's text and version in every locale for
// every kind. The template takes nothing of the conversation but its
// kind, and every reply carries a fallback though few are sent, so each is
// rendered once a process.
var fallbackTexts = sync.OnceValue(func() map[[2]string][2]string {
	out := map[[2]string][2]string{}
	for _, locale := range prompts.Locales {
		for _, kind := range [...]string{"", "opt_out", "handoff", "dispute"} {
			if text, version, err := prompts.Render(locale, prompts.Fallback{Kind: kind}); err == nil {
				out[[2]string{locale, kind}] = [2]string{text, version}
			}
		}
	}
	return out
})

// fallbackText is the fallback of a kind in a locale.
func fallbackText(locale, kind string) (text, version string, err error) {
	if tv, ok := fallbackTexts()[[2]string{locale, kind}]; ok {
		return tv[0], tv[1], nil
	}
	return prompts.Render(locale, prompts.Fallback{Kind: kind})
}

// region picks the country wording of disclosures, advice, crisis lines
// and identity questions from the family of the account's jurisdiction in
// the guard's profiles, so that a jurisdiction added by configuration
// speaks as its parent does. A family with no wording of its own gets the
// neutral one.
func (t *Turn) region() string {
	family, _ := t.o.cfg.Guard.Family(t.Account.Borrower.Jurisdiction)
	switch family {
	case "US":
		return prompts.RegionUS
	case "GB":
		return prompts.RegionGB
	case "CN":
		return prompts.RegionCN
	case "IN":
		return prompts.RegionIN
	}
	return ""
}

// legit answers "is this a scam?": who is writing, how to check it
// without trusting this message, and the secrets never asked for. The
// creditor is named only to the verified borrower.
func (f *flow) legit() prompts.Legit {
	d := prompts.Legit{AgentName: f.o.cfg.AgentName, Collector: f.sender()}
	if f.t.Conversation.Verified && !f.mem.ThirdParty {
		d.Creditor = f.t.Account.Creditor
	}
	return d
}

// sender is the name the borrower may see for who is writing: the collector
// once they are verified; before that only an agency's name, since the
// creditor's own name would tell whoever reads the message that a debt exists.
func (f *flow) sender() string {
	a := f.t.Account
	if f.mem.ThirdParty && !f.t.Conversation.Verified {
		return "" // the collector's name tells a stranger there is a debt
	}
	if f.t.Conversation.Verified || a.Agency != "" {
		return a.Collector()
	}
	return ""
}
