package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/parley-collections/parley/agent"
)

var _ agent.Auditor = (*Store)(nil)

// RecordAccess stores access records in one transaction.
func (s *Store) RecordAccess(ctx context.Context, recs []agent.Access) (_ []agent.Access, werr error) {
	if len(recs) == 0 {
		return []agent.Access{}, nil
	}
	out := make([]agent.Access, len(recs))
	ctx, done := s.write(ctx)
	defer done(&werr)
	err := s.update(ctx, func(tx *wtx) error {
		for i, a := range recs {
			a.At = orNow(a.At)
			if err := tx.QueryRowContext(ctx, `INSERT INTO access_log (at, actor, role, action, via, conversation_id, account_id)
				VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, a.At.UnixMicro(), a.Actor, string(a.Role), string(a.Action), a.Via,
				a.ConversationID, a.AccountID).Scan(&a.ID); err != nil {
				return err
			}
			out[i] = a
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: record access: %w", err)
	}
	return out, nil
}

// AccessLog lists access records in id order.
func (s *Store) AccessLog(ctx context.Context, q agent.AuditQuery) ([]agent.Access, error) {
	where, args := auditWhere(q)
	out, err := queryAll(ctx, s.rdb, func(sc scanner) (agent.Access, error) {
		var (
			a  agent.Access
			at sql.NullInt64
		)
		err := sc.Scan(&a.ID, &at, &a.Actor, &a.Role, &a.Action, &a.Via, &a.ConversationID, &a.AccountID)
		a.At = fromMicros(at)
		return a, err
	}, `SELECT id, at, actor, role, action, via, conversation_id, account_id FROM access_log`+where, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: access log: %w", err)
	}
	return out, nil
}

// AuditEvents lists every conversation's events in id order.
func (s *Store) AuditEvents(ctx context.Context, q agent.AuditQuery) ([]agent.Event, error) {
	where, args := auditWhere(q)
	out, err := queryAll(ctx, s.rdb, scanEvent, `SELECT id, conversation_id, account_id, kind, actor, data, at FROM events`+where, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: audit events: %w", err)
	}
	return out, nil
}

// auditWhere is the WHERE, ORDER BY and LIMIT clauses of an audit query.
func auditWhere(q agent.AuditQuery) (string, []any) {
	conds := []string{"id > ?"}
	args := []any{q.After}
	if q.ConversationID != "" {
		conds, args = append(conds, "conversation_id = ?"), append(args, q.ConversationID)
	}
	if !q.Since.IsZero() {
		conds, args = append(conds, "at >= ?"), append(args, q.Since.UTC().UnixMicro())
	}
	if !q.Until.IsZero() {
		conds, args = append(conds, "at < ?"), append(args, q.Until.UTC().UnixMicro())
	}
	return " WHERE " + strings.Join(conds, " AND ") + " ORDER BY id LIMIT ?", append(args, limitOrAll(q.Limit))
}
