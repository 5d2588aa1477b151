package agent_test

import (
	"strings"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
)

// lateEvening is 22:28 in the borrower's Chicago: outside US contact hours.
var lateEvening = time.Date(2026, 3, 2, 22, 28, 0, 0, time.FixedZone("CST", -6*3600))

// takenOverLate opens a chat conversation at 22:28 the borrower's time,
// verifies it, and has sam take it over.
func takenOverLate(t *testing.T) *testBundle {
	t.Helper()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.clock.Set(lateEvening)
	b.turn("hi", cmd(agent.IntentGreeting))
	b.turn("1985-04-12 60601", identity("1985-04-12", "60601"))
	if err := b.orch.TakeOver(b.ctx, b.convID, "sam"); err != nil {
		t.Fatal(err)
	}
	return b
}

// A supervisor answering a borrower who wrote minutes ago replies, as the
// AI would, even outside contact hours; the notice a debt collector owes is
// added by the guard, not asked of the supervisor.
func TestSupervisorReplyWithinWindowIsAReply(t *testing.T) {
	t.Parallel()
	b := takenOverLate(t)
	b.clock.Advance(3 * time.Minute) // the AI answered last; the borrower wrote 3 minutes ago
	m, d, err := b.orch.SupervisorSend(b.ctx, b.convID, "sam", "Hi, this is Sam. Your balance is $1,200.00.")
	if err != nil || !d.Sendable() || m.Status != agent.StatusQueued {
		t.Fatalf("reply within the window: err=%v status=%s decision=%+v", err, m.Status, d)
	}
	if !strings.Contains(m.Text, "debt collector") || !strings.HasPrefix(m.Text, "Hi, this is Sam.") {
		t.Errorf("sent %q: want the supervisor's words with the notice added", m.Text)
	}
}

// Past the window the message waits for contact hours; it can be
// cancelled, and a cancelled message is never sent.
func TestSupervisorMessageOutsideWindowDefersAndCancels(t *testing.T) {
	t.Parallel()
	b := takenOverLate(t)
	b.clock.Advance(agent.DefaultReplyWindow + time.Minute)
	m, d, err := b.orch.SupervisorSend(b.ctx, b.convID, "sam", "Hi, this is Sam. Your balance is $1,200.00.")
	if err != nil || m.Status != agent.StatusDeferred || d.SendAt.IsZero() {
		t.Fatalf("out of hours, past the window: err=%v status=%s decision=%+v", err, m.Status, d)
	}
	// Not cancelled, it goes at its time with the notice the guard adds.
	kept, _, err := b.orch.SupervisorSend(b.ctx, b.convID, "sam", "Hi, this is Sam again.")
	if err != nil || kept.Status != agent.StatusDeferred {
		t.Fatalf("second message: err=%v status=%s", err, kept.Status)
	}
	b.clock.Set(kept.SendAt.Add(time.Minute))
	if err := b.orch.SendDeferred(b.ctx, kept.ID); err != nil {
		t.Fatal(err)
	}
	out, _ := b.store.Outbox(b.ctx, agent.OutboxPending, 0)
	if len(out) == 0 || !strings.HasPrefix(out[len(out)-1].Body, "Hi, this is Sam again.") || !strings.Contains(out[len(out)-1].Body, "debt collector") {
		t.Errorf("the deferred message went out as %+v, want the supervisor's words and the notice", out)
	}
	if err := b.orch.CancelDeferred(b.ctx, m.ID, "lee"); err == nil {
		t.Error("a supervisor who does not own the conversation cancelled its message")
	}
	if err := b.orch.CancelDeferred(b.ctx, m.ID, "sam"); err != nil {
		t.Fatal(err)
	}
	got, _ := b.store.Message(b.ctx, m.ID)
	if got.Status != agent.StatusCancelled {
		t.Fatalf("status after cancel = %s", got.Status)
	}
	if err := b.orch.SendDeferred(b.ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	out, _ = b.store.Outbox(b.ctx, agent.OutboxPending, 0)
	for _, o := range out {
		if strings.Contains(o.Body, "Your balance") {
			t.Errorf("a cancelled message went to the outbox: %q", o.Body)
		}
	}
}

// Handing back cancels the supervisor's waiting messages unless asked to
// keep them.
func TestHandBackCancelsDeferredUnlessKept(t *testing.T) {
	t.Parallel()
	for _, keep := range []bool{false, true} {
		b := takenOverLate(t)
		b.clock.Advance(time.Hour)
		m, _, err := b.orch.SupervisorSend(b.ctx, b.convID, "sam", "Hi, this is Sam. I will call you tomorrow.")
		if err != nil || m.Status != agent.StatusDeferred {
			t.Fatalf("err=%v status=%s", err, m.Status)
		}
		if err := b.orch.HandBackKeeping(b.ctx, b.convID, "sam", keep); err != nil {
			t.Fatal(err)
		}
		got, _ := b.store.Message(b.ctx, m.ID)
		want := agent.StatusCancelled
		if keep {
			want = agent.StatusDeferred
		}
		if got.Status != want {
			t.Errorf("keep=%v: status after hand-back = %s, want %s", keep, got.Status, want)
		}
	}
}

// The portfolio's other borrowers are known to the guard: a supervisor's
// message naming one is not sent, while the borrower's own name is fine.
func TestSupervisorMessageNamingAnotherBorrowerIsBlocked(t *testing.T) {
	t.Parallel()
	b := takenOverLate(t)
	other := usAccount()
	other.ID, other.Borrower.Name, other.Borrower.Phones = "A-200", "Rosa Delgado", []string{"+13125550177"}
	if err := b.store.PutAccount(b.ctx, other); err != nil {
		t.Fatal(err)
	}
	ix, err := agent.IndexBorrowers(b.ctx, b.store)
	if err != nil {
		t.Fatal(err)
	}
	b.orch.SetBorrowers(ix)
	b.clock.Advance(time.Minute)
	m, d, err := b.orch.SupervisorSend(b.ctx, b.convID, "sam", "Hi, this is Sam. Rosa Delgado already paid hers, you can too.")
	if d.Sendable() || m.Status == agent.StatusQueued {
		t.Fatalf("naming another borrower: err=%v status=%s decision=%+v", err, m.Status, d)
	}
	own := b.acct.Borrower.Name
	m, d, err = b.orch.SupervisorSend(b.ctx, b.convID, "sam", "Hi "+own+", this is Sam. I can help with your plan.")
	if err != nil || !d.Sendable() {
		t.Fatalf("the borrower's own name: err=%v status=%s decision=%+v", err, m.Status, d)
	}
}

// The borrower is told when a person joins and when the assistant is back,
// through the guard, and after the hand-back the assistant answers the
// message the borrower wrote while the person had the conversation.
func TestTakeOverAndHandBackTellTheBorrower(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.turn("hi", cmd(agent.IntentGreeting))
	b.verify()
	if err := b.orch.TakeOver(b.ctx, b.convID, "sam"); err != nil {
		t.Fatal(err)
	}
	joined := lastOut(t, b)
	if joined.Author != agent.AuthorSystem || joined.Status != agent.StatusQueued || joined.Guard == nil ||
		!strings.HasPrefix(joined.Text, "A member of our team, Sam, has joined") {
		t.Fatalf("after the takeover the last message is %+v", joined)
	}
	res := b.turn("how much do I owe?", cmd(agent.IntentAskBalance))
	if len(res.Replies) != 0 {
		t.Fatalf("the assistant answered while sam owns the conversation: %s", text(res))
	}
	if err := b.orch.HandBack(b.ctx, b.convID, "sam"); err != nil {
		t.Fatal(err)
	}
	msgs, _ := b.store.Messages(b.ctx, b.convID, 0, 0)
	var after []agent.Message
	for i, m := range msgs {
		if m.ID == res.Inbound.ID {
			after = msgs[i+1:]
		}
	}
	if len(after) < 2 || after[0].Author != agent.AuthorSystem || !strings.HasPrefix(after[0].Text, "You're back with Ava, the automated assistant") {
		t.Fatalf("after the hand-back: %+v", after)
	}
	var answer string
	for _, m := range after[1:] {
		if m.Author == agent.AuthorAgent && m.Status == agent.StatusQueued {
			answer += m.Text
		}
	}
	if !strings.Contains(answer, "$1,200.00") {
		t.Fatalf("the borrower's question was not answered after the hand-back: %+v", after[1:])
	}
	// Taken over and handed back again with nothing new from the borrower:
	// the notices go, the answered question is not answered twice.
	if err := b.orch.TakeOver(b.ctx, b.convID, "sam"); err != nil {
		t.Fatal(err)
	}
	if err := b.orch.HandBack(b.ctx, b.convID, "sam"); err != nil {
		t.Fatal(err)
	}
	again, _ := b.store.Messages(b.ctx, b.convID, 0, 0)
	extra := again[len(msgs):]
	if len(extra) != 2 || extra[0].Author != agent.AuthorSystem || extra[1].Author != agent.AuthorSystem {
		t.Fatalf("a second takeover and hand-back added %+v, want the two notices only", extra)
	}
}

// A notice the guard would hold for contact hours is not sent late: it is
// cancelled, and a borrower writing at night hears it at once.
func TestJoinNoticeOutOfHours(t *testing.T) {
	t.Parallel()
	b := takenOverLate(t) // the borrower wrote a minute ago: the notice is a reply
	joined := lastOut(t, b)
	if joined.Author != agent.AuthorSystem || joined.Status != agent.StatusQueued {
		t.Fatalf("the join notice at night, right after the borrower wrote: %+v", joined)
	}
	if err := b.orch.HandBack(b.ctx, b.convID, "sam"); err != nil {
		t.Fatal(err)
	}
	b.clock.Advance(3 * time.Hour) // past the reply window, still night
	if err := b.orch.TakeOver(b.ctx, b.convID, "lee"); err != nil {
		t.Fatal(err)
	}
	late := lastOut(t, b)
	if late.Author != agent.AuthorSystem || late.Status != agent.StatusCancelled {
		t.Fatalf("a join notice hours after the borrower wrote, at night: %+v, want it cancelled", late)
	}
}

// lastOut is the conversation's last outbound message.
func lastOut(t *testing.T, b *testBundle) agent.Message {
	t.Helper()
	msgs, err := b.store.Messages(b.ctx, b.convID, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(msgs) - 1; i >= 0; i-- {
		if msgs[i].Direction == agent.DirectionOut {
			return msgs[i]
		}
	}
	t.Fatal("no outbound message")
	return agent.Message{}
}

// Canned replies come in the conversation's language, with the team
// member's name, and only those the guard would let through are offered.
func TestCannedRepliesAreCheckedAndLocalised(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		acct  agent.Account
		greet string
	}{{usAccount(), "Hi, this is Sam from the team."}, {cnAccount(), "您好，我是工作人员Sam。"}} {
		b := setup(t, tc.acct, agent.ChannelChat)
		b.turn("hi", cmd(agent.IntentGreeting))
		replies, err := b.orch.CannedReplies(b.ctx, b.convID, "sam")
		if err != nil {
			t.Fatal(err)
		}
		if len(replies) < 3 || !strings.HasPrefix(replies[0].Text, tc.greet) {
			t.Fatalf("%s: canned replies %+v", tc.acct.ID, replies)
		}
	}
	// A borrower with an attorney: the guard refuses collection talk, and
	// the console offers none.
	b := setup(t, usAccount(), agent.ChannelChat, withAccount(func(a *agent.Account) { a.Flags.Attorney = true }))
	b.turn("hi", cmd(agent.IntentGreeting))
	replies, err := b.orch.CannedReplies(b.ctx, b.convID, "sam")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range replies {
		if r.Name == "payment_options" {
			t.Errorf("offered %q to a borrower represented by an attorney", r.Text)
		}
	}
	t.Logf("offered with an attorney: %+v", replies)
}

// TestSupervisorMaySayTheyAreAPerson: a supervisor who took over is a
// person, and may say so; the same words drafted by the agent are blocked
// (TestAPersonMaySayTheyAreOne in policies).
func TestSupervisorMaySayTheyAreAPerson(t *testing.T) {
	t.Parallel()
	b := takenOverLate(t)
	b.clock.Advance(3 * time.Minute)
	m, d, err := b.orch.SupervisorSend(b.ctx, b.convID, "sam", "Hi, I'm Sam, a real person on the team, and I've taken over from the assistant.")
	if err != nil || !d.Sendable() || m.Status != agent.StatusQueued {
		t.Fatalf("a supervisor saying they are a person: err=%v status=%s decision=%+v", err, m.Status, d)
	}
}
