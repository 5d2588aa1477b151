package console_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/console"
	"github.com/parley-collections/parley/agent/rules"
	"github.com/parley-collections/parley/agent/sqlite"
	"github.com/parley-collections/parley/policies"
)

// The users every bundle has, one per role, all with testPassword.
const (
	testPassword = "correct horse battery"
	userSup      = "sam"
	userSup2     = "lee"
	userQA       = "quinn"
	userAdmin    = "ada"
)

// start is a Tuesday, 10:00 in Chicago: inside every contact window the demo accounts need.
var start = time.Date(2026, 11, 24, 16, 0, 0, 0, time.UTC)

// testBundle is a console over a real SQLite store, the real guard, the
// real orchestrator and the rules brain, served by httptest on 127.0.0.1.
type testBundle struct {
	ctx   context.Context
	store agent.Store
	bus   *agent.MemoryBus
	clock *agent.FixedClock
	orch  *agent.Orchestrator
	h     *console.Handler
	srv   *httptest.Server
	conv  string // a conversation on DEMO-US-1 over SMS with one turn done
}

type setupOptions struct {
	brain func(agent.Brain) agent.Brain // wraps the rules brain
	cfg   func(*console.Config)
	agent func(*agent.Config)                                    // adjusts the orchestrator's configuration
	serve func(b *testBundle, console http.Handler) http.Handler // what the test server serves; the console by default
}

func setup(t *testing.T, opts ...func(*setupOptions)) *testBundle {
	t.Helper()
	var o setupOptions
	for _, f := range opts {
		f(&o)
	}
	ctx := t.Context()
	st, err := sqlite.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	clock := agent.NewFixedClock(start)
	if _, err := agent.SeedDemo(ctx, st, start); err != nil {
		t.Fatal(err)
	}
	var brain agent.Brain = rules.New()
	if o.brain != nil {
		brain = o.brain(brain)
	}
	bus := agent.NewMemoryBus()
	acfg := agent.Config{Store: st, Brain: brain, Guard: policies.Default(), Clock: clock, Bus: bus}
	if o.agent != nil {
		o.agent(&acfg)
	}
	orch, err := agent.NewOrchestrator(acfg)
	if err != nil {
		t.Fatal(err)
	}
	cfg := console.Config{Store: st, Orchestrator: orch, Bus: bus, Clock: clock}
	if o.cfg != nil {
		o.cfg(&cfg)
	}
	h, err := console.New(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for name, role := range map[string]agent.Role{userSup: agent.RoleSupervisor, userSup2: agent.RoleSupervisor, userQA: agent.RoleQA, userAdmin: agent.RoleAdmin} {
		if _, err := console.AddUser(ctx, st, name, role, testPassword); err != nil {
			t.Fatal(err)
		}
	}
	b := &testBundle{ctx: ctx, store: st, bus: bus, clock: clock, orch: orch, h: h}
	var served http.Handler = h
	if o.serve != nil {
		served = o.serve(b, h)
	}
	srv := httptest.NewServer(served)
	t.Cleanup(func() {
		h.Close()
		srv.Close()
	})
	b.srv = srv
	b.conv = b.newConversation(t, "DEMO-US-1")
	return b
}

// newConversation opens an SMS conversation on an account with a greeting turn.
func (b *testBundle) newConversation(t *testing.T, accountID string) string {
	t.Helper()
	a, err := b.store.Account(b.ctx, accountID)
	if err != nil {
		t.Fatal(err)
	}
	c := agent.Conversation{AccountID: accountID, Channel: agent.ChannelSMS, Address: a.Borrower.Phones[0], State: agent.StateOpen, Owner: agent.OwnerAI, Locale: a.Borrower.Locale}
	if err := b.store.CreateConversation(b.ctx, &c); err != nil {
		t.Fatal(err)
	}
	res, err := b.orch.Handle(b.ctx, agent.Inbound{Channel: agent.ChannelSMS, AccountID: accountID, From: c.Address, Text: "hi", ChannelMessageID: agent.NewID("sm_"), ConversationID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Replies) == 0 {
		t.Fatalf("the greeting turn sent nothing: %+v", res)
	}
	return res.Conversation.ID
}

// borrowerSays runs a borrower's SMS turn on a conversation.
func (b *testBundle) borrowerSays(t *testing.T, convID, text string) agent.TurnResult {
	t.Helper()
	c, err := b.store.Conversation(b.ctx, convID)
	if err != nil {
		t.Fatal(err)
	}
	res, err := b.orch.Handle(b.ctx, agent.Inbound{Channel: c.Channel, AccountID: c.AccountID, From: c.Address, Text: text, ChannelMessageID: agent.NewID("sm_"), ConversationID: convID})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// client is a browser stand-in: a session cookie and its CSRF token.
type client struct {
	t       *testing.T
	b       *testBundle
	session string
	csrf    string
	origin  string // sent on POSTs; the console's own by default
}

func (b *testBundle) anonymous(t *testing.T) *client {
	return &client{t: t, b: b, origin: b.srv.URL}
}

// login signs name in with testPassword and fails the test otherwise.
func (b *testBundle) login(t *testing.T, name string) *client {
	t.Helper()
	c := b.anonymous(t)
	res, body := c.do("POST", "/api/login", map[string]string{"name": name, "password": testPassword})
	if res.StatusCode != http.StatusOK {
		t.Fatalf("login %s = %d %s", name, res.StatusCode, body)
	}
	for _, ck := range res.Cookies() {
		if ck.Name == console.SessionCookie {
			c.session = ck.Value
		}
	}
	var me struct {
		CSRF string `json:"csrf_token"`
	}
	if err := json.Unmarshal(body, &me); err != nil || me.CSRF == "" || c.session == "" {
		t.Fatalf("login %s: no session or CSRF token: %s", name, body)
	}
	c.csrf = me.CSRF
	return c
}

// do sends a request without following redirects and returns the response
// and its body.
func (c *client) do(method, path string, payload any, headers ...string) (*http.Response, []byte) {
	c.t.Helper()
	var rd io.Reader
	if payload != nil {
		j, err := json.Marshal(payload)
		if err != nil {
			c.t.Fatal(err)
		}
		rd = bytes.NewReader(j)
	}
	req, err := http.NewRequestWithContext(c.b.ctx, method, c.b.srv.URL+path, rd)
	if err != nil {
		c.t.Fatal(err)
	}
	if payload != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if method != "GET" {
		req.Header.Set("Origin", c.origin)
		if c.csrf != "" {
			req.Header.Set(console.CSRFHeader, c.csrf)
		}
	}
	if c.session != "" {
		req.AddCookie(&http.Cookie{Name: console.SessionCookie, Value: c.session})
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := hc.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	return res, body
}

// decodeJSON unmarshals body into a T or fails the test.
func decodeJSON[T any](t *testing.T, body []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("decode %T: %v in %s", v, err, strings.TrimSpace(string(body)))
	}
	return v
}
