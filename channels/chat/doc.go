// Package chat is Parley's in-app chat channel: a websocket at /chat/ws that
// a host application opens for a borrower it has already authenticated, an
// embeddable widget at /chat/widget.js, and a demo page at /chat/.
//
// # Protocol
//
// The socket is opened with ?token=T, an HS256 JWT minted by the host
// application (see MintToken) whose subject is the account id. A missing,
// malformed, expired or wrongly signed token is refused with 401 before the
// upgrade. A chat opened with a valid token counts as right-party verified.
//
// Frames are JSON text. The client sends
//
//	{"type":"message","text":"...","client_id":"<uuid>"}
//	{"type":"resume","after":"<message id>"}
//	{"type":"typing"}
//
// (typing: the borrower is typing; the server publishes an agent.NoticeTyping
// for the open conversation, at most one every two seconds, for the
// console, and answers nothing) and the server sends
//
//	{"type":"message","id":"...","author":"agent|supervisor|system","text":"...","at":"RFC 3339"}
//	{"type":"ack","client_id":"..."}
//	{"type":"typing"}
//	{"type":"error","code":"...","message":"..."}
//
// client_id is the idempotency key: a message sent again with the same
// client_id is acknowledged again and never runs a second turn (it is stored
// as the channel message id "<account id>/<client_id>", so one borrower's ids
// never collide with another's). An ack means the message is stored. On connect the server sends every deliverable
// outbound message of the account's open chat conversation after the message
// id given as ?after= (all of them when it is absent), in order; a resume
// frame asks for the same after another id. A message is never written twice
// to one socket, so a client that reconnects with the last id it holds loses
// and repeats nothing.
//
// # Delivery
//
// Replies are not written by the turn that produced them. The orchestrator
// stores them and hands them to the outbox; the outbox dispatcher calls
// Sender, which publishes a "deliver" notice on the agent.Bus, and the
// Handler's hub, subscribed to the bus on every replica, writes the stored
// message to each socket of that account on its replica.
//
// # Wiring
//
//	h, err := chat.NewHandler(chat.Config{Secret: key, Orchestrator: orch, Store: store, Bus: bus, Logger: log})
//	mux.Handle("/chat/", h)                          // full paths: /chat/ws, /chat/widget.js, /chat/
//	go h.Run(ctx)                                    // the hub; ctx's end closes every socket
//	dispatcher.Senders[agent.ChannelChat] = chat.NewSender(bus)
//
// # Widget
//
// /chat/widget.js is plain JavaScript with no dependencies. A host page
// includes it with data-token (and optionally data-target, data-lang), or
// calls ParleyChat.mount({target, token, getToken, lang}). It keeps the
// transcript for the tab's session, sends each message with a client_id
// until it is acknowledged, and reconnects with backoff resuming after the
// last message id it holds. /chat/ lists demo borrowers when
// Config.DemoAccounts is set and mints a short-lived token for the one chosen.
//
// # What this package must not do
//
// It never decides what to say and never writes a message the orchestrator
// did not store under a guard decision: statuses blocked, dropped, deferred
// and failed are never sent. It never logs message text or tokens. It never
// lets a slow or hostile client hold unbounded memory: reads are limited to
// 16 KB, each socket has a bounded send queue and a rate limit.
package chat
