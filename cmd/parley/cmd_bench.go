package main

import (
	"cmp"
	"context"
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/channels/twilio"
)

// Bounds of every bench run: a load generator must stop by itself and must
// never be pointed at anything but this machine.
const (
	benchMaxDuration = 5 * time.Minute
	benchMaxRate     = 5000
	benchMaxRequests = 1_000_000
	benchMaxSessions = 2000
	benchMaxAccounts = 100_000
)

func init() {
	register(command{
		name:    "bench",
		summary: "load a local parley serve: sms, chat or voice; portfolio writes bench accounts",
		run:     runBench,
	})
}

func runBench(ctx context.Context, sio IO, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(sio.Stdout, "usage: parley bench sms|chat|voice|portfolio [flags]")
		fmt.Fprintln(sio.Stdout, "\nLoads a parley serve on a loopback address and prints throughput,")
		fmt.Fprintln(sio.Stdout, "latency percentiles and error counts. Run 'parley bench sms --help'.")
		if len(args) == 0 {
			return usagef("missing mode: sms, chat, voice or portfolio")
		}
		return flag.ErrHelp
	}
	switch args[0] {
	case "sms":
		return benchSMS(ctx, sio, args[1:])
	case "chat":
		return benchChat(ctx, sio, args[1:])
	case "voice":
		return benchVoice(ctx, sio, args[1:])
	case "portfolio":
		return benchPortfolio(sio, args[1:])
	}
	return usagef("unknown mode %q: sms, chat, voice or portfolio", args[0])
}

// benchCommon holds the flags every mode shares.
type benchCommon struct {
	URL         string
	Duration    time.Duration
	MaxRequests int
	Accounts    string
	Portfolio   string
	Timeout     time.Duration
}

func (c *benchCommon) bind(fs *flag.FlagSet) {
	fs.StringVar(&c.URL, "url", "http://127.0.0.1:8080", "base URL of parley serve; the host must be a loopback address")
	fs.DurationVar(&c.Duration, "duration", 10*time.Second, "how long to send (at most 5m)")
	fs.IntVar(&c.MaxRequests, "max-requests", 100_000, "stop after this many requests or messages (at most 1000000)")
	fs.StringVar(&c.Accounts, "accounts", "DEMO-US-1", "comma-separated account ids (demo ids, ids of --portfolio) or E.164 phone numbers")
	fs.StringVar(&c.Portfolio, "portfolio", "", "portfolio CSV (as written by 'parley bench portfolio') to resolve account ids; \"all\" in --accounts takes every row")
	fs.DurationVar(&c.Timeout, "timeout", 10*time.Second, "per-request or per-reply timeout")
}

func (c *benchCommon) validate() (*url.URL, error) {
	u, err := loopbackURL(c.URL)
	if err != nil {
		return nil, err
	}
	if c.Duration <= 0 || c.Duration > benchMaxDuration {
		return nil, usagef("--duration must be between 0 and %s", benchMaxDuration)
	}
	if c.MaxRequests <= 0 || c.MaxRequests > benchMaxRequests {
		return nil, usagef("--max-requests must be between 1 and %d", benchMaxRequests)
	}
	if c.Timeout <= 0 || c.Timeout > time.Minute {
		return nil, usagef("--timeout must be between 0 and 1m")
	}
	return u, nil
}

// loopbackURL parses raw and refuses any host that is not a loopback
// address: "localhost" or an IP in 127.0.0.0/8 or ::1. Names other than
// localhost are refused rather than resolved, so DNS cannot redirect load.
func loopbackURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, usagef("--url %q is not an http(s) URL", raw)
	}
	host := u.Hostname()
	if host != "localhost" {
		ip := net.ParseIP(host)
		if ip == nil || !ip.IsLoopback() {
			return nil, usagef("--url %q: host %q is not a loopback address; bench only loads this machine", raw, host)
		}
	}
	u.Path = strings.TrimRight(u.Path, "/")
	return u, nil
}

// benchTarget is one borrower the generator speaks as.
type benchTarget struct {
	AccountID string
	Phone     string
}

// resolveTargets maps --accounts to account ids and phone numbers, from the
// demo portfolio and the --portfolio file.
func resolveTargets(c benchCommon) ([]benchTarget, error) {
	known := map[string]benchTarget{}
	var order []benchTarget
	for _, a := range agent.DemoAccounts(time.Now()) {
		if len(a.Borrower.Phones) > 0 {
			known[a.ID] = benchTarget{a.ID, a.Borrower.Phones[0]}
		}
	}
	if c.Portfolio != "" {
		f, err := os.Open(c.Portfolio)
		if err != nil {
			return nil, fmt.Errorf("portfolio: %w", err)
		}
		accts, err := agent.ParseAccountsCSV(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("portfolio %s: %w", c.Portfolio, err)
		}
		for _, a := range accts {
			if len(a.Borrower.Phones) > 0 {
				t := benchTarget{a.ID, a.Borrower.Phones[0]}
				known[a.ID] = t
				order = append(order, t)
			}
		}
	}
	var out []benchTarget
	for _, id := range strings.Split(c.Accounts, ",") {
		id = strings.TrimSpace(id)
		switch {
		case id == "":
		case id == "all":
			out = append(out, order...)
		case strings.HasPrefix(id, "+"):
			out = append(out, benchTarget{Phone: id})
		default:
			t, ok := known[id]
			if !ok {
				return nil, usagef("--accounts: unknown account %q (not a demo id; pass --portfolio)", id)
			}
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return nil, usagef("--accounts names no account")
	}
	if len(out) > benchMaxAccounts {
		return nil, usagef("--accounts: at most %d accounts", benchMaxAccounts)
	}
	return out, nil
}

// latencies collects samples from many goroutines.
type latencies struct {
	mu      sync.Mutex
	samples []time.Duration
}

func (l *latencies) add(d time.Duration) {
	l.mu.Lock()
	l.samples = append(l.samples, d)
	l.mu.Unlock()
}

// summary returns the count and the p50, p95, p99 and max of the samples.
func (l *latencies) summary() (n int, p50, p95, p99, maxD time.Duration) {
	l.mu.Lock()
	s := append([]time.Duration(nil), l.samples...)
	l.mu.Unlock()
	if len(s) == 0 {
		return 0, 0, 0, 0, 0
	}
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	q := func(p float64) time.Duration {
		i := int(p*float64(len(s))+0.5) - 1
		return s[max(0, min(i, len(s)-1))]
	}
	return len(s), q(0.50), q(0.95), q(0.99), s[len(s)-1]
}

// errorCounts counts failures by a short label ("503", "timeout", ...).
type errorCounts struct {
	mu sync.Mutex
	m  map[string]int
}

func (e *errorCounts) add(label string) {
	e.mu.Lock()
	if e.m == nil {
		e.m = map[string]int{}
	}
	e.m[label]++
	e.mu.Unlock()
}

func (e *errorCounts) String() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.m) == 0 {
		return "none"
	}
	keys := make([]string, 0, len(e.m))
	for k := range e.m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s=%d", k, e.m[k])
	}
	return b.String()
}

func (e *errorCounts) total() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	n := 0
	for _, v := range e.m {
		n += v
	}
	return n
}

func errLabel(err error) string {
	var ne net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return "timeout"
	case errors.Is(err, context.Canceled):
		return "cancelled"
	case strings.Contains(err.Error(), "connection refused"):
		return "refused"
	case strings.Contains(err.Error(), "reset by peer"), strings.Contains(err.Error(), "EOF"):
		return "reset"
	}
	return "error"
}

func printLatency(w io.Writer, what string, l *latencies) {
	n, p50, p95, p99, mx := l.summary()
	fmt.Fprintf(w, "%s: n=%d p50=%s p95=%s p99=%s max=%s\n", what, n, ms(p50), ms(p95), ms(p99), ms(mx))
}

func ms(d time.Duration) string {
	return strconv.FormatFloat(float64(d)/float64(time.Millisecond), 'f', 1, 64) + "ms"
}

// loadAverage returns /proc/loadavg's first three fields, or "unknown".
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// signTwilio computes X-Twilio-Signature for a form POST to rawURL: the URL
// then each parameter sorted by name as name+value, HMAC-SHA1, base64.
func signTwilio(authToken, rawURL string, form url.Values) string {
	keys := make([]string, 0, len(form))
	for k := range form {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	mac := hmac.New(sha1.New, []byte(authToken))
	io.WriteString(mac, rawURL)
	for _, k := range keys {
		io.WriteString(mac, k+form.Get(k))
	}
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// benchSMS posts signed inbound SMS webhooks at a paced rate (an open loop:
// latency counts from the moment a request was due, so a slow server is
// not hidden by a generator that waits for it), then waits for the turns
// to finish by watching /metrics.
func benchSMS(ctx context.Context, sio IO, args []string) error {
	var c benchCommon
	var (
		rate      = 200
		conc      = 64
		authToken = sio.Getenv("TWILIO_AUTH_TOKEN")
		publicURL string
		body      string
		drain     time.Duration
		run       = strconv.FormatInt(time.Now().UnixNano()%1e10, 36)
	)
	fs := newFlags(sio, "bench sms", "[--url U] [--rate N] [--duration D] [--accounts IDS]")
	c.bind(fs)
	fs.IntVar(&rate, "rate", rate, "webhooks a second (at most 5000)")
	fs.IntVar(&conc, "concurrency", conc, "requests in flight at most (at most 2000)")
	fs.StringVar(&authToken, "auth-token", authToken, "Twilio auth token to sign with (env TWILIO_AUTH_TOKEN); empty sends unsigned, for PARLEY_TWILIO_INSECURE=1")
	fs.StringVar(&publicURL, "public-url", "", "the server's PARLEY_PUBLIC_URL, which signatures cover; default --url")
	fs.StringVar(&body, "body", "hi, what do I owe?", "message text")
	fs.StringVar(&run, "run-id", run, "part of every MessageSid; two benches with the same id send the same sids (a redelivery test)")
	fs.DurationVar(&drain, "drain", 60*time.Second, "after sending, wait up to this long for the turns to finish (0: don't wait)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	base, err := c.validate()
	if err != nil {
		return err
	}
	if rate <= 0 || rate > benchMaxRate {
		return usagef("--rate must be between 1 and %d", benchMaxRate)
	}
	if conc <= 0 || conc > benchMaxSessions {
		return usagef("--concurrency must be between 1 and %d", benchMaxSessions)
	}
	if drain < 0 || drain > benchMaxDuration {
		return usagef("--drain must be between 0 and %s", benchMaxDuration)
	}
	targets, err := resolveTargets(c)
	if err != nil {
		return err
	}
	if publicURL == "" {
		publicURL = base.String()
	}
	signedURL := strings.TrimRight(publicURL, "/") + "/twilio/sms"
	endpoint := base.String() + "/twilio/sms"

	hc := &http.Client{Timeout: c.Timeout, Transport: &http.Transport{MaxIdleConnsPerHost: conc, MaxConnsPerHost: conc, IdleConnTimeout: 30 * time.Second}}
	defer hc.CloseIdleConnections()
	before, metricsOK := scrapeTurns(ctx, hc, base.String(), "sms")

	ctx, cancel := context.WithTimeout(ctx, c.Duration)
	defer cancel()
	due := make(chan time.Time, conc)
	var (
		lat      latencies
		errs     errorCounts
		accepted atomic.Int64
		seq      atomic.Int64
		wg       sync.WaitGroup
	)
	for range conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for at := range due {
				i := seq.Add(1)
				t := targets[int(i)%len(targets)]
				form := url.Values{
					"MessageSid": {fmt.Sprintf("SMbench%s%08d", run, i)},
					"AccountSid": {sio.Getenv("TWILIO_ACCOUNT_SID")},
					"From":       {t.Phone}, "To": {"+15550000000"}, "Body": {body},
				}
				if form.Get("AccountSid") == "" {
					form.Del("AccountSid")
				}
				req, err := http.NewRequestWithContext(context.WithoutCancel(ctx), http.MethodPost, endpoint, strings.NewReader(form.Encode()))
				if err != nil {
					errs.add("error")
					continue
				}
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				if authToken != "" {
					req.Header.Set(twilio.SignatureHeader, signTwilio(authToken, signedURL, form))
				}
				resp, err := hc.Do(req)
				if err != nil {
					errs.add(errLabel(err))
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					errs.add(strconv.Itoa(resp.StatusCode))
					continue
				}
				accepted.Add(1)
				lat.add(time.Since(at))
			}
		}()
	}
	start := time.Now()
	sent := 0
	interval := time.Second / time.Duration(rate)
pace:
	for sent < c.MaxRequests {
		next := start.Add(time.Duration(sent) * interval)
		if d := time.Until(next); d > 0 {
			select {
			case <-ctx.Done():
				break pace
			case <-time.After(d):
			}
		}
		select {
		case <-ctx.Done():
			break pace
		case due <- next:
			sent++
		}
	}
	close(due)
	wg.Wait()
	elapsed := time.Since(start)
	var sending turnScrape
	if metricsOK {
		sending, _ = scrapeTurns(context.Background(), hc, base.String(), "sms")
	}
	w := sio.Stdout
	fmt.Fprintf(w, "bench sms: %s, target %d/s for %s, %d accounts, concurrency %d, load average %s (shared 2-core machine)\n",
		endpoint, rate, c.Duration, len(targets), conc, loadAverage())
	fmt.Fprintf(w, "sent %d, accepted %d in %s: %.1f webhooks/s\n", sent, accepted.Load(), elapsed.Round(time.Millisecond), float64(accepted.Load())/elapsed.Seconds())
	printLatency(w, "webhook latency (from when due)", &lat)
	fmt.Fprintf(w, "errors: %s\n", errs.String())
	if metricsOK && drain > 0 && accepted.Load() > 0 {
		fmt.Fprintf(w, "turns finished while sending: %d, %.1f/s\n", int64(sending.turns-before.turns), (sending.turns-before.turns)/elapsed.Seconds())
		want := before.turns + float64(accepted.Load())
		deadline := time.Now().Add(drain)
		var got turnScrape
		for {
			got, _ = scrapeTurns(context.Background(), hc, base.String(), "sms")
			if got.turns >= want || time.Now().After(deadline) {
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
		all := time.Since(start)
		fmt.Fprintf(w, "turns finished %d of %d within %s of the first send: %.1f turns/s (from /metrics parley_turns_total{channel=\"sms\"})\n",
			int64(got.turns-before.turns), accepted.Load(), all.Round(time.Millisecond), (got.turns-before.turns)/all.Seconds())
		fmt.Fprintf(w, "turn time, queue wait left out (parley_turn_duration_seconds buckets): p50 %s, p99 %s\n",
			bucketBound(before.buckets, got.buckets, 0.50), bucketBound(before.buckets, got.buckets, 0.99))
	}
	fmt.Fprintf(w, "load average after: %s\n", loadAverage())
	if errs.total() > 0 {
		return exitError{code: 1}
	}
	return nil
}

// turnScrape is what a server's /metrics says of one channel's turns: how
// many finished, and the cumulative buckets of their durations.
type turnScrape struct {
	turns   float64
	buckets []bucket
}

// bucket is one cumulative bucket of a Prometheus histogram.
type bucket struct {
	le    float64 // upper bound, seconds; +Inf for the last
	count float64 // observations at most le
}

// scrapeTurns reads parley_turns_total and parley_turn_duration_seconds
// for a channel from /metrics.
func scrapeTurns(ctx context.Context, hc *http.Client, base, channel string) (turnScrape, bool) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/metrics", nil)
	if err != nil {
		return turnScrape{}, false
	}
	resp, err := hc.Do(req)
	if err != nil {
		return turnScrape{}, false
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return turnScrape{}, false
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, 8<<20))
	if err != nil {
		return turnScrape{}, false
	}
	label := `channel="` + channel + `"`
	return turnScrape{
		turns:   sumMetric(string(b), "parley_turns_total", label),
		buckets: histogram(string(b), "parley_turn_duration_seconds", label),
	}, true
}

// histogram reads the cumulative buckets of the Prometheus histogram name
// from the lines whose labels contain label, in ascending order of bound.
func histogram(text, name, label string) []bucket {
	var bs []bucket
	for _, line := range strings.Split(text, "\n") {
		if !strings.HasPrefix(line, name+"_bucket{") || !strings.Contains(line, label) {
			continue
		}
		_, le, ok := strings.Cut(line, `le="`)
		if !ok {
			continue
		}
		le, _, _ = strings.Cut(le, `"`)
		bound, err := strconv.ParseFloat(le, 64) // "+Inf" parses as +Inf
		f := strings.Fields(line)
		n, nerr := strconv.ParseFloat(f[len(f)-1], 64)
		if err != nil || nerr != nil {
			continue
		}
		bs = append(bs, bucket{le: bound, count: n})
	}
	slices.SortFunc(bs, func(a, b bucket) int { return cmp.Compare(a.le, b.le) })
	return bs
}

// bucketBound names the bucket that holds the q-quantile of the
// observations made between two scrapes of one histogram: "≤ 5 ms", or
// "> 8 s" past the last bound, or "none" when nothing was observed.
func bucketBound(before, after []bucket, q float64) string {
	prev := map[float64]float64{}
	for _, b := range before {
		prev[b.le] = b.count
	}
	if len(after) == 0 {
		return "none"
	}
	total := after[len(after)-1].count - prev[after[len(after)-1].le]
	if total <= 0 {
		return "none"
	}
	for i, b := range after {
		if b.count-prev[b.le] < q*total {
			continue
		}
		if math.IsInf(b.le, 1) {
			if i == 0 {
				return "none"
			}
			return "> " + time.Duration(after[i-1].le*float64(time.Second)).String()
		}
		return "≤ " + time.Duration(b.le*float64(time.Second)).String()
	}
	return "none"
}

// sumMetric adds the values of the Prometheus text lines of name whose
// labels contain label.
func sumMetric(text, name, label string) float64 {
	var total float64
	for _, line := range strings.Split(text, "\n") {
		if !strings.HasPrefix(line, name+"{") || !strings.Contains(line, label) {
			continue
		}
		f := strings.Fields(line)
		if v, err := strconv.ParseFloat(f[len(f)-1], 64); err == nil {
			total += v
		}
	}
	return total
}

// benchPortfolio writes a synthetic portfolio CSV of n accounts with
// fictional 555 numbers, for 'parley accounts import' and --portfolio.
func benchPortfolio(sio IO, args []string) error {
	n := 1000
	fs := newFlags(sio, "bench portfolio", "[--n N] > bench.csv")
	fs.IntVar(&n, "n", n, "accounts to write (at most 100000)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if n <= 0 || n > benchMaxAccounts {
		return usagef("--n must be between 1 and %d", benchMaxAccounts)
	}
	w := sio.Stdout
	fmt.Fprintln(w, "id,creditor,balance,currency,name,phone,timezone,jurisdiction,dob,postcode,max_installments,min_installment")
	for i := range n {
		// Numbers from +1 312 555 2000 up: the 555 exchange is fiction's,
		// and the block keeps clear of the demo numbers.
		fmt.Fprintf(w, "BENCH-%05d,Bench Credit,%d.00,USD,Bench Borrower %d,+1312%07d,America/Chicago,US,1980-01-01,60601,6,25.00\n",
			i+1, 100+i%900, i+1, 5552000+i)
	}
	return nil
}
