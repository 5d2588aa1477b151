package chat

import (
	"bufio"
	"context"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/parley-collections/parley/agent"
)

// The idle-connection load run is opt-in: it opens thousands of sockets.
//
//	PARLEY_CHAT_LOAD=5000 go test -run TestLoadIdleConnections -v ./channels/chat/
//
// The clients run in a child process (this test binary again), so the
// figures are the server's alone.
const (
	loadEnv       = "PARLEY_CHAT_LOAD"
	loadClientEnv = "PARLEY_CHAT_LOAD_CLIENT"
)

func TestLoadIdleConnections(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv(loadEnv))
	if testing.Short() || n <= 0 {
		t.Skipf("set %s=<connections> to run the idle-connection load run", loadEnv)
	}
	raiseFileLimit(t, uint64(n)+1024)

	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("L-%05d", i)
	}
	st := newFakeStore(ids...)
	for _, id := range ids {
		st.addOut(id, agent.AuthorAgent, "Hello, how can I help?", agent.StatusSent)
	}
	bus := agent.NewMemoryBus()
	h, err := NewHandler(Config{Secret: testSecret, Orchestrator: &fakeOrchestrator{store: st, sender: NewSender(bus)},
		Store: st, Bus: bus, Clock: agent.NewFixedClock(testNow)})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(h) // 127.0.0.1
	defer hs.Close()
	srv := "ws" + strings.TrimPrefix(hs.URL, "http")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { _ = h.Run(ctx) }()
	<-h.hub.ready

	before := serverMemory()
	cmd := exec.Command(os.Args[0], "-test.run=^TestLoadClients$", "-test.v")
	cmd.Env = append(os.Environ(), loadClientEnv+"="+srv, loadEnv+"="+strconv.Itoa(n))
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// The child reports ready once every socket has read its transcript, so
	// every socket is registered and idle.
	lines := bufio.NewScanner(stdout)
	ready := false
	for !ready && lines.Scan() {
		ready = strings.HasPrefix(lines.Text(), "ready ")
		if strings.HasPrefix(lines.Text(), "failed ") {
			t.Fatal(lines.Text())
		}
	}
	if !ready {
		t.Fatalf("client process ended before it was ready: %v", cmd.Wait())
	}
	opened := time.Since(start)
	if got := h.hub.count(); got != n {
		t.Fatalf("hub holds %d sockets, want %d", got, n)
	}
	after := serverMemory()
	goroutines := runtime.NumGoroutine()

	// Every socket is live: a delivered message reaches a sample of them.
	sample := ids[n/2]
	m := st.addOut(sample, agent.AuthorSupervisor, "still there?", agent.StatusSent)
	if _, err := NewSender(bus).Send(ctx, agent.Outbound{MessageID: m.ID, ConversationID: m.ConversationID, AccountID: sample, Channel: agent.ChannelChat}); err != nil {
		t.Fatal(err)
	}
	for lines.Scan() && !strings.HasPrefix(lines.Text(), "delivered ") {
	}
	_ = stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("client process: %v", err)
	}

	mib := func(a, b uint64) float64 { return (float64(a) - float64(b)) / (1 << 20) }
	heap := mib(after.heap+after.stack, before.heap+before.stack)
	rss := mib(after.rss, before.rss)
	t.Logf("connections=%d open_time=%s goroutines=%d", n, opened.Round(time.Millisecond), goroutines)
	t.Logf("heap_inuse+stack_inuse delta: %.1f MiB total (heap %.1f, stacks %.1f), %.1f KiB per connection",
		heap, mib(after.heap, before.heap), mib(after.stack, before.stack), heap*1024/float64(n))
	t.Logf("rss delta: %.1f MiB total, %.1f KiB per connection; rss now %.1f MiB", rss, rss*1024/float64(n), float64(after.rss)/(1<<20))
	if heap > 500 || rss > 500 {
		t.Errorf("server memory over the 500 MB target")
	}
}

// TestLoadClients is the client side of TestLoadIdleConnections, run in a
// child process: it opens the sockets, reads each transcript, says ready,
// waits for one delivered message, and holds the sockets until stdin closes.
func TestLoadClients(t *testing.T) {
	base := os.Getenv(loadClientEnv)
	if base == "" {
		t.Skip("the client side of TestLoadIdleConnections")
	}
	n, _ := strconv.Atoi(os.Getenv(loadEnv))
	raiseFileLimit(t, uint64(n)+1024)
	conns := make([]*websocket.Conn, n)
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		firstEr error
	)
	next := make(chan int)
	for range 64 {
		wg.Go(func() {
			for i := range next {
				ws, err := dialLoad(base, fmt.Sprintf("L-%05d", i))
				if err != nil {
					mu.Lock()
					firstEr = err
					mu.Unlock()
					continue
				}
				conns[i] = ws
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	if firstEr != nil {
		fmt.Printf("failed %v\n", firstEr)
		return
	}
	fmt.Printf("ready %d\n", n)
	ws := conns[n/2]
	_ = ws.SetReadDeadline(time.Now().Add(30 * time.Second))
	if _, data, err := ws.ReadMessage(); err != nil || !strings.Contains(string(data), "still there?") {
		fmt.Printf("failed delivery: %s %v\n", data, err)
		return
	}
	fmt.Println("delivered 1")
	_, _ = bufio.NewReader(os.Stdin).ReadString('\n') // until the parent closes stdin
	for _, c := range conns {
		_ = c.Close()
	}
}

func dialLoad(base, account string) (*websocket.Conn, error) {
	tok, err := MintToken(testSecret, account, time.Hour, testNow)
	if err != nil {
		return nil, err
	}
	ws, _, err := websocket.DefaultDialer.Dial(base+"/chat/ws?token="+url.QueryEscape(tok), nil)
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", account, err)
	}
	_ = ws.SetReadDeadline(time.Now().Add(30 * time.Second))
	if _, _, err := ws.ReadMessage(); err != nil {
		return nil, fmt.Errorf("transcript %s: %w", account, err)
	}
	return ws, nil
}

type memory struct{ heap, stack, rss uint64 }

// serverMemory is this process's heap and stack in use after a collection,
// and its resident set size.
func serverMemory() memory {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m := memory{heap: ms.HeapInuse, stack: ms.StackInuse}
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
				kb, _ := strconv.ParseUint(f[1], 10, 64)
				m.rss = kb << 10
			}
		}
	}
	return m
}

func raiseFileLimit(t *testing.T, want uint64) {
	t.Helper()
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		t.Fatal(err)
	}
	if lim.Cur >= want {
		return
	}
	lim.Cur = min(want, lim.Max)
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil || lim.Cur < want {
		t.Skipf("file limit %d is below the %d this run needs (%v)", lim.Cur, want, err)
	}
}
