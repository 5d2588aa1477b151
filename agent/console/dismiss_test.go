package console_test

import (
	"net/http"
	"testing"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/console"
)

// TestDismissBlockedDraft: a draft the guard blocked flags its
// conversation until a supervisor dismisses it. The dismissal is an audit
// event saying who and when; the draft stays in the transcript as the
// guard left it, and the conversation is no longer flagged.
func TestDismissBlockedDraft(t *testing.T) {
	t.Parallel()
	b := setup(t)
	s := b.login(t, sup)
	path := "/api/conversations/" + b.conv
	if res, body := s.do("POST", path+"/takeover", nil); res.StatusCode != http.StatusOK {
		t.Fatalf("takeover: %d %s", res.StatusCode, body)
	}
	res, body := s.do("POST", path+"/messages", map[string]string{"text": "Pay today or the police will arrest you."})
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("threat: %d %s", res.StatusCode, body)
	}
	draft := decodeJSON[console.SendResponse](t, body).Message
	flagged := func() (int, bool) {
		t.Helper()
		_, body := s.do("GET", "/api/conversations?flag=blocked", nil)
		for _, c := range decodeJSON[[]agent.ConversationSummary](t, body) {
			if c.ID == b.conv {
				return c.BlockedDrafts, true
			}
		}
		return 0, false
	}
	if n, ok := flagged(); !ok || n != 1 {
		t.Fatalf("before dismissal: flagged %v with %d blocked drafts", ok, n)
	}

	q := b.login(t, qa)
	if res, _ := q.do("POST", path+"/messages/"+draft.ID+"/dismiss", nil); res.StatusCode != http.StatusForbidden {
		t.Fatalf("QA dismissed a draft: %d", res.StatusCode)
	}
	if res, _ := s.do("POST", "/api/conversations/"+b.newConversation(t, "DEMO-GB-1")+"/messages/"+draft.ID+"/dismiss", nil); res.StatusCode != http.StatusNotFound {
		t.Fatalf("dismissed through another conversation: %d", res.StatusCode)
	}
	msgs, _ := b.store.Messages(b.ctx, b.conv, 0, 0)
	if res, _ := s.do("POST", path+"/messages/"+msgs[len(msgs)-2].ID+"/dismiss", nil); res.StatusCode != http.StatusConflict {
		t.Fatalf("dismissed a message that was not blocked: %d", res.StatusCode)
	}

	res, body = s.do("POST", path+"/messages/"+draft.ID+"/dismiss", nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("dismiss: %d %s", res.StatusCode, body)
	}
	e := decodeJSON[agent.Event](t, body)
	if e.Kind != agent.EventDraftDismissed || e.Actor != sup || !e.At.Equal(b.clock.Now()) || e.Data["message_id"] != draft.ID {
		t.Fatalf("dismissal event = %+v", e)
	}
	if n, ok := flagged(); ok {
		t.Fatalf("after dismissal still flagged with %d blocked drafts", n)
	}
	_, body = s.do("GET", path, nil)
	d := decodeJSON[console.Detail](t, body)
	var kept bool
	for _, m := range d.Transcript {
		kept = kept || m.ID == draft.ID && m.Status == agent.StatusBlocked && m.Guard != nil
	}
	if !kept {
		t.Fatal("the dismissed draft left the transcript or lost the guard's decision")
	}
	// Dismissing twice records it once.
	if res, _ := s.do("POST", path+"/messages/"+draft.ID+"/dismiss", nil); res.StatusCode != http.StatusOK {
		t.Fatalf("second dismissal: %d", res.StatusCode)
	}
	evs, _ := b.store.Events(b.ctx, b.conv)
	n := 0
	for _, e := range evs {
		if e.Kind == agent.EventDraftDismissed {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d dismissal events, want 1", n)
	}
}
