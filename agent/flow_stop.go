package agent

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/parley-collections/parley/policies"
	"github.com/parley-collections/parley/prompts"
)

// The protective flows: crisis language, opt-outs, cease requests, attorney
// and bankruptcy notices, disputes, third parties and handoffs. Each acts at
// once, whatever else the message says, and says exactly what it is for.

// vulnerable answers crisis or self-harm language: a person at once, support
// lines, and no collection content in this reply or any after it.
func (f *flow) vulnerable() {
	t := f.t
	f.protect(FlagVulnerable, t.Account.Flags.Vulnerable, EventCrisisDetected, nil,
		prompts.Crisis{Region: t.region()}, "crisis")
}

// deceased answers news that the borrower has died: condolences, all
// collection stopped on the account, a person to help; nothing about the
// debt, to anyone.
func (f *flow) deceased() {
	// Whoever reports the borrower's death is not the borrower: they
	// learn nothing about the debt (becomeThirdParty).
	f.becomeThirdParty()
	f.protect(FlagDeceased, f.t.Account.Flags.Deceased, EventDeceasedRecorded, nil, prompts.Deceased{Verified: f.t.Conversation.Verified}, "deceased")
}

// deathWords are the words of a death ("passed away", 去世), within the
// bereavement the vulnerability reading covers.
var deathWords = regexp.MustCompile(`(?i)\b(passed away|passed on|died|has died|is dead|deceased|death)\b|去世|过世|离世|身故`)

// namesBorrowersDeath reports whether a bereavement is the borrower's own
// death: the message names the borrower (their first name, or the whole
// name in Chinese) with words of a death, as a relative writes ("my wife
// Maria passed away", "Maria Lopez has died, I'm her daughter"). A
// borrower telling of someone else's death does not name themselves.
func namesBorrowersDeath(text, name string) bool {
	if name == "" || !deathWords.MatchString(text) {
		return false
	}
	if strings.ContainsFunc(name, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
		return strings.Contains(text, name)
	}
	first, _, _ := strings.Cut(strings.TrimSpace(name), " ")
	if len(first) < 2 {
		return false
	}
	return regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(first) + `\b`).MatchString(text)
}

// vulnerability answers a vulnerability that is not a crisis (bereavement,
// serious illness, a breathing-space moratorium): the account pauses, no
// offers follow, and a person takes the conversation.
func (f *flow) vulnerability() {
	t := f.t
	kind := ""
	if low := strings.ToLower(t.Inbound.Text); strings.Contains(low, "breathing space") || strings.Contains(low, "喘息") {
		kind = "breathing_space"
	}
	f.protect(FlagVulnerable, t.Account.Flags.Vulnerable, EventVulnerability, map[string]string{"kind": kind},
		prompts.Vulnerability{Kind: kind, Verified: t.Conversation.Verified}, "vulnerability")
}

// protect is what every vulnerability flow does: nothing of collection in
// this turn or after it, the account flag set (once), the event recorded,
// one reply for the borrower, and a person asked for as urgent.
func (f *flow) protect(flag string, isSet bool, event EventKind, data map[string]string, reply prompts.Data, reason string) {
	t := f.t
	f.mem.Vulnerable = true
	f.mem.Negotiation = nil
	f.parts = nil
	if !isSet {
		t.SetFlag(flag, true)
	}
	f.emitOnce(event, data)
	// The reply says collection has stopped and a person will help: a
	// stop notice, which says it is from a debt collector and never that
	// it is an attempt to collect (policies.PurposeStopNotice), whatever
	// message of the conversation it is.
	f.sayAs(policies.PurposeStopNotice, reply)
	t.requestUrgentHandoff(reason)
	f.done = true
}

// optOut records an opt-out from a channel and confirms it exactly once;
// on the conversation's own channel nothing more follows.
func (f *flow) optOut(c Command) {
	t := f.t
	ch := c.Channel
	if ch == "" {
		ch = t.Conversation.Channel
	}
	current := ch == t.Conversation.Channel
	if current && f.mem.OptedOut {
		f.done = true // already confirmed once: silence
		return
	}
	source := "free text"
	if t.Conversation.Channel == ChannelSMS {
		source = "sms reply"
	}
	t.SetConsent(Consent{Channel: ch, OptedOut: true, Source: source})
	t.Emit(EventOptedOut, map[string]string{"channel": string(ch)})
	f.handled = true
	if current {
		f.parts = nil
		f.mem.OptedOut = true
		t.Conversation.State = StateStopped
		f.done = true
	}
	f.sayAs(policies.PurposeOptOutConfirmation, prompts.OptOut{Channel: string(ch), Collector: f.sender(), Current: current})
}

// optIn lifts an opt-out of the conversation's channel.
func (f *flow) optIn() {
	t := f.t
	f.handled = true
	t.SetConsent(Consent{Channel: t.Conversation.Channel, OptedOut: false, Source: "borrower opt-in"})
	t.Emit(EventOptedIn, map[string]string{"channel": string(t.Conversation.Channel)})
	wasOut := f.mem.OptedOut
	f.mem.OptedOut = false
	if wasOut && t.Conversation.State == StateStopped && !t.Account.CollectionStopped() {
		t.Conversation.State = StateOpen
		if t.Conversation.Verified {
			t.Conversation.State = StateVerified
		}
	}
	f.sayAs(policies.PurposeHelp, prompts.OptIn{Collector: f.sender()})
}

// help answers the HELP keyword with who is writing, even after an opt-out.
func (f *flow) help() {
	f.handled = true
	f.sayAs(policies.PurposeHelp, prompts.Help{AgentName: f.o.cfg.AgentName, Collector: f.sender()})
}

// stopContact records a cease request, an attorney notice or a bankruptcy,
// acknowledges it once, and stops contact on the conversation.
func (f *flow) stopContact(i Intent) {
	t := f.t
	if t.Conversation.State == StateStopped {
		if i == IntentAttorney && f.mem.AwaitAttorney && t.Account.Flags.Attorney {
			f.refer() // the attorney's details that were asked for
		}
		f.done = true
		return
	}
	flag, reason, event := FlagCease, "cease", EventCeaseRecorded
	var atty AttorneyDetails
	switch i {
	case IntentAttorney:
		flag, reason, event = FlagAttorney, "attorney", EventAttorneyRecorded
		// The attorney's details, when the notice gives them, are
		// recorded and read back; what is missing is asked for.
		atty = readAttorneyDetails(t.Inbound.Text)
		f.mem.AwaitAttorney = atty.Phone == "" && atty.Email == ""
	case IntentBankruptcy:
		flag, reason, event = FlagBankruptcy, "bankruptcy", EventBankruptcyRecorded
	}
	t.SetFlag(flag, true)
	t.Emit(event, atty.data(map[string]string{"reason": reason}))
	f.parts = nil
	// The acknowledgement is the notice that collection efforts end, the
	// first that 15 USC 1692c(c)(1) allows after a cease: it says it is
	// from a debt collector (1692e(11)) and never that it is an attempt
	// to collect (policies.PurposeStopNotice).
	f.sayAs(policies.PurposeStopNotice, prompts.StopAck{Reason: reason, Verified: t.Conversation.Verified,
		AttorneyName: atty.Name, AttorneyPhone: atty.Phone, AttorneyEmail: atty.Email != ""})
	t.Conversation.State = StateStopped
	f.done = true
}

// dispute records a dispute: collection stops until verification is sent.
func (f *flow) dispute() {
	t := f.t
	if t.Account.Flags.Disputed {
		f.sayPaused("dispute")
		return
	}
	f.recordDispute()
	f.paused = true // the acknowledgement says collection is paused
	// What this turn already drafted (the thanks for verifying, the
	// disclosure) now leads up to the acknowledgement: it goes under the
	// dispute's purpose, and nothing of collection follows it.
	for i := range f.parts {
		if f.parts[i].purpose == policies.PurposeCollection {
			f.parts[i].purpose = policies.PurposeDisputeAck
		}
	}
	f.sayAs(policies.PurposeDisputeAck, prompts.DisputeAck{Creditor: t.Account.Creditor})
	t.Conversation.State = StateDisputed
}

// recordDispute opens a dispute on the account, once: the flag, the
// record and its event. Without a reply of its own it is what a dispute
// said with a request that ends the turn (a stop, an attorney notice)
// leaves: that request's reply is the one sent, and the conversation
// cannot wait for a verification to come.
func (f *flow) recordDispute() {
	t := f.t
	if t.Account.Flags.Disputed || t.Emitted(EventDisputeRecorded) {
		return
	}
	d := t.AddDispute(Dispute{AccountID: t.Account.ID, ConversationID: t.Conversation.ID, Reason: "disputed by the borrower in conversation", Open: true, CreatedAt: t.Now})
	t.SetFlag(FlagDisputed, true)
	f.mem.Negotiation = nil // no offer stands while the debt is disputed
	t.Emit(EventDisputeRecorded, map[string]string{"dispute_id": d.ID})
}

// handoff asks for a person and tells the borrower so; nothing else is said.
func (f *flow) handoff(reason string) {
	t := f.t
	f.handled = true
	f.sayAs(policies.PurposeHandoff, prompts.Handoff{Reason: reason})
	t.requestHandoff(reason)
	f.done = true
}

// waiting answers while a person is due to take over: nothing about the
// debt. The borrower is told once that someone will reply; after that only
// questions that are safe to answer get an answer, and anything else a
// short note that the conversation is still with a person.
func (f *flow) waiting() {
	f.handled = true
	for _, c := range f.cmds {
		switch c.Intent {
		case IntentAskBot:
			f.sayAs(policies.PurposeHandoff, prompts.Bot{AgentName: f.o.cfg.AgentName, Collector: f.sender()})
			return
		case IntentAskWho:
			f.sayAs(policies.PurposeHandoff, prompts.Who{AgentName: f.o.cfg.AgentName, Collector: f.sender()})
			return
		case IntentAskLegit:
			f.sayAs(policies.PurposeHandoff, f.legit())
			return
		case IntentVulnerable:
			return // answered before
		}
	}
	reason := "waiting"
	if f.mem.Waiting {
		reason = "still_waiting"
	}
	f.mem.Waiting = true
	f.sayAs(policies.PurposeHandoff, prompts.Handoff{Reason: reason})
}

// becomeThirdParty records that the person writing says they are not the
// account holder. If the conversation was verified, the verification no
// longer holds for the person now writing.
func (f *flow) becomeThirdParty() {
	t := f.t
	if t.Conversation.Verified {
		t.Conversation.Verified = false
		t.Conversation.State = StateOpen
		f.mem.Negotiation = nil
	}
	f.mem.ThirdParty = true
	f.mem.Matched = nil
	f.mem.Pending = nil
}

// thirdParty answers someone who said they are not the account holder,
// on this turn or an earlier one, whatever they send: a request for a
// person is passed on, thanks are answered, and anything else gets the
// message that only the account holder can be helped, without a word
// about a debt or whom it is owed to (sender is empty for them).
func (f *flow) thirdParty() {
	f.handled = true
	f.done = true
	for _, c := range f.cmds {
		switch c.Intent {
		case IntentRequestHuman:
			f.handoff("request")
			return
		case IntentThanks, IntentGoodbye:
			if len(f.cmds) == 1 {
				f.say(prompts.Closing{})
				return
			}
		}
	}
	f.sayAs(policies.PurposeIdentity, prompts.ThirdParty{Collector: f.sender()})
}

// arrest answers a fear of arrest truthfully and calmly, once the borrower is
// verified: owing a consumer debt is not a crime. Silence or a vague answer
// would leave the fear in place, which is pressure the law forbids using.
func (f *flow) arrest() {
	f.say(prompts.Arrest{})
}
