package chat

import (
	"context"
	"fmt"

	"github.com/parley-collections/parley/agent"
)

// NoticeDeliver is the bus notice that tells every replica's hub to write a
// stored chat message to its sockets.
const NoticeDeliver = "deliver"

// Sender delivers outbound chat messages for the outbox dispatcher. It
// implements agent.Sender: sending is publishing a deliver notice, so a
// message reaches the borrower's sockets on whichever replica holds them,
// and a borrower who is offline gets it on reconnect.
type Sender struct {
	bus agent.Bus
}

var _ agent.Sender = (*Sender)(nil)

// NewSender returns a Sender that publishes on bus.
func NewSender(bus agent.Bus) *Sender { return &Sender{bus: bus} }

// Send publishes the deliver notice and returns the message id as the
// provider id. A failed publish is retryable.
func (s *Sender) Send(ctx context.Context, m agent.Outbound) (string, error) {
	if m.Channel != agent.ChannelChat {
		return "", &agent.SendError{Err: fmt.Errorf("chat: send: channel %q is not chat", m.Channel)}
	}
	if m.MessageID == "" || m.ConversationID == "" {
		return "", &agent.SendError{Err: fmt.Errorf("chat: send: message and conversation ids are required")}
	}
	n := agent.Notice{Kind: NoticeDeliver, ConversationID: m.ConversationID, AccountID: m.AccountID, MessageID: m.MessageID}
	if err := s.bus.Publish(ctx, n); err != nil {
		return "", &agent.SendError{Retryable: true, Err: fmt.Errorf("chat: send: %w", err)}
	}
	return m.MessageID, nil
}
