package chat

import (
	"context"
	"errors"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

func get(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

var demoAccounts = []DemoAccount{
	{ID: "DEMO-US-1", Name: "Maria Lopez", Locale: "en", Jurisdiction: "US"},
	{ID: "DEMO-CN-1", Name: "王芳", Locale: "zh", Jurisdiction: "CN"},
}

func TestWidgetIsServed(t *testing.T) {
	t.Parallel()
	b := setup(t)
	resp, body := get(t, b.srv.URL+"/chat/widget.js")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/javascript; charset=utf-8" {
		t.Fatalf("status %d, content type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	for _, want := range []string{"window.ParleyChat", "crypto", "randomUUID", `"resume"`, `searchParams.set("after"`, "client_id", "@media (max-width:480px)", "在线沟通"} {
		if !strings.Contains(body, want) {
			t.Errorf("widget lacks %q", want)
		}
	}
	// No external fetches: the only URLs are the example in its comment.
	for _, u := range regexp.MustCompile(`https?://[^\s"']+`).FindAllString(body, -1) {
		if !strings.HasPrefix(u, "https://parley.example.com/") {
			t.Errorf("widget refers to %s", u)
		}
	}
}

func TestDemoPageMintsATokenForTheChosenBorrower(t *testing.T) {
	t.Parallel()
	b := setup(t, setupOpts{cfg: func(c *Config) {
		c.DemoAccounts = func(context.Context) ([]DemoAccount, error) { return demoAccounts, nil }
	}})
	resp, body := get(t, b.srv.URL+"/chat/")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("status %d, content type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	for _, want := range []string{`href="?account=DEMO-US-1"`, "Maria Lopez", "王芳", `lang="en"`} {
		if !strings.Contains(body, want) {
			t.Errorf("list lacks %q", want)
		}
	}
	if strings.Contains(body, "data-token") {
		t.Error("the list carries a token")
	}

	resp, body = get(t, b.srv.URL+"/chat/?account=DEMO-CN-1")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("status %d, cache control %q", resp.StatusCode, resp.Header.Get("Cache-Control"))
	}
	for _, want := range []string{`lang="zh-CN"`, "在线沟通", `data-lang="zh"`, `src="widget.js"`} {
		if !strings.Contains(body, want) {
			t.Errorf("chosen page lacks %q", want)
		}
	}
	tok := regexp.MustCompile(`data-token="([^"]+)"`).FindStringSubmatch(body)
	if tok == nil {
		t.Fatal("no token on the page")
	}
	sub, err := verifyToken(testSecret, tok[1], testNow)
	if err != nil || sub != "DEMO-CN-1" {
		t.Errorf("token for %q, %v; want DEMO-CN-1", sub, err)
	}
	if _, err := verifyToken(testSecret, tok[1], testNow.Add(31*time.Minute)); err == nil {
		t.Error("the demo token outlives 30 minutes")
	}

	if resp, _ := get(t, b.srv.URL+"/chat/?account=SOMEONE-ELSE"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown demo account: status %d, want 404", resp.StatusCode)
	}
}

func TestDemoPageWithoutDemoAccounts(t *testing.T) {
	t.Parallel()
	b := setup(t)
	resp, body := get(t, b.srv.URL+"/chat/?account=A-1")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "data-target") || strings.Contains(body, "data-token=\"ey") {
		t.Errorf("status %d; want embedding instructions and no token", resp.StatusCode)
	}
}

func TestDemoAccountsFailure(t *testing.T) {
	t.Parallel()
	b := setup(t, setupOpts{cfg: func(c *Config) {
		c.DemoAccounts = func(context.Context) ([]DemoAccount, error) { return nil, errors.New("store down") }
	}})
	resp, body := get(t, b.srv.URL+"/chat/")
	if resp.StatusCode != http.StatusServiceUnavailable || strings.Contains(body, "store down") {
		t.Errorf("status %d body %q", resp.StatusCode, body)
	}
}
