package voice_test

import (
	"context"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/parley-collections/parley/agent"
)

// BenchmarkStreamChunkToSocket measures one guard-approved chunk from the
// moment the orchestrator hands it to the voice channel until the far end of
// a real websocket on 127.0.0.1 has read it: the channel's queue, its writer
// goroutine, the frame encoding and the loopback hop. Target: under 20 ms.
func BenchmarkStreamChunkToSocket(b *testing.B) {
	streams := make(chan func(string), 1)
	bundle := setup(b, func(ctx context.Context, _ agent.Inbound, stream func(string)) (agent.TurnResult, error) {
		streams <- stream
		<-ctx.Done()
		return agent.TurnResult{}, ctx.Err()
	}, nil)
	conn := bundle.dial(b)
	send(b, conn, setupMsg)
	send(b, conn, `{"type":"prompt","voicePrompt":"tell me my options","last":true}`)
	stream := <-streams
	var worst time.Duration
	b.ReportAllocs()
	for b.Loop() {
		start := time.Now()
		stream("You can pay in three monthly installments. ")
		if _, _, err := conn.ReadMessage(); err != nil {
			b.Fatal(err)
		}
		worst = max(worst, time.Since(start))
	}
	b.ReportMetric(float64(worst.Microseconds())/1000, "worst-ms")
	_ = conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""))
}
