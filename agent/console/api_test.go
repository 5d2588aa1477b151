package console_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/console"
)

// The roles of the access table; none is a request without a session.
const (
	none  = "none"
	qa    = userQA
	sup   = userSup
	admin = userAdmin
)

var roles = []string{none, qa, sup, admin}

// TestRouteAccess is the access table: every route, every role, the status
// it gets. Each case runs on a fresh conversation so that the order of the
// rows does not matter.
func TestRouteAccess(t *testing.T) {
	t.Parallel()
	b := setup(t)
	clients := map[string]*client{none: b.anonymous(t)}
	for _, r := range roles[1:] {
		clients[r] = b.login(t, r)
	}
	reads := map[string]int{none: 401, qa: 200, sup: 200, admin: 200}
	pages := map[string]int{none: 303, qa: 200, sup: 200, admin: 200}
	acts := func(ok int) map[string]int { return map[string]int{none: 401, qa: 403, sup: ok, admin: ok} }
	type route struct {
		method, path string // {id} is replaced by the case's conversation
		body         any
		ownFirst     bool // the caller (or, for qa, a supervisor of that name) owns the conversation first
		want         map[string]int
	}
	routes := []route{
		{"GET", "/api/me", nil, false, reads},
		{"GET", "/api/conversations", nil, false, reads},
		{"GET", "/api/conversations?state=open&channel=sms&flag=blocked", nil, false, reads},
		{"GET", "/api/conversations/{id}", nil, false, reads},
		{"GET", "/api/conversations/{id}/export", nil, false, reads},
		{"GET", "/api/queues", nil, false, reads},
		{"GET", "/api/accounts", nil, false, reads},
		{"GET", "/api/accounts/DEMO-US-1", nil, false, reads},
		{"GET", "/api/audit/export", nil, false, map[string]int{none: 401, qa: 403, sup: 403, admin: 200}},
		{"POST", "/api/conversations/{id}/takeover", nil, false, acts(200)},
		{"POST", "/api/conversations/{id}/handback", nil, true, acts(200)},
		{"POST", "/api/conversations/{id}/messages", map[string]string{"text": "Hi, this is a member of the team. How can I help?"}, true, acts(201)},
		{"POST", "/api/outreach", map[string]string{"account_id": "DEMO-GB-1", "channel": "sms"}, false, acts(200)},
		{"GET", "/console/", nil, false, pages},
		{"GET", "/console/queues", nil, false, pages},
		{"GET", "/console/conversations/{id}", nil, false, pages},
		{"GET", "/console/conversations/{id}/print", nil, false, pages},
		{"GET", "/console/login", nil, false, map[string]int{none: 200, qa: 200, sup: 200, admin: 200}},
		{"GET", "/console/static/console.js", nil, false, map[string]int{none: 200, qa: 200, sup: 200, admin: 200}},
	}
	for _, rt := range routes {
		for _, role := range roles {
			t.Run(rt.method+" "+rt.path+" as "+role, func(t *testing.T) {
				path := rt.path
				if strings.Contains(path, "{id}") {
					id := b.newConversation(t, "DEMO-US-1")
					path = strings.ReplaceAll(path, "{id}", id)
					if rt.ownFirst && role != none {
						if err := b.orch.TakeOver(b.ctx, id, role); err != nil {
							t.Fatal(err)
						}
					}
				}
				c := *clients[role]
				c.t = t
				res, body := c.do(rt.method, path, rt.body)
				if got, want := res.StatusCode, rt.want[role]; got != want {
					t.Fatalf("status = %d, want %d: %s", got, want, body)
				}
				if rt.want[role] == 303 && !strings.HasPrefix(res.Header.Get("Location"), "/console/login?next=") {
					t.Errorf("redirect to %q, want the login page", res.Header.Get("Location"))
				}
			})
		}
	}
}

// TestRefusals covers what bad input gets: unknown conversations, cross-site
// and token-less state changes, bodies that are not JSON.
func TestRefusals(t *testing.T) {
	t.Parallel()
	b := setup(t)
	s := b.login(t, sup)
	foreign := *s
	foreign.origin = "http://evil.example"
	noToken := *s
	noToken.csrf = ""
	wrongToken := *s
	wrongToken.csrf = "not-the-token"
	tests := []struct {
		name   string
		c      *client
		method string
		path   string
		body   any
		want   int
	}{
		{"unknown conversation", s, "GET", "/api/conversations/c_nope", nil, 404},
		{"unknown conversation export", s, "GET", "/api/conversations/c_nope/export", nil, 404},
		{"unknown conversation page", s, "GET", "/console/conversations/c_nope", nil, 404},
		{"unknown conversation print", s, "GET", "/console/conversations/c_nope/print", nil, 404},
		{"unknown conversation takeover", s, "POST", "/api/conversations/c_nope/takeover", nil, 404},
		{"unknown conversation handback", s, "POST", "/api/conversations/c_nope/handback", nil, 404},
		{"unknown conversation send", s, "POST", "/api/conversations/c_nope/messages", map[string]string{"text": "hello"}, 404},
		{"unknown account", s, "GET", "/api/accounts/NOPE", nil, 404},
		{"outreach to an unknown account", s, "POST", "/api/outreach", map[string]string{"account_id": "NOPE", "channel": "sms"}, 404},
		{"outreach on a bad channel", s, "POST", "/api/outreach", map[string]string{"account_id": "DEMO-US-1", "channel": "fax"}, 400},
		{"outreach stopped by a dispute", s, "POST", "/api/outreach", map[string]string{"account_id": "DEMO-US-DISPUTED", "channel": "sms"}, 409},
		{"a call with no way to place it", s, "POST", "/api/outreach", map[string]string{"account_id": "DEMO-US-1", "channel": "voice"}, 503},
		{"unknown API route", s, "GET", "/api/nope", nil, 404},
		{"cross-site takeover", &foreign, "POST", "/api/conversations/" + b.conv + "/takeover", nil, 403},
		{"cross-site send", &foreign, "POST", "/api/conversations/" + b.conv + "/messages", map[string]string{"text": "hello"}, 403},
		{"cross-site outreach", &foreign, "POST", "/api/outreach", map[string]string{"account_id": "DEMO-US-1", "channel": "sms"}, 403},
		{"cross-site logout", &foreign, "POST", "/api/logout", nil, 403},
		{"cross-site login", &client{t: t, b: b, origin: "http://evil.example"}, "POST", "/api/login", map[string]string{"name": sup, "password": testPassword}, 403},
		{"no CSRF token", &noToken, "POST", "/api/conversations/" + b.conv + "/takeover", nil, 403},
		{"wrong CSRF token", &wrongToken, "POST", "/api/conversations/" + b.conv + "/takeover", nil, 403},
		{"send without owning", s, "POST", "/api/conversations/" + b.conv + "/messages", map[string]string{"text": "hello"}, 409},
		{"empty message", s, "POST", "/api/conversations/" + b.conv + "/messages", map[string]string{"text": "  "}, 400},
		{"malformed body", s, "POST", "/api/conversations/" + b.conv + "/messages", "not an object", 400},
		{"oversized body", s, "POST", "/api/conversations/" + b.conv + "/messages", map[string]string{"text": strings.Repeat("a", 70<<10)}, 413},
		{"hand back what the AI owns", s, "POST", "/api/conversations/" + b.conv + "/handback", nil, 409},
		{"wrong method", s, "DELETE", "/api/conversations/" + b.conv, nil, 405},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := *tt.c
			c.t = t
			res, body := c.do(tt.method, tt.path, tt.body)
			if res.StatusCode != tt.want {
				t.Fatalf("status = %d, want %d: %s", res.StatusCode, tt.want, body)
			}
		})
	}
	c, _ := b.store.Conversation(b.ctx, b.conv)
	if !c.OwnedByAI() {
		t.Fatalf("a refused request changed the owner to %q", c.Owner)
	}
}

func TestTwoSupervisorsCannotOwnOneConversation(t *testing.T) {
	t.Parallel()
	b := setup(t)
	sam, lee := b.login(t, userSup), b.login(t, userSup2)
	path := "/api/conversations/" + b.conv
	if res, body := sam.do("POST", path+"/takeover", nil); res.StatusCode != 200 {
		t.Fatalf("sam takes over: %d %s", res.StatusCode, body)
	}
	res, body := lee.do("POST", path+"/takeover", nil)
	if res.StatusCode != http.StatusConflict || !strings.Contains(string(body), "owned by sam") {
		t.Fatalf("lee takes over sam's conversation: %d %s", res.StatusCode, body)
	}
	if res, body := lee.do("POST", path+"/handback", nil); res.StatusCode != http.StatusConflict {
		t.Fatalf("lee hands back sam's conversation: %d %s", res.StatusCode, body)
	}
	if res, body := sam.do("POST", path+"/handback", nil); res.StatusCode != 200 {
		t.Fatalf("sam hands back: %d %s", res.StatusCode, body)
	}
	evs, err := b.store.Events(b.ctx, b.conv)
	if err != nil {
		t.Fatal(err)
	}
	var owners []string
	for _, e := range evs {
		if e.Kind == agent.EventHandoffStarted || e.Kind == agent.EventHandoffEnded {
			owners = append(owners, string(e.Kind)+" by "+e.Actor)
		}
	}
	if d := cmp.Diff([]string{"handoff_started by sam", "handoff_ended by sam"}, owners); d != "" {
		t.Errorf("owner events (-want +got):\n%s", d)
	}
}

func TestBlockedSupervisorMessageComesBackWithReasons(t *testing.T) {
	t.Parallel()
	b := setup(t)
	s := b.login(t, sup)
	path := "/api/conversations/" + b.conv
	if res, body := s.do("POST", path+"/takeover", nil); res.StatusCode != 200 {
		t.Fatalf("takeover: %d %s", res.StatusCode, body)
	}
	before, _ := b.store.Outbox(b.ctx, agent.OutboxPending, 0)
	res, body := s.do("POST", path+"/messages", map[string]string{"text": "Pay today or the police will arrest you."})
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("threat: %d %s", res.StatusCode, body)
	}
	got := decodeJSON[console.SendResponse](t, body)
	if got.Message.Status != agent.StatusBlocked || len(got.Decision.Violations) == 0 || got.Decision.Violations[0].Rule == "" {
		t.Fatalf("the answer does not say why: %+v", got)
	}
	after, _ := b.store.Outbox(b.ctx, agent.OutboxPending, 0)
	if len(after) != len(before) {
		t.Fatalf("a blocked message entered the outbox")
	}
	res, body = s.do("POST", path+"/messages", map[string]string{"text": "Hi Maria, this is Sam. How can I help today?"})
	if res.StatusCode != http.StatusCreated {
		t.Fatalf("plain message: %d %s", res.StatusCode, body)
	}
	sent := decodeJSON[console.SendResponse](t, body)
	if sent.Message.Author != agent.AuthorSupervisor || sent.Message.AuthorName != sup || sent.Message.Status != agent.StatusQueued {
		t.Fatalf("sent message = %+v", sent.Message)
	}
}

func TestConversationListAndFilters(t *testing.T) {
	t.Parallel()
	b := setup(t)
	gb := b.newConversation(t, "DEMO-GB-1")
	s := b.login(t, qa)
	tests := []struct {
		query string
		want  []string
	}{
		{"", []string{gb, b.conv}},
		{"?channel=sms", []string{gb, b.conv}},
		{"?channel=chat", nil},
		{"?state=closed", nil},
		{"?flag=handoff", nil},
	}
	for _, tt := range tests {
		res, body := s.do("GET", "/api/conversations"+tt.query, nil)
		if res.StatusCode != 200 {
			t.Fatalf("%s: %d", tt.query, res.StatusCode)
		}
		var ids []string
		for _, c := range decodeJSON[[]agent.ConversationSummary](t, body) {
			ids = append(ids, c.ID)
			if c.BorrowerName == "" || c.LastMessage == "" || len(c.Memory) != 0 {
				t.Errorf("%s: summary %+v lacks what the list shows or leaks memory", tt.query, c)
			}
		}
		if d := cmp.Diff(tt.want, ids); d != "" {
			t.Errorf("%s (-want +got):\n%s", tt.query, d)
		}
	}
}

func TestLoginRateLimit(t *testing.T) {
	t.Parallel()
	b := setup(t, func(o *setupOptions) {
		o.cfg = func(c *console.Config) { c.NameAttempts, c.AddrAttempts, c.LimitWindow = 3, 5, time.Minute }
	})
	anon := b.anonymous(t)
	login := func(name, password string) (int, string) {
		res, body := anon.do("POST", "/api/login", map[string]string{"name": name, "password": password})
		return res.StatusCode, strings.TrimSpace(string(body))
	}
	generic := `{"error":"wrong name or password"}`
	for i := range 3 {
		if code, body := login(sup, "wrong password"); code != 401 || body != generic {
			t.Fatalf("wrong password %d: %d %s", i, code, body)
		}
	}
	if code, body := login("nobody", "wrong password"); code != 401 || body != generic {
		t.Fatalf("unknown name: %d %s, want the same generic answer", code, body)
	}
	// Three failures lock the name, even with the right password.
	if code, _ := login(sup, testPassword); code != http.StatusTooManyRequests {
		t.Fatalf("fourth attempt on the name = %d, want 429", code)
	}
	// Five failures from one address lock the address for every name.
	if code, _ := login("nobody", "wrong again"); code != 401 {
		t.Fatalf("fifth failure = %d", code)
	}
	if code, _ := login(userSup2, testPassword); code != http.StatusTooManyRequests {
		t.Fatalf("a good login from a locked address = %d, want 429", code)
	}
	b.clock.Advance(time.Minute)
	if code, body := login(sup, testPassword); code != 200 {
		t.Fatalf("after the window: %d %s", code, body)
	}
}

func TestSessionCookieAndLogout(t *testing.T) {
	t.Parallel()
	b := setup(t, func(o *setupOptions) { o.cfg = func(c *console.Config) { c.Secure = true } })
	anon := b.anonymous(t)
	res, _ := anon.do("POST", "/api/login", map[string]string{"name": qa, "password": testPassword})
	var ck *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == console.SessionCookie {
			ck = c
		}
	}
	if ck == nil || !ck.HttpOnly || !ck.Secure || ck.SameSite != http.SameSiteStrictMode || ck.MaxAge <= 0 {
		t.Fatalf("session cookie = %+v", ck)
	}
	c := b.login(t, qa)
	if res, _ := c.do("POST", "/api/logout", nil); res.StatusCode != http.StatusNoContent {
		t.Fatalf("qa logout = %d", res.StatusCode)
	}
	if res, _ := c.do("GET", "/api/me", nil); res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("after logout /api/me = %d", res.StatusCode)
	}
	// A session expires with the clock.
	c = b.login(t, qa)
	b.clock.Advance(13 * time.Hour)
	if res, _ := c.do("GET", "/api/me", nil); res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("after expiry /api/me = %d", res.StatusCode)
	}
}

func TestDemoModeCreatesTheSupervisor(t *testing.T) {
	t.Parallel()
	b := setup(t, func(o *setupOptions) { o.cfg = func(c *console.Config) { c.DemoPassword = "demo-password-1" } })
	res, body := b.anonymous(t).do("POST", "/api/login", map[string]string{"name": console.DemoUser, "password": "demo-password-1"})
	if res.StatusCode != 200 || !strings.Contains(string(body), `"role":"supervisor"`) {
		t.Fatalf("demo login = %d %s", res.StatusCode, body)
	}
	// A second start leaves the user as it is.
	if _, err := console.New(b.ctx, console.Config{Store: b.store, Orchestrator: b.orch, Bus: b.bus, DemoPassword: "another-password"}); err != nil {
		t.Fatal(err)
	}
}

func TestAddUserRefusesBadInput(t *testing.T) {
	t.Parallel()
	b := setup(t)
	tests := []struct {
		name, user string
		role       agent.Role
		password   string
	}{
		{"empty name", "", agent.RoleQA, testPassword},
		{"name with spaces", "a b", agent.RoleQA, testPassword},
		{"the AI's name", agent.OwnerAI, agent.RoleQA, testPassword},
		{"unknown role", "x", "root", testPassword},
		{"short password", "x", agent.RoleQA, "short"},
		{"long password", "x", agent.RoleQA, strings.Repeat("p", 73)},
	}
	for _, tt := range tests {
		if _, err := console.AddUser(b.ctx, b.store, tt.user, tt.role, tt.password); err == nil {
			t.Errorf("%s: AddUser accepted it", tt.name)
		}
	}
}

// A reply the caller cut is shown whole, with what they heard of it.
func TestConversationPageShowsWhereACallerCutIn(t *testing.T) {
	t.Parallel()
	b := setup(t)
	s := b.login(t, sup)
	m, err := b.store.InsertOutbound(b.ctx, agent.Message{ConversationID: b.conv, Text: "Hello, this is Ava, an automated assistant.",
		Status: agent.StatusSent}, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.store.SetInterrupted(b.ctx, m.ID, agent.Interrupt{Heard: "Hello, this is", AfterMs: 460, CallSid: "CA1"}); err != nil {
		t.Fatal(err)
	}
	res, body := s.do("GET", "/console/conversations/"+b.conv, nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("page: %d", res.StatusCode)
	}
	if page := string(body); !strings.Contains(page, "Hello, this is Ava, an automated assistant.") || !strings.Contains(page, "having heard: “Hello, this is”") {
		t.Errorf("the page does not show the whole reply and where it was cut:\n%s", body)
	}
}
