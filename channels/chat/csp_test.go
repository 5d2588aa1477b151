package chat

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

// The demo page's Content-Security-Policy names the socket's host from
// the configured public URL, or only 'self': never from the Host header,
// which a client chooses.
func TestDemoPageCSPIgnoresTheHostHeader(t *testing.T) {
	for _, tc := range []struct{ public, want string }{
		{"", "connect-src 'self';"},
		{"https://chat.example.com", "connect-src 'self' wss://chat.example.com;"},
		{"http://localhost:8080", "connect-src 'self' ws://localhost:8080;"},
	} {
		b := setup(t, setupOpts{cfg: func(c *Config) {
			c.PublicURL = tc.public
			c.DemoAccounts = func(context.Context) ([]DemoAccount, error) { return demoAccounts, nil }
		}})
		req, err := http.NewRequest("GET", b.srv.URL+"/chat/", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Host = "evil.example; script-src *"
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		csp := resp.Header.Get("Content-Security-Policy")
		if strings.Contains(csp, "evil") || strings.Count(csp, "script-src") != 1 {
			t.Errorf("public URL %q: CSP %q takes the Host header", tc.public, csp)
		}
		if !strings.Contains(csp, tc.want) {
			t.Errorf("public URL %q: CSP %q lacks %q", tc.public, csp, tc.want)
		}
	}
}
