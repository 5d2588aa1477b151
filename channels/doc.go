// Package channels groups Parley's borrower-facing transports. It holds no
// code of its own; each sub-package adapts one technology to the agent:
//
//   - channels/twilio: Twilio settings, webhook signature checks and the REST
//     client shared by the SMS and voice channels.
//   - channels/sms: the inbound SMS webhook, delivery status callbacks and the
//     SMS sender.
//   - channels/voice: inbound calls over Twilio ConversationRelay and
//     outbound calls.
//   - channels/chat: the in-app websocket and its widget.
//
// # What a channel must not do
//
// A channel never decides what to say: it stores what arrives through the
// orchestrator before anything can fail after it, and sends only messages the
// orchestrator produced under a guard decision. Channels never log message
// bodies or phone numbers in full.
package channels
