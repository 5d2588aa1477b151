package main

import (
	"bufio"
	"context"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/console"
)

func init() {
	register(command{name: "audit", summary: "export the audit trail: conversation events and transcript reads, as JSON Lines", run: runAudit})
}

// runAudit is `parley audit export [--since T] [--until T] [--conversation
// ID] [--db FILE]`: the audit trail GET /api/audit/export gives an admin,
// written to stdout, for an operator who has the database but no console
// account. The export is recorded in the access log first, as
// cli:$USER.
func runAudit(ctx context.Context, sio IO, args []string) error {
	fs := newFlags(sio, "audit", "export [--since RFC3339] [--until RFC3339] [--conversation ID] [--db FILE]")
	since := fs.String("since", "", "only what happened at or after this time (RFC 3339)")
	until := fs.String("until", "", "only what happened before this time (RFC 3339)")
	conv := fs.String("conversation", "", "only this conversation's events and reads")
	db := fs.String("db", "", "SQLite file when DATABASE_URL is unset (default $PARLEY_DB, then "+defaultDBPath+")")
	if len(args) == 0 {
		return usagef("missing subcommand: export")
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		return parseFlags(fs, args)
	}
	if args[0] != "export" {
		return usagef("unknown subcommand %q (want export)", args[0])
	}
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	q, err := console.AuditQuery(*conv, *since, *until)
	if err != nil {
		return usagef("%s", agent.MessageOf(err))
	}
	st, _, err := openStoreFlag(ctx, sio.Getenv, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	actor := "cli"
	if u := sio.Getenv("USER"); u != "" {
		actor += ":" + u
	}
	if _, err := st.RecordAccess(ctx, []agent.Access{{Actor: actor, Action: agent.AccessAuditExport, Via: "parley audit export",
		ConversationID: q.ConversationID}}); err != nil {
		return err
	}
	w := bufio.NewWriter(sio.Stdout)
	if err := console.WriteAudit(ctx, w, st, q); err != nil {
		return err
	}
	return w.Flush()
}
