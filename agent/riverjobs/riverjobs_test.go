package riverjobs

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	_ "modernc.org/sqlite"

	"github.com/parley-collections/parley/agent"
)

// recorder is a Runner that reports each call on a channel, and each
// sweep on another.
type recorder struct {
	calls  chan string
	sweeps chan struct{}
}

func (r *recorder) CloseStaleStreams(context.Context) error { return nil }

func (r *recorder) Sweep(context.Context) error {
	select {
	case r.sweeps <- struct{}{}:
	default:
	}
	return nil
}

func (r *recorder) SendDeferred(_ context.Context, id string) error {
	r.calls <- "send " + id
	return nil
}

func (r *recorder) Remind(_ context.Context, a, p string) error {
	r.calls <- "remind " + a + " " + p
	return nil
}

func (r *recorder) Reach(_ context.Context, a string, ch agent.Channel) error {
	r.calls <- "reach " + a + " " + string(ch)
	return nil
}

func exercise(t *testing.T, j *Jobs) {
	t.Helper()
	rec := &recorder{calls: make(chan string, 8), sweeps: make(chan struct{}, 64)}
	j.Bind(rec)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- j.Run(ctx) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("run: %v", err)
		}
	}()
	now := time.Now()
	if err := j.ScheduleSend(ctx, "m_1", now); err != nil {
		t.Fatal(err)
	}
	// A second request for the same pending message is not a second job.
	if err := j.ScheduleSend(ctx, "m_1", now); err != nil {
		t.Fatal(err)
	}
	if err := j.ScheduleReminder(ctx, "A-1", "p_1", now); err != nil {
		t.Fatal(err)
	}
	if err := j.ScheduleReach(ctx, "A-1", agent.ChannelSMS, time.Time{}); err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"send m_1": true, "remind A-1 p_1": true, "reach A-1 sms": true}
	timeout := time.After(30 * time.Second)
	for len(want) > 0 {
		select {
		case c := <-rec.calls:
			if !want[c] {
				t.Fatalf("unexpected or repeated job %q", c)
			}
			delete(want, c)
		case <-timeout:
			t.Fatalf("jobs not run: %v", want)
		}
	}
	select {
	case c := <-rec.calls:
		t.Fatalf("a job ran twice: %q", c)
	case <-time.After(1500 * time.Millisecond):
	}
	// The sweep of stored work runs at start and then again on its
	// period, with nothing asking for it.
	for i := range 2 {
		select {
		case <-rec.sweeps:
		case <-timeout:
			t.Fatalf("%d sweeps of stored work in 30s, want at least 2", i)
		}
	}
}

func TestSQLiteJobsRun(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "jobs.db")
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { _ = db.Close() })
	j, err := NewSQLite(context.Background(), db, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	exercise(t, j)
}

func TestPostgresJobsRun(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, schemaURL(t, "riverjobs"))
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	j, err := NewPostgres(ctx, pool, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	exercise(t, j)
}

// TestPostgresReplicasMigrateTogether starts River on several pools at once
// against one fresh schema: every one must come up.
func TestPostgresReplicasMigrateTogether(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := schemaURL(t, "riverjobs_m")
	errs := make(chan error, 3)
	for range 3 {
		go func() {
			pool, err := pgxpool.New(ctx, url)
			if err != nil {
				errs <- err
				return
			}
			defer pool.Close()
			_, err = NewPostgres(ctx, pool, slog.New(slog.DiscardHandler))
			errs <- err
		}()
	}
	for range 3 {
		if err := <-errs; err != nil {
			t.Errorf("replica start: %v", err)
		}
	}
}

// schemaURL returns TEST_DATABASE_URL pointed at a fresh schema that is
// dropped after the test; it skips (fails in CI) without the variable.
func schemaURL(t *testing.T, prefix string) string {
	t.Helper()
	url := os.Getenv("TEST_DATABASE_URL")
	if url == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("TEST_DATABASE_URL is required in CI")
		}
		t.Skip("TEST_DATABASE_URL unset: skipping the PostgreSQL jobs test")
	}
	ctx := context.Background()
	admin, err := pgxpool.New(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	schema := fmt.Sprintf("%s_%d", prefix, time.Now().UnixNano())
	if _, err := admin.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		admin.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_, _ = admin.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		admin.Close()
	})
	sep := "?"
	if strings.Contains(url, "?") {
		sep = "&"
	}
	return url + sep + "search_path=" + schema
}
