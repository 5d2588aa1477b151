package console_test

import (
	"net/http"
	"net/http/httptest"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/console"
	"golang.org/x/crypto/bcrypt"
)

func loginAs(c *client, name, password string, headers ...string) *http.Response {
	res, _ := c.do("POST", "/api/login", map[string]string{"name": name, "password": password}, headers...)
	return res
}

// TestLoginBackoffNeverLocksTheNameOut fails on one name many times: the
// wait doubles from LimitWindow up to NameMaxWait and no further, and the
// right password always works once the wait is over.
func TestLoginBackoffNeverLocksTheNameOut(t *testing.T) {
	t.Parallel()
	b := setup(t, func(o *setupOptions) {
		o.cfg = func(c *console.Config) {
			c.NameAttempts, c.AddrAttempts, c.LimitWindow, c.NameMaxWait = 2, 1000, time.Second, 4*time.Second
		}
	})
	anon := b.anonymous(t)
	var waits []int
	for failures := 0; failures < 10; {
		res := loginAs(anon, userSup, "wrong password")
		if res.StatusCode != http.StatusTooManyRequests {
			failures++
			continue
		}
		n, _ := strconv.Atoi(res.Header.Get("Retry-After"))
		waits = append(waits, n)
		b.clock.Advance(time.Duration(n) * time.Second)
	}
	// Two free failures, then 1s, 2s, 4s, 4s... (Retry-After rounds up by one).
	want := []int{2, 3, 5, 5, 5, 5, 5, 5}
	if !slices.Equal(waits, want) {
		t.Fatalf("Retry-After over the failures = %v, want %v", waits, want)
	}
	if res := loginAs(anon, userSup, testPassword); res.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("right password during the wait = %d, want 429", res.StatusCode)
	}
	b.clock.Advance(4 * time.Second)
	if res := loginAs(anon, userSup, testPassword); res.StatusCode != http.StatusOK {
		t.Fatalf("right password after the longest wait = %d, want 200", res.StatusCode)
	}
}

// TestLoginFailuresSharedAcrossReplicas counts failures through one
// console and finds them refused by another over the same store.
func TestLoginFailuresSharedAcrossReplicas(t *testing.T) {
	t.Parallel()
	b := setup(t, func(o *setupOptions) {
		o.cfg = func(c *console.Config) { c.NameAttempts, c.LimitWindow = 2, time.Minute }
	})
	for range 2 {
		loginAs(b.anonymous(t), userSup, "wrong password")
	}
	other, err := console.New(b.ctx, console.Config{Store: b.store, Orchestrator: b.orch, Bus: b.bus, Clock: b.clock, NameAttempts: 2, LimitWindow: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	req := httptest.NewRequest("POST", "/api/login", strings.NewReader(`{"name":"`+userSup+`","password":"`+testPassword+`"}`))
	req.Header.Set("Content-Type", "application/json")
	req.RemoteAddr = "198.51.100.7:4000" // another address: only the name's count applies
	rec := httptest.NewRecorder()
	other.ServeHTTP(rec, req)
	if rec.Code != http.StatusTooManyRequests {
		t.Fatalf("another replica let the name in during its wait: %d", rec.Code)
	}
}

// TestForwardedHeadersOnlyFromTrustedProxies: X-Forwarded-For moves the
// count to the client and X-Forwarded-Proto makes the cookie Secure only
// when the peer is a configured proxy.
func TestForwardedHeadersOnlyFromTrustedProxies(t *testing.T) {
	t.Parallel()
	for _, trusted := range []bool{false, true} {
		b := setup(t, func(o *setupOptions) {
			o.cfg = func(c *console.Config) {
				c.AddrAttempts, c.LimitWindow = 2, time.Minute
				if trusted {
					c.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}
				}
			}
		})
		anon := b.anonymous(t)
		res := loginAs(anon, userSup, testPassword, "X-Forwarded-Proto", "https")
		secure := false
		for _, c := range res.Cookies() {
			if c.Name == console.SessionCookie {
				secure = c.Secure
			}
		}
		if secure != trusted {
			t.Errorf("trusted=%v: cookie Secure = %v", trusted, secure)
		}
		// Two failures "from" two forwarded clients.
		loginAs(anon, "nobody", "x", "X-Forwarded-For", "203.0.113.1")
		loginAs(anon, "nobody2", "x", "X-Forwarded-For", "203.0.113.1")
		res = loginAs(anon, userSup2, testPassword, "X-Forwarded-For", "203.0.113.2")
		// Trusted: 203.0.113.2 has no failures. Untrusted: the header is
		// ignored and the peer's two failures make it wait.
		if want := map[bool]int{true: 200, false: 429}[trusted]; res.StatusCode != want {
			t.Errorf("trusted=%v: login from another forwarded client = %d, want %d", trusted, res.StatusCode, want)
		}
	}
}

// TestDemoPasswordAppliedAtEveryStart: a console started with a demo
// password gives it to an existing demo supervisor.
func TestDemoPasswordAppliedAtEveryStart(t *testing.T) {
	t.Parallel()
	b := setup(t)
	for _, pw := range []string{"first demo password", "second demo password"} {
		h, err := console.New(b.ctx, console.Config{Store: b.store, Orchestrator: b.orch, Bus: b.bus, Clock: b.clock, DemoPassword: pw})
		if err != nil {
			t.Fatal(err)
		}
		h.Close()
		u, err := b.store.UserByName(b.ctx, console.DemoUser)
		if err != nil {
			t.Fatal(err)
		}
		if bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte(pw)) != nil || u.Role != agent.RoleSupervisor {
			t.Errorf("after a start with %q the demo supervisor's password is not it", pw)
		}
	}
}
