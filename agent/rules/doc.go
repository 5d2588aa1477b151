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
//	vulnerable, opt_out, restrict_contact, cease, attorney, bankruptcy, dispute,
//	request_human, third_party, hardship, verify_identity,
//	pay_in_full, propose_plan, promise_to_pay, accept_offer, reject_offer,
//	opt_in, help, the ask_* questions, greeting, thanks, goodbye,
//	affirm, deny, question, unknown.
//
// # Slots
//
// Amounts are agent.Money in TurnContext.Currency (USD when empty). A bare
// number is money only when something marks it so: a currency sign or word,
// a paying verb ("I can do 150"), a frequency ("150 a month"), a multiplier
// ("1.2k", "1.2万"), or an agent question about how much. Years, dates,
// postcodes, ID digits, ages, day counts and installment counts are not
// money. A frequency or a count makes propose_plan; a date without them
// makes promise_to_pay. One payment of a named amount ("900 in one
// payment", "900 to settle", "一次性还1.2万", "五千结清") is propose_plan with
// Count 1, never pay_in_full: only the flows know whether it covers the
// balance. pay_in_full carries the amount when one is named ("1200 in
// full"). Asking to pay less without an amount ("settle for less",
// "少还一点") or other terms ("any other plans?", "还有别的方案吗") is
// propose_plan, or reject_offer when offers are open; so is some of it
// offered now with no amount ("can I pay part of it now", "thoda abhi de
// sakta hoon", 先还一部分), unless a later day is named for the rest. Hindi
// day names (somvar, guruwar, शुक्रवार) date a promise as English ones do.
// OfferID is the 1-based position of the open offer
// the borrower picked, as text ("option 2", "the second one", "选2" -> "2"),
// also by its place ("the final one", 最后那个, दूसरा वाला) or by what sets
// it apart ("the smallest payment" compares every offer's payment, a
// settlement's too; "the most months"); a comparison two offers share
// picks none, and "which of them is quickest?" asks for the offers again.
// Doubt alone ("not sure tbh"), asking family first (问下家人先) or a pick
// taken back in the same message ("option 1… wait, hold on", 唔好住) is
// time to decide, and agrees nothing.
// Relation is the writer's relation to the borrower: spouse, partner,
// parent, child, sibling, grandparent, grandchild, relative, friend,
// roommate, neighbor, colleague, employer, caregiver or other; it is empty
// for a stranger ("wrong number").
//
// A contact restriction ("don't call me at work", "not before noon",
// "only text me after 6pm", "only by email", "not on weekends",
// 不要打我单位电话, 晚上九点以后别联系我, 只能发短信, and with the negation
// after what it forbids, "office pe call mat karna", "raat 9 baje ke baad
// phone mat karna", "weekend 别 call 我"; "sirf email pe")
// is restrict_contact with
// its Restrictions: a place (work), a time (not before, not after, in
// minutes after local midnight; "after 6" is the evening), a channel the
// borrower allows alone, or days. A sentence that names the moment ("I'm
// busy right now") restricts nothing, and the words a restriction was read
// from are read as nothing else: "don't call me at work" is no opt-out.
//
// # What the conversation changes
//
// The last agent message in TurnContext.History lets bare answers count: a
// "60601" after a ZIP question is a postcode, a "150" after "how much can
// you pay" is an amount, a "Friday" after "when" is a promise. "ok", "yes",
// "好的" and "可以" accept an offer only when one is on the table
// (TurnContext.OpenOffers, or the last agent message made one); otherwise
// they affirm. Said with doubt or as a question ("probably fine", "ok?",
// "应该可以吧？") such a yes is marked Unsure and Doubt: it agrees nothing
// until confirmed. The open offer's own terms said again with a go-ahead
// ("the three payment one, go ahead", "行，每月2000，办吧") take it; other
// terms with a go-ahead are a proposal. 有没有 asks, like 能不能, and cancels nothing. Numeric dates read month first, or day first when the
// currency is GBP, INR or EUR. Dates resolve in the location of
// TurnContext.Now. Understanding.Lang falls back to the locale when the text
// has no letters.
//
// # Negation
//
// "not", "never" or "nobody" up to three words before a phrase in the same
// clause, "no" right before it, and 不, 没有, 不想, 别 and the like before a
// Chinese phrase cancel it: "I'm not disputing it" is no dispute and
// "我没有律师" no attorney. An A-not-A question (能不能, 要不要) asks and
// cancels nothing. Crisis language and a fear of arrest ("I won't go to
// jail, will I?") are never cancelled.
//
// # Chinese as written
//
// Traditional characters read as simplified ones (別再打電話 as 别再打电话)
// and written Cantonese as Mandarin (唔好再搵我 as 不要再找我, 過身 as 去世),
// so one Chinese pattern covers all three.
//
// # Protective readings
//
// A death in the family is the borrower's own (deceased) when the message
// also speaks of the one who died as the account's holder ("this was her
// phone", "how much did he owe", "我是他女儿", a formal notice); without
// that it is a bereaved borrower (vulnerability). The one who died is the
// holder too when the messages are for them or they will not answer
// ("she's the one you keep texting", "he won't be replying", "these
// letters are addressed to her", 短信都是发给他的, 别再打了 without a 给我).
// A bankruptcy spoken of as a plan, a threat, a possibility or a last
// resort is considered, not filed: hardship, and a person to talk it
// through (request_human); an employer's or a company's bankruptcy is not
// the borrower's. Abuse going on is a crisis; abuse fled, with the writer
// in a refuge or emergency housing now, is a vulnerability. "Not my debt,
// you have the wrong person" disputes the debt and is no third party.
// Poor English is a vulnerability when the writer also says they do not
// follow ("my English is poor, I don't understand"), not when they ask
// for another language. A
// A medical place named as what the debt is for or with a word of billing
// ("the ER visit", "the ICU charges") tells of no illness by itself;
// someone in the place ("my son is in the ER") or an illness beside the
// bill still is a vulnerability. The paperwork demanded before any talk or
// payment ("send the agreement first, tabhi baat karenge") is a dispute, and
// so is a debt refused because what it paid for failed (work botched and
// not put right, goods never delivered or installed), because an insurer
// should have paid it, or because the collateral was already taken back
// and sold at auction. A
// lawyer who is a friend or relative ("my lawyer friend said to pay")
// represents no one. A stated age of 75 or more is a vulnerability.
//
// # What it must not do
//
// It never decides anything: a Command is what the borrower said, and the
// flows judge it against the account. It keeps no state between calls, does
// no I/O and reads no clock (dates resolve against TurnContext.Now). Text that
// tries to instruct the system ("ignore previous instructions", "SYSTEM
// OVERRIDE") yields no privileged command: only the protective requests it
// contains (a crisis, an opt-out, a cease, an attorney, a bankruptcy, a
// dispute, a person), else unknown. Amounts are agent.Money in integer minor units,
// never floats.
package rules
