package chat

import (
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/parley-collections/parley/agent"
)

// Frame types of the chat protocol.
const (
	typeMessage = "message"
	typeResume  = "resume"
	typeAck     = "ack"
	typeTyping  = "typing"
	typeError   = "error"
)

// Error codes the server sends in error frames.
const (
	CodeBadFrame    = "bad_frame"    // the frame was not a valid client frame; it was ignored
	CodeRateLimited = "rate_limited" // too many frames; this one was ignored
	CodeBusy        = "busy"         // too many messages waiting for a turn; send it again later
	CodeUnavailable = "unavailable"  // the message could not be stored or its turn failed; a stored message is answered later
)

// maxClientID bounds a client_id: a UUID is 36 characters.
const maxClientID = 64

// clientFrame is what a client may send.
type clientFrame struct {
	Type     string `json:"type"`
	Text     string `json:"text"`
	ClientID string `json:"client_id"`
	After    string `json:"after"`
}

// serverFrame is what the server sends; empty fields are left out.
type serverFrame struct {
	Type     string `json:"type"`
	ID       string `json:"id,omitempty"`
	Author   string `json:"author,omitempty"`
	Text     string `json:"text,omitempty"`
	At       string `json:"at,omitempty"`
	ClientID string `json:"client_id,omitempty"`
	Code     string `json:"code,omitempty"`
	Message  string `json:"message,omitempty"`
}

var typingFrame = mustEncode(serverFrame{Type: typeTyping})

// parseClientFrame decodes and validates one client frame.
func parseClientFrame(data []byte) (clientFrame, error) {
	var f clientFrame
	if err := json.Unmarshal(data, &f); err != nil {
		return f, errors.New("not a JSON object")
	}
	switch f.Type {
	case typeMessage:
		if strings.TrimSpace(f.Text) == "" {
			return f, errors.New("message text is empty")
		}
		if !validClientID(f.ClientID) {
			return f, errors.New("client_id must be 1 to 64 letters, digits, '-' or '_'")
		}
	case typeResume:
		if len(f.After) > 128 {
			return f, errors.New("after is too long")
		}
	case typeTyping:
	default:
		return f, errors.New(`type must be "message", "resume" or "typing"`)
	}
	return f, nil
}

func validClientID(s string) bool {
	if s == "" || len(s) > maxClientID {
		return false
	}
	for _, r := range s {
		ok := r == '-' || r == '_' || ('0' <= r && r <= '9') || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z')
		if !ok {
			return false
		}
	}
	return true
}

// deliverable reports whether an outbound message may be shown to the
// borrower: the guard let it through and it was not taken back.
func deliverable(m agent.Message) bool {
	if m.Direction != agent.DirectionOut {
		return false
	}
	switch m.Status {
	case agent.StatusQueued, agent.StatusSending, agent.StatusSent, agent.StatusDelivered, agent.StatusRead:
		return true
	}
	return false
}

// authorBorrower is the author of the borrower's own messages in frames.
const authorBorrower = "borrower"

// messageFrame is a stored message as the widget shows it. The borrower's
// own messages carry the client_id they were sent with, so a widget that
// still holds one does not show it twice.
func messageFrame(m agent.Message) []byte {
	author, clientID := string(m.Author), ""
	switch {
	case m.Direction == agent.DirectionIn:
		author = authorBorrower
		if i := strings.LastIndexByte(m.ChannelMessageID, '/'); i >= 0 {
			clientID = m.ChannelMessageID[i+1:]
		}
	case m.Author == agent.AuthorAgent, m.Author == agent.AuthorSupervisor, m.Author == agent.AuthorSystem:
	default:
		author = string(agent.AuthorSystem)
	}
	return mustEncode(serverFrame{
		Type:     typeMessage,
		ID:       m.ID,
		Author:   author,
		Text:     m.Text,
		At:       m.CreatedAt.UTC().Format(time.RFC3339),
		ClientID: clientID,
	})
}

func ackFrame(clientID string) []byte {
	return mustEncode(serverFrame{Type: typeAck, ClientID: clientID})
}

func errorFrame(code, message string) []byte {
	return mustEncode(serverFrame{Type: typeError, Code: code, Message: message})
}

// mustEncode marshals a frame; serverFrame holds only strings, so it cannot fail.
func mustEncode(f serverFrame) []byte {
	b, err := json.Marshal(f)
	if err != nil {
		panic(err)
	}
	return b
}
