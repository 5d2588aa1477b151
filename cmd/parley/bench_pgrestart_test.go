package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

const pgBin = "/usr/lib/postgresql/15/bin"

// privatePostgres starts a throwaway PostgreSQL cluster in a temp dir on
// its own port, never the machine's shared one, and returns its URL and a
// restart function. It skips when the binaries or the postgres user are
// missing.
func privatePostgres(t *testing.T) (string, func() error) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(pgBin, "pg_ctl")); err != nil {
		t.Skip("no PostgreSQL 15 binaries")
	}
	asPG := func(args ...string) *exec.Cmd {
		if os.Getuid() == 0 {
			return exec.Command("runuser", append([]string{"-u", "postgres", "--"}, args...)...)
		}
		return exec.Command(args[0], args[1:]...)
	}
	dir, err := os.MkdirTemp("", "parley-pg")
	if err != nil {
		t.Fatal(err)
	}
	_ = os.Chmod(dir, 0o777)
	data := filepath.Join(dir, "data")
	if out, err := asPG(filepath.Join(pgBin, "initdb"), "-D", data, "-A", "trust", "-U", "postgres").CombinedOutput(); err != nil {
		t.Skipf("initdb: %v\n%s", err, out)
	}
	port := freeAddr(t)[len("127.0.0.1:"):]
	opts := "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=on"
	ctl := func(args ...string) error {
		out, err := asPG(append([]string{filepath.Join(pgBin, "pg_ctl"), "-D", data, "-w", "-t", "30", "-o", opts, "-l", filepath.Join(dir, "log")}, args...)...).CombinedOutput()
		if err != nil {
			return fmt.Errorf("pg_ctl %v: %v\n%s", args, err, out)
		}
		return nil
	}
	if err := ctl("start"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ctl("stop", "-m", "immediate"); _ = os.RemoveAll(dir) })
	return "postgres://postgres@127.0.0.1:" + port + "/postgres?sslmode=disable", func() error { return ctl("restart", "-m", "fast") }
}

// TestPostgresRestartMidLoad restarts a private PostgreSQL while SMS
// webhooks arrive: requests during the outage must fail cleanly (503),
// and every acknowledged message must be stored and answered exactly once.
func TestPostgresRestartMidLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("runs PostgreSQL and the binary")
	}
	t.Parallel()
	dbURL, restart := privatePostgres(t)
	bin, err := buildParley()
	if err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "DATABASE_URL="+dbURL, "PARLEY_IDENTITY_KEY="+testIdentityKey, "PARLEY_TWILIO_INSECURE=1", "PARLEY_LOG_LEVEL=warn")
	mig := exec.Command(bin, "migrate")
	mig.Env = env
	if out, err := mig.CombinedOutput(); err != nil {
		t.Fatalf("migrate: %v\n%s", err, out)
	}
	addr := freeAddr(t)
	cmd := exec.Command(bin, "serve", "--addr", addr, "--demo")
	cmd.Env = env
	logf, err := os.Create(filepath.Join(t.TempDir(), "serve.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _, _ = cmd.Process.Wait(); logf.Close() })
	waitHealthy(t, addr)

	const senders, perSender = 4, 80
	var (
		mu       sync.Mutex
		accepted []string
		statuses = map[string]int{}
		wg       sync.WaitGroup
	)
	client := &http.Client{Timeout: 10 * time.Second}
	restartAt := make(chan struct{})
	var once sync.Once
	for s := range senders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perSender {
				sid := fmt.Sprintf("SMpgrestart%02d%04d", s, i)
				form := url.Values{"MessageSid": {sid}, "From": {"+13125550101"}, "To": {"+15550000000"}, "Body": {"hello"}}
				resp, err := client.PostForm("http://"+addr+"/twilio/sms", form)
				label := "transport error"
				if err == nil {
					resp.Body.Close()
					label = strconv.Itoa(resp.StatusCode)
				}
				mu.Lock()
				statuses[label]++
				if label == "200" {
					accepted = append(accepted, sid)
					if len(accepted) == senders*perSender/4 {
						once.Do(func() { close(restartAt) })
					}
				}
				mu.Unlock()
				time.Sleep(20 * time.Millisecond)
			}
		}()
	}
	select {
	case <-restartAt:
	case <-time.After(60 * time.Second):
		t.Fatal("too few messages accepted to restart mid-load")
	}
	began := time.Now()
	if err := restart(); err != nil {
		t.Fatal(err)
	}
	t.Logf("PostgreSQL restarted in %s", time.Since(began).Round(time.Millisecond))
	wg.Wait()

	ctx := context.Background()
	pool, err := pgxpool.New(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	c := &checks{t: t}
	check := c.check
	for label, n := range statuses {
		check(label == "200" || label == "503", "%d requests answered %s, want only 200 or 503", n, label)
	}
	deadline := time.Now().Add(90 * time.Second)
	var stored, processed, unreplied int
	for {
		err := pool.QueryRow(ctx, `
			select count(*),
			       count(*) filter (where status = 'processed'),
			       count(*) filter (where not exists (select 1 from messages o where o.reply_to = i.id and o.direction = 'out'))
			from messages i where i.channel_message_id = any($1)`, accepted).Scan(&stored, &processed, &unreplied)
		if err == nil && processed == len(accepted) && unreplied == 0 {
			break
		}
		if time.Now().After(deadline) {
			break
		}
		time.Sleep(250 * time.Millisecond)
	}
	var doubledOutbox int
	_ = pool.QueryRow(ctx, `select count(*) from (select message_id from outbox group by message_id having count(*) > 1) x`).Scan(&doubledOutbox)
	check(stored == len(accepted), "%d of %d acknowledged messages stored", stored, len(accepted))
	check(processed == len(accepted), "%d of %d acknowledged messages processed", processed, len(accepted))
	check(unreplied == 0, "%d acknowledged messages without a reply", unreplied)
	check(doubledOutbox == 0, "%d replies in the outbox twice", doubledOutbox)
	t.Logf("answers: %v; %d accepted", statuses, len(accepted))
	report(t, "postgres-restart", c.pass, c.fail)
}

func waitHealthy(t *testing.T, addr string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get("http://" + addr + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("parley serve on %s did not become healthy", addr)
}
