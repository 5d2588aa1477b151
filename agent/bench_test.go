//go:build unix

package agent_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/rules"
	"github.com/parley-collections/parley/agent/sqlite"
	"github.com/parley-collections/parley/policies"
)

// The benchmarks of docs/benchmarks.md ("Agent turn"): whole turns through the rules
// brain, the flows, the guard and a SQLite file store, as `parley serve`
// runs them.

// benchScript is one conversation: greeting, verification, a question,
// negotiation and acceptance.
var benchScript = []string{
	"hi",
	"my date of birth is April 12 1985 and my zip is 60601",
	"what's my balance?",
	"can I set up a payment plan?",
	"I can pay 150 a month",
	"yes",
}

type benchRig struct {
	ctx   context.Context
	st    *sqlite.Store
	orch  *agent.Orchestrator
	clock *agent.FixedClock
	path  string
	base  agent.Account
	n     int
}

func newBenchRig(b *testing.B, inMemory bool) *benchRig {
	b.Helper()
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "bench.db")
	if inMemory {
		path = ":memory:"
	}
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	clock := agent.NewFixedClock(testNow)
	orch, err := agent.NewOrchestrator(agent.Config{
		Store: st, Brain: rules.New(), Guard: policies.Default(), Clock: clock,
		Linker: &agent.PaymentLinker{URLTemplate: "https://pay.example.com/p/{token}", Secret: []byte("bench-secret-bench-secret-bench!")},
	})
	if err != nil {
		b.Fatal(err)
	}
	var base agent.Account
	for _, a := range agent.DemoAccounts(testNow) {
		if a.ID == "DEMO-US-1" {
			base = a
		}
	}
	return &benchRig{ctx: ctx, st: st, orch: orch, clock: clock, path: path, base: base}
}

// account stores a fresh copy of DEMO-US-1, so contact history does not pile
// up on one borrower as the benchmark runs.
func (r *benchRig) account(b *testing.B) agent.Account {
	b.Helper()
	r.n++
	a := r.base
	a.ID = fmt.Sprintf("BENCH-%06d", r.n)
	a.Borrower.Phones = []string{fmt.Sprintf("+1312%07d", r.n)}
	if err := r.st.PutAccount(r.ctx, a); err != nil {
		b.Fatal(err)
	}
	return a
}

func (r *benchRig) turn(b *testing.B, a agent.Account, convID, text string, i int) agent.TurnResult {
	r.clock.Advance(10 * time.Millisecond)
	res, err := r.orch.Handle(r.ctx, agent.Inbound{
		Channel: agent.ChannelChat, AccountID: a.ID, ConversationID: convID, Text: text,
		ChannelMessageID: fmt.Sprintf("%s-%d", a.ID, i),
	})
	if err != nil {
		b.Fatal(err)
	}
	return res
}

// BenchmarkTurn times whole turns and reports their median and 99th
// percentile from per-turn timings: "file" is the SQLite file store as
// deployed (WAL, synchronous=FULL, so every commit waits for the disk);
// "memory" is the same store in memory, which isolates the CPU cost of the
// brain, the flows and the guard from the disk.
func BenchmarkTurn(b *testing.B) {
	b.Run("file", func(b *testing.B) { benchTurn(b, false) })
	b.Run("memory", func(b *testing.B) { benchTurn(b, true) })
}

func benchTurn(b *testing.B, inMemory bool) {
	r := newBenchRig(b, inMemory)
	times := make([]time.Duration, 0, b.N)
	var acct agent.Account
	conv := ""
	cpu0 := processCPU()
	for i := 0; b.Loop(); i++ {
		step := i % len(benchScript)
		if step == 0 {
			b.StopTimer()
			acct, conv = r.account(b), ""
			b.StartTimer()
		}
		start := time.Now()
		res := r.turn(b, acct, conv, benchScript[step], i)
		times = append(times, time.Since(start))
		conv = res.Conversation.ID
		if len(res.Replies) == 0 {
			b.Fatalf("turn %q sent nothing", benchScript[step])
		}
	}
	cpu := processCPU() - cpu0
	slices.Sort(times)
	// CPU time leaves out waiting for the disk and, on a shared machine,
	// for a processor; the setup of fresh accounts is in it too (small).
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(len(times)), "cpu-ms/turn")
	b.ReportMetric(float64(percentile(times, 50).Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(percentile(times, 99).Microseconds())/1000, "p99-ms")
}

func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := (len(sorted)*p + 99) / 100
	return sorted[min(max(i-1, 0), len(sorted)-1)]
}

// BenchmarkIdleConversation measures what a conversation left idle costs:
// the process heap it keeps (nothing should stay in memory between turns),
// the store's growth per conversation (the conversation row with its flow
// memory, plus its messages and events), and the flow memory itself.
func BenchmarkIdleConversation(b *testing.B) {
	r := newBenchRig(b, false)
	accts := make([]agent.Account, 0, b.N)
	for range b.N {
		accts = append(accts, r.account(b))
	}
	heap0 := heapInUse()
	disk0 := diskSize(b, r.path)
	convs := make([]string, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		conv := ""
		for j, text := range benchScript[:4] { // verified, negotiating: the memory at its fullest before a plan
			conv = r.turn(b, accts[i], conv, text, j).Conversation.ID
		}
		convs = append(convs, conv)
	}
	b.StopTimer()
	heap1 := heapInUse()
	disk1 := diskSize(b, r.path)
	memBytes := 0
	for _, id := range convs {
		c, err := r.st.Conversation(r.ctx, id)
		if err != nil {
			b.Fatal(err)
		}
		memBytes += len(c.Memory)
	}
	runtime.KeepAlive(convs)
	b.ReportMetric(float64(max(heap1-heap0, 0))/float64(b.N), "heap-B/conv")
	b.ReportMetric(float64(disk1-disk0)/float64(b.N), "store-B/conv")
	b.ReportMetric(float64(memBytes)/float64(b.N), "memory-B/conv")
}

func heapInUse() int64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}

// diskSize is the database with its write-ahead log.
func diskSize(b *testing.B, path string) int64 {
	b.Helper()
	var n int64
	for _, p := range []string{path, path + "-wal"} {
		fi, err := os.Stat(p)
		if err == nil {
			n += fi.Size()
		}
	}
	return n
}

// processCPU is the CPU time the process has used, user and system, on all
// its threads.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
