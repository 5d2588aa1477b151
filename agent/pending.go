package agent

import (
	"context"
	"fmt"
	"time"
)

// Pending turns. Every inbound message is stored before its turn runs, so a
// message stored and not answered (its process stopped, its channel's queue
// had no room, its turn failed) is found again in the store
// (Store.PendingInbound) and run by the pending sweep. What keeps the sweep
// off a turn that is running is not the message's age but the process's own
// record: a message this process stored is held from before it is stored
// until its turn ends (Process releases it), and the sweep skips held
// messages. A message another replica is running may be swept here too; the
// turn takes the conversation's lock and a message already answered is not
// run again, so that costs a read, never a second reply.

// heldKey names a message before it has an id: its channel's own id.
func heldKey(ch Channel, channelMessageID string) string {
	return "ch:" + string(ch) + "\x00" + channelMessageID
}

func (o *Orchestrator) hold(id string) { o.held.Store(id, struct{}{}) }

// Holds reports whether a turn of this process holds the message.
func (o *Orchestrator) Holds(id string) bool {
	_, ok := o.held.Load(id)
	return ok
}

// Release gives up the message's turn: a channel that stored the message and
// will not run its turn (a full queue) releases it to the pending sweep.
// Process releases the message it ran.
func (o *Orchestrator) Release(id string) { o.held.Delete(id) }

// WakePending asks the pending sweep to run now (RunPending), as a channel
// that released messages does.
func (o *Orchestrator) WakePending() {
	select {
	case o.wake <- struct{}{}:
	default:
	}
}

// sweepBatch bounds the messages one sweep reads.
const sweepBatch = 100

// SweepPending runs the turns of stored, unanswered inbound messages that no
// turn of this process holds, oldest first, and returns how many it ran.
func (o *Orchestrator) SweepPending(ctx context.Context) (int, error) {
	msgs, err := o.cfg.Store.PendingInbound(ctx, sweepBatch)
	if err != nil {
		return 0, fmt.Errorf("pending sweep: %w", err)
	}
	ran := 0
	for _, m := range msgs {
		if ctx.Err() != nil {
			return ran, ctx.Err()
		}
		if _, held := o.held.Load(heldKey(m.Channel, m.ChannelMessageID)); held {
			continue
		}
		if _, held := o.held.LoadOrStore(m.ID, struct{}{}); held {
			continue
		}
		res, err := o.Process(ctx, m.ID, InConversation(m.ConversationID))
		if err != nil {
			o.log.Warn("pending turn failed", "message", m.ID, "err", err)
			continue
		}
		if !res.Duplicate {
			ran++
		}
	}
	return ran, nil
}

// RunPending sweeps at once (the turns a stopped process left), then
// whenever a channel wakes it (WakePending), and every interval for what
// other replicas left, until ctx ends.
func (o *Orchestrator) RunPending(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if _, err := o.SweepPending(ctx); err != nil && ctx.Err() == nil {
			o.log.Warn("pending sweep failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-o.wake:
		case <-t.C:
		}
	}
}
