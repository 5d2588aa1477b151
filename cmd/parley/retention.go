package main

import (
	"context"
	"time"

	"github.com/parley-collections/parley/agent"
)

// retentionBatch is how many conversations one purge deletes in one
// transaction: a long backlog goes in several, so no write waits long.
const retentionBatch = 500

// purgeExpired deletes, at start and then every hour, the closed
// conversations idle for longer than PARLEY_RETENTION_DAYS, with their
// messages, events, outbox rows and contact attempts (agent.Retainer).
// With the setting at 0 it does nothing.
func (a *app) purgeExpired(ctx context.Context) {
	if a.cfg.RetentionDays <= 0 {
		return
	}
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		n, err := purgeBefore(ctx, a.store, time.Now().Add(-time.Duration(a.cfg.RetentionDays)*24*time.Hour), retentionBatch)
		if err != nil && ctx.Err() == nil {
			a.log.Warn("retention purge failed", "err", err)
		}
		if n > 0 {
			a.log.Info("conversations past the retention period deleted", "conversations", n, "days", a.cfg.RetentionDays)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// purgeBefore deletes every closed conversation idle since before, batch
// at a time, and returns how many it deleted.
func purgeBefore(ctx context.Context, rt agent.Retainer, before time.Time, batch int) (int, error) {
	total := 0
	for {
		n, err := rt.PurgeClosed(ctx, before, batch)
		total += n
		if err != nil || n < batch {
			return total, err
		}
	}
}
