package chat

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
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

// A token must expire within the maximum lifetime, and carry the audience
// and issuer the handler requires.
func TestTokenLifetimeAudienceAndIssuer(t *testing.T) {
	long, err := MintToken(testSecret, "A-1", 10*365*24*time.Hour, testNow)
	if err != nil {
		t.Fatal(err)
	}
	day, _ := MintToken(testSecret, "A-1", 24*time.Hour, testNow)
	if _, err := verifyToken(testSecret, long, testNow); err == nil {
		t.Error("a token expiring in ten years was accepted")
	}
	if sub, err := verifyToken(testSecret, day, testNow); err != nil || sub != "A-1" {
		t.Errorf("a token expiring in 24h = %q, %v; want accepted", sub, err)
	}
	if _, err := checkToken(testSecret, day, testNow, tokenRules{maxTTL: time.Hour}); err == nil {
		t.Error("a 24h token was accepted under a one-hour maximum")
	}
	claims := jwt.RegisteredClaims{Subject: "A-1", ExpiresAt: jwt.NewNumericDate(testNow.Add(time.Hour)),
		Audience: jwt.ClaimStrings{"parley-chat"}, Issuer: "https://bank.example"}
	good, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(testSecret)
	rules := tokenRules{maxTTL: DefaultMaxTokenTTL, audience: "parley-chat", issuer: "https://bank.example"}
	if sub, err := checkToken(testSecret, good, testNow, rules); err != nil || sub != "A-1" {
		t.Errorf("a token with the right aud and iss = %q, %v", sub, err)
	}
	for _, bad := range []tokenRules{{audience: "other"}, {issuer: "https://evil.example"}} {
		if _, err := checkToken(testSecret, good, testNow, bad); err == nil {
			t.Errorf("rules %+v accepted a token with aud %v iss %q", bad, claims.Audience, claims.Issuer)
		}
	}
	if _, err := checkToken(testSecret, day, testNow, tokenRules{audience: "parley-chat"}); err == nil {
		t.Error("a token without aud was accepted where one is required")
	}
}
