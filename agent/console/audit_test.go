package console_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"html"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/console"
)

// accessLog reads the whole access log of the bundle's store.
func (b *testBundle) accessLog(t *testing.T, q agent.AuditQuery) []agent.Access {
	t.Helper()
	log, err := b.store.AccessLog(b.ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	return log
}

// hasAccess reports whether log holds a record of actor, in role, doing
// action on conversation conv through via.
func hasAccess(log []agent.Access, actor string, role agent.Role, action agent.AccessAction, conv, via string) bool {
	return slices.ContainsFunc(log, func(a agent.Access) bool {
		return a.Actor == actor && a.Role == role && a.Action == action && a.ConversationID == conv && a.Via == via && !a.At.IsZero()
	})
}

// TestEveryTranscriptReadIsAudited reads one conversation's messages
// through every route that returns them, as QA and as a supervisor, and
// finds each read in the access log: who, in which role, what, through
// which route. The conversation's detail and its printable audit record
// show the reads.
func TestEveryTranscriptReadIsAudited(t *testing.T) {
	t.Parallel()
	b := setup(t)
	conv, err := b.store.Conversation(b.ctx, b.conv)
	if err != nil {
		t.Fatal(err)
	}
	q, s, a := b.login(t, qa), b.login(t, sup), b.login(t, admin)
	reads := []struct {
		c      *client
		actor  string
		role   agent.Role
		path   string
		action agent.AccessAction
		via    string
	}{
		{q, qa, agent.RoleQA, "/api/conversations/" + b.conv, agent.AccessRead, "GET /api/conversations/{id}"},
		{s, sup, agent.RoleSupervisor, "/api/conversations/" + b.conv + "/export", agent.AccessExport, "GET /api/conversations/{id}/export"},
		{q, qa, agent.RoleQA, "/console/conversations/" + b.conv, agent.AccessRead, "GET /console/conversations/{id}"},
		{s, sup, agent.RoleSupervisor, "/console/conversations/" + b.conv + "/print", agent.AccessPrint, "GET /console/conversations/{id}/print"},
		{q, qa, agent.RoleQA, "/api/conversations", agent.AccessList, "GET /api/conversations"},
		{s, sup, agent.RoleSupervisor, "/api/accounts/" + conv.AccountID, agent.AccessList, "GET /api/accounts/{id}"},
		// quinn has seen this preview in the list above: another user.
		{a, admin, agent.RoleAdmin, "/console/", agent.AccessList, "GET /console/{$}"},
	}
	for _, rd := range reads {
		before := len(b.accessLog(t, agent.AuditQuery{}))
		res, body := rd.c.do("GET", rd.path, nil)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("GET %s = %d %s", rd.path, res.StatusCode, body)
		}
		log := b.accessLog(t, agent.AuditQuery{})
		if len(log) <= before || !hasAccess(log[before:], rd.actor, rd.role, rd.action, b.conv, rd.via) {
			t.Errorf("GET %s by %s left no %s record of %s; new records: %+v", rd.path, rd.actor, rd.action, b.conv, log[before:])
		}
		for _, a := range log[before:] {
			if a.AccountID == "" || a.ConversationID == "" {
				t.Errorf("GET %s: a record without its conversation or account: %+v", rd.path, a)
			}
		}
	}

	// The detail shows who has read the conversation, this read included.
	_, body := q.do("GET", "/api/conversations/"+b.conv, nil)
	d := decodeJSON[console.Detail](t, body)
	var readers []string
	for _, a := range d.Reads {
		readers = append(readers, a.Actor+" "+string(a.Action))
	}
	for _, want := range []string{qa + " transcript_read", sup + " transcript_export", sup + " transcript_print"} {
		if !slices.Contains(readers, want) {
			t.Errorf("the detail's reads %v lack %q", readers, want)
		}
	}
	if last := d.Reads[len(d.Reads)-1]; last.Actor != qa || last.Action != agent.AccessRead {
		t.Errorf("the detail's last read = %+v, want this one", last)
	}
	_, page := s.do("GET", "/console/conversations/"+b.conv+"/print", nil)
	printed := html.UnescapeString(string(page))
	if !strings.Contains(printed, "Reads") || !strings.Contains(printed, "transcript_export") {
		t.Errorf("the printable audit record does not list the reads")
	}
	// Another conversation's reads are not this one's.
	other := b.newConversation(t, "DEMO-US-MA")
	_, body = q.do("GET", "/api/conversations/"+other, nil)
	if d := decodeJSON[console.Detail](t, body); len(d.Reads) != 1 || d.Reads[0].ConversationID != other {
		t.Errorf("a first read of another conversation shows reads %+v", d.Reads)
	}
}

// failingAuditor is a store whose access log cannot be written.
type failingAuditor struct {
	agent.ConsoleStore
}

func (failingAuditor) RecordAccess(context.Context, []agent.Access) ([]agent.Access, error) {
	return nil, errors.New("access log unavailable")
}

// TestUnrecordedReadShowsNothing: when the read cannot be recorded, the
// transcript is not shown.
func TestUnrecordedReadShowsNothing(t *testing.T) {
	t.Parallel()
	b := setup(t, func(o *setupOptions) {
		o.cfg = func(c *console.Config) { c.Store = failingAuditor{c.Store} }
	})
	msgs, err := b.store.Messages(b.ctx, b.conv, 0, 0)
	if err != nil || len(msgs) == 0 {
		t.Fatal(msgs, err)
	}
	q := b.login(t, qa)
	for _, path := range []string{"/api/conversations/" + b.conv, "/api/conversations/" + b.conv + "/export",
		"/console/conversations/" + b.conv, "/console/conversations/" + b.conv + "/print", "/api/conversations", "/console/"} {
		res, body := q.do("GET", path, nil)
		if res.StatusCode != http.StatusInternalServerError {
			t.Errorf("GET %s with no access log = %d, want 500", path, res.StatusCode)
		}
		for _, m := range msgs {
			if bytes.Contains(body, []byte(m.Text)) {
				t.Errorf("GET %s with no access log shows message %q", path, m.Text)
			}
		}
	}
}

// auditLine is one line of an audit export.
type auditLine struct {
	Type           string            `json:"type"`
	Actor          string            `json:"actor"`
	Role           string            `json:"role"`
	Action         string            `json:"action"`
	Kind           string            `json:"kind"`
	ConversationID string            `json:"conversation_id"`
	Data           map[string]string `json:"data"`
}

func readAuditExport(t *testing.T, body []byte) []auditLine {
	t.Helper()
	var out []auditLine
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var l auditLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("audit export line %q: %v", sc.Text(), err)
		}
		out = append(out, l)
	}
	return out
}

// TestAuditExport: only an admin exports the audit trail (events of every
// conversation and the access log, as JSON Lines); QA and supervisors get
// 403; the export is itself recorded; a secret typed into a note comes out
// masked.
func TestAuditExport(t *testing.T) {
	t.Parallel()
	b := setup(t)
	q, s, a := b.login(t, qa), b.login(t, sup), b.login(t, admin)
	if res, body := q.do("GET", "/api/conversations/"+b.conv, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("read = %d %s", res.StatusCode, body)
	}
	if res, body := s.do("POST", "/api/conversations/"+b.conv+"/notes", map[string]string{"text": "she read me her card 5500 0000 0000 0004 on the phone"}); res.StatusCode != http.StatusCreated {
		t.Fatalf("note = %d %s", res.StatusCode, body)
	}
	for _, c := range []*client{q, s} {
		before := len(b.accessLog(t, agent.AuditQuery{}))
		res, body := c.do("GET", "/api/audit/export", nil)
		if res.StatusCode != http.StatusForbidden || bytes.Contains(body, []byte(`"type"`)) {
			t.Errorf("audit export by a non-admin = %d %s", res.StatusCode, body)
		}
		if got := b.accessLog(t, agent.AuditQuery{}); len(got) != before {
			t.Errorf("a refused export was recorded as an access: %+v", got[before:])
		}
	}
	res, body := a.do("GET", "/api/audit/export", nil)
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/x-ndjson") ||
		!strings.Contains(res.Header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("audit export by an admin = %d %q %q", res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Content-Disposition"))
	}
	if bytes.Contains(body, []byte("5500 0000 0000 0004")) || bytes.Contains(body, []byte("5500000000000004")) {
		t.Error("the audit export holds the card number in clear")
	}
	evs, err := b.store.Events(b.ctx, b.conv)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range evs {
		if strings.Contains(e.Data["text"], "5500") {
			t.Errorf("a note is stored with the card number in clear: %q", e.Data["text"])
		}
	}
	lines := readAuditExport(t, body)
	var sawRead, sawNote, sawSelf bool
	for _, l := range lines {
		switch {
		case l.Type == "access" && l.Actor == qa && l.Role == "qa" && l.Action == "transcript_read" && l.ConversationID == b.conv:
			sawRead = true
		case l.Type == "event" && l.Kind == "note_added" && strings.Contains(l.Data["text"], "[card ending 0004]"):
			sawNote = true
		case l.Type == "access" && l.Actor == admin && l.Action == "audit_export":
			sawSelf = true
		}
	}
	if !sawRead || !sawNote || !sawSelf {
		t.Errorf("audit export: QA's read %v, the masked note %v, the export itself %v; lines %+v", sawRead, sawNote, sawSelf, lines)
	}
	log := b.accessLog(t, agent.AuditQuery{})
	if !hasAccess(log, admin, agent.RoleAdmin, agent.AccessAuditExport, "", "GET /api/audit/export") {
		t.Errorf("the export is not in the access log: %+v", log)
	}
	// Narrowed to one conversation, the export holds that conversation only.
	other := b.newConversation(t, "DEMO-US-MA")
	_, body = a.do("GET", "/api/audit/export?conversation="+other, nil)
	for _, l := range readAuditExport(t, body) {
		if l.ConversationID != other && l.Action != "audit_export" {
			t.Errorf("an export of %s holds %+v", other, l)
		}
	}
	if res, _ := a.do("GET", "/api/audit/export?since=yesterday", nil); res.StatusCode != http.StatusBadRequest {
		t.Errorf("a bad since = %d, want 400", res.StatusCode)
	}
}

// TestListReadsRecordedOncePerLastMessage: a list shown again with the
// same last message adds no record (the console refreshes its lists on
// every live notice); a new last message, or another user, does.
func TestListReadsRecordedOncePerLastMessage(t *testing.T) {
	t.Parallel()
	b := setup(t)
	q, s := b.login(t, qa), b.login(t, sup)
	listReads := func(actor string) int {
		n := 0
		for _, a := range b.accessLog(t, agent.AuditQuery{ConversationID: b.conv}) {
			if a.Action == agent.AccessList && a.Actor == actor {
				n++
			}
		}
		return n
	}
	for range 3 {
		q.do("GET", "/api/conversations", nil)
	}
	if n := listReads(qa); n != 1 {
		t.Errorf("the same list read three times left %d records, want 1", n)
	}
	s.do("GET", "/api/conversations", nil)
	if n := listReads(sup); n != 1 {
		t.Errorf("another user's read left %d records, want 1", n)
	}
	b.clock.Advance(time.Minute)
	b.borrowerSays(t, b.conv, "how much do I owe?")
	q.do("GET", "/api/conversations", nil)
	if n := listReads(qa); n != 2 {
		t.Errorf("a list read after a new message left %d records in all, want 2", n)
	}
}
