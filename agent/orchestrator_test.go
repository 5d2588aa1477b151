package agent_test

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/sqlite"
	"github.com/parley-collections/parley/policies"
)

// The pipeline's invariants, checked through the real flows and guard.

func TestEveryStoredReplyHasAGuardDecisionAndTemplate(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelSMS)
	b.turn("hi", cmd(agent.IntentGreeting))
	b.turn("how much?", cmd(agent.IntentAskBalance))
	b.verify()
	b.turn("plan please", cmd(agent.IntentProposePlan))
	b.turn("option 1", agent.Command{Intent: agent.IntentAcceptOffer, OfferID: "1"})
	msgs, err := b.store.Messages(b.ctx, b.convID, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	verified := false
	for _, m := range msgs {
		if m.Direction == agent.DirectionIn {
			continue
		}
		if m.Guard == nil || m.Guard.Action == "" {
			t.Errorf("message %s stored without a guard decision", m.ID)
		}
		if m.TemplateVersion == "" {
			t.Errorf("message %s stored without a template version", m.ID)
		}
		for _, v := range strings.Split(m.TemplateVersion, "+") {
			if !strings.HasSuffix(v, ".v1.en") {
				t.Errorf("message %s: template version %q is not an English v1 template", m.ID, v)
			}
		}
		if strings.Contains(m.TemplateVersion, "identity_verified") {
			verified = true
		}
		if !verified && strings.Contains(m.Text, "1,200") {
			t.Errorf("message %s states the balance before verification: %q", m.ID, m.Text)
		}
	}
}

func TestDuplicateInboundRunsOnce(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelSMS)
	b.brain.learn("hi", "", []agent.Command{cmd(agent.IntentGreeting)})
	in := agent.Inbound{Channel: agent.ChannelSMS, From: b.acct.Borrower.Phones[0], Text: "hi", ChannelMessageID: "SM1"}
	first, err := b.orch.Handle(b.ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	second, err := b.orch.Handle(b.ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if !second.Duplicate || len(second.Replies) != 0 || len(second.Events) != 0 {
		t.Errorf("second delivery ran again: %+v", second)
	}
	msgs, err := b.store.Messages(b.ctx, first.Conversation.ID, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 2 {
		t.Errorf("messages = %d, want the inbound and one reply", len(msgs))
	}
}

func TestNothingFromTheAIWhileASupervisorOwnsTheConversation(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	if err := b.orch.TakeOver(b.ctx, b.convID, "sam"); err != nil {
		t.Fatal(err)
	}
	res := b.turn("what's my balance", cmd(agent.IntentAskBalance))
	if len(res.Replies) != 0 || len(res.Events) != 0 {
		t.Errorf("the AI acted on a supervisor's conversation: %s %v", text(res), kinds(res.Events))
	}
	if err := b.orch.HandBack(b.ctx, b.convID, "sam"); err != nil {
		t.Fatal(err)
	}
	res = b.turn("and now?", cmd(agent.IntentAskBalance))
	contains(t, res, "$1,200.00")
}

func TestMemoryCarriesTheNegotiationBetweenTurns(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	b.turn("plan please", cmd(agent.IntentProposePlan))
	c, err := b.store.Conversation(b.ctx, b.convID)
	if err != nil {
		t.Fatal(err)
	}
	var mem struct {
		Greeted     bool            `json:"greeted"`
		Disclosed   bool            `json:"disclosed"`
		Matched     []string        `json:"matched"`
		Negotiation json.RawMessage `json:"negotiation"`
	}
	if err := json.Unmarshal(c.Memory, &mem); err != nil {
		t.Fatalf("memory %s: %v", c.Memory, err)
	}
	if !mem.Greeted || !mem.Disclosed || len(mem.Matched) != 2 || len(mem.Negotiation) == 0 {
		t.Errorf("memory = %s", c.Memory)
	}
	// The identity facts themselves are never kept.
	for _, secret := range []string{"1985", "60601"} {
		if strings.Contains(string(c.Memory), secret) {
			t.Errorf("memory holds %q: %s", secret, c.Memory)
		}
	}
}

func TestUnreadableMemoryStartsAfresh(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.turn("hi", cmd(agent.IntentGreeting))
	c, err := b.store.Conversation(b.ctx, b.convID)
	if err != nil {
		t.Fatal(err)
	}
	c.Memory = json.RawMessage(`{"failures":"many"}`)
	if err := b.store.UpdateConversation(b.ctx, c); err != nil {
		t.Fatal(err)
	}
	res := b.turn("hello again", cmd(agent.IntentGreeting))
	wantEvents(t, res, agent.EventIdentityRequested)
	noDebtDetail(t, res)
}

func TestConcurrentTurnsOnOneConversationAreSerialized(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelChat)
	b.verify()
	b.brain.learn("plan", "", []agent.Command{cmd(agent.IntentProposePlan)})
	var wg sync.WaitGroup
	const n = 8
	errs := make(chan error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := b.orch.Handle(context.Background(), agent.Inbound{
				Channel: agent.ChannelChat, AccountID: b.acct.ID, ConversationID: b.convID,
				Text: "plan", ChannelMessageID: "c-" + string(rune('a'+i)),
			})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	evs, err := b.store.Events(b.ctx, b.convID)
	if err != nil {
		t.Fatal(err)
	}
	offered := 0
	for _, e := range evs {
		if e.Kind == agent.EventPlanOffered {
			offered++
		}
	}
	// Serialized, the first turn opens the negotiation and the others see
	// its offers on the table; racing, several would open one each.
	if offered != 1 {
		t.Errorf("plan_offered events = %d, want 1", offered)
	}
	msgs, err := b.store.Messages(b.ctx, b.convID, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	answered := 0
	for _, m := range msgs {
		if m.Direction == agent.DirectionOut && strings.Contains(m.Text, "Option 1:") {
			answered++
		}
	}
	if answered != n {
		t.Errorf("turns answered with the offers = %d, want %d", answered, n)
	}
	c, err := b.store.Conversation(b.ctx, b.convID)
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(c.Memory) {
		t.Errorf("memory corrupted: %s", c.Memory)
	}
}

// A message delivered several times at once by a new sender is stored
// once, in one conversation: no redelivery leaves a conversation of its
// own behind to take the borrower's next message.
func TestRedeliveriesOfAFirstMessageOpenOneConversation(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelSMS)
	const n = 8
	ids := make(chan string, n)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m, _, err := b.orch.Receive(b.ctx, agent.Inbound{Channel: agent.ChannelSMS, From: "+15551230001",
				Text: "hello", ChannelMessageID: "SM-first"})
			if err != nil {
				t.Error(err)
				return
			}
			ids <- m.ID
		}()
	}
	wg.Wait()
	close(ids)
	first := ""
	for id := range ids {
		if first == "" {
			first = id
		}
		if id != first {
			t.Errorf("deliveries stored as %s and %s", first, id)
		}
	}
	cs, err := b.store.Conversations(b.ctx, agent.ConversationFilter{AccountID: b.acct.ID, Channel: agent.ChannelSMS})
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 1 {
		t.Errorf("%d SMS conversations for one message, want 1", len(cs))
	}
}

// messageCounter counts the single-message reads of the store it wraps.
type messageCounter struct {
	*sqlite.Store
	reads atomic.Int32
}

func (c *messageCounter) Message(ctx context.Context, id string) (agent.Message, error) {
	c.reads.Add(1)
	return c.Store.Message(ctx, id)
}

// A turn told its message's conversation takes the lock without reading
// the message first; told the wrong conversation, it fails and leaves the
// message waiting.
func TestProcessInAKnownConversation(t *testing.T) {
	t.Parallel()
	b := setup(t, usAccount(), agent.ChannelSMS)
	st := &messageCounter{Store: b.store}
	orch, err := agent.NewOrchestrator(agent.Config{Store: st, Brain: b.brain, Guard: policies.Default(), Clock: b.clock})
	if err != nil {
		t.Fatal(err)
	}
	receive := func(sid string) agent.Message {
		m, _, err := orch.Receive(b.ctx, agent.Inbound{Channel: agent.ChannelSMS, From: "+15551230001", Text: "hello", ChannelMessageID: sid})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	m := receive("SM-known-1")
	st.reads.Store(0)
	res, err := orch.Process(b.ctx, m.ID, agent.InConversation(m.ConversationID))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Replies) == 0 || res.Duplicate {
		t.Fatalf("turn in a known conversation: %d replies, duplicate %v", len(res.Replies), res.Duplicate)
	}
	if n := st.reads.Load(); n != 0 {
		t.Errorf("the turn read single messages %d times, want 0 (the turn's own read covers it)", n)
	}

	m2 := receive("SM-known-2")
	if _, err := orch.Process(b.ctx, m2.ID, agent.InConversation("conv_elsewhere")); err == nil || !strings.Contains(err.Error(), "belongs to conversation") {
		t.Fatalf("turn told the wrong conversation: err %v", err)
	}
	got, err := b.store.Message(b.ctx, m2.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != agent.StatusReceived {
		t.Errorf("message after a refused turn is %s, want received", got.Status)
	}
	if _, err := orch.Process(b.ctx, m2.ID); err != nil {
		t.Errorf("the same message without a conversation: %v", err)
	}
}
