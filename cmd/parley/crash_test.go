package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/sqlite"
)

// buildParley compiles the binary once for the process tests.
var buildParley = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "parley-bin")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "parley")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

func freeAddr(t *testing.T) string {
	t.Helper()
	return freeAddrT(t)
}

func freeAddrT(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// startServe runs `parley serve` on db and waits for /healthz.
func startServe(t *testing.T, bin, db, addr string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--addr", addr, "--db", db)
	cmd.Env = append(os.Environ(), "PARLEY_TWILIO_INSECURE=1", "PARLEY_LOG_LEVEL=warn", "DATABASE_URL=")
	logf, err := os.Create(db + ".log")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { logf.Close() })
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _, _ = cmd.Process.Wait() })
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get("http://" + addr + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return cmd
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("parley serve did not become healthy; log in %s.log", db)
	return nil
}

// TestSIGKILLLosesNothing sends SMS webhooks while the server is killed
// with SIGKILL, restarts it on the same database, and checks that every
// message that got a 200 is stored and answered exactly once.
func TestSIGKILLLosesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	t.Parallel()
	bin, err := buildParley()
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "parley.db")
	addr := freeAddr(t)
	cmd := startServe(t, bin, db, addr)

	const senders, perSender = 4, 60
	var (
		mu       sync.Mutex
		accepted []string
		wg       sync.WaitGroup
	)
	killAt := make(chan struct{})
	var once sync.Once
	client := &http.Client{Timeout: 5 * time.Second}
	for s := 0; s < senders; s++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < perSender; i++ {
				sid := fmt.Sprintf("SMcrash%02d%04d", s, i)
				form := url.Values{"MessageSid": {sid}, "From": {"+13125550101"}, "To": {"+15550000000"}, "Body": {fmt.Sprintf("message %d from %d", i, s)}}
				resp, err := client.PostForm("http://"+addr+"/twilio/sms", form)
				if err != nil {
					return // the server is gone
				}
				resp.Body.Close()
				if resp.StatusCode == http.StatusOK {
					mu.Lock()
					accepted = append(accepted, sid)
					if len(accepted) == senders*perSender/3 {
						once.Do(func() { close(killAt) })
					}
					mu.Unlock()
				}
			}
		}()
	}
	select {
	case <-killAt:
	case <-time.After(60 * time.Second):
		t.Fatal("the server accepted too few messages to kill it mid-load")
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_, _ = cmd.Process.Wait()
	wg.Wait()
	mu.Lock()
	got := append([]string(nil), accepted...)
	mu.Unlock()
	t.Logf("%d messages acknowledged before and while the server was killed", len(got))

	// Restart: pending turns are run again by the recovery sweep.
	startServe(t, bin, db, addr)
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	deadline := time.Now().Add(90 * time.Second)
	for {
		missing, unanswered, doubled := 0, 0, 0
		for _, sid := range got {
			m, err := st.MessageByChannelID(ctx, agent.ChannelSMS, sid)
			if err != nil {
				missing++
				continue
			}
			if m.Status != agent.StatusProcessed {
				unanswered++
			}
		}
		conv, err := st.OpenConversation(ctx, "DEMO-US-1", agent.ChannelSMS)
		if err == nil {
			msgs, _ := st.Messages(ctx, conv.ID, 0, 0)
			replies := map[string]int{}
			for _, m := range msgs {
				if m.Direction == agent.DirectionOut && m.ReplyTo != "" {
					replies[m.ReplyTo+"/"+m.ID]++
				}
			}
			for _, n := range replies {
				if n > 1 {
					doubled++
				}
			}
		}
		if missing > 0 {
			t.Fatalf("%d acknowledged messages are not in the store", missing)
		}
		if doubled > 0 {
			t.Fatalf("%d replies stored twice", doubled)
		}
		if unanswered == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d acknowledged messages never answered after the restart", unanswered)
		}
		time.Sleep(200 * time.Millisecond)
	}
	// Every turn answered once: each inbound message has its replies, and no
	// reply id appears twice (ids derive from the inbound message).
	out, err := st.Outbox(ctx, agent.OutboxPending, 0)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, it := range out {
		if seen[it.MessageID] {
			t.Fatalf("message %s is in the outbox twice", it.MessageID)
		}
		seen[it.MessageID] = true
	}
	if !strings.HasPrefix(addr, "127.0.0.1:") {
		t.Fatalf("load went to %s", addr)
	}
}
