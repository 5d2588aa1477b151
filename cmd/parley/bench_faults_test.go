package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/sqlite"
	"github.com/parley-collections/parley/channels/sms"
	"github.com/parley-collections/parley/channels/twilio/twiliotest"
)

// faultApp starts the whole server in-process on SQLite and 127.0.0.1:0,
// with env as its environment; adjust may change the app before it serves.
func faultApp(t *testing.T, env map[string]string, adjust func(*app)) (*app, *sqlite.Store, string) {
	t.Helper()
	return startApp(t, env, true, slog.New(slog.DiscardHandler), adjust)
}

// startApp is faultApp with Twilio signatures checked unless insecure, and
// log as the server's logger.
func startApp(t *testing.T, env map[string]string, insecure bool, log *slog.Logger, adjust func(*app)) (*app, *sqlite.Store, string) {
	t.Helper()
	return startAppOn(t, env, insecure, log, adjust, nil)
}

// startAppOn is startApp serving on the listener wrap makes of its own,
// when wrap is not nil.
func startAppOn(t *testing.T, env map[string]string, insecure bool, log *slog.Logger, adjust func(*app), wrap func(net.Listener) net.Listener) (*app, *sqlite.Store, string) {
	t.Helper()
	a, st, base := startAppStore(t, env, insecure, log, adjust, wrap)
	sq, ok := st.(*sqlite.Store)
	if !ok {
		t.Fatalf("store is %T, want SQLite", st)
	}
	return a, sq, base
}

// startAppStore is startAppOn on the store env names: SQLite in a
// temporary directory, or DATABASE_URL. It runs in demo mode either way.
func startAppStore(t *testing.T, env map[string]string, insecure bool, log *slog.Logger, adjust func(*app), wrap func(net.Listener) net.Listener) (*app, agent.Store, string) {
	t.Helper()
	getenv := func(k string) string { return env[k] }
	cfg := defaultConfig()
	if err := cfg.loadEnv(getenv); err != nil {
		t.Fatal(err)
	}
	cfg.Demo = true
	cfg.DBPath = filepath.Join(t.TempDir(), "parley.db")
	cfg.TwilioInsecure = insecure
	if err := cfg.validate(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	sio := IO{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard, Getenv: getenv}
	a, err := newApp(ctx, cfg, log, sio)
	if err != nil {
		t.Fatal(err)
	}
	if adjust != nil {
		adjust(a)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if wrap != nil {
		ln = wrap(ln)
	}
	done := make(chan struct{})
	go func() { defer close(done); _ = a.serve(ctx, ln) }()
	t.Cleanup(func() { cancel(); <-done; a.close() })
	return a, a.store, "http://" + ln.Addr().String()
}

// postSMS sends n unsigned inbound webhooks from the demo phones and
// returns the MessageSids the server acknowledged with 200.
func postSMS(t *testing.T, base, prefix string, n int) []string {
	t.Helper()
	phones := []string{}
	for _, acct := range agent.DemoAccounts(time.Now()) {
		if len(acct.Borrower.Phones) > 0 {
			phones = append(phones, acct.Borrower.Phones[0])
		}
	}
	hc := &http.Client{Timeout: 10 * time.Second}
	var ok []string
	for i := range n {
		sid := fmt.Sprintf("SM%s%04d", prefix, i)
		form := url.Values{"MessageSid": {sid}, "From": {phones[i%len(phones)]}, "To": {"+15550000000"}, "Body": {"hello"}}
		resp, err := hc.PostForm(base+"/twilio/sms", form)
		if err != nil {
			t.Fatalf("post %s: %v", sid, err)
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			ok = append(ok, sid)
		}
	}
	return ok
}

// checks counts a scenario's passed and failed checks, logging each failure.
type checks struct {
	t          *testing.T
	pass, fail int
}

func (c *checks) check(ok bool, format string, a ...any) {
	c.t.Helper()
	if ok {
		c.pass++
		return
	}
	c.fail++
	c.t.Logf("FAIL: "+format, a...)
}

// report prints a scenario's pass/fail count, which docs/reliability.md quotes.
func report(t *testing.T, scenario string, pass, fail int) {
	t.Helper()
	fmt.Printf("fault %s: pass=%d fail=%d\n", scenario, pass, fail)
	if fail > 0 {
		t.Errorf("%s: %d of %d checks failed", scenario, fail, pass+fail)
	}
}

// TestTwilioErrorsRetryWithoutDuplicates runs the server with its SMS
// sender pointed at a fake Twilio that answers 500 and then 429 for a
// while: every reply must still go out, each exactly once, none
// dead-lettered. The binary's sender cannot be pointed at a fake from the
// environment, so the whole app runs in-process with the real sms.Sender.
func TestTwilioErrorsRetryWithoutDuplicates(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole server")
	}
	t.Parallel()
	fake := twiliotest.NewServer(t)
	const failures = 12
	fake.FailNext(failures/2, http.StatusInternalServerError, 20500)
	fake.FailNext(failures/2, http.StatusTooManyRequests, 20429)
	_, st, base := faultApp(t, nil, func(a *app) {
		a.disp.Senders[agent.ChannelSMS] = sms.NewSender(fake.Settings("http://127.0.0.1"), fake.HTTPClient(), nil)
		a.disp.Backoff = func(int) time.Duration { return 20 * time.Millisecond }
		a.disp.MaxAttempts = failures + 2
	})
	const n = 24
	acked := postSMS(t, base, "twfault", n)
	ctx := context.Background()
	deadline := time.Now().Add(90 * time.Second)
	for {
		pending, _ := st.Outbox(ctx, agent.OutboxPending, 0)
		sending, _ := st.Outbox(ctx, agent.OutboxSending, 0)
		unanswered := 0
		for _, sid := range acked {
			if m, err := st.MessageByChannelID(ctx, agent.ChannelSMS, sid); err != nil || m.Status != agent.StatusProcessed {
				unanswered++
			}
		}
		// Rows move between pending and sending between the two reads
		// above (a retry claimed as it falls due), so an empty read of
		// both is not the end by itself: every reply Twilio accepted must
		// also be recorded as sent.
		sentNow, _ := st.Outbox(ctx, agent.OutboxSent, 0)
		if len(pending)+len(sending)+unanswered == 0 && len(sentNow) >= acceptedReplies(fake.Requests(), failures) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d pending, %d sending, %d unanswered after 90s", len(pending), len(sending), unanswered)
		}
		time.Sleep(100 * time.Millisecond)
	}
	sent, _ := st.Outbox(ctx, agent.OutboxSent, 0)
	dead, _ := st.Outbox(ctx, agent.OutboxDead, 0)
	reqs := fake.Requests()
	delivered := map[string]int{}
	for _, r := range reqs[min(failures, len(reqs)):] {
		cb, _ := url.Parse(r.Form.Get("StatusCallback"))
		delivered[cb.Query().Get("mid")]++
	}
	c := &checks{t: t}
	check := c.check
	check(len(acked) == n, "%d of %d webhooks acknowledged", len(acked), n)
	check(len(reqs) >= failures, "only %d requests reached the fake Twilio", len(reqs))
	check(len(dead) == 0, "%d replies dead-lettered", len(dead))
	check(len(sent) > 0, "no reply sent")
	for _, it := range sent {
		check(delivered[it.MessageID] == 1, "reply %s accepted by Twilio %d times", it.MessageID, delivered[it.MessageID])
	}
	check(len(delivered) == len(sent), "Twilio accepted %d distinct replies, the outbox sent %d", len(delivered), len(sent))
	t.Logf("%d webhooks, %d replies sent, %d Twilio requests (%d answered 500 or 429)", n, len(sent), len(reqs), failures)
	report(t, "twilio-500-429", c.pass, c.fail)
}

// acceptedReplies counts the distinct replies the fake Twilio accepted:
// the requests after the first failures, by the message id in their
// status callback.
func acceptedReplies(reqs []twiliotest.Request, failures int) int {
	seen := map[string]bool{}
	for _, r := range reqs[min(failures, len(reqs)):] {
		cb, _ := url.Parse(r.Form.Get("StatusCallback"))
		seen[cb.Query().Get("mid")] = true
	}
	return len(seen)
}

// TestHangingLLMFallsBackToRules points the LLM brain at an endpoint that
// accepts the connection and never answers: every turn must still finish
// through the rules brain, within the LLM timeout plus a margin.
func TestHangingLLMFallsBackToRules(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole server")
	}
	t.Parallel()
	release := make(chan struct{})
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(func() { close(release); hang.Close() })
	env := map[string]string{"PARLEY_LLM_BASE_URL": hang.URL + "/v1", "PARLEY_LLM_API_KEY": "test", "PARLEY_LLM_MODEL": "hang"}
	_, st, base := faultApp(t, env, nil)
	const n = 8
	start := time.Now()
	acked := postSMS(t, base, "llmhang", n)
	ctx := context.Background()
	// 8s is the text timeout; turns on one conversation run one at a time,
	// so the bound is per conversation: n turns over 8 demo accounts.
	limit := 8*time.Second + 15*time.Second
	pass, fail := 0, 0
	for _, sid := range acked {
		for {
			m, err := st.MessageByChannelID(ctx, agent.ChannelSMS, sid)
			if err == nil && m.Status == agent.StatusProcessed {
				pass++
				break
			}
			if time.Since(start) > limit {
				fail++
				t.Logf("FAIL: %s not answered within %s", sid, limit)
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	fail += n - len(acked)
	t.Logf("%d turns finished through the fallback in %s", pass, time.Since(start).Round(time.Millisecond))
	report(t, "llm-hangs", pass, fail)
}
