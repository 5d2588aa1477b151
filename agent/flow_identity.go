package agent

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/parley-collections/parley/prompts"
)

// Right-party verification: two identity facts, checked against the keyed
// digests on the account, may come over several turns. Until they match,
// nothing says that a debt exists; requests that need verification wait in
// memory and are answered once it succeeds. Three wrong answers end it.

// factOrder is the order facts are asked for. Where a national ID is what
// people quote (China, India), its last digits come before the postcode.
var (
	factOrder   = []IdentityKind{IdentityDOB, IdentityPostcode, IdentityIDLast4}
	factOrderID = []IdentityKind{IdentityDOB, IdentityIDLast4, IdentityPostcode}
)

// onFile lists the facts the account can be verified with, in asking order.
func (f *flow) onFile() []IdentityKind {
	order := factOrder
	if r := f.t.region(); r == prompts.RegionCN || r == prompts.RegionIN {
		order = factOrderID
	}
	var out []IdentityKind
	for _, k := range order {
		if f.t.Account.Borrower.Identity.Has(k) {
			out = append(out, k)
		}
	}
	return out
}

// IdentityFailureKey is the LoginThrottle key that counts an account's
// failed verification attempts, on every conversation and channel.
func IdentityFailureKey(accountID string) string { return "identity:" + accountID }

// identityLockout is how long an account's failed attempts count: after a
// day without one, the borrower has three tries again.
const identityLockout = 24 * time.Hour

// accountFailures returns the account's failed attempts still counting.
func (f *flow) accountFailures() (int, bool) {
	t := f.t
	n, _, err := f.o.cfg.Store.LoginFailures(f.ctx, IdentityFailureKey(t.Account.ID), t.Now.Add(-identityLockout))
	if err != nil {
		f.fail(fmt.Errorf("flows: verification attempts: %w", err))
		return 0, false
	}
	return n, true
}

// needed is how many facts must match: two, or all on file when fewer.
func (f *flow) needed() int { return min(2, len(f.onFile())) }

// verification checks the identity facts of this turn, or, on a
// conversation verified before it (an authenticated chat), gives the
// disclosure it has not had yet.
func (f *flow) verification() {
	t := f.t
	if t.Conversation.Verified {
		f.disclose()
		return
	}
	var claims []IdentityClaim
	for _, c := range f.cmds {
		if c.Intent == IntentVerifyIdentity {
			claims = append(claims, c.Identity...)
		}
	}
	if len(claims) == 0 {
		return
	}
	f.handled = true
	// The tries are the account's: attempts on another conversation or
	// channel count, and a locked account verifies nowhere.
	n, ok := f.accountFailures()
	if !ok {
		return
	}
	f.mem.Failures = n
	for _, cl := range claims {
		t.answersChecked = append(t.answersChecked, cl.Kind)
	}
	if f.mem.Failures >= verificationAttempts {
		f.identityFailed()
		return
	}
	for _, cl := range claims {
		if cl.Written > 1 && t.Account.Borrower.Identity.Has(cl.Kind) {
			// Several values of one fact: whichever matches proves
			// nothing, or three messages could try nine values. Nothing
			// from this message counts.
			if f.failedAttempt() {
				return
			}
			f.say(prompts.IdentityOneValue{Kind: f.factName(cl.Kind), Remaining: verificationAttempts - f.mem.Failures})
			f.emitOnce(EventIdentityRequested, nil)
			f.askedID = true
			return
		}
	}
	wrong := false
	for _, cl := range claims {
		if !t.Account.Borrower.Identity.Has(cl.Kind) {
			continue // a fact we cannot check proves nothing either way
		}
		ok := false
		for _, v := range cl.Values {
			match, upgraded := t.o.identity().Check(&t.Account.Borrower.Identity, cl.Kind, v)
			t.identityUpgraded = t.identityUpgraded || upgraded
			if match {
				ok = true
				break
			}
		}
		switch {
		case ok && !slices.Contains(f.mem.Matched, cl.Kind):
			f.mem.Matched = append(f.mem.Matched, cl.Kind)
		case !ok:
			wrong = true
		}
	}
	need := f.needed()
	switch {
	case need > 0 && len(f.mem.Matched) >= need:
		// The count is cleared by the turn's commit (TurnEnd.Logins).
		t.logins = append(t.logins, LoginChange{Key: IdentityFailureKey(t.Account.ID)})
		f.verified()
	case wrong:
		if f.failedAttempt() {
			return
		}
		first, second := f.askFacts()
		f.say(prompts.IdentityRetry{First: first, Second: second, Remaining: verificationAttempts - f.mem.Failures})
		f.emitOnce(EventIdentityRequested, nil)
		f.askedID = true
	default:
		f.askMore()
	}
}

// failedAttempt counts a failed verification attempt and, at the last
// one, ends verification; it reports whether it did. The failure is
// counted in the store by the turn's commit (TurnEnd.Logins), so a turn
// that fails before it commits, and runs again, counts it once; the
// count this turn acts on is the one it read plus this failure. Failures
// on another conversation of the account at the same moment are each
// counted by their own commit, and the next attempt reads them all.
func (f *flow) failedAttempt() bool {
	t := f.t
	t.logins = append(t.logins, LoginChange{Key: IdentityFailureKey(t.Account.ID), Failed: true,
		At: t.Now, Since: t.Now.Add(-identityLockout)})
	f.mem.Failures++
	if f.mem.Failures >= verificationAttempts {
		f.identityFailed()
		return true
	}
	return false
}

// askMore asks for a fact not yet confirmed.
func (f *flow) askMore() {
	for _, k := range f.onFile() {
		if !slices.Contains(f.mem.Matched, k) {
			f.say(prompts.IdentityMore{Kind: f.factName(k)})
			f.emitOnce(EventIdentityRequested, nil)
			f.askedID = true
			return
		}
	}
	f.requestIdentity(false)
}

// verified marks the right party confirmed and gives the disclosure.
func (f *flow) verified() {
	t := f.t
	t.Conversation.Verified = true
	if t.Conversation.State == StateOpen || t.Conversation.State == "" {
		t.Conversation.State = StateVerified
	}
	f.justVerified = true
	facts := make([]string, 0, len(f.mem.Matched))
	for _, k := range f.mem.Matched {
		facts = append(facts, string(k))
	}
	t.Emit(EventIdentityVerified, map[string]string{"facts": strings.Join(facts, ",")})
	f.say(prompts.Verified{})
	f.disclose()
}

// identityFailed ends verification: no disclosure, a person offered.
func (f *flow) identityFailed() {
	t := f.t
	t.Emit(EventIdentityFailed, map[string]string{"attempts": "3"})
	f.say(prompts.IdentityFailed{Collector: f.sender()})
	f.emitOnce(EventHandoffRequested, map[string]string{"reason": "identity not verified"})
	t.Conversation.State = StateIdentityFailed
	f.done = true
}

// disclose gives the jurisdiction's required disclosure once per
// conversation, right after verification.
func (f *flow) disclose() {
	if f.mem.Disclosed {
		return
	}
	a := f.t.Account
	f.say(prompts.Disclosure{Region: f.t.region(), Collector: a.Collector(), Creditor: a.Creditor, Agency: a.Agency})
	f.mem.Disclosed = true
	f.emitOnce(EventDisclosureGiven, map[string]string{"region": f.t.region()})
	if a.Flags.TimeBarred && a.Borrower.Jurisdiction == "US-CA" {
		// California wants its time-barred notice in the first written
		// communication (Civ. Code 1788.14(d)).
		f.suit(false)
	}
}

// answered reports whether this turn's reply says anything besides the
// disclosure, which an authenticated chat gets before its first answer.
func (f *flow) answered() bool {
	for _, p := range f.parts {
		if _, ok := p.data.(prompts.Disclosure); !ok {
			return true
		}
	}
	return false
}

// requestIdentity asks for two facts. again says the borrower asked for
// something that needs verification first.
func (f *flow) requestIdentity(again bool) {
	f.handled = true
	if f.askedID {
		return
	}
	f.askedID = true
	first, second := f.askFacts()
	if first == "" {
		// Nothing on file to verify with: only a person can help.
		f.handoff("identity")
		return
	}
	f.say(prompts.IdentityRequest{First: first, Second: second, Again: again})
	f.emitOnce(EventIdentityRequested, nil)
}

// askFacts names the two facts to ask for, as the templates call them.
func (f *flow) askFacts() (first, second string) {
	ks := f.onFile()
	switch len(ks) {
	case 0:
		return "", ""
	case 1:
		return f.factName(ks[0]), f.factName(ks[0])
	}
	return f.factName(ks[0]), f.factName(ks[1])
}

// factName is the template's name for a fact: a US postcode is a ZIP code.
func (f *flow) factName(k IdentityKind) string {
	switch k {
	case IdentityDOB:
		return prompts.FactDOB
	case IdentityIDLast4:
		return prompts.FactIDLast4
	}
	if f.t.region() == prompts.RegionUS {
		return prompts.FactZip
	}
	return prompts.FactPostcode
}

// holdUntilVerified keeps a debt-specific request for after verification
// and asks for identity, saying nothing about a debt.
func (f *flow) holdUntilVerified(c Command) {
	f.hold(c)
	f.requestIdentity(true)
}

// hold keeps a request for after verification, once per intent.
func (f *flow) hold(c Command) {
	if !slices.ContainsFunc(f.mem.Pending, func(p Command) bool { return p.Intent == c.Intent }) {
		f.mem.Pending = append(f.mem.Pending, c)
	}
}

// afterVerification answers what the borrower asked before verifying, or,
// when they asked nothing, tells them the balance and what they can do.
func (f *flow) afterVerification() {
	pending := f.mem.Pending
	f.mem.Pending = nil
	f.replaying = true
	defer func() { f.replaying = false }()
	for _, c := range pending {
		if f.done {
			return
		}
		if c.Intent == IntentHardship {
			f.hardship()
		} else {
			f.debtCommand(c)
		}
	}
	if len(pending) > 0 {
		if f.pauseReason() == "" && !f.t.Emitted(EventPlanOffered) && !f.t.Emitted(EventPlanAccepted) && !f.done {
			f.say(prompts.Menu{})
		}
		return
	}
	if f.answeredDebt() {
		return
	}
	if reason := f.pauseReason(); reason != "" {
		f.sayPaused(reason)
		return
	}
	f.balance()
	f.say(prompts.Menu{})
}

// answeredDebt reports whether this turn's own commands already asked
// something of the verified borrower.
func (f *flow) answeredDebt() bool {
	for _, c := range f.cmds {
		switch c.Intent {
		case IntentVerifyIdentity, IntentGreeting, IntentUnknown, IntentThanks, IntentAffirm:
		default:
			return true
		}
	}
	return false
}

// balance states the balance from the system of record.
func (f *flow) balance() {
	a := f.t.Account
	f.say(prompts.Balance{Creditor: a.Creditor, Balance: a.Balance.String()})
	f.emitOnce(EventBalanceDisclosed, nil)
}
