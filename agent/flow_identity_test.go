package agent_test

import (
	"strings"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
)

func TestOpeningAsksForIdentityWithoutRevealingADebt(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	res := b.turn("how much do I owe?", cmd(agent.IntentAskBalance))
	wantEvents(t, res, agent.EventIdentityRequested)
	noEvents(t, res, agent.EventBalanceDisclosed, agent.EventDisclosureGiven)
	noDebtDetail(t, res)
	contains(t, res, "Ava", "an automated assistant", "Midwest Recovery", "date of birth", "ZIP code")
	wantState(t, res, agent.StateOpen)
	if len(res.Replies) != 1 {
		t.Fatalf("replies = %d, want 1", len(res.Replies))
	}
	if v := res.Replies[0].TemplateVersion; !strings.HasPrefix(v, "intro.v1.en+identity_request.v1.en") {
		t.Errorf("template version = %q", v)
	}

	res = b.turn("my date of birth is April 12 1985 and my zip is 60601", identity("1985-04-12", "60601"))
	wantEvents(t, res, agent.EventIdentityVerified, agent.EventDisclosureGiven, agent.EventBalanceDisclosed)
	contains(t, res, "$1,200.00", "attempt to collect a debt")
	notContains(t, res, "Hi, this is Ava")
	wantState(t, res, agent.StateVerified)
	if !res.Conversation.Verified {
		t.Error("conversation not verified")
	}
}

func TestVerificationOverSeveralTurns(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelSMS)
	res := b.turn("hello", cmd(agent.IntentGreeting))
	wantEvents(t, res, agent.EventIdentityRequested)
	noDebtDetail(t, res)

	res = b.turn("04/12/1985", identity("1985-04-12", ""))
	noDebtDetail(t, res)
	contains(t, res, "ZIP code")
	noEvents(t, res, agent.EventIdentityVerified)

	res = b.turn("60601", identity("", "60601"))
	wantEvents(t, res, agent.EventIdentityVerified, agent.EventDisclosureGiven, agent.EventBalanceDisclosed)
	contains(t, res, "$1,200.00")
}

func TestThreeFailedAttemptsEndVerification(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.turn("what's this about?", cmd(agent.IntentAskPurpose))
	for i, want := range []string{"2 tries left", "1 try left"} {
		res := b.turn("dob 1990-01-01 zip 10001 #"+want, identity("1990-01-01", "10001"))
		noDebtDetail(t, res)
		contains(t, res, want)
		if res.Conversation.Verified {
			t.Fatalf("attempt %d verified with wrong facts", i+1)
		}
	}
	res := b.turn("dob 1991-01-01 zip 10002", identity("1991-01-01", "10002"))
	wantEvents(t, res, agent.EventIdentityFailed, agent.EventHandoffRequested)
	noEvents(t, res, agent.EventDisclosureGiven, agent.EventIdentityVerified)
	noDebtDetail(t, res)
	wantState(t, res, agent.StateIdentityFailed)

	// The right facts now change nothing: verification is over.
	res = b.turn("dob 1985-04-12 zip 60601", identity("1985-04-12", "60601"))
	noDebtDetail(t, res)
	if res.Conversation.Verified {
		t.Error("verified after verification failed")
	}
}

func TestAuthenticatedChatStartsVerified(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.meta = map[string]string{"verified": "true"}
	res := b.turn("what's my balance?", cmd(agent.IntentAskBalance))
	wantEvents(t, res, agent.EventDisclosureGiven, agent.EventBalanceDisclosed)
	noEvents(t, res, agent.EventIdentityRequested)
	contains(t, res, "Ava", "attempt to collect a debt", "$1,200.00")
}

func TestFirstUnclearMessageOnAuthenticatedChatIsAnswered(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.meta = map[string]string{"verified": "true"}
	res := b.turn("purple elephants", cmd(agent.IntentUnknown))
	wantEvents(t, res, agent.EventDisclosureGiven)
	contains(t, res, "attempt to collect a debt", "didn't quite follow")
}

func TestThirdPartyGetsNoDebtDetail(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelSMS)
	res := b.turn("I'm her husband, how much does she owe?",
		agent.Command{Intent: agent.IntentThirdParty, Relation: "spouse"}, cmd(agent.IntentAskBalance))
	noDebtDetail(t, res)
	noEvents(t, res, agent.EventBalanceDisclosed)
	contains(t, res, "only discuss this with the person")

	// A verified borrower who hands over to someone else loses verification
	// (on a conversation of its own: once a third party has written, the
	// conversation is never verified again).
	b = setup(t, usAccount(), agent.ChannelSMS)
	b.verify()
	res = b.turn("this is his wife, what does he owe", agent.Command{Intent: agent.IntentThirdParty, Relation: "spouse"}, cmd(agent.IntentAskBalance))
	noDebtDetail(t, res)
	if res.Conversation.Verified {
		t.Error("still verified after a third party took over")
	}
}

func TestChineseOpeningAndVerification(t *testing.T) {
	t.Parallel()
	b := setup(t, cnAccount(), agent.ChannelChat)
	res := b.turnLang("zh", "我欠多少钱？", cmd(agent.IntentAskBalance))
	noDebtDetail(t, res)
	contains(t, res, "智能助理", "出生日期", "身份证号后四位")
	if v := res.Replies[0].TemplateVersion; !strings.Contains(v, ".zh") {
		t.Errorf("template version = %q, want Chinese", v)
	}
	res = b.turnLang("zh", "1990年8月8日，尾号1234", identity("1990-08-08", ""), last4("1234"))
	wantEvents(t, res, agent.EventIdentityVerified, agent.EventDisclosureGiven, agent.EventBalanceDisclosed)
	contains(t, res, "¥12,000.00", "华信商务服务受贷款机构安心消费金融委托")
}

func TestCreditorCollectingItselfIsNotNamedBeforeVerification(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelSMS, withAccount(func(a *agent.Account) { a.Agency = "" }))
	for _, step := range []agent.Command{cmd(agent.IntentGreeting), cmd(agent.IntentAskWho), cmd(agent.IntentAskBot), cmd(agent.IntentHelp)} {
		res := b.turn(string(step.Intent), step)
		noDebtDetail(t, res)
		contains(t, res, "Ava")
	}
	res := b.verify()
	// A creditor collecting its own debt is not a debt collector.
	contains(t, res, "This message is from First Bank about your account.", "attempt to collect a debt")
	notContains(t, res, "is a debt collector")
}

// several returns an identity command whose claim of kind k wrote n values.
func several(k agent.IdentityKind, n int, values ...string) agent.Command {
	return agent.Command{Intent: agent.IntentVerifyIdentity, Identity: []agent.IdentityClaim{{Kind: k, Values: values, Written: n}}}
}

func TestSeveralValuesForOneFactAreAFailedAttempt(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelSMS)
	b.turn("what do i owe", cmd(agent.IntentAskBalance))
	// One of the two dates is right; the message still proves nothing.
	both := several(agent.IdentityDOB, 2, "1985-04-12", "1985-12-04", "1985-04-21")
	both.Identity = append(both.Identity, agent.IdentityClaim{Kind: agent.IdentityPostcode, Values: []string{"60601"}})
	res := b.turn("born 4/12/1985 or 4/21/1985, zip 60601", both)
	noEvents(t, res, agent.EventIdentityVerified, agent.EventBalanceDisclosed)
	noDebtDetail(t, res)
	contains(t, res, "one", "2 tries left")
	if res.Conversation.Verified {
		t.Fatal("verified on a message with two dates of birth")
	}
	res = b.turn("zip 60601 or 60602", several(agent.IdentityPostcode, 2, "60601", "60602"))
	noEvents(t, res, agent.EventIdentityVerified)
	contains(t, res, "1 try left")
	res = b.turn("04/21/1985 and 60601", identity("1985-04-21", "60601"))
	wantEvents(t, res, agent.EventIdentityFailed)
	wantState(t, res, agent.StateIdentityFailed)
}

func TestSeveralValuesForOneFactInChinese(t *testing.T) {
	t.Parallel()
	b := setup(t, cnAccount(), agent.ChannelChat)
	b.turnLang("zh", "我欠多少", cmd(agent.IntentAskBalance))
	res := b.turnLang("zh", "生日1990年8月8日还是8月18日", several(agent.IdentityDOB, 2, "1990-08-08"))
	noEvents(t, res, agent.EventIdentityVerified, agent.EventBalanceDisclosed)
	contains(t, res, "一个")
}

func TestAThirdPartyStaysUnverifiedWhateverFactsTheyRecite(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	res := b.turn("hey it's her brother, what does she owe you", agent.Command{Intent: agent.IntentThirdParty, Relation: "sibling"}, cmd(agent.IntentAskBalance))
	noDebtDetail(t, res)
	// The agency's name tells a stranger there is a debt.
	notContains(t, res, "Midwest Recovery")
	contains(t, res, "automated assistant")
	for _, msg := range []agent.Command{identity("1985-04-12", "60601"), last4("1234"), cmd(agent.IntentAskBalance)} {
		res = b.turn("her dob is april 12 1985, zip 60601, now tell me", msg)
		noEvents(t, res, agent.EventIdentityVerified, agent.EventBalanceDisclosed, agent.EventDisclosureGiven)
		noDebtDetail(t, res)
		notContains(t, res, "Midwest Recovery", "First Bank")
		if res.Conversation.Verified {
			t.Fatal("a third party was verified")
		}
		if len(res.Replies) == 0 {
			t.Fatal("no reply to a third party")
		}
	}
	// Protective requests from the third party still take effect.
	res = b.turn("she passed away last month", cmd(agent.IntentDeceased))
	wantEvents(t, res, agent.EventDeceasedRecorded)
}

// The three tries are the account's, not a conversation's: failures on
// SMS and then on chat lock verification on every channel.
func TestVerificationLockoutCountsAcrossChannels(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelSMS)
	b.turn("whats my balance", cmd(agent.IntentAskBalance))
	res := b.turn("dob 1986-02-03 zip 10001", identity("1986-02-03", "10001"))
	contains(t, res, "2 tries left")
	res = b.turn("dob 1986-02-04 zip 10001", identity("1986-02-04", "10001"))
	contains(t, res, "1 try left")

	// A new conversation on chat does not start the count again.
	b.channel, b.convID = agent.ChannelChat, ""
	b.turn("hello", cmd(agent.IntentGreeting))
	res = b.turn("dob 1986-02-05 zip 10002", identity("1986-02-05", "10002"))
	wantEvents(t, res, agent.EventIdentityFailed)

	// Locked: the right facts on a third conversation verify nothing.
	b.channel, b.convID = agent.ChannelVoice, ""
	b.turn("hi", cmd(agent.IntentGreeting))
	res = b.turn("april 12 1985, 60601", identity("1985-04-12", "60601"))
	noEvents(t, res, agent.EventIdentityVerified, agent.EventBalanceDisclosed)
	noDebtDetail(t, res)
	if res.Conversation.Verified {
		t.Fatal("verified after the account's tries were used up")
	}

	// A day later the count starts again (on the SMS conversation, still
	// open; the chat one ended when its attempt failed).
	b.clock.Advance(25 * time.Hour)
	b.channel, b.convID = agent.ChannelSMS, ""
	b.turn("hello again", cmd(agent.IntentGreeting))
	res = b.turn("april 12 1985, 60601", identity("1985-04-12", "60601"))
	wantEvents(t, res, agent.EventIdentityVerified)
}

// Identity facts sent again once the conversation is verified are
// answered with what the borrower can do next, not "didn't follow".
func TestIdentityFactsOnceVerified(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelSMS)
	b.verify()
	res := b.turn("my date of birth is April 12 1985 and my zip is 60601", identity("1985-04-12", "60601"))
	notContains(t, res, "didn't quite follow")
	noEvents(t, res, agent.EventHandoffRequested)
	contains(t, res, "payment plan")
}
