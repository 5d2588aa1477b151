// Package sms is Parley's SMS channel over Twilio: the inbound webhook
// (POST /twilio/sms), delivery status callbacks (POST /twilio/sms/status)
// and the sender the outbox dispatcher calls.
//
// # Inbound
//
// The webhook checks X-Twilio-Signature, stores the message through the
// orchestrator's Receive before it answers (idempotent on MessageSid, so a
// Twilio retry never runs a second turn), answers an empty TwiML response at
// once, and runs the turn in a bounded worker pool on a context of its own.
// Replies leave through the outbox, never in the webhook's answer. A store
// failure answers 503 so that Twilio retries.
//
// # Outbound
//
// Sender sends with twilio-go and asks for status callbacks that carry our
// message id; DryRunSender stands in when Twilio credentials are missing.
//
// # What this package must not do
//
// It never decides what to say, never sends anything the orchestrator did
// not store under a guard decision, and never logs message bodies or full
// phone numbers.
package sms
