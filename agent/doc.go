// Package agent is Parley's domain root: accounts, borrowers, conversations,
// messages, money, the dialogue orchestrator, its flows, the negotiation
// engine, and the small interfaces (Store, Brain, Sender, Clock, Bus) that
// adapters implement.
//
// # What lives here
//
// Domain types carry no storage or transport concerns. Adapters live in
// sub-packages named after their technology (agent/sqlite, agent/postgres,
// agent/openai, agent/qdrant, agent/console) and in channels/.
//
// # What must not happen here
//
// This package never imports its own adapters, never talks to the network
// or a database directly, and never lets model free text decide an amount,
// a date or plan terms: those come from the account and the negotiation
// engine. Nothing reaches a borrower without a stored guard decision.
package agent
