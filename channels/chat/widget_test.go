package chat

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/gorilla/websocket"
)

// TestWidgetInNode runs the widget in Node (its WebSocket, a minimal DOM)
// against a live server: send, ack, reply, a lost socket, a reconnect that
// resumes after the last message, and a transcript without repeats.
func TestWidgetInNode(t *testing.T) {
	t.Parallel()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	if out, err := exec.Command(node, "--experimental-websocket", "-e", "process.stdout.write(typeof WebSocket)").Output(); err != nil || string(out) != "function" {
		t.Skip("this node has no WebSocket")
	}
	if !nodeCanDialLoopback(t, node) {
		t.Skip("this node's WebSocket cannot reach a websocket server on 127.0.0.1 here")
	}
	// The server's clock stands at testNow and the widget reads the wall
	// clock: the token spans both, longer than the default maximum.
	b := setup(t, setupOpts{cfg: func(c *Config) { c.MaxTokenTTL = time.Since(testNow) + 2*time.Hour }})
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "--experimental-websocket", "testdata/widget_smoke.js",
		"assets/widget.js", b.srv.URL, wallClockToken(t, "A-1"))
	out, err := cmd.Output()
	if err != nil {
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("widget run: %v\n%s", err, stderr)
	}
	type bubble struct{ Cls, Text, Meta string }
	var got struct {
		URLs    []string
		Bubbles []bubble
		Status  string
		UUID    string
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%s: %v", out, err)
	}

	var texts []string
	for _, bb := range got.Bubbles {
		texts = append(texts, strings.TrimPrefix(bb.Cls, "pc-msg ")+": "+bb.Text)
	}
	want := []string{"pc-own: hello from node", "pc-agent: echo: hello from node", "pc-own: second", "pc-agent: echo: second"}
	if d := cmp.Diff(want, texts); d != "" {
		t.Errorf("transcript (-want +got):\n%s", d)
	}
	if got.Status != "Online" {
		t.Errorf("status %q", got.Status)
	}
	if !regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(got.UUID) {
		t.Errorf("client_id %q is not a UUID", got.UUID)
	}
	if len(got.URLs) != 2 {
		t.Fatalf("sockets %q, want two", got.URLs)
	}
	first, _ := url.Parse(got.URLs[0])
	second, _ := url.Parse(got.URLs[1])
	if first.Path != "/chat/ws" || first.Query().Get("token") == "" || first.Query().Has("after") {
		t.Errorf("first socket %s", got.URLs[0])
	}
	reply, err := b.store.MessageByText("echo: hello from node")
	if err != nil {
		t.Fatal(err)
	}
	if after := second.Query().Get("after"); after != reply.ID {
		t.Errorf("reconnected after %q, want the last message %q", after, reply.ID)
	}
}

// nodeCanDialLoopback reports whether Node's WebSocket can open a socket to
// a plain websocket server on 127.0.0.1: some sandboxes refuse it.
func nodeCanDialLoopback(t *testing.T, node string) bool {
	t.Helper()
	up := websocket.Upgrader{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if c, err := up.Upgrade(w, r, nil); err == nil {
			c.Close()
		}
	}))
	defer srv.Close()
	probe := `const ws = new WebSocket(process.argv[1]); ws.onopen = () => process.exit(0); ws.onerror = () => process.exit(1); setTimeout(() => process.exit(2), 10000);`
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	return exec.CommandContext(ctx, node, "--experimental-websocket", "-e", probe, "ws"+strings.TrimPrefix(srv.URL, "http")).Run() == nil
}

// wallClockToken mints a token that is valid for an hour of real time as
// well as at the server's fixed test clock: the widget checks expiry
// against the wall clock before it connects.
func wallClockToken(t *testing.T, account string) string {
	t.Helper()
	ttl := max(time.Since(testNow)+time.Hour, time.Hour)
	tok, err := MintToken(testSecret, account, ttl, testNow)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}
