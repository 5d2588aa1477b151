package postgres

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/postgres/pgtest"
	"github.com/parley-collections/parley/agent/storetest"
	"github.com/parley-collections/parley/policies"
)

// tripCounter counts what a store sends PostgreSQL, through pgx's tracer
// hooks on every connection of its pools: round trips (a statement, a
// batch or a statement's preparation each wait for one answer) and
// transactions (a statement or a batch outside BEGIN … COMMIT runs as one
// implicit transaction; an explicit block counts once).
type tripCounter struct {
	mu           sync.Mutex
	trips, txs   int
	statements   int
	inTx         map[*pgx.Conn]bool
	log          []string
	keepStatemts bool
}

func (c *tripCounter) TraceQueryStart(ctx context.Context, conn *pgx.Conn, d pgx.TraceQueryStartData) context.Context {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.trips++
	c.statements++
	sql := strings.ToLower(strings.TrimSpace(d.SQL))
	switch {
	case strings.HasPrefix(sql, "begin"):
		c.inTx[conn] = true
		c.txs++
	case strings.HasPrefix(sql, "commit"), strings.HasPrefix(sql, "rollback"):
		c.inTx[conn] = false
	case !c.inTx[conn]:
		c.txs++
	}
	c.note("query", d.SQL)
	return ctx
}

func (c *tripCounter) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

func (c *tripCounter) TraceBatchStart(ctx context.Context, conn *pgx.Conn, d pgx.TraceBatchStartData) context.Context {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.trips++
	if !c.inTx[conn] {
		c.txs++
	}
	c.note("batch", fmt.Sprintf("%d statements", d.Batch.Len()))
	return ctx
}

func (c *tripCounter) TraceBatchQuery(context.Context, *pgx.Conn, pgx.TraceBatchQueryData) {
	c.mu.Lock()
	c.statements++
	c.mu.Unlock()
}

func (c *tripCounter) TraceBatchEnd(context.Context, *pgx.Conn, pgx.TraceBatchEndData) {}

func (c *tripCounter) TracePrepareStart(ctx context.Context, _ *pgx.Conn, d pgx.TracePrepareStartData) context.Context {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.trips++
	c.note("prepare", d.SQL)
	return ctx
}

func (c *tripCounter) TracePrepareEnd(context.Context, *pgx.Conn, pgx.TracePrepareEndData) {}

func (c *tripCounter) note(kind, sql string) {
	if c.keepStatemts {
		line, _, _ := strings.Cut(strings.Join(strings.Fields(sql), " "), " FROM ")
		c.log = append(c.log, kind+": "+line)
	}
}

// take returns the counts since the last take and starts them again.
func (c *tripCounter) take() (trips, txs, statements int, log []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	trips, txs, statements, log = c.trips, c.txs, c.statements, c.log
	c.trips, c.txs, c.statements, c.log = 0, 0, 0, nil
	return
}

// openCounted opens a store on u whose pools report to c.
func openCounted(t *testing.T, u string, c *tripCounter) *Store {
	t.Helper()
	ctx := context.Background()
	cfg, err := pgxpool.ParseConfig(u)
	if err != nil {
		t.Fatal(err)
	}
	cfg.ConnConfig.Tracer = c
	pool := func(cfg *pgxpool.Config) *pgxpool.Pool {
		p, err := pgxpool.NewWithConfig(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(p.Close)
		return p
	}
	zcfg := cfg.Copy()
	zcfg.ConnConfig.RuntimeParams["synchronous_commit"] = "off"
	s := &Store{pool: pool(cfg), lazy: pool(zcfg), locks: pool(cfg.Copy())}
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}

// greetingBrain reads every message as a greeting.
type greetingBrain struct{}

func (greetingBrain) Understand(context.Context, agent.TurnContext, string) (agent.Understanding, error) {
	return agent.Understanding{Commands: []agent.Command{{Intent: agent.IntentGreeting}}, Brain: "test"}, nil
}

// TestTurnRoundTrips counts what an SMS turn sends PostgreSQL from its
// inbound message stored (Receive) to its reply committed (Process), on
// warm connections: the figures docs/scaling.md reports. Run with -v to
// see them and the statements.
func TestTurnRoundTrips(t *testing.T) {
	t.Parallel()
	c := &tripCounter{inTx: map[*pgx.Conn]bool{}}
	s := openCounted(t, pgtest.Schema(t), c)
	ctx := context.Background()
	acct := storetest.Account("A-rt", "+15555550177")
	if err := s.PutAccount(ctx, acct); err != nil {
		t.Fatal(err)
	}
	o, err := agent.NewOrchestrator(agent.Config{Store: s, Brain: greetingBrain{}, Guard: policies.Default()})
	if err != nil {
		t.Fatal(err)
	}
	const turns = 5
	var convID string
	for i := range turns + 2 {
		in := agent.Inbound{Channel: agent.ChannelSMS, From: acct.Borrower.Phones[0], Text: "hello",
			ChannelMessageID: fmt.Sprintf("SM-rt%d", i), ConversationID: convID}
		m, _, err := o.Receive(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		convID = m.ConversationID
		c.keepStatemts = i == turns+1
		c.take()
		res, err := o.Process(ctx, m.ID, agent.InConversation(convID))
		if err != nil {
			t.Fatal(err)
		}
		trips, txs, stmts, log := c.take()
		if len(res.Replies) == 0 {
			t.Fatalf("turn %d: no reply", i)
		}
		if i < 2 {
			continue // statements are prepared on first use
		}
		t.Logf("turn %d: %d round trips, %d transactions, %d statements, %d replies", i, trips, txs, stmts, len(res.Replies))
		for _, l := range log {
			t.Logf("  %s", l)
		}
		if trips > maxTurnTrips || txs > maxTurnTxs {
			t.Errorf("turn %d: %d round trips and %d transactions, want at most %d and %d", i, trips, txs, maxTurnTrips, maxTurnTxs)
		}
	}
}

// The most an SMS turn may cost PostgreSQL, from its message stored to its
// reply committed and its conversation unlocked.
const (
	maxTurnTrips = 2
	maxTurnTxs   = 2
)
