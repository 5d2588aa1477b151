package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/parley-collections/parley/agent"
)

var _ agent.Auditor = (*Store)(nil)

// RecordAccess stores access records in one transaction.
func (s *Store) RecordAccess(ctx context.Context, recs []agent.Access) ([]agent.Access, error) {
	if len(recs) == 0 {
		return []agent.Access{}, nil
	}
	out := make([]agent.Access, len(recs))
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		b := &pgx.Batch{}
		for i, a := range recs {
			a.At = orNow(a.At)
			out[i] = a
			b.Queue(`INSERT INTO access_log (at, actor, role, action, via, conversation_id, account_id)
				VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, a.At, a.Actor, string(a.Role), string(a.Action), a.Via,
				a.ConversationID, a.AccountID).QueryRow(func(row pgx.Row) error { return row.Scan(&out[i].ID) })
		}
		return tx.SendBatch(ctx, b).Close()
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: record access: %w", err)
	}
	return out, nil
}

// AccessLog lists access records in id order.
func (s *Store) AccessLog(ctx context.Context, q agent.AuditQuery) ([]agent.Access, error) {
	where, args := auditWhere(q)
	out, err := queryAll(ctx, s.pool, func(sc scanner) (agent.Access, error) {
		var (
			a  agent.Access
			at pgtype.Timestamptz
		)
		err := sc.Scan(&a.ID, &at, &a.Actor, &a.Role, &a.Action, &a.Via, &a.ConversationID, &a.AccountID)
		a.At = fromTS(at)
		return a, err
	}, `SELECT id, at, actor, role, action, via, conversation_id, account_id FROM access_log`+where, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: access log: %w", err)
	}
	return out, nil
}

// AuditEvents lists every conversation's events in id order.
func (s *Store) AuditEvents(ctx context.Context, q agent.AuditQuery) ([]agent.Event, error) {
	where, args := auditWhere(q)
	out, err := queryAll(ctx, s.pool, scanEvent, `SELECT id, conversation_id, account_id, kind, actor, data, at FROM events`+where, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: audit events: %w", err)
	}
	return out, nil
}

// auditWhere is the WHERE, ORDER BY and LIMIT clauses of an audit query.
func auditWhere(q agent.AuditQuery) (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, v any) {
		args = append(args, v)
		conds = append(conds, strings.Replace(cond, "?", "$"+strconv.Itoa(len(args)), 1))
	}
	add("id > ?", q.After)
	if q.ConversationID != "" {
		add("conversation_id = ?", q.ConversationID)
	}
	if !q.Since.IsZero() {
		add("at >= ?", q.Since.UTC())
	}
	if !q.Until.IsZero() {
		add("at < ?", q.Until.UTC())
	}
	sql := " WHERE " + strings.Join(conds, " AND ") + " ORDER BY id"
	if q.Limit > 0 {
		args = append(args, q.Limit)
		sql += " LIMIT $" + strconv.Itoa(len(args))
	}
	return sql, args
}
