package main

import (
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkServeStartup measures `parley serve` on the embedded defaults
// from exec to a healthy /healthz, on a fresh database (migrations and demo
// seeding included), then stops it with SIGTERM.
func BenchmarkServeStartup(b *testing.B) {
	bin, err := buildParley()
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for i := 0; b.Loop(); i++ {
		db := filepath.Join(dir, "parley"+time.Now().Format("150405.000000000")+".db")
		ln := freeAddrT(b)
		start := time.Now()
		cmd := exec.Command(bin, "serve", "--addr", ln, "--db", db)
		cmd.Env = append(os.Environ(), "DATABASE_URL=", "PARLEY_LOG_LEVEL=error")
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		for {
			resp, err := http.Get("http://" + ln + "/healthz")
			if err == nil {
				resp.Body.Close()
				break
			}
			if time.Since(start) > 30*time.Second {
				_ = cmd.Process.Kill()
				b.Fatal("no /healthz within 30s")
			}
			time.Sleep(5 * time.Millisecond)
		}
		b.ReportMetric(float64(time.Since(start).Milliseconds()), "ms-to-healthy")
		_ = cmd.Process.Signal(os.Interrupt)
		_ = cmd.Wait()
	}
}

// TestServeShutsDownCleanly sends SIGTERM to a running server and expects
// it to drain and exit 0.
func TestServeShutsDownCleanly(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	t.Parallel()
	bin, err := buildParley()
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "parley.db")
	cmd := startServe(t, bin, db, freeAddr(t))
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("exit after SIGINT: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the server did not stop within 20s of SIGINT")
	}
}
