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
// # What must not happen here
//
// The runner never reaches into the agent's internals to make a case pass:
// it talks to the orchestrator as a channel does and reads only what the
// store recorded. It wires no concrete store or brain itself: the caller
// passes factories, so cmd/parley decides what runs.
package evals
