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
// The store is split into the roles its consumers use, all required, none
// probed at run time: TurnStore (the orchestrator), OutboxStore (the
// dispatcher), ConsoleStore (the console: reads, its notes and
// assignments, users, the access log; never messages or owners, which go
// through the orchestrator), Portfolio (import, demo data) and Retainer.
// Store is all of them; agent/storetest checks it on SQLite and PostgreSQL.
//
// # The turn pipeline
//
// Every turn on a borrower's message runs one way (Orchestrator.Process):
// read (Store.BeginTurn: the conversation's lock and the turn's rows),
// understand (Brain), decide (the flows record replies and effects on the
// Turn: flags as changes, consents, plans, disputes, reminders, with ids
// derived from the trigger), guard (each reply checked; refused drafts kept
// as blocked), commit (HeldTurn.Commit: replies, outbox rows, contact
// attempts, events and effects in one transaction, the inbound message
// processed last, the lock released after it) and dispatch (notices, the
// outbox woken, deferred sends and reminders scheduled). A turn that fails
// before its commit wrote nothing and runs again to the same ids.
//
// # What must not happen here
//
// This package never imports its own adapters, never talks to the network
// or a database directly, and never lets model free text decide an amount,
// a date or plan terms: those come from the account and the negotiation
// engine. Nothing reaches a borrower without a stored guard decision.
package agent
