package main

import (
	"bufio"
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/postgres/pgtest"
	"github.com/parley-collections/parley/agent/storetest"
)

// TestAuditExportCommand: `parley audit export` writes the audit trail
// of either store as JSON Lines (events, then reads), masks secrets in
// event data, narrows by time and conversation, and records itself.
func TestAuditExportCommand(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, url string }{{"sqlite", ""}, {"postgres", "pg"}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			db := filepath.Join(t.TempDir(), "audit.db")
			getenv := env("USER", "operator")
			if tc.url != "" {
				getenv = env("USER", "operator", "DATABASE_URL", pgtest.Schema(t))
			}
			ctx := context.Background()
			st, _, err := openStoreFlag(ctx, getenv, db)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			acct := storetest.Account("A-aud", "+15555550177")
			if err := st.PutAccount(ctx, acct); err != nil {
				t.Fatal(err)
			}
			at := time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)
			var convs []string
			for range 2 {
				c := agent.Conversation{AccountID: acct.ID, Channel: agent.ChannelChat, CreatedAt: at}
				if err := st.CreateConversation(ctx, &c); err != nil {
					t.Fatal(err)
				}
				convs = append(convs, c.ID)
				// A note stored before notes were masked.
				if _, err := st.AddEvent(ctx, agent.Event{ConversationID: c.ID, AccountID: acct.ID, Kind: agent.EventNoteAdded,
					Actor: "sam", Data: map[string]string{"text": "card 5500 0000 0000 0004"}, At: at}); err != nil {
					t.Fatal(err)
				}
				if _, err := st.(agent.Auditor).RecordAccess(ctx, []agent.Access{{Actor: "quinn", Role: agent.RoleQA,
					Action: agent.AccessRead, ConversationID: c.ID, AccountID: acct.ID, At: at}}); err != nil {
					t.Fatal(err)
				}
			}

			code, out, errOut := runParley(t, getenv, "", "audit", "export", "--db", db, "--conversation", convs[0])
			if code != 0 {
				t.Fatalf("audit export = %d: %s", code, errOut)
			}
			if strings.Contains(out, "5500 0000 0000 0004") {
				t.Error("the export holds the card number in clear")
			}
			var kinds []string
			sc := bufio.NewScanner(strings.NewReader(out))
			for sc.Scan() {
				var l struct {
					Type, Kind, Action, Actor string
					ConversationID            string `json:"conversation_id"`
					Data                      map[string]string
				}
				if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
					t.Fatalf("line %q: %v", sc.Text(), err)
				}
				if l.ConversationID != convs[0] {
					t.Errorf("an export of %s holds a line of %q", convs[0], l.ConversationID)
				}
				if l.Kind == "note_added" && l.Data["text"] != "card [card ending 0004]" {
					t.Errorf("note exported as %q", l.Data["text"])
				}
				kinds = append(kinds, l.Type+" "+l.Kind+l.Action+" "+l.Actor)
			}
			// The export records itself first, so it is part of itself.
			want := []string{"event note_added sam", "access transcript_read quinn", "access audit_export cli:operator"}
			if !slices.Equal(kinds, want) {
				t.Errorf("export lines %q, want %q", kinds, want)
			}
			log, err := st.(agent.Auditor).AccessLog(ctx, agent.AuditQuery{})
			if err != nil || !slices.ContainsFunc(log, func(a agent.Access) bool {
				return a.Action == agent.AccessAuditExport && a.Actor == "cli:operator" && a.Via == "parley audit export"
			}) {
				t.Errorf("the export is not in the access log: %+v, %v", log, err)
			}

			// Before the reads happened: nothing.
			code, out, _ = runParley(t, getenv, "", "audit", "export", "--db", db, "--until", "2026-11-01T00:00:00Z")
			if code != 0 || out != "" {
				t.Errorf("an export before anything happened = %d, %q", code, out)
			}
		})
	}
}

func TestAuditCommandUsage(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "audit.db")
	for _, args := range [][]string{
		{"audit"},
		{"audit", "import"},
		{"audit", "export", "--db", db, "--since", "yesterday"},
		{"audit", "export", "--db", db, "extra"},
	} {
		if code, _, _ := runParley(t, env(), "", args...); code != 2 {
			t.Errorf("parley %s = %d, want 2", strings.Join(args, " "), code)
		}
	}
}
