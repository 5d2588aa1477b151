// Package policies is the guard every outbound message passes before it is
// sent: threats, harassment, false representation, pressure, privacy leaks,
// ungrounded amounts, contact time, frequency, consent and required
// disclosures, per jurisdiction profile (US and its states, GB, CN, IN).
//
// # Contract
//
// Guard.Check(Proposal, Facts) Decision is a pure function: no clock, no
// store, no network. The time comes in with the facts. A refusal is a value,
// not an error. Profiles and lexicons are embedded data.
//
// # What must not happen here
//
// This package imports nothing else of Parley, performs no I/O, and never
// lets a threat through as a revision: threats are blocked.
package policies
