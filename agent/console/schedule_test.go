package console_test

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/console"
)

// reachRecorder records the outreach the console schedules.
type reachRecorder struct {
	mu    sync.Mutex
	calls []string
}

func (r *reachRecorder) ScheduleReach(_ context.Context, accountID string, ch agent.Channel, at time.Time) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, accountID+" "+string(ch)+" "+at.UTC().Format(time.RFC3339))
	return nil
}

// An outreach with a time ahead is scheduled, not sent; one whose time has
// come (or with none) goes now; a stopped account is refused either way;
// without a scheduler a time ahead cannot be honoured.
func TestOutreachAtATimeIsScheduled(t *testing.T) {
	t.Parallel()
	rec := &reachRecorder{}
	b := setup(t, func(o *setupOptions) { o.cfg = func(c *console.Config) { c.Reach = rec } })
	s := b.login(t, sup)
	at := start.Add(26 * time.Hour).UTC()
	res, body := s.do("POST", "/api/outreach", map[string]any{"account_id": "DEMO-GB-1", "channel": "sms", "at": at})
	out := decodeJSON[console.OutreachResponse](t, body)
	if res.StatusCode != http.StatusAccepted || out.Outcome != console.OutcomeScheduled || !out.SendAt.Equal(at) || len(out.Messages) != 0 {
		t.Fatalf("scheduled outreach: %d %+v", res.StatusCode, out)
	}
	if want := "DEMO-GB-1 sms " + at.Format(time.RFC3339); len(rec.calls) != 1 || rec.calls[0] != want {
		t.Fatalf("scheduled %v, want [%s]", rec.calls, want)
	}
	res, body = s.do("POST", "/api/outreach", map[string]any{"account_id": "DEMO-US-DISPUTED", "channel": "sms", "at": at})
	if out := decodeJSON[console.OutreachResponse](t, body); res.StatusCode != http.StatusConflict || out.Outcome != console.OutcomeStopped {
		t.Errorf("scheduled outreach to a disputed account: %d %+v", res.StatusCode, out)
	}
	res, body = s.do("POST", "/api/outreach", map[string]any{"account_id": "DEMO-GB-1", "channel": "chat", "at": start.Add(-time.Hour)})
	if out := decodeJSON[console.OutreachResponse](t, body); res.StatusCode != http.StatusOK || out.Outcome == console.OutcomeScheduled {
		t.Errorf("outreach whose time has come: %d %+v", res.StatusCode, out)
	}
	if len(rec.calls) != 1 {
		t.Errorf("scheduled %v, want one", rec.calls)
	}

	plain := setup(t).login(t, sup)
	res, _ = plain.do("POST", "/api/outreach", map[string]any{"account_id": "DEMO-GB-1", "channel": "sms", "at": at})
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("a time ahead without a scheduler: %d, want 503", res.StatusCode)
	}
}
