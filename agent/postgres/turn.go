package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/parley-collections/parley/agent"
)

// FinishTurn writes the end of a turn in one round trip: its statements
// go as one pipeline, which the server runs as one implicit transaction,
// so that the conversation's row is locked only while the server runs
// them. The pipeline opens by requiring the conversation and the inbound
// message (parley_require, migration 0003): when either is missing, the
// error undoes the whole pipeline. Account flags are changed one at a time
// (setAccountFlagSQL), so two conversations of one account never undo each
// other's flags (agent.Store).
func (s *Store) FinishTurn(ctx context.Context, end agent.TurnEnd) (string, []agent.Event, error) {
	b := &pgx.Batch{}
	read, err := queueFinishTurn(b, &end)
	if err != nil {
		return "", nil, err
	}
	return read(s.pool.SendBatch(ctx, b), nil)
}

// queueFinishTurn queues FinishTurn's statements on b and returns what
// reads their results.
// The function returned reads them and then, when more is not nil, what
// more reads of the statements queued after them; it closes the results.
func queueFinishTurn(b *pgx.Batch, end *agent.TurnEnd) (func(br pgx.BatchResults, more func() error) (string, []agent.Event, error), error) {
	c, inboundID := end.Conversation, end.InboundID
	stored := make([]agent.Event, len(end.Events))
	copy(stored, end.Events)
	b.Queue("SELECT parley_require(EXISTS (SELECT 1 FROM conversations WHERE id = $1), 'conversation ' || $1)", c.ID)
	if inboundID != "" {
		b.Queue("SELECT parley_require(EXISTS (SELECT 1 FROM messages WHERE id = $1), 'message ' || $1)", inboundID)
	}
	b.Queue(updateConversationSQL+" RETURNING owner", updateConversationArgs(c)...)
	for _, f := range end.Flags {
		if !agent.ValidFlag(f.Flag) {
			return nil, fmt.Errorf("postgres: finish turn: flag %q: %w", f.Flag, agent.ErrConflict)
		}
		b.Queue(setAccountFlagSQL, f.Flag, f.Value, c.AccountID)
	}
	for _, cs := range end.Consents {
		b.Queue(setConsentSQL, consentArgs(cs)...)
	}
	for _, p := range end.Plans {
		args, err := planArgs(p)
		if err != nil {
			return nil, fmt.Errorf("postgres: finish turn: plan: %w", err)
		}
		b.Queue(putPlanSQL, args...)
	}
	for _, d := range end.Disputes {
		b.Queue(addDisputeSQL, disputeArgs(d)...)
	}
	for _, r := range end.Restrictions {
		args, err := restrictionArgs(r)
		if err != nil {
			return nil, fmt.Errorf("postgres: finish turn: restriction: %w", err)
		}
		b.Queue(addRestrictionSQL, args...)
	}
	for _, l := range end.Logins {
		queueLoginChange(b, l)
	}
	effects := len(end.Flags) + len(end.Consents) + len(end.Plans) + len(end.Disputes) + len(end.Restrictions) + len(end.Logins)
	if inboundID != "" && end.InboundText != "" {
		b.Queue(`UPDATE messages SET text = $1 WHERE id = $2`, end.InboundText, inboundID)
		effects++
	}
	for i := range stored {
		args, err := eventArgs(&stored[i])
		if err != nil {
			return nil, fmt.Errorf("postgres: finish turn: event %s: %w", stored[i].Kind, err)
		}
		b.Queue(insertEventSQL, args...)
	}
	for i := range end.Messages {
		end.Messages[i].Message.ConversationID = c.ID
		args, err := turnMessageArgs(&end.Messages[i])
		if err != nil {
			return nil, fmt.Errorf("postgres: finish turn: message %s: %w", end.Messages[i].Message.ID, err)
		}
		b.Queue(turnMessageSQL, args...)
	}
	for _, a := range end.Attempts {
		b.Queue(insertContactAttemptSQL, contactAttemptArgs(a)...)
	}
	if inboundID != "" {
		b.Queue(setMessageStatusSQL, string(agent.StatusProcessed), "", inboundID, statusRank(agent.StatusProcessed))
	}
	return func(br pgx.BatchResults, more func() error) (string, []agent.Event, error) {
		owner, err := finishTurn(br, &stored, end.Messages, effects, len(end.Attempts), inboundID != "")
		if err == nil && more != nil {
			err = more()
		}
		if cerr := br.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			var pe *pgconn.PgError
			if errors.As(err, &pe) && pe.Code == "P0002" {
				err = fmt.Errorf("%s: %w", pe.Message, agent.ErrNotFound)
			}
			return "", nil, fmt.Errorf("postgres: finish turn: %w", err)
		}
		return owner, stored, nil
	}, nil
}

// finishTurn reads FinishTurn's results in order, filling the events' IDs.
func finishTurn(br pgx.BatchResults, storedp *[]agent.Event, msgs []agent.TurnMessage, effects, attempts int, inbound bool) (owner string, err error) {
	stored := *storedp
	checks := 1
	if inbound {
		checks = 2
	}
	for range checks {
		if _, err := br.Exec(); err != nil {
			return "", err
		}
	}
	if err := br.QueryRow().Scan(&owner); err != nil {
		return "", err
	}
	for range effects {
		if _, err := br.Exec(); err != nil {
			return "", err
		}
	}
	for i := range stored {
		if err := br.QueryRow().Scan(&stored[i].ID); err != nil {
			return "", fmt.Errorf("event %s: %w", stored[i].Kind, err)
		}
	}
	for i := range msgs {
		e, err := scanTurnMessage(br.QueryRow(), &msgs[i])
		if err != nil {
			return "", err
		}
		if e != nil {
			*storedp = append(*storedp, *e)
		}
	}
	for range attempts {
		if _, err := br.Exec(); err != nil {
			return "", fmt.Errorf("contact attempt: %w", err)
		}
	}
	if inbound {
		if _, err := br.Exec(); err != nil {
			return "", err
		}
	}
	return owner, nil
}

// turnMessageSQL is insertMessageSQL for one of a turn's messages
// (agent.TurnMessage): it also records the message's contact attempt when
// it is inserted and not dropped ($23: there is one), or, when it is
// dropped, the message_blocked event that records the drop.
var turnMessageSQL = strings.Replace(insertMessageSQL,
	"SELECT ins.seq, ins.channel, ins.status, ob.id, ob.channel, ob.account_id FROM ins LEFT JOIN ob ON true",
	fmt.Sprintf(`,
ca AS (
	INSERT INTO contact_attempts (account_id, channel, address, initiated_by, outcome, message_id, at)
	SELECT c.account_id, coalesce(nullif($28::text, ''), ins.channel), $24::text, $25::text, $26::text, ins.id, $27::timestamptz
	FROM ins, c WHERE $23::boolean AND ins.status <> '%s'),
ev AS (
	INSERT INTO events (conversation_id, account_id, kind, actor, data, at)
	SELECT $2::text, c.account_id, '%s', '%s', jsonb_build_object('reason', '%s'::text, 'message_id', ins.id), $16::timestamptz
	FROM ins, c WHERE ins.status = '%s'
	RETURNING id, account_id)
SELECT ins.seq, ins.channel, ins.status, ob.id, ob.channel, ob.account_id, ev.id, ev.account_id
FROM ins LEFT JOIN ob ON true LEFT JOIN ev ON true`,
		agent.StatusDropped, agent.EventMessageBlocked, agent.OwnerAI, agent.TakenOverReason, agent.StatusDropped), 1)

// turnMessageArgs returns turnMessageSQL's arguments for tm, filling its
// message's defaults.
func turnMessageArgs(tm *agent.TurnMessage) ([]any, error) {
	tm.Message = withDefaults(tm.Message, agent.DirectionOut, agent.AuthorAgent, agent.StatusQueued)
	args, _, err := insertMessageArgs(&tm.Message, tm.Outbox, tm.RequireAI)
	if err != nil {
		return nil, err
	}
	var a agent.ContactAttempt
	if tm.Attempt != nil {
		a = *tm.Attempt
	}
	return append(args, tm.Attempt != nil, a.Address, a.InitiatedBy, string(a.Outcome), orNow(a.At), string(a.Channel)), nil
}

// scanTurnMessage reads turnMessageSQL's result into tm, and returns the
// drop's event, if the message was dropped.
func scanTurnMessage(row pgx.Row, tm *agent.TurnMessage) (*agent.Event, error) {
	var (
		seq                 int64
		ch, status          string
		obID, evID          *int64
		obChan, obAcct, evA *string
	)
	err := row.Scan(&seq, &ch, &status, &obID, &obChan, &obAcct, &evID, &evA)
	if errors.Is(err, pgx.ErrNoRows) {
		tm.Existed = true
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("message %s: %w", tm.Message.ID, err)
	}
	m := &tm.Message
	m.Seq, m.Channel, m.Status = seq, agent.Channel(ch), agent.MessageStatus(status)
	if obID != nil && tm.Outbox != nil {
		_, ob, _ := insertMessageArgs(m, tm.Outbox, false)
		it := tm.Outbox
		it.ID, it.Channel, it.AccountID = *obID, agent.Channel(*obChan), *obAcct
		it.MessageID, it.ConversationID, it.To, it.Body = m.ID, m.ConversationID, ob.To, ob.Body
		it.Status, it.Attempts, it.ClaimedBy, it.LeaseUntil = agent.OutboxPending, 0, "", time.Time{}
		it.NextAttemptAt, it.CreatedAt, it.UpdatedAt = ob.NextAttemptAt, m.CreatedAt, m.CreatedAt
	}
	if evID == nil {
		return nil, nil
	}
	e := agent.DroppedEvent(*m, *evA)
	e.ID = *evID
	return &e, nil
}
