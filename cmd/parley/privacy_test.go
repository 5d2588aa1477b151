package main

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/jackc/pgx/v5"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/console"
	"github.com/parley-collections/parley/agent/postgres/pgtest"
	"github.com/parley-collections/parley/channels/chat"
)

// typedSecrets are what a borrower types in the conversation below, and
// the digits of each that must not be found anywhere in clear.
var typedSecrets = []struct{ say, digits string }{
	{"my ssn is 987-65-4321", "987654321"},
	{"card 5500 0000 0000 0004 cvv 737", "5500000000000004"},
	{"aadhaar 2345 6789 0124 please", "234567890124"},
	{"身份证号11010519491231002X", "11010519491231002"},
	{"我的银行卡号是6222020200000000006", "6222020200000000006"},
}

// TestTypedSecretsAreNowhereInClear holds a chat conversation in which a
// borrower types an SSN, a card and its security code, an Aadhaar number,
// a Chinese resident ID and a bank card, then reads the database (on
// SQLite the file and its log, on PostgreSQL every column of every table
// of its schema), the server's debug log, the chat history a reconnect
// replays and every console API response about the conversation, the
// admin's audit export included: none holds the digits of any of them,
// with or without their separators. Each console read of the
// conversation is in the store's access log.
func TestTypedSecretsAreNowhereInClear(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the whole server")
	}
	t.Run("sqlite", func(t *testing.T) {
		typedSecretsNowhereInClear(t, nil, func(a *app) []byte {
			// The file and its write-ahead log hold every committed page.
			files, _ := filepath.Glob(a.cfg.DBPath + "*")
			var db bytes.Buffer
			for _, f := range files {
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				db.Write(b)
			}
			return db.Bytes()
		})
	})
	t.Run("postgres", func(t *testing.T) {
		dbURL := pgtest.Schema(t)
		typedSecretsNowhereInClear(t, map[string]string{"DATABASE_URL": dbURL}, func(*app) []byte {
			return dumpSchema(t, dbURL)
		})
	})
}

// dumpSchema is every row of every table of the schema dbURL works in,
// each as its JSON text: every text and jsonb column, and every other.
func dumpSchema(t *testing.T, dbURL string) []byte {
	t.Helper()
	ctx := t.Context()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`)
	if err != nil {
		t.Fatal(err)
	}
	tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	var db bytes.Buffer
	for _, table := range tables {
		rows, err := conn.Query(ctx, "SELECT row_to_json(t)::text FROM "+pgx.Identifier{table}.Sanitize()+" t")
		if err != nil {
			t.Fatal(err)
		}
		all, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			t.Fatal(err)
		}
		db.WriteString(table + "\n")
		for _, r := range all {
			db.WriteString(r + "\n")
		}
	}
	if !bytes.Contains(db.Bytes(), []byte("messages\n")) || !bytes.Contains(db.Bytes(), []byte("access_log\n")) {
		t.Fatalf("the dump of the schema lacks the messages or the access log: tables %v", tables)
	}
	return db.Bytes()
}

// typedSecretsNowhereInClear runs the conversation on the store env
// names and greps what readDB reads of the database once it is over.
func typedSecretsNowhereInClear(t *testing.T, storeEnv map[string]string, readDB func(*app) []byte) {
	var logBuf lockedBuffer
	log := slog.New(slog.NewTextHandler(&logBuf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	env := map[string]string{"PARLEY_CHAT_SECRET": "privacy-grep-secret-privacy-grep-secret", "PARLEY_DEMO_PASSWORD": "grep-test-password-1"}
	maps.Copy(env, storeEnv)
	a, st, base := startAppStore(t, env, false, log, nil, nil)
	acct := agent.DemoAccounts(time.Now())[0]
	const adminPassword = "grep-test-admin-password"
	if _, err := console.AddUser(t.Context(), st, "ada", agent.RoleAdmin, adminPassword); err != nil {
		t.Fatal(err)
	}

	token, err := chat.MintToken([]byte(env["PARLEY_CHAT_SECRET"]), acct.ID, time.Hour, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(base)
	endpoint := wsURL(u, "/chat/ws") + "?token=" + url.QueryEscape(token)
	var seen bytes.Buffer // every byte a client or the console was sent
	ws, _, err := websocket.DefaultDialer.Dial(endpoint, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range typedSecrets {
		cid := "grep-" + string(rune('a'+i))
		frame, _ := json.Marshal(map[string]string{"type": "message", "text": s.say, "client_id": cid})
		if err := ws.WriteMessage(websocket.TextMessage, frame); err != nil {
			t.Fatal(err)
		}
		// Read until the agent answers this message.
		acked := false
		for deadline := time.Now().Add(10 * time.Second); ; {
			_ = ws.SetReadDeadline(deadline)
			_, data, err := ws.ReadMessage()
			if err != nil {
				t.Fatalf("message %d: %v; read so far:\n%s", i, err, seen.String())
			}
			seen.Write(data)
			seen.WriteByte('\n')
			var f struct {
				Type     string `json:"type"`
				Author   string `json:"author"`
				ClientID string `json:"client_id"`
			}
			_ = json.Unmarshal(data, &f)
			if f.Type == "ack" && f.ClientID == cid {
				acked = true
			}
			if acked && f.Type == "message" && f.Author == "agent" {
				break
			}
		}
	}
	ws.Close()

	conv, err := st.OpenConversation(t.Context(), acct.ID, agent.ChannelChat)
	if err != nil {
		t.Fatal(err)
	}
	msgs, err := st.Messages(t.Context(), conv.ID, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) < 2*len(typedSecrets) {
		t.Fatalf("%d messages stored, want at least %d", len(msgs), 2*len(typedSecrets))
	}

	// The chat history a reconnect replays.
	ws, _, err = websocket.DefaultDialer.Dial(endpoint, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The replay comes at once; a second without a frame ends it.
	replayed := 0
	for {
		_ = ws.SetReadDeadline(time.Now().Add(time.Second))
		_, data, err := ws.ReadMessage()
		if err != nil {
			break
		}
		seen.Write(data)
		seen.WriteByte('\n')
		if bytes.Contains(data, []byte(`"type":"message"`)) {
			replayed++
		}
	}
	if replayed < len(typedSecrets) {
		t.Fatalf("the reconnect replayed %d messages, want at least %d", replayed, len(typedSecrets))
	}
	ws.Close()

	// Every console API response about the conversation and its account,
	// and the admin's export of the audit trail.
	hc := &http.Client{Timeout: 10 * time.Second}
	get := func(session *http.Cookie, path string) {
		req, _ := http.NewRequest("GET", base+path, nil)
		req.AddCookie(session)
		resp, err := hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s = %d", path, resp.StatusCode)
		}
		seen.Write(body)
		seen.WriteByte('\n')
	}
	sup := loginAs(t, hc, base, "supervisor", env["PARLEY_DEMO_PASSWORD"])
	for _, path := range []string{"/api/conversations", "/api/conversations/" + conv.ID, "/api/conversations/" + conv.ID + "/export",
		"/api/queues", "/api/accounts", "/api/accounts/" + acct.ID, "/console/conversations/" + conv.ID, "/console/conversations/" + conv.ID + "/print"} {
		get(sup, path)
	}
	get(loginAs(t, hc, base, "ada", adminPassword), "/api/audit/export")
	reads, err := st.AccessLog(t.Context(), agent.AuditQuery{ConversationID: conv.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []agent.AccessAction{agent.AccessList, agent.AccessRead, agent.AccessExport, agent.AccessPrint} {
		if !slices.ContainsFunc(reads, func(r agent.Access) bool {
			return r.Action == want && r.Actor == "supervisor" && r.Role == agent.RoleSupervisor
		}) {
			t.Errorf("the access log of the conversation lacks the supervisor's %s: %+v", want, reads)
		}
	}
	if !strings.Contains(seen.String(), "[card ending 0004]") {
		t.Errorf("the responses never show the masked card; the test reads the wrong thing")
	}

	db := readDB(a)
	if !bytes.Contains(db, []byte("[card ending 0004]")) {
		t.Fatal("the database never shows the masked card; the test reads the wrong thing")
	}
	for what, data := range map[string][]byte{"the database": db, "the log": logBuf.Bytes(), "the responses": seen.Bytes()} {
		flat := digitsOnly(data)
		for _, s := range typedSecrets {
			if bytes.Contains(flat, []byte(s.digits)) {
				t.Errorf("%s hold the digits of %q in clear", what, s.say)
			}
		}
		if bytes.Contains(data, []byte("cvv 737")) {
			t.Errorf("%s hold the security code", what)
		}
	}
}

// digitsOnly is data with everything but runs of ASCII digits, dashes and
// spaces between digits removed: "987-65-4321" reads as 987654321.
func digitsOnly(data []byte) []byte {
	out := make([]byte, 0, len(data))
	for i, c := range data {
		switch {
		case c >= '0' && c <= '9':
			out = append(out, c)
		case (c == ' ' || c == '-') && i > 0 && i+1 < len(data) && isDigitByte(data[i-1]) && isDigitByte(data[i+1]):
		default:
			out = append(out, '|')
		}
	}
	return out
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// lockedBuffer is a log destination the server's goroutines share.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) Bytes() []byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	return bytes.Clone(b.buf.Bytes())
}

// loginAs signs a console user in and returns the session cookie.
func loginAs(t *testing.T, hc *http.Client, base, name, password string) *http.Cookie {
	t.Helper()
	login, _ := json.Marshal(map[string]string{"name": name, "password": password})
	req, _ := http.NewRequest("POST", base+"/api/login", bytes.NewReader(login))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", base)
	resp, err := hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("login %s = %d", name, resp.StatusCode)
	}
	for _, c := range resp.Cookies() {
		if c.Name == "parley_session" {
			return c
		}
	}
	t.Fatalf("login %s set no session cookie: %v", name, resp.Cookies())
	return nil
}
