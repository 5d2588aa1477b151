package storetest

import (
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
)

// testAccessLog runs the contract of agent.Auditor: every record stored
// once, in order, narrowed by conversation, time and id, with the events
// of every conversation beside it.
func testAccessLog(t *testing.T, open Open) {
	f := setup(t, open)
	other := agent.Conversation{AccountID: f.acct.ID, Channel: agent.ChannelSMS}
	if err := f.s.CreateConversation(f.ctx, &other); err != nil {
		t.Fatal(err)
	}
	if got, err := f.s.AccessLog(f.ctx, agent.AuditQuery{}); err != nil || len(got) != 0 {
		t.Fatalf("AccessLog of an empty log = %+v, %v", got, err)
	}
	recs := []agent.Access{
		{Actor: "quinn", Role: agent.RoleQA, Action: agent.AccessRead, Via: "GET /api/conversations/{id}",
			ConversationID: f.conv.ID, AccountID: f.acct.ID, At: T0},
		{Actor: "sam", Role: agent.RoleSupervisor, Action: agent.AccessList, Via: "GET /api/conversations",
			ConversationID: other.ID, AccountID: f.acct.ID, At: T0.Add(time.Minute)},
	}
	stored, err := f.s.RecordAccess(f.ctx, recs)
	if err != nil || len(stored) != 2 {
		t.Fatalf("RecordAccess = %+v, %v", stored, err)
	}
	if stored[0].ID == 0 || stored[1].ID <= stored[0].ID {
		t.Errorf("ids %d, %d: want increasing and not zero", stored[0].ID, stored[1].ID)
	}
	// A record without a time is stamped with the current one.
	now, err := f.s.RecordAccess(f.ctx, []agent.Access{{Actor: "ada", Role: agent.RoleAdmin, Action: agent.AccessAuditExport}})
	if err != nil || len(now) != 1 || now[0].At.IsZero() {
		t.Fatalf("RecordAccess without a time = %+v, %v", now, err)
	}
	if none, err := f.s.RecordAccess(f.ctx, nil); err != nil || len(none) != 0 {
		t.Errorf("RecordAccess(nil) = %+v, %v", none, err)
	}

	all, err := f.s.AccessLog(f.ctx, agent.AuditQuery{})
	if err != nil || len(all) != 3 {
		t.Fatalf("AccessLog = %+v, %v; want 3 records", all, err)
	}
	for i := range stored {
		stored[i].At = stored[i].At.UTC()
		all[i].At = all[i].At.UTC()
	}
	diff(t, "access log", stored, all[:2])
	one, err := f.s.AccessLog(f.ctx, agent.AuditQuery{ConversationID: f.conv.ID})
	if err != nil || len(one) != 1 || one[0].Actor != "quinn" || one[0].Role != agent.RoleQA || one[0].Action != agent.AccessRead {
		t.Errorf("AccessLog(conversation) = %+v, %v; want quinn's read", one, err)
	}
	after, err := f.s.AccessLog(f.ctx, agent.AuditQuery{After: stored[0].ID, Limit: 1})
	if err != nil || len(after) != 1 || after[0].ID != stored[1].ID {
		t.Errorf("AccessLog(after the first, limit 1) = %+v, %v; want the second", after, err)
	}
	window, err := f.s.AccessLog(f.ctx, agent.AuditQuery{Since: T0.Add(time.Second), Until: T0.Add(time.Hour)})
	if err != nil || len(window) != 1 || window[0].ID != stored[1].ID {
		t.Errorf("AccessLog(since, until) = %+v, %v; want the second only", window, err)
	}

	e1, err := f.s.AddEvent(f.ctx, agent.Event{ConversationID: f.conv.ID, AccountID: f.acct.ID, Kind: agent.EventIdentityVerified, At: T0})
	if err != nil {
		t.Fatal(err)
	}
	e2, err := f.s.AddEvent(f.ctx, agent.Event{ConversationID: other.ID, AccountID: f.acct.ID, Kind: agent.EventNoteAdded, Actor: "sam",
		Data: map[string]string{"text": "called back"}, At: T0.Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	evs, err := f.s.AuditEvents(f.ctx, agent.AuditQuery{})
	if err != nil || len(evs) != 2 || evs[0].ID != e1.ID || evs[1].ID != e2.ID || evs[1].Data["text"] != "called back" {
		t.Fatalf("AuditEvents = %+v, %v; want both conversations' events in order", evs, err)
	}
	if evs, err := f.s.AuditEvents(f.ctx, agent.AuditQuery{ConversationID: other.ID}); err != nil || len(evs) != 1 || evs[0].ID != e2.ID {
		t.Errorf("AuditEvents(conversation) = %+v, %v", evs, err)
	}
	if evs, err := f.s.AuditEvents(f.ctx, agent.AuditQuery{Until: T0.Add(time.Minute)}); err != nil || len(evs) != 1 || evs[0].ID != e1.ID {
		t.Errorf("AuditEvents(until) = %+v, %v", evs, err)
	}
	if evs, err := f.s.AuditEvents(f.ctx, agent.AuditQuery{After: e1.ID, Limit: 5}); err != nil || len(evs) != 1 || evs[0].ID != e2.ID {
		t.Errorf("AuditEvents(after) = %+v, %v", evs, err)
	}

	// The log outlives the conversations it names: it holds no text.
	if _, err := f.s.PurgeClosed(f.ctx, T0.Add(1000*24*time.Hour), 0); err != nil {
		t.Fatal(err)
	}
	if got, err := f.s.AccessLog(f.ctx, agent.AuditQuery{}); err != nil || len(got) != 3 {
		t.Errorf("AccessLog after a purge = %d records, %v; want 3", len(got), err)
	}
}
