package main

import (
	"bytes"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/channels/twilio/twiliotest"
)

// route is one endpoint and the authentication it needs.
type route struct {
	method, path string
	mount        string // the pattern it is served under
	auth         string // "twilio", "session", "token", or "public: why"
}

// routeTable is every endpoint the server answers. A mounted pattern with
// no row here fails TestEveryRouteRejectsRequestsWithoutItsAuthentication,
// so a new route cannot go in without deciding who may call it.
var routeTable = []route{
	{"GET", "/healthz", "GET /healthz", "public: liveness probe, says nothing"},
	{"GET", "/pay/links/x.y", "GET /pay/links/{token}", "public: the signed token is the credential; says only whether it pays and how much"},
	{"GET", "/readyz", "GET /readyz", "public: readiness probe, says nothing"},
	{"GET", "/metrics", "GET /metrics", "public: counters and latencies, no personal data"},
	{"GET", "/", "GET /{$}", "public: redirects to the start page"},
	{"GET", "/start", "GET /start", "public: links to the chat, the console and the health check"},
	{"POST", "/twilio/sms", "POST /twilio/sms", "twilio"},
	{"POST", "/twilio/sms/status", "POST /twilio/sms/status", "twilio"},
	{"POST", "/twilio/voice", "POST /twilio/voice", "twilio"},
	{"GET", "/twilio/voice/relay", "GET /twilio/voice/relay", "twilio"},
	{"POST", "/twilio/voice/status", "POST /twilio/voice/status", "twilio"},
	{"POST", "/twilio/voice/action", "POST /twilio/voice/action", "twilio"},
	{"GET", "/chat/ws", "/chat/", "token"},
	{"GET", "/chat/widget.js", "/chat/", "public: the embeddable script"},
	{"GET", "/chat/", "/chat/", "public: the demo page, lists demo borrowers only"},
	{"POST", "/api/login", "/api/", "public: where a session starts"},
	{"POST", "/api/logout", "/api/", "session"},
	{"GET", "/api/me", "/api/", "session"},
	{"GET", "/api/conversations", "/api/", "session"},
	{"GET", "/api/conversations/c_x", "/api/", "session"},
	{"GET", "/api/conversations/c_x/export", "/api/", "session"},
	{"POST", "/api/conversations/c_x/takeover", "/api/", "session"},
	{"POST", "/api/conversations/c_x/handback", "/api/", "session"},
	{"POST", "/api/conversations/c_x/messages", "/api/", "session"},
	{"POST", "/api/conversations/c_x/messages/m_x/cancel", "/api/", "session"},
	{"GET", "/api/queues", "/api/", "session"},
	{"GET", "/api/accounts", "/api/", "session"},
	{"GET", "/api/accounts/DEMO-US-1", "/api/", "session"},
	{"POST", "/api/outreach", "/api/", "session"},
	{"GET", "/api/audit/export", "/api/", "session"},
	{"GET", "/console/login", "/console/", "public: the sign-in page"},
	{"GET", "/console/static/console.css", "/console/", "public: stylesheet and script"},
	{"GET", "/console/ws", "/console/", "session"},
	{"GET", "/console/", "/console/", "session"},
	{"GET", "/console/queues", "/console/", "session"},
	{"GET", "/console/conversations/c_x", "/console/", "session"},
	{"GET", "/console/conversations/c_x/print", "/console/", "session"},
}

// rejected reports whether resp refused the request for want of
// authentication: 401 or 403, or, for a console page, a redirect to the
// sign-in page.
func rejected(resp *http.Response) bool {
	switch resp.StatusCode {
	case http.StatusUnauthorized, http.StatusForbidden:
		return true
	case http.StatusFound, http.StatusSeeOther, http.StatusTemporaryRedirect:
		return strings.HasPrefix(resp.Header.Get("Location"), "/console/login")
	}
	return false
}

func TestEveryRouteRejectsRequestsWithoutItsAuthentication(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the whole server")
	}
	env := map[string]string{
		"TWILIO_ACCOUNT_SID": "AC0123456789abcdef0123456789abcdef", "TWILIO_AUTH_TOKEN": "tok-route-table",
		"TWILIO_FROM": "+15550000000", "PARLEY_PUBLIC_URL": "https://parley.example.com",
		"PARLEY_CHAT_SECRET": "route-table-secret-route-table-secret",
	}
	a, _, base := startApp(t, env, false, slog.New(slog.DiscardHandler), nil)

	// Every mounted pattern has rows, and every row's mount is mounted.
	mounts := map[string]bool{}
	for _, r := range routeTable {
		mounts[r.mount] = true
	}
	for _, p := range a.patterns {
		if !mounts[p] {
			t.Errorf("route %q is mounted but not in the route table: decide its authentication", p)
		}
		delete(mounts, p)
	}
	for m := range mounts {
		t.Errorf("route table names %q, which is not mounted", m)
	}

	hc := &http.Client{Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
	do := func(r route, mutate func(*http.Request)) *http.Response {
		t.Helper()
		var body *strings.Reader
		if r.method == http.MethodPost {
			body = strings.NewReader(url.Values{"MessageSid": {"SMx"}, "From": {"+13125550101"}, "Body": {"hi"},
				"AccountSid": {env["TWILIO_ACCOUNT_SID"]}}.Encode())
		} else {
			body = strings.NewReader("")
		}
		req, err := http.NewRequest(r.method, base+r.path, body)
		if err != nil {
			t.Fatal(err)
		}
		if r.method == http.MethodPost {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		if mutate != nil {
			mutate(req)
		}
		resp, err := hc.Do(req)
		if err != nil {
			t.Fatalf("%s %s: %v", r.method, r.path, err)
		}
		resp.Body.Close()
		return resp
	}
	for _, r := range routeTable {
		t.Run(r.method+" "+r.path, func(t *testing.T) {
			resp := do(r, nil)
			if strings.HasPrefix(r.auth, "public") {
				if rejected(resp) || resp.StatusCode >= 500 {
					t.Errorf("public route answered %d", resp.StatusCode)
				}
				return
			}
			if !rejected(resp) {
				t.Errorf("no %s authentication: answered %d, want it refused", r.auth, resp.StatusCode)
			}
			// Credentials that look right but are not must fail the same way.
			var forged func(*http.Request)
			switch r.auth {
			case "twilio":
				forged = func(req *http.Request) {
					req.Header.Set("X-Twilio-Signature", twiliotest.Sign("not-the-token", env["PARLEY_PUBLIC_URL"]+r.path, nil))
				}
			case "session":
				forged = func(req *http.Request) {
					req.AddCookie(&http.Cookie{Name: "parley_session", Value: strings.Repeat("a", 43)})
					req.Header.Set("X-CSRF-Token", "forged")
				}
			case "token":
				forged = func(req *http.Request) {
					q := req.URL.Query()
					q.Set("token", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJERU1PLVVTLTEifQ.forged")
					req.URL.RawQuery = q.Encode()
				}
			}
			if resp := do(r, forged); !rejected(resp) {
				t.Errorf("forged %s credentials: answered %d, want it refused", r.auth, resp.StatusCode)
			}
		})
	}
}

// syncBuffer is a log sink safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestLogsHoldNoPersonalData runs conversations full of SSN-, card- and
// birth-date-like strings, including the borrower's real date of birth and
// ID digits, through the server with logging at debug level, and finds
// none of them in the logs.
func TestLogsHoldNoPersonalData(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the whole server")
	}
	logs := &syncBuffer{}
	_, st, base := startApp(t, map[string]string{}, true, newLogger(logs, "debug"), nil)

	id := agent.DemoIdentity["DEMO-US-1"]
	secrets := []string{
		"123-45-6789", "123456789", // SSN
		"4111 1111 1111 1111", "4111111111111111", // card
		"021000021",                                 // routing number
		"1985-04-12", "April 12 1985", "04/12/1985", // the borrower's date of birth
		"1990-07-04", "07/04/1990", // another date of birth
		"+13125550101", "3125550101", "maria.lopez@example", // contact details
		"Maria Lopez",
	}
	if id.DOB != "1985-04-12" || id.IDLast4 == "" {
		t.Fatalf("demo identity changed: %+v", id)
	}
	texts := []string{
		"hi, my ssn is 123-45-6789",
		"my date of birth is April 12 1985 and my zip is " + id.Postcode,
		"pay with card 4111 1111 1111 1111 please",
		"routing 021000021 account 123456789",
		"my wife was born 07/04/1990, dob 1990-07-04",
		"I was born 04/12/1985, last four " + id.IDLast4,
		"how much do I owe?",
		"STOP",
	}
	hc := &http.Client{Timeout: 10 * time.Second}
	for i, text := range texts {
		form := url.Values{"MessageSid": {fmt.Sprintf("SMlog%04d", i)}, "From": {"+13125550101"},
			"To": {"+15550000000"}, "Body": {text}}
		resp, err := hc.PostForm(base+"/twilio/sms", form)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("webhook %d answered %d", i, resp.StatusCode)
		}
	}
	// An unknown sender and a malformed body are logged too.
	if resp, err := hc.PostForm(base+"/twilio/sms", url.Values{"MessageSid": {"SMlogx"}, "From": {"+19995550199"},
		"Body": {"ssn 123-45-6789"}}); err == nil {
		resp.Body.Close()
	}
	if resp, err := hc.Post(base+"/twilio/sms", "application/x-www-form-urlencoded", strings.NewReader("Body=4111111111111111&%zz")); err == nil {
		resp.Body.Close()
	}

	// Wait until every stored message has had its turn.
	deadline := time.Now().Add(30 * time.Second)
	for {
		pending, err := st.PendingInbound(t.Context(), 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(pending) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d messages still unanswered", len(pending))
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond) // the outbox's dry-run sends log too

	out := logs.String()
	if !strings.Contains(out, `"level":"DEBUG"`) && !strings.Contains(out, "level=DEBUG") {
		t.Logf("no debug lines were written; %d bytes of logs", len(out))
	}
	if len(out) < 200 {
		t.Fatalf("the server logged almost nothing (%d bytes): the test would prove nothing", len(out))
	}
	for _, s := range secrets {
		if strings.Contains(out, s) {
			i := strings.Index(out, s)
			lo, hi := max(i-120, 0), min(i+len(s)+120, len(out))
			t.Errorf("logs contain %q: …%s…", s, out[lo:hi])
		}
	}
}
