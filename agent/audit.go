package agent

import (
	"context"
	"time"
)

// AccessAction says what a console user did with a conversation's
// messages, or with the audit trail.
type AccessAction string

// Access actions.
const (
	// AccessRead is a conversation's transcript read in the console or
	// through GET /api/conversations/{id}.
	AccessRead AccessAction = "transcript_read"
	// AccessPrint is the printable audit record of a conversation.
	AccessPrint AccessAction = "transcript_print"
	// AccessExport is a conversation's export (its audit record as JSON).
	AccessExport AccessAction = "transcript_export"
	// AccessList is a conversation's last message shown in a list: the
	// conversation list, the queues or an account's conversations.
	AccessList AccessAction = "list_read"
	// AccessAuditExport is an export of the audit trail itself.
	AccessAuditExport AccessAction = "audit_export"
)

// Access is one read of personal data through the console or the command
// line: who read it, in which role, what, through which route, when. It
// never holds the text that was read.
type Access struct {
	ID             int64        `json:"id"`
	At             time.Time    `json:"at"`
	Actor          string       `json:"actor"` // a console user's name, or "cli:" and the operating system user
	Role           Role         `json:"role,omitempty"`
	Action         AccessAction `json:"action"`
	Via            string       `json:"via,omitempty"` // the route or command, e.g. "GET /api/conversations/{id}"
	ConversationID string       `json:"conversation_id,omitempty"`
	AccountID      string       `json:"account_id,omitempty"`
}

// AuditQuery narrows the audit trail: ConversationID (when set) to one
// conversation, Since and Until (when not zero) to times in [Since,
// Until), After to ids greater than it; at most Limit rows (0 = all), in
// id order.
type AuditQuery struct {
	ConversationID string
	Since, Until   time.Time
	After          int64
	Limit          int
}

// Auditor keeps the access log (a ConsoleStore role): the record
// of every read of a transcript. The console refuses to show a transcript
// whose read it cannot record.
type Auditor interface {
	// RecordAccess stores the records in one transaction, filling each
	// ID, and At when zero, and returns them as stored.
	RecordAccess(ctx context.Context, recs []Access) ([]Access, error)
	// AccessLog lists access records as q narrows them.
	AccessLog(ctx context.Context, q AuditQuery) ([]Access, error)
	// AuditEvents lists the events of every conversation as q narrows
	// them, as Events would return them.
	AuditEvents(ctx context.Context, q AuditQuery) ([]Event, error)
}
