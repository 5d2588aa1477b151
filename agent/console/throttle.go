package console

import (
	"context"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"time"

	"github.com/parley-collections/parley/agent"
)

// Failed logins are counted per user name and per source address in the
// store (agent.LoginThrottle), so every replica backs off alike. After
// the free failures each further attempt waits for a delay that doubles
// with every failure, capped: a name's cap is short (a minute by default)
// so that nobody can keep its owner out for long by failing on purpose;
// an address's cap is longer. Nothing locks a name for a fixed time, and
// a day without failures forgets them.

// failureMemory is how long failures are remembered after the last one.
const failureMemory = 24 * time.Hour

// throttle decides how long a login must wait.
type throttle struct {
	store agent.LoginThrottle
	cfg   *Config
}

// backoff is the wait after n failures of which free were free: none,
// then base, 2·base, 4·base, ... up to most.
func backoff(n, free int, base, most time.Duration) time.Duration {
	if n < free {
		return 0
	}
	d := base
	for i := free; i < n && d < most; i++ {
		d *= 2
	}
	return min(d, most)
}

func nameKey(name string) string { return "name:" + strings.ToLower(name) }
func addrKey(addr string) string { return "addr:" + addr }

// wait is how long a login for name from addr must still wait; 0 lets it try.
func (t throttle) wait(ctx context.Context, name, addr string, now time.Time) (time.Duration, error) {
	since := now.Add(-failureMemory)
	var longest time.Duration
	for _, k := range []struct {
		key        string
		free       int
		base, most time.Duration
	}{
		{nameKey(name), t.cfg.NameAttempts, t.cfg.LimitWindow, t.cfg.NameMaxWait},
		{addrKey(addr), t.cfg.AddrAttempts, t.cfg.LimitWindow, t.cfg.AddrMaxWait},
	} {
		n, last, err := t.store.LoginFailures(ctx, k.key, since)
		if err != nil {
			return 0, err
		}
		if n == 0 {
			continue
		}
		longest = max(longest, last.Add(backoff(n, k.free, k.base, k.most)).Sub(now))
	}
	return longest, nil
}

// failed counts a failed login for name and addr.
func (t throttle) failed(ctx context.Context, name, addr string, now time.Time) error {
	since := now.Add(-failureMemory)
	for _, k := range []string{nameKey(name), addrKey(addr)} {
		if _, err := t.store.RecordLoginFailure(ctx, k, now, since); err != nil {
			return err
		}
	}
	return nil
}

// succeeded forgets the name's failures; the address keeps its own.
func (t throttle) succeeded(ctx context.Context, name string) error {
	return t.store.ClearLoginFailures(ctx, nameKey(name))
}

// peer is the address the request came from.
func peer(r *http.Request) netip.Addr {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}
	}
	return a.Unmap()
}

// trusted reports whether a is one of the configured proxies.
func (h *Handler) trusted(a netip.Addr) bool {
	for _, p := range h.cfg.TrustedProxies {
		if a.IsValid() && p.Contains(a) {
			return true
		}
	}
	return false
}

// clientAddr is the address a login is counted against: the peer, or,
// when the peer is a trusted proxy, the last address in X-Forwarded-For
// that is not one. Headers from anyone else are ignored: a client could
// set them to escape the count.
func (h *Handler) clientAddr(r *http.Request) string {
	a := peer(r)
	if !h.trusted(a) {
		if !a.IsValid() {
			return r.RemoteAddr
		}
		return a.String()
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		hop, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break
		}
		hop = hop.Unmap()
		if !h.trusted(hop) {
			return hop.String()
		}
	}
	return a.String()
}

// secure reports whether the request reached Parley over TLS: directly,
// or through a trusted proxy that says so in X-Forwarded-Proto. Config.Secure
// forces it.
func (h *Handler) secure(r *http.Request) bool {
	if h.cfg.Secure || r.TLS != nil {
		return true
	}
	if !h.trusted(peer(r)) {
		return false
	}
	proto, _, _ := strings.Cut(r.Header.Get("X-Forwarded-Proto"), ",")
	return strings.EqualFold(strings.TrimSpace(proto), "https")
}
