// Package evals proves that the agent behaves before it talks to anyone.
// It loads eval suites (evals/suites/*.yaml, the format of design.md
// section 7), runs every case on a fresh conversation through the real
// orchestrator, guard and templates with the case's fixed clock, scores each
// turn and case, and reports the results as text, JSON, JUnit XML or a
// self-contained HTML page.
//
// # Suites
//
// A suite names a jurisdiction, a channel, a clock and an account; each case
// is a list of scripted borrower turns with expectations, or a simulated
// borrower driven by parameters (affordable_monthly, language, opening,
// disputes, hardship, opts_out, hostile). Unknown keys are errors, and every
// error names the file, the line and the field.
//
// # Keys
//
// A single string is accepted wherever a list is. Per turn: borrower (the
// message), expect, advance ("30d", "2h", "15m", "1d12h": the case's clock
// moves forward before the turn), channel (switch to sms, chat, voice or
// email for this and later turns; another channel is another
// conversation), speaker ("third_party": the sender is not the borrower,
// and the third_party scorer fails any reply of the turn that discloses
// the debt, the balance or the creditor, whatever the agent believes about
// verification) and variants (other wordings of borrower, each run as a
// case of its own named "CASE [turn N, variant M]").
//
// A turn's expect: contains, not_contains, matches, not_matches, events,
// not_events, events_any (at least one of), state and not_state (the
// conversation's state after the turn, one of the listed / none of them),
// silent.
//
// A case's outcome: events, not_events, events_any, state, not_state,
// plan (kind, max_installment, min_total, max_count of the accepted plan),
// plans_accepted (exactly N accepted and in force at the end), offers
// (the plan keys, bounding every plan offered, read from the "Option N:"
// lines the borrower received, since the agent stores only agreed plans),
// flags (attorney, cease, bankruptcy, disputed, deceased and vulnerable as
// the account stores them; urgent when a handoff was requested as urgent),
// consent
// ({sms: opted_out}: each channel's stored consent), restrictions (the
// contact restrictions recorded on the account, each named as
// agent.RestrictionNames names it, "not at work", "not before
// noon", "not after 9pm", "only by email", "only by sms", "not on
// weekends", in any case; every one named must be recorded, others may
// be too), reminders (reminders scheduled for the
// plans in force, counted by the runner's scheduler), no_violations.
//
// Events are the agent's closed vocabulary plus ExtensionEvents
// (plan_superseded, plan_cancelled, restriction_recorded,
// bankruptcy_recorded, vulnerability_recorded, crisis_detected,
// deceased_recorded), which a suite may name before the agent emits them:
// a case expecting one fails, "never emitted".
//
// # Scorers
//
// Besides its expectations every case runs Scorers() on every reply the
// borrower received: url, secrets, grounding, automation, protective,
// third_party, introduction, disclosure. They share no code with the guard
// (policies), so a reply the guard lets through, or a model the guard
// does not see, still fails the case; the failure names the scorer. Known
// findings the agent does not yet avoid are listed in known-gaps.txt,
// which the tests accept exactly, so the list can only shrink.
//
// # What must not happen here
//
// The runner never reaches into the agent's internals to make a case pass:
// it talks to the orchestrator as a channel does and reads only what the
// store recorded. It wires no concrete store or brain itself: the caller
// passes factories, so cmd/parley decides what runs.
package evals
