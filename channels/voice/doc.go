// Package voice is Parley's phone channel over Twilio ConversationRelay.
//
// # Inbound calls
//
// POST /twilio/voice answers a signed call webhook with TwiML that connects
// the call to ConversationRelay at wss://HOST/twilio/voice/relay, greeting
// the caller with text the caller of NewHandler supplies (it must have passed
// the guard). The relay URL carries a token the server minted for that call
// (token.go): the call sid, the account and the numbers the signed webhook
// gave, expiring in minutes. GET /twilio/voice/relay checks the upgrade's
// signature and then spends the token, once across replicas
// (agent.TokenSpender), before upgrading: a replayed URL and signature
// open nothing. It then runs one session per call: setup for the token's
// call binds it (its numbers and customParameters are not believed), each
// final prompt (and each run of keypad digits) is a turn run through the
// orchestrator with its replies streamed back sentence by sentence, an
// interrupt cancels the turn in flight and records what the caller heard,
// and a handoff or a goodbye ends the session with an end message whose
// handoffData says why. Each turn of a call that was greeted carries
// Meta "greeted", so the first reply does not introduce the assistant
// again; a caller from a number no account has (agent.ErrUnknownSender),
// whom no turn answers, hears the UnknownCaller reply instead of silence. POST /twilio/voice/action, the <Connect action>,
// then puts a handed-over call through to a person (HandoffNumber) or says
// goodbye, and ends any other call.
//
// # Outbound calls
//
// Caller places calls with twilio-go (agent.Dialer); the orchestrator's
// agent.Outreacher gives it only attempts the guard allowed. The call's
// webhook greets with the greeting allowed then, and POST
// /twilio/voice/status reports each placed call's outcome to be recorded
// as a contact attempt.
//
// # What this package must not do
//
// It never decides what to say: every word spoken comes from the
// orchestrator's guard-approved stream or from the greeting function. It never
// logs what the caller said or full phone numbers, and exactly one goroutine
// writes to a socket.
package voice
