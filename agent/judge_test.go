package agent_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies"
)

// fakeJudge reads a message as a violation when it holds one of bad; with
// down set it is unavailable; with hang set it waits for the context. It
// records every request.
type fakeJudge struct {
	bad  []string
	down bool
	hang bool
	mu   sync.Mutex
	seen []agent.JudgeRequest
}

func (j *fakeJudge) Judge(ctx context.Context, req agent.JudgeRequest) (agent.JudgeVerdict, error) {
	j.mu.Lock()
	j.seen = append(j.seen, req)
	down := j.down
	j.mu.Unlock()
	if j.hang {
		<-ctx.Done()
		return agent.JudgeVerdict{}, ctx.Err()
	}
	if down {
		return agent.JudgeVerdict{}, errors.New("judge endpoint unreachable")
	}
	for _, b := range j.bad {
		if strings.Contains(req.Text, b) {
			return agent.JudgeVerdict{Violation: true, Category: policies.CatThirdPartyDisclosure, Reason: "tells the borrower about a neighbour's debt"}, nil
		}
	}
	return agent.JudgeVerdict{}, nil
}

func (j *fakeJudge) requests() []agent.JudgeRequest {
	j.mu.Lock()
	defer j.mu.Unlock()
	return slices.Clone(j.seen)
}

func (j *fakeJudge) setDown(down bool) {
	j.mu.Lock()
	j.down = down
	j.mu.Unlock()
}

func withJudge(j agent.Judge) setupOption {
	return func(_ *agent.Account, c *agent.Config) { c.Judge, c.JudgeTimeout = j, 200*time.Millisecond }
}

// withBandGuard gives the orchestrator a guard whose uncertain band spans
// every score: every message it sends has categories for the judge.
func withBandGuard(t *testing.T) setupOption {
	g, err := policies.NewGuard(policies.Options{LinkHosts: []string{policies.DefaultPaymentHost, "pay.test"}, UncertainBand: 1})
	if err != nil {
		t.Fatal(err)
	}
	return func(_ *agent.Account, c *agent.Config) { c.Guard = g }
}

func judgeViolation(d policies.Decision) bool {
	return slices.ContainsFunc(d.Violations, func(v policies.Violation) bool { return v.Rule == agent.RuleJudge })
}

// TestJudgeReadsSupervisorMessages: with a judge configured, every message a
// supervisor types is put to it after the guard; it can block what the
// guard let through, and a message it finds clean goes out.
func TestJudgeReadsSupervisorMessages(t *testing.T) {
	t.Parallel()
	j := &fakeJudge{bad: []string{"neighbour"}}
	b := setup(t, usAccount(), agent.ChannelSMS, withJudge(j))
	b.turn("hi", cmd(agent.IntentGreeting))
	if err := b.orch.TakeOver(b.ctx, b.convID, "sam"); err != nil {
		t.Fatal(err)
	}
	m, d, err := b.orch.SupervisorSend(b.ctx, b.convID, "sam", "Hi, it's Sam. Your neighbour mentioned you were away last week.")
	if !errors.Is(err, agent.ErrBlocked) || m.Status != agent.StatusBlocked || !judgeViolation(d) {
		t.Fatalf("the judge's violation did not block: err=%v status=%s decision=%+v", err, m.Status, d)
	}
	if v := d.Violations[len(d.Violations)-1]; v.Category != policies.CatThirdPartyDisclosure || !strings.Contains(v.Detail, "neighbour's debt") {
		t.Errorf("violation = %+v, want the judge's category and reason", v)
	}
	m, d, err = b.orch.SupervisorSend(b.ctx, b.convID, "sam", "Hi, it's Sam from the team. How can I help today?")
	if err != nil || !d.Sendable() || m.Status != agent.StatusQueued {
		t.Fatalf("a clean message did not go: err=%v decision=%+v", err, d)
	}
	reqs := j.requests()
	if len(reqs) != 2 || !reqs[0].Supervisor || reqs[0].Jurisdiction != "US" {
		t.Errorf("judge requests = %+v, want two supervisor messages under US", reqs)
	}
	// The guard's block stands whatever the judge would say: it is not asked.
	if _, d, err := b.orch.SupervisorSend(b.ctx, b.convID, "sam", "Pay today or the police will arrest you."); !errors.Is(err, agent.ErrBlocked) || judgeViolation(d) {
		t.Fatalf("a threat: err=%v decision=%+v", err, d)
	}
	if n := len(j.requests()); n != 2 {
		t.Errorf("the judge was asked about a message the guard blocked (%d requests)", n)
	}
}

// TestJudgeUnavailableHoldsSupervisorMessage: when the judge cannot answer,
// a supervisor's message is not sent until the supervisor confirms it; once
// confirmed it goes if the judge is still away, and is blocked if the judge
// is back and reads a violation.
func TestJudgeUnavailableHoldsSupervisorMessage(t *testing.T) {
	t.Parallel()
	j := &fakeJudge{bad: []string{"neighbour"}, down: true}
	b := setup(t, usAccount(), agent.ChannelSMS, withJudge(j))
	b.turn("hi", cmd(agent.IntentGreeting))
	if err := b.orch.TakeOver(b.ctx, b.convID, "sam"); err != nil {
		t.Fatal(err)
	}
	text := "Hi, it's Sam from the team. I can help with the account today."
	m, d, err := b.orch.SupervisorSend(b.ctx, b.convID, "sam", text)
	if !errors.Is(err, agent.ErrConfirmNeeded) || m.Status != agent.StatusBlocked || d.Sendable() || d.Error != agent.ErrorJudgeUnavailable {
		t.Fatalf("unavailable judge: err=%v status=%s decision=%+v, want held for confirmation", err, m.Status, d)
	}
	out, _ := b.store.Outbox(b.ctx, agent.OutboxPending, 0)
	for _, it := range out {
		if it.MessageID == m.ID {
			t.Fatal("a held message is in the outbox")
		}
	}
	m, d, err = b.orch.SupervisorConfirm(b.ctx, b.convID, "sam", text)
	if err != nil || !d.Sendable() || m.Status != agent.StatusQueued {
		t.Fatalf("confirmed with the judge away: err=%v decision=%+v status=%s, want sent", err, d, m.Status)
	}
	j.setDown(false)
	if _, d, err := b.orch.SupervisorConfirm(b.ctx, b.convID, "sam", "Hi again, it's Sam. Your neighbour mentioned you were away last week."); !errors.Is(err, agent.ErrBlocked) || !judgeViolation(d) {
		t.Fatalf("confirmed, judge back: err=%v decision=%+v, want the judge's block", err, d)
	}
}

// TestJudgeTimeoutIsUnavailable: a judge slower than JudgeTimeout is an
// unavailable one.
func TestJudgeTimeoutIsUnavailable(t *testing.T) {
	t.Parallel()
	j := &fakeJudge{hang: true}
	b := setup(t, usAccount(), agent.ChannelSMS, withJudge(j))
	b.turn("hi", cmd(agent.IntentGreeting))
	if err := b.orch.TakeOver(b.ctx, b.convID, "sam"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := b.orch.SupervisorSend(b.ctx, b.convID, "sam", "Hi, it's Sam. How can I help?"); !errors.Is(err, agent.ErrConfirmNeeded) {
		t.Fatalf("a hanging judge: err=%v, want ErrConfirmNeeded", err)
	}
}

// TestJudgeOnlyForTheUncertainBand: the AI's own messages go to the judge
// only when the guard lists uncertain categories; with a guard without a
// band the judge is never asked.
func TestJudgeOnlyForTheUncertainBand(t *testing.T) {
	t.Parallel()
	j := &fakeJudge{}
	b := setup(t, usAccount(), agent.ChannelChat, withJudge(j))
	b.verify()
	b.turn("how much", cmd(agent.IntentAskBalance))
	if n := len(j.requests()); n != 0 {
		t.Errorf("the judge read %d of the AI's messages with no uncertain band", n)
	}
	j2 := &fakeJudge{}
	b2 := setup(t, usAccount(), agent.ChannelChat, withJudge(j2), withBandGuard(t))
	b2.verify()
	b2.turn("how much", cmd(agent.IntentAskBalance))
	reqs := j2.requests()
	if len(reqs) == 0 {
		t.Fatal("the judge read none of the AI's messages in the band")
	}
	for _, r := range reqs {
		if r.Supervisor || len(r.Uncertain) == 0 || r.Jurisdiction != "US" || r.Locale != "en" {
			t.Errorf("request = %+v, want the AI's message with its uncertain categories", r)
		}
	}
}

// TestJudgeOnRewordedDrafts: a model's rewording in the band that the judge
// refuses, or that it cannot read, gives way to the template; one it finds
// clean goes out. A template it cannot read goes out: it is the fallback.
func TestJudgeOnRewordedDrafts(t *testing.T) {
	t.Parallel()
	reworded := "Sure! The balance on your First Bank account is $1,200.00."
	tests := []struct {
		name      string
		judge     *fakeJudge
		wantModel bool
	}{
		{"judge refuses the rewording", &fakeJudge{bad: []string{"Sure!"}}, false},
		{"judge unavailable", &fakeJudge{down: true}, false},
		{"judge finds it clean", &fakeJudge{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ph := &rewordPhraser{reword: func(string) string { return reworded }}
			b := setup(t, usAccount(), agent.ChannelChat, withPhraser(ph), withJudge(tt.judge), withBandGuard(t))
			b.modelBlockOK = true
			b.verify()
			res := b.turn("a question", cmd(agent.IntentAskBalance))
			if len(res.Replies) != 1 {
				t.Fatalf("replies = %d: %s", len(res.Replies), text(res))
			}
			got := res.Replies[0]
			if tt.wantModel != (got.Model != "") {
				t.Fatalf("reply %q (model %q): want the model's words %v", got.Text, got.Model, tt.wantModel)
			}
			if !tt.wantModel && !strings.HasPrefix(got.Text, draft(t, agent.IntentAskBalance)) {
				t.Errorf("reply %q, want the template", got.Text)
			}
		})
	}
}

// TestJudgeNotAskedToListCannedReplies: listing the canned replies checks
// each with the guard alone, even when every template falls in the
// uncertain band: the list is a read, and a judge that is slow or down
// would hold it up once per template. Sending one is a supervisor's
// message, which the judge reads.
func TestJudgeNotAskedToListCannedReplies(t *testing.T) {
	t.Parallel()
	j := &fakeJudge{}
	b := setup(t, usAccount(), agent.ChannelChat, withJudge(j), withBandGuard(t))
	b.turn("hi", cmd(agent.IntentGreeting))
	before := len(j.requests())
	replies, err := b.orch.CannedReplies(b.ctx, b.convID, "sam")
	if err != nil || len(replies) < 3 {
		t.Fatalf("canned replies %+v, %v", replies, err)
	}
	if n := len(j.requests()) - before; n != 0 {
		t.Errorf("listing %d canned replies asked the judge %d times", len(replies), n)
	}
	if err := b.orch.TakeOver(b.ctx, b.convID, "sam"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := b.orch.SupervisorSend(b.ctx, b.convID, "sam", replies[0].Text); err != nil {
		t.Fatal(err)
	}
	if reqs := j.requests(); len(reqs) == before || !reqs[len(reqs)-1].Supervisor {
		t.Errorf("sending a canned reply did not ask the judge as a supervisor's message: %+v", reqs[before:])
	}
}
