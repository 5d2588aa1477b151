package main

import (
	"bytes"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The welcome names the chat, the console with the demo password, the
// health check, and every identity fact of every demo account in the order
// the agent asks for them.
func TestWelcomeNamesURLsAndDemoFacts(t *testing.T) {
	t.Parallel()
	a := &app{demo: demoSetup{on: true, added: 8, password: "pw-1234"}}
	var b bytes.Buffer
	a.welcome(&b, &net.TCPAddr{IP: net.IPv6unspecified, Port: 8080})
	out := b.String()
	for _, want := range []string{
		"http://localhost:8080/chat/",
		"http://localhost:8080/console/   user supervisor, password pw-1234",
		"http://localhost:8080/healthz",
		"8 accounts (8 added now, 0 already there)",
		"DEMO-US-1            +13125550101",
		"date of birth 1985-04-12, postcode 60601, ID last four 4821",
		"DEMO-CN-1",
		"date of birth 1992-08-08, ID last four 1357, postcode 200001",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("welcome lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "0 demo accounts added") {
		t.Errorf("welcome counts only new accounts:\n%s", out)
	}
}

// / redirects to a start page that links the chat, the console and the
// health check.
func TestRootRedirectsToStartPage(t *testing.T) {
	_, _, base := startApp(t, nil, true, slog.New(slog.DiscardHandler), nil)
	hc := &http.Client{Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := hc.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "/start" {
		t.Fatalf("/ = %d to %q, want 302 to /start", resp.StatusCode, resp.Header.Get("Location"))
	}
	resp, err = hc.Get(base + "/start")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, link := range []string{`href="/chat/"`, `href="/console/"`, `href="/healthz"`} {
		if !strings.Contains(string(body), link) {
			t.Errorf("start page lacks %s", link)
		}
	}
	resp, err = hc.Get(base + "/nothing-here")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("/nothing-here = %d, want 404", resp.StatusCode)
	}
}

// On a busy port serve fails before it opens or seeds a database.
func TestServeBusyPortSeedsNothing(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	db := filepath.Join(t.TempDir(), "parley.db")
	code, _, errOut := runParley(t, env(), "", "serve", "--addr", ln.Addr().String(), "--db", db)
	if code != 1 || !strings.Contains(errOut, ln.Addr().String()) || !strings.Contains(errOut, "--addr") {
		t.Errorf("serve on a busy port = %d, %q", code, errOut)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("the database was opened before the port was bound: %v", err)
	}
	if strings.Contains(errOut, "Demo") {
		t.Errorf("demo seeded before the port was bound: %q", errOut)
	}
}

// PARLEY_TWILIO_INSECURE=1 without a token warns at start, and River's
// start-up chatter stays out of an info log.
func TestInsecureTwilioWarnsAtStart(t *testing.T) {
	var b syncBuffer
	startApp(t, nil, true, slog.New(slog.NewTextHandler(&b, nil)), nil)
	logged := b.String()
	if !strings.Contains(logged, "level=WARN") || !strings.Contains(logged, "PARLEY_TWILIO_INSECURE=1") {
		t.Errorf("no warning about unsigned webhooks in the log:\n%s", logged)
	}
	if strings.Contains(logged, "River client") {
		t.Errorf("River logs at info:\n%s", logged)
	}
}

// A bad user is said once: no "add user: bad user:" before the reason.
func TestUserAddErrorSaidOnce(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "parley.db")
	code, _, errOut := runParley(t, env("PARLEY_USER_PASSWORD", "a-long-password-1"), "", "user", "add", "--name", "a b", "--role", "qa", "--db", db)
	want := "parley user: a name is 1 to 64 letters, digits, '.', '_' or '-'\n"
	if code != 2 || errOut != want {
		t.Errorf("user add with a bad name = %d, %q; want 2, %q", code, errOut, want)
	}
}
