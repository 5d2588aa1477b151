package console_test

import (
	"html"
	"net/http"
	"strings"
	"testing"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/console"
)

// TestExportAndPrintCarryEveryGuardDecision builds a conversation with
// allowed replies and a blocked supervisor message, then checks that the
// JSON export and the printable page both show each outbound message's
// decision and every violation's rule id.
func TestExportAndPrintCarryEveryGuardDecision(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.borrowerSays(t, b.conv, "how much do I owe?")
	if err := b.orch.TakeOver(b.ctx, b.conv, sup); err != nil {
		t.Fatal(err)
	}
	if _, _, err := b.orch.SupervisorSend(b.ctx, b.conv, sup, "Pay today or the police will arrest you."); err == nil {
		t.Fatal("the threat was not blocked")
	}
	q := b.login(t, qa) // QA reads the audit trail
	res, body := q.do("GET", "/api/conversations/"+b.conv+"/export", nil)
	if res.StatusCode != http.StatusOK || !strings.Contains(res.Header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("export = %d, disposition %q", res.StatusCode, res.Header.Get("Content-Disposition"))
	}
	exp := decodeJSON[console.Export](t, body)
	if exp.ExportedBy != qa || exp.Conversation.ID != b.conv || len(exp.Events) == 0 {
		t.Fatalf("export header = %+v", exp)
	}
	msgs, err := b.store.Messages(b.ctx, b.conv, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(exp.Transcript) != len(msgs) {
		t.Fatalf("export has %d messages, the store %d", len(exp.Transcript), len(msgs))
	}
	_, page := q.do("GET", "/console/conversations/"+b.conv+"/print", nil)
	printed := html.UnescapeString(string(page))
	var decisions, rules int
	for i, m := range msgs {
		if m.Direction != agent.DirectionOut {
			continue
		}
		got := exp.Transcript[i].Guard
		if m.Guard == nil || got == nil || got.Action != m.Guard.Action || len(got.Violations) != len(m.Guard.Violations) {
			t.Fatalf("message %s: exported decision %+v, stored %+v", m.ID, got, m.Guard)
		}
		decisions++
		if !strings.Contains(printed, m.Text) {
			t.Errorf("the print page lacks message %s", m.ID)
		}
		for _, v := range m.Guard.Violations {
			rules++
			if !strings.Contains(printed, "<code>"+v.Rule+"</code>") {
				t.Errorf("the print page lacks rule %s of message %s", v.Rule, m.ID)
			}
		}
	}
	if n := strings.Count(printed, `<span class="badge">guard: `); n != decisions {
		t.Errorf("the print page shows %d guard decisions, the conversation has %d", n, decisions)
	}
	if decisions < 3 || rules == 0 {
		t.Fatalf("the conversation is too thin to prove anything: %d decisions, %d violations", decisions, rules)
	}
	if !strings.Contains(printed, "guard: block") || !strings.Contains(printed, "<del>") {
		t.Error("the blocked message is not shown as blocked and struck through")
	}
}
