// Package policies is the guard every outbound message passes before it is
// sent: threats, harassment, false representation, pressure, privacy leaks,
// ungrounded amounts, contact time, frequency, consent and required
// disclosures, per jurisdiction profile (US and its states, GB, CN, IN).
//
// # Contract
//
// Guard.Check(Proposal, Facts) Decision is a pure function: no clock, no
// store, no network. The time comes in with the facts. A refusal is a value,
// not an error. Decision.Violations is never nil; every violation carries the
// rule id and citation of the jurisdiction's profile (regulations.md) and a
// category of the closed set in api.go. CheckLines is the JSON Lines form of
// the same check, behind `parley guard check` (design.md section 6).
//
// # Data
//
// profiles/*.yaml hold one jurisdiction each: contact window, candidate time
// zones, frequency caps, required disclosures and the rule id and citation of
// every family of violation. A profile naming a parent (US-MA, US-NY, US-WA,
// US-CA name US) is merged with it, the strictest value winning: the narrower
// window, every cap of both, the longer cool-down. A deployment adds or
// replaces profiles with Options.Profiles; everything is validated at load.
//
// lexicon.yaml holds the content families (threat, harassment, ...) as
// groups of terms, with the negations, disclaimers and clause breaks that
// let reassurance pass ("Nobody is going to arrest you over a debt", "我们不
// 会联系您的家人"). Text is folded before matching: full-width forms,
// leetspeak (c0nsequences), spaced letters (a r r e s t), masked profanity
// (f***). One Aho-Corasick pass finds every term, so a check costs time in
// the length of the text, not the size of the lexicon.
//
// # Decisions
//
// The most severe violation decides: block (content, privacy, consent, caps),
// defer (outside the contact window, in a cool-down; SendAt is the next
// instant inside the window in every zone that applies, correct across DST),
// revise (a missing disclosure appended, a card number masked to its last
// four digits for the verified borrower). A threat is never revised.
//
// Two readings are choices, documented here because the rules leave them open:
//   - A disclosure that itself reveals a debt (the mini-Miranda, "from a debt
//     collector", the lender's name) is neither required nor appended for an
//     unverified recipient, who may be a third party; such a message may carry
//     no debt detail at all, so it is no collection communication. The opt-out
//     line and the AI identity reveal nothing and are still added.
//   - A reply to a message the borrower just sent (InitiatedBy "borrower") may
//     go out at any hour (Regulation F comment 6(b)(1)-2) and is not counted
//     against the frequency caps. That it goes out once is the caller's to keep.
//
// # What must not happen here
//
// This package imports nothing else of Parley and performs no I/O while
// checking; time zones are loaded when the guard is built (and a zone named
// only by a message, once, from the tz data built into the binary).
package policies
