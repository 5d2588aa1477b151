package agent_test

import (
	"fmt"
	"testing"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies"
)

// Every protective request of one message is recorded, whichever of them
// the reply is about: an attorney notice that stops the conversation does
// not drop the opt-out and the dispute said with it.
func TestEveryProtectiveRequestOfAMessageIsRecorded(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	res := b.turn("my attorney has this now, quit texting me, and I never borrowed from you",
		cmd(agent.IntentAttorney), agent.Command{Intent: agent.IntentOptOut, Channel: agent.ChannelSMS}, cmd(agent.IntentDispute))
	wantEvents(t, res, agent.EventAttorneyRecorded, agent.EventOptedOut, agent.EventDisputeRecorded)
	a, err := b.store.Account(b.ctx, b.acct.ID)
	if err != nil || !a.Flags.Attorney || !a.Flags.Disputed {
		t.Errorf("account flags = %+v, %v", a.Flags, err)
	}
	if ds, err := b.store.Disputes(b.ctx, b.acct.ID); err != nil || len(ds) != 1 {
		t.Errorf("disputes = %+v, %v", ds, err)
	}
}

// The order the readers give does not matter: a dispute read before a
// cease another reader added is recorded too.
func TestDisputeBeforeACeaseIsRecorded(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	res := b.turn("this was settled long ago, stop contacting me", cmd(agent.IntentDispute), cmd(agent.IntentCease))
	wantEvents(t, res, agent.EventCeaseRecorded, agent.EventDisputeRecorded)
}

// A crisis is answered as a crisis, and a cease and an opt-out of another
// channel said with it are recorded without silencing that answer. An
// opt-out of the conversation's own channel is left to the person the
// crisis calls: after it nothing but its confirmation may be sent there,
// and the crisis reply must reach the borrower.
func TestCrisisWithAStopKeepsTheCrisisReply(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	res := b.turn("leave me alone, no more texts, I don't want to be here anymore",
		cmd(agent.IntentCease), agent.Command{Intent: agent.IntentOptOut, Channel: agent.ChannelSMS}, cmd(agent.IntentVulnerable))
	wantEvents(t, res, agent.EventCrisisDetected, agent.EventCeaseRecorded, agent.EventOptedOut)
	contains(t, res, "988")
	a, err := b.store.Account(b.ctx, b.acct.ID)
	if err != nil || !a.Flags.Cease || !a.Flags.Vulnerable {
		t.Errorf("account flags = %+v, %v", a.Flags, err)
	}
	res = b.turn("stop messaging me, I don't want to be here anymore", cmd(agent.IntentOptOut), cmd(agent.IntentVulnerable))
	contains(t, res, "988")
}

// After an attorney notice, the lawyer's details sent in words that read
// as an attorney notice again are recorded and read back, not met with
// silence.
func TestAttorneyDetailsAfterTheNoticeAreReadBack(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	b.turn("I have a lawyer now", cmd(agent.IntentAttorney))
	res := b.turn("my lawyer is Dana Reyes, 312-555-0199", cmd(agent.IntentAttorney))
	wantEvents(t, res, agent.EventAttorneyRecorded)
	contains(t, res, "Dana Reyes")
}

// A stop of the conversation's own channel said with a crisis or a death
// is recorded, and the crisis or condolence reply still reaches the
// borrower: it goes out as the one confirmation the opt-out allows, and
// nothing more is sent on the channel after it.
func TestOwnChannelStopWithACrisisIsRecordedAndAnswered(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelSMS)
	b.verify()
	res := b.turn("quit texting me, I don't want to wake up tomorrow", cmd(agent.IntentOptOut), cmd(agent.IntentVulnerable))
	wantEvents(t, res, agent.EventCrisisDetected, agent.EventOptedOut)
	contains(t, res, "988")
	if len(res.Replies) == 0 {
		t.Fatal("no reply")
	}
	res = b.turn("hello?", cmd(agent.IntentGreeting))
	if len(res.Replies) != 0 {
		t.Errorf("a message went out after the opt-out: %q", text(res))
	}

	d := setup(t, usAccount(), agent.ChannelSMS)
	res = d.turn("Maria died in March, please stop sending these", cmd(agent.IntentDeceased), cmd(agent.IntentOptOut))
	wantEvents(t, res, agent.EventDeceasedRecorded, agent.EventOptedOut)
	contains(t, res, "sorry for your loss")
}

// A dispute said with words a reader also took for paying ("I paid it all
// off in March, check your records") is recorded and answered alone: no
// offer goes with it, and the acknowledgement is not blocked.
func TestADisputeIsNotAnsweredWithOffers(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	res := b.turn("I paid the whole thing off in March, check your records", cmd(agent.IntentPayInFull), cmd(agent.IntentDispute))
	wantEvents(t, res, agent.EventDisputeRecorded)
	noEvents(t, res, agent.EventPlanOffered, agent.EventMessageBlocked)
	notContains(t, res, "Option 1")
}

// A dispute said with a "no" ("I never borrowed from them, not mine")
// gets no offers either.
func TestADisputeWithANoGetsNoOffers(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	res := b.turn("no, I never borrowed from them, not my loan", cmd(agent.IntentDeny), cmd(agent.IntentDispute))
	wantEvents(t, res, agent.EventDisputeRecorded)
	noEvents(t, res, agent.EventPlanOffered)
}

// A hardship said with a request for a person ("bankruptcy might be my
// only way out, what would you do") is recorded before the person is asked
// for, with no offers.
func TestHardshipWithARequestForAPerson(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	res := b.turn("bankruptcy might be my only way out, what would you do", cmd(agent.IntentRequestHuman), cmd(agent.IntentHardship))
	wantEvents(t, res, agent.EventHardshipRecorded, agent.EventHandoffRequested)
	noEvents(t, res, agent.EventPlanOffered)
}

// A vulnerability told before the writer is verified is answered without
// saying that an account exists or is in collection: the reply a person
// is asked for gets through the guard in both languages, and says nothing
// of an account.
func TestVulnerabilityBeforeVerificationNamesNoAccount(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelSMS)
	res := b.turn("my mom is in the hospital and i can barely cope", cmd(agent.IntentVulnerability))
	wantEvents(t, res, agent.EventVulnerability, agent.EventHandoffRequested)
	contains(t, res, "person from our team")
	notContains(t, res, "account", "collection")

	c := setup(t, cnAccount(), agent.ChannelChat)
	res = c.turnLang("zh", "家里老人住院了，我快撑不住了", cmd(agent.IntentVulnerability))
	wantEvents(t, res, agent.EventVulnerability, agent.EventHandoffRequested)
	contains(t, res, "工作人员")
	notContains(t, res, "账户", "催收")

	// Verified, the reply says the account is paused.
	d := setup(t, usAccount(), agent.ChannelChat)
	d.verify()
	res = d.turn("my mom is in the hospital and i can barely cope", cmd(agent.IntentVulnerability))
	contains(t, res, "paused this account")
}

// Every protective request made before the writer is verified gets its
// own reply through the guard, in English and in Chinese: the harness
// fails on any draft the guard blocks.
func TestProtectiveRepliesBeforeVerificationGetThrough(t *testing.T) {
	t.Parallel()
	for _, intent := range []agent.Intent{agent.IntentVulnerable, agent.IntentVulnerability, agent.IntentDeceased,
		agent.IntentBankruptcy, agent.IntentAttorney, agent.IntentDispute, agent.IntentCease, agent.IntentOptOut,
		agent.IntentRequestHuman, agent.IntentRestrictContact} {
		for _, lang := range []string{"en", "zh"} {
			acct := usAccount()
			if lang == "zh" {
				acct = cnAccount()
			}
			for _, ch := range []agent.Channel{agent.ChannelSMS, agent.ChannelChat} {
				b := setup(t, acct, ch)
				c := cmd(intent)
				if intent == agent.IntentRestrictContact {
					c.Restrictions = []agent.ContactRestriction{{Kind: policies.RestrictTime, NotBefore: 18 * 60}}
				}
				res := b.turnLang(lang, fmt.Sprintf("message %s %s %s", intent, lang, ch), c)
				if len(res.Replies) == 0 && intent != agent.IntentOptOut {
					t.Errorf("%s %s %s: no reply", intent, lang, ch)
				}
			}
		}
	}
}
