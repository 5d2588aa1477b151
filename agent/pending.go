package agent

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
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

// sweepBatch bounds the messages one read of the store returns, and
// sweepWorkers the turns a sweep runs at once.
const (
	sweepBatch   = 100
	sweepWorkers = 4
)

// SweepPending runs the turns of stored, unanswered inbound messages that no
// turn of this process holds, oldest first, up to sweepWorkers at once, and
// returns how many it ran. It reads the store again until a read finds
// nothing left to run, so a backlog larger than one read is drained in one
// sweep; a message whose turn failed is not tried again in the same sweep.
func (o *Orchestrator) SweepPending(ctx context.Context) (int, error) {
	var ran atomic.Int64
	tried := map[string]bool{}
	for {
		msgs, err := o.cfg.Store.PendingInbound(ctx, sweepBatch)
		if err != nil {
			return int(ran.Load()), fmt.Errorf("pending sweep: %w", err)
		}
		var claimed []Message
		for _, m := range msgs {
			if tried[m.ID] {
				continue
			}
			if _, held := o.held.Load(heldKey(m.Channel, m.ChannelMessageID)); held {
				continue
			}
			if _, held := o.held.LoadOrStore(m.ID, struct{}{}); held {
				continue
			}
			tried[m.ID] = true
			claimed = append(claimed, m)
		}
		if len(claimed) == 0 {
			return int(ran.Load()), ctx.Err()
		}
		jobs := make(chan Message)
		var wg sync.WaitGroup
		for range min(sweepWorkers, len(claimed)) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for m := range jobs {
					res, err := o.Process(ctx, m.ID, InConversation(m.ConversationID))
					if err != nil {
						o.log.Warn("pending turn failed", "message", m.ID, "err", err)
						continue
					}
					if !res.Duplicate {
						ran.Add(1)
					}
				}
			}()
		}
		for i, m := range claimed {
			if ctx.Err() != nil {
				for _, rest := range claimed[i:] {
					o.Release(rest.ID)
				}
				break
			}
			jobs <- m
		}
		close(jobs)
		wg.Wait()
		if ctx.Err() != nil {
			return int(ran.Load()), ctx.Err()
		}
	}
}

// RunPending sweeps at once (the turns a stopped process left), then
// whenever a channel wakes it (WakePending), until ctx ends. What other
// replicas leave is swept when the scheduler's periodic sweep
// (riverjobs.SweepArgs) wakes it.
func (o *Orchestrator) RunPending(ctx context.Context) {
	for {
		if _, err := o.SweepPending(ctx); err != nil && ctx.Err() == nil {
			o.log.Warn("pending sweep failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-o.wake:
		}
	}
}
