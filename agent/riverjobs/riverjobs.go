// Package riverjobs runs Parley's scheduled work on River: a deferred
// message at the time the guard allows it, a reminder before an installment,
// outreach to a borrower, and the sweep of stored work that no running
// process is doing (SweepArgs). River keeps the jobs in the store's own
// database (SQLite through riversqlite, PostgreSQL through riverpgxv5), so
// they survive restarts and spread over replicas. It is the only clock in
// Parley that starts stored work: everything else runs work at the moment
// it is stored, by whoever stored it.
//
// It must not decide what is said or whether it may be sent: every job calls
// back into the orchestrator, which drafts the message and checks the guard
// again when the job fires.
package riverjobs

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"

	"github.com/parley-collections/parley/agent"
)

// Runner does the work when a job fires; agent.Orchestrator implements it.
type Runner interface {
	SendDeferred(ctx context.Context, messageID string) error
	Remind(ctx context.Context, accountID, planID string) error
	Reach(ctx context.Context, accountID string, ch agent.Channel) error
	// Sweep runs the stored work nobody is running: inbound messages
	// without a turn, outbox rows due (retries, leases a stopped process
	// left, rows another replica enqueued), spoken replies left sending.
	Sweep(ctx context.Context) error
	// CloseStaleStreams marks the spoken replies a stopped process left
	// sending undelivered.
	CloseStaleStreams(ctx context.Context) error
}

// SendArgs is a deferred message waiting for its send time.
type SendArgs struct {
	MessageID string `json:"message_id" river:"unique"`
}

// Kind names the job.
func (SendArgs) Kind() string { return "parley_send_deferred" }

// ReminderArgs is a reminder before a plan's installment.
type ReminderArgs struct {
	AccountID string    `json:"account_id" river:"unique"`
	PlanID    string    `json:"plan_id" river:"unique"`
	At        time.Time `json:"at" river:"unique"`
}

// Kind names the job.
func (ReminderArgs) Kind() string { return "parley_reminder" }

// ReachArgs is a first contact or follow-up to a borrower.
type ReachArgs struct {
	AccountID string        `json:"account_id" river:"unique"`
	Channel   agent.Channel `json:"channel" river:"unique"`
}

// Kind names the job.
func (ReachArgs) Kind() string { return "parley_reach" }

// SweepArgs is one sweep of stored work (Runner.Sweep). It is a periodic
// job, inserted every SweepEvery by the leading replica and once at start,
// and unique while one waits or runs, so a slow sweep never piles up
// others behind it.
type SweepArgs struct{}

// Kind names the job.
func (SweepArgs) Kind() string { return "parley_sweep" }

// SweepEvery is how often stored work that no process runs is looked for.
// It bounds how late an outbox retry is sent after its due time (the
// dispatcher sends at once what is enqueued; a row it retries waits for a
// sweep) and how long work a crashed replica left waits.
const SweepEvery = time.Second

// sweepTimeout bounds one sweep; what it leaves, the next one takes.
const sweepTimeout = 5 * time.Minute

// StreamsArgs closes the spoken replies a stopped process left sending
// (Runner.CloseStaleStreams). It is a periodic job, every StreamsEvery on
// the leading replica, unique while one waits or runs.
type StreamsArgs struct{}

// Kind names the job.
func (StreamsArgs) Kind() string { return "parley_close_streams" }

// StreamsEvery is how often spoken replies left sending are looked for: a
// reply is stale only minutes after its turn could have ended.
const StreamsEvery = time.Minute

type streamsWorker struct {
	river.WorkerDefaults[StreamsArgs]
	r Runner
}

func (w *streamsWorker) Work(ctx context.Context, _ *river.Job[StreamsArgs]) error {
	return w.r.CloseStaleStreams(ctx)
}

type sweepWorker struct {
	river.WorkerDefaults[SweepArgs]
	r Runner
}

func (w *sweepWorker) Work(ctx context.Context, _ *river.Job[SweepArgs]) error {
	return w.r.Sweep(ctx)
}

func (w *sweepWorker) Timeout(*river.Job[SweepArgs]) time.Duration { return sweepTimeout }

type sendWorker struct {
	river.WorkerDefaults[SendArgs]
	r Runner
}

func (w *sendWorker) Work(ctx context.Context, j *river.Job[SendArgs]) error {
	return w.r.SendDeferred(ctx, j.Args.MessageID)
}

type reminderWorker struct {
	river.WorkerDefaults[ReminderArgs]
	r Runner
}

func (w *reminderWorker) Work(ctx context.Context, j *river.Job[ReminderArgs]) error {
	return w.r.Remind(ctx, j.Args.AccountID, j.Args.PlanID)
}

type reachWorker struct {
	river.WorkerDefaults[ReachArgs]
	r Runner
}

func (w *reachWorker) Work(ctx context.Context, j *river.Job[ReachArgs]) error {
	err := w.r.Reach(ctx, j.Args.AccountID, j.Args.Channel)
	if errors.Is(err, agent.ErrContactStopped) {
		// Contact stopped since it was scheduled: trying again changes nothing.
		return river.JobCancel(err)
	}
	return err
}

// inserter is the part of river.Client this package uses, whatever its driver.
type inserter interface {
	Insert(ctx context.Context, args river.JobArgs, opts *river.InsertOpts) (*rivertype.JobInsertResult, error)
	Start(ctx context.Context) error
	Stop(ctx context.Context) error
}

// Jobs schedules and runs Parley's jobs. It implements agent.Scheduler.
type Jobs struct {
	client inserter
	runner *lateRunner
}

var _ agent.Scheduler = (*Jobs)(nil)

// lateRunner lets the orchestrator, which needs the scheduler, be built
// after the jobs that call back into it.
type lateRunner struct{ r Runner }

func (l *lateRunner) SendDeferred(ctx context.Context, id string) error {
	if l.r == nil {
		return errors.New("riverjobs: no runner bound")
	}
	return l.r.SendDeferred(ctx, id)
}

func (l *lateRunner) Remind(ctx context.Context, a, p string) error {
	if l.r == nil {
		return errors.New("riverjobs: no runner bound")
	}
	return l.r.Remind(ctx, a, p)
}

func (l *lateRunner) Reach(ctx context.Context, a string, ch agent.Channel) error {
	if l.r == nil {
		return errors.New("riverjobs: no runner bound")
	}
	return l.r.Reach(ctx, a, ch)
}

func (l *lateRunner) Sweep(ctx context.Context) error {
	if l.r == nil {
		return errors.New("riverjobs: no runner bound")
	}
	return l.r.Sweep(ctx)
}

func (l *lateRunner) CloseStaleStreams(ctx context.Context) error {
	if l.r == nil {
		return errors.New("riverjobs: no runner bound")
	}
	return l.r.CloseStaleStreams(ctx)
}

// periodic inserts args every interval (and at start when onStart), one
// try each, never while one of its kind waits or runs.
func periodic(every time.Duration, args river.JobArgs, onStart bool) *river.PeriodicJob {
	return river.NewPeriodicJob(river.PeriodicInterval(every), func() (river.JobArgs, *river.InsertOpts) {
		return args, &river.InsertOpts{MaxAttempts: 1, UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: pendingStates}}
	}, &river.PeriodicJobOpts{RunOnStart: onStart})
}

func config(lr *lateRunner, log *slog.Logger, workers int) *river.Config {
	ws := river.NewWorkers()
	river.AddWorker(ws, &sendWorker{r: lr})
	river.AddWorker(ws, &reminderWorker{r: lr})
	river.AddWorker(ws, &reachWorker{r: lr})
	river.AddWorker(ws, &sweepWorker{r: lr})
	river.AddWorker(ws, &streamsWorker{r: lr})
	if workers <= 0 {
		workers = 4
	}
	return &river.Config{
		Queues:            map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: workers}},
		Workers:           ws,
		Logger:            log,
		MaxAttempts:       10,
		FetchPollInterval: 500 * time.Millisecond,
		PeriodicJobs: []*river.PeriodicJob{
			periodic(SweepEvery, SweepArgs{}, true),
			// Every replica closes them at start itself.
			periodic(StreamsEvery, StreamsArgs{}, false),
		},
		// A sweep a second is most of the jobs; none is looked at once
		// done, so completed jobs are kept an hour, not River's day.
		CompletedJobRetentionPeriod: time.Hour,
		// Parley's own advisory locks hash conversation ids; keep River's apart.
		AdvisoryLockPrefix: 0x50524c59,
	}
}

// NewSQLite runs jobs on a SQLite database (its own *sql.DB on the store's
// file: SQLite's WAL serializes the writers), migrating River's tables.
func NewSQLite(ctx context.Context, db *sql.DB, log *slog.Logger) (*Jobs, error) {
	drv := riversqlite.New(db)
	mig, err := rivermigrate.New(drv, nil)
	if err != nil {
		return nil, fmt.Errorf("riverjobs: migrate: %w", err)
	}
	if _, err := mig.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return nil, fmt.Errorf("riverjobs: migrate: %w", err)
	}
	lr := &lateRunner{}
	c, err := river.NewClient(drv, config(lr, log, 2))
	if err != nil {
		return nil, fmt.Errorf("riverjobs: %w", err)
	}
	return &Jobs{client: c, runner: lr}, nil
}

// migrateLockKey serializes River's migrations across replicas that start
// at the same moment.
const migrateLockKey = 0x50524c594a4f4253 // "PRLYJOBS"

// NewPostgres runs jobs on PostgreSQL, migrating River's tables under an
// advisory lock, so that replicas starting together migrate one at a time.
func NewPostgres(ctx context.Context, pool *pgxpool.Pool, log *slog.Logger) (*Jobs, error) {
	drv := riverpgxv5.New(pool)
	mig, err := rivermigrate.New(drv, nil)
	if err != nil {
		return nil, fmt.Errorf("riverjobs: migrate: %w", err)
	}
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("riverjobs: migrate: %w", err)
	}
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", int64(migrateLockKey)); err != nil {
		conn.Release()
		return nil, fmt.Errorf("riverjobs: migrate: lock: %w", err)
	}
	_, err = mig.Migrate(ctx, rivermigrate.DirectionUp, nil)
	_, _ = conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", int64(migrateLockKey))
	conn.Release()
	if err != nil {
		return nil, fmt.Errorf("riverjobs: migrate: %w", err)
	}
	lr := &lateRunner{}
	c, err := river.NewClient(drv, config(lr, log, 8))
	if err != nil {
		return nil, fmt.Errorf("riverjobs: %w", err)
	}
	return &Jobs{client: c, runner: lr}, nil
}

// Bind sets the runner jobs call back into; call it before Run.
func (j *Jobs) Bind(r Runner) { j.runner.r = r }

// Run works jobs until ctx ends, then stops, letting running jobs finish.
func (j *Jobs) Run(ctx context.Context) error {
	if err := j.client.Start(ctx); err != nil {
		return fmt.Errorf("riverjobs: start: %w", err)
	}
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return j.client.Stop(sctx)
}

// ScheduleSend runs SendDeferred for the message at at.
func (j *Jobs) ScheduleSend(ctx context.Context, messageID string, at time.Time) error {
	_, err := j.client.Insert(ctx, SendArgs{MessageID: messageID}, &river.InsertOpts{
		ScheduledAt: at, UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: pendingStates},
	})
	if err != nil {
		return fmt.Errorf("riverjobs: schedule send: %w", err)
	}
	return nil
}

// ScheduleReminder runs Remind for the plan at at.
func (j *Jobs) ScheduleReminder(ctx context.Context, accountID, planID string, at time.Time) error {
	_, err := j.client.Insert(ctx, ReminderArgs{AccountID: accountID, PlanID: planID, At: at.UTC()}, &river.InsertOpts{
		ScheduledAt: at, UniqueOpts: river.UniqueOpts{ByArgs: true},
	})
	if err != nil {
		return fmt.Errorf("riverjobs: schedule reminder: %w", err)
	}
	return nil
}

// ScheduleReach runs Reach for the account on the channel at at (now when zero).
// A second request while one is pending is a no-op.
func (j *Jobs) ScheduleReach(ctx context.Context, accountID string, ch agent.Channel, at time.Time) error {
	_, err := j.client.Insert(ctx, ReachArgs{AccountID: accountID, Channel: ch}, &river.InsertOpts{
		ScheduledAt: at, UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: pendingStates},
	})
	if err != nil {
		return fmt.Errorf("riverjobs: schedule reach: %w", err)
	}
	return nil
}

// pendingStates makes a job unique only while it has not run: the same
// message may be deferred again after its job ran.
var pendingStates = []rivertype.JobState{
	rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRetryable,
	rivertype.JobStateRunning, rivertype.JobStateScheduled,
}
