// Package rules is Parley's offline brain: it reads borrower messages in
// English and Chinese (and a mix of both) without any model or network and
// turns them into agent.Commands with parsed slots.
//
// # What it does
//
// New returns a Brain that implements agent.Brain. Understand normalizes the
// text (full-width forms, case, contractions, common misspellings), detects
// the language, matches phrase patterns for every agent.Intent, and parses
// slots: money (digits, English number words, Chinese numerals), plan
// frequency and installment count, promised dates resolved against
// TurnContext.Now, and identity facts (dates of birth, ZIP codes and
// postcodes, the last four digits of an ID). The pieces are exported for
// reuse: ParseAmount, ParseDate, ParseDOB, ParsePostcode and DetectLang.
//
// # Command order
//
// Commands come out most safety-relevant first, so a caller that only acts
// on the first command still does the right thing:
//
//	vulnerable, opt_out, cease, attorney, bankruptcy, dispute,
//	request_human, third_party, hardship, verify_identity,
//	pay_in_full, propose_plan, promise_to_pay, accept_offer, reject_offer,
//	opt_in, help, the ask_* questions, greeting, thanks, goodbye,
//	affirm, deny, question, unknown.
//
// # What it must not do
//
// It never decides anything: a Command is what the borrower said, and the
// flows judge it against the account. It keeps no state between calls, does
// no I/O and reads no clock (dates resolve against TurnContext.Now). Text that
// tries to instruct the system ("ignore previous instructions", "SYSTEM
// OVERRIDE") yields no privileged command: only vulnerable (so a crisis is
// never missed) and unknown. Amounts are agent.Money in integer minor units,
// never floats.
package rules
