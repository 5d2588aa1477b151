// Package twilio holds what Parley's SMS and voice channels share about
// Twilio: the settings read from the environment, the X-Twilio-Signature
// check for webhooks and the ConversationRelay websocket, the REST client
// built with twilio-go, and the classification of its errors into
// agent.SendError.
//
// # Settings
//
// TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM or
// TWILIO_MESSAGING_SERVICE_SID, PARLEY_PUBLIC_URL and PARLEY_TWILIO_INSECURE.
// Without an auth token nothing can be verified, so the Twilio routes answer
// 503 unless PARLEY_TWILIO_INSECURE=1. Messages and calls really go out only
// when the account sid, the token and a sender are all set (Settings.CanSend);
// otherwise the channels use their dry-run senders.
//
// # What this package must not do
//
// It never decides what to say, never logs the auth token, message bodies or
// full phone numbers, and never trusts the Host header for signatures: the
// signed URL is built from PARLEY_PUBLIC_URL.
package twilio
