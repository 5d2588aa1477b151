package main

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/parley-collections/parley/channels/twilio/twiliotest"
)

func TestBenchRefusesRemoteHosts(t *testing.T) {
	t.Parallel()
	for _, raw := range []string{"http://example.com", "http://10.0.0.1:8080", "http://0.0.0.0:8080", "ftp://127.0.0.1", "http://[::2]:80", "127.0.0.1:8080"} {
		if _, err := loopbackURL(raw); err == nil {
			t.Errorf("loopbackURL(%q) accepted a host that is not loopback", raw)
		}
	}
	for _, raw := range []string{"http://127.0.0.1:8080", "http://localhost:1/", "https://[::1]:8443", "http://127.0.0.2"} {
		if _, err := loopbackURL(raw); err != nil {
			t.Errorf("loopbackURL(%q): %v", raw, err)
		}
	}
	var out, errb bytes.Buffer
	sio := IO{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	if code := Main(context.Background(), []string{"bench", "sms", "--url", "http://192.0.2.1:8080"}, sio); code != 2 {
		t.Fatalf("bench against a remote host: exit %d, want 2 (%s)", code, errb.String())
	}
	if code := Main(context.Background(), []string{"bench", "sms", "--duration", "1h"}, sio); code != 2 {
		t.Fatalf("bench for an hour: exit %d, want 2", code)
	}
}

func TestBenchSignsLikeTwilio(t *testing.T) {
	t.Parallel()
	form := url.Values{"From": {"+13125550101"}, "Body": {"hi"}, "MessageSid": {"SM1"}}
	u := "http://127.0.0.1:8080/twilio/sms"
	if got, want := signTwilio("tok", u, form), twiliotest.Sign("tok", u, form); got != want {
		t.Fatalf("signature %q, want %q", got, want)
	}
}

func TestLatencySummary(t *testing.T) {
	t.Parallel()
	var l latencies
	for i := 1; i <= 100; i++ {
		l.add(time.Duration(i) * time.Millisecond)
	}
	n, p50, p95, p99, mx := l.summary()
	if n != 100 || p50 != 50*time.Millisecond || p95 != 95*time.Millisecond || p99 != 99*time.Millisecond || mx != 100*time.Millisecond {
		t.Fatalf("summary = %d %s %s %s %s", n, p50, p95, p99, mx)
	}
}

func TestBenchPortfolioImports(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	sio := IO{Stdout: &out, Stderr: &out, Getenv: func(string) string { return "" }}
	if code := Main(context.Background(), []string{"bench", "portfolio", "--n", "3"}, sio); code != 0 {
		t.Fatalf("exit %d: %s", code, out.String())
	}
	if got := strings.Count(out.String(), "\n"); got != 4 {
		t.Fatalf("%d lines, want a header and 3 rows:\n%s", got, out.String())
	}
}

// The bench reads a turn-time quantile as the bucket that holds it, from
// the observations between two scrapes only.
func TestBucketBound(t *testing.T) {
	scrape := func(counts ...float64) []bucket {
		var text strings.Builder
		for i, le := range []string{"0.001", "0.005", "0.05", "+Inf"} {
			fmt.Fprintf(&text, "parley_turn_duration_seconds_bucket{channel=\"sms\",le=%q} %g\n", le, counts[i])
			fmt.Fprintf(&text, "parley_turn_duration_seconds_bucket{channel=\"chat\",le=%q} 999\n", le)
		}
		text.WriteString("parley_turn_duration_seconds_sum{channel=\"sms\"} 1.5\n")
		return histogram(text.String(), "parley_turn_duration_seconds", `channel="sms"`)
	}
	before := scrape(10, 10, 10, 10) // ten fast turns before the run
	after := scrape(10, 60, 109, 110)
	for _, tc := range []struct {
		q    float64
		want string
	}{{0.25, "≤ 5ms"}, {0.50, "≤ 5ms"}, {0.90, "≤ 50ms"}, {0.99, "≤ 50ms"}, {1, "> 50ms"}} {
		if got := bucketBound(before, after, tc.q); got != tc.want {
			t.Errorf("q %.2f: %s, want %s", tc.q, got, tc.want)
		}
	}
	if got := bucketBound(after, after, 0.5); got != "none" {
		t.Errorf("no turns between scrapes: %s", got)
	}
	if got := bucketBound(nil, nil, 0.5); got != "none" {
		t.Errorf("no histogram: %s", got)
	}
	if len(after) != 4 || after[0].le != 0.001 || !math.IsInf(after[3].le, 1) {
		t.Errorf("buckets read: %+v", after)
	}
}
