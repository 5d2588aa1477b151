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
// 会联系您的家人"). A negation reaches to the end of its clause or to the
// next scope end, a word that starts a new statement ("or our", "and then",
// "unless", "就直接", and a subject with a verb of intent: "we will", "we're
// going to", "我们会"), however far, so "No more delays we will send
// someone round" is a threat; phrases that hold a negation word but
// negate nothing ("nothing will stop us", "don't be surprised", "别以为")
// are no reassurance. A disclaimer after the term denies it ("Court action
// is not being considered", "那封律师函不是我们发的", "诉讼时效"), unless a
// scope end stands between them ("since payment has not been made").
// Words in quotation marks after a reporter that names another speaker
// ("you said "…"", "you wrote '…'", 您提到“…”, 有人自称「…」) are reported
// speech (a single mark opens a quotation only at the start of a word
// and closes it only at the end of one, so an apostrophe quotes nothing),
// and a benign phrase holds a family's term but says something else (请直
// 接报警, "kill two birds", "requires a court order"): the lexicon reads
// neither as the message's own term (quotes.go; the benign list in lexicon.yaml). A
// comma parts a clause only between statements: after a family's term and
// before at most two words and another comma or "or", "and", "nor" it
// parts the items of a list, which a negation before it reaches ("You will
// not be arrested, jailed or charged"); so does a comma after a denial of
// being, whatever its first item, when "or" or "nor" closes the list at
// the end of its sentence ("We are not solicitors, bailiffs or a court.")
// (negatedList). The borrower's own question, which
// the message answers ("You asked if …", 您问…), is asked, not asserted.
// What only a court may do (只有法院…), proceedings not yet started (尚未…)
// or no longer heard (不再受理), the borrower's own rights (您有权…, 法律告
// 知：) and legal process named as the creditor's decision still to come
// ("if the creditor decides to sue, …", "if you are sued, …", 若未来…,
// 如果法院…) are notices, not threats; so is a scam warning about anyone
// who asks for a code (任何人向您索要…, 小心诈骗). An offer that only the
// creditor can give, that the sender wishes it could give, or that is not
// available is no offer of it. Nor is relief whose outcome is left open in its
// sentence (whether it is approved, if you qualify, 与否, 以…为准), or in the
// next when its own sentence only asks about it or names it as a
// possibility ("Fee waiver? You can request one; we'll tell you if it's
// approved", 减免可以谈，但以书面确认为准), unless a sentence grants it (we've,
// 已经, 已获批准) or ties it to a payment or a day; so is relief the
// borrower may qualify for (some customers qualify, 可能符合…资格) or that
// a team decides after it ("our team will decide", "can't guarantee"),
// unless its sentence ties it to a payment (relief.go); a promise
// refused in the words that make it (不保证通过) is no promise. A negation with the sender as its subject
// ("we do not act for the court") is no condition put to the borrower ("if
// you don't act"); 没收到 (not received) is no 没收 (confiscate).
// Words taken back are not the message's own: a sentence with a verb of
// saying (report_verbs) followed by a sentence that opens with a
// retraction ("That was wrong", 这是不对的), a flat denial that ends its
// sentence ("You aren't."), or a term echoed as a short question and
// denied ("Bailiffs? No.") is read by neither the lexicon nor the content
// model (retractedSpans); "He said we'd come round. That's not a joke." is
// still read. An insult named as a word ("the term …", 废物这个词) or said
// of the sender (你话我哋系骗子) is no insult of the borrower. Legal process
// named only as the condition of a right ("If a claim is ever issued, you
// could still ask the court for time", 若走到法院这一步，我们会提前书面通知您)
// is not read as a threat of it, unless the condition is non-payment
// (conditionSpans); nor is a legal step named only as what a creditor
// might do (may, could, ever, 可能) when one of the next two sentences says
// what the borrower would receive or could do first ("the lender may
// consider legal options; you'd get court papers first", 到时您会收到法院的
// 正式文件), unless the possibility also states the step as taken or
// certain (has been issued, will be filed, 已经; "May" the month is no
// modal) or a sentence between them ties the step to a day or an
// ultimatum or states the sender's intention (possibleStep; the court's
// papers in that sequel pose as nothing); and in a message that says no
// legal process has been started ("No claim has been issued", 目前没有任何诉讼), legal terms are
// read as the law explained unless the sender states its own intention in
// the clause or the statement looks ahead ("yet", 但). The sender's own
// negated perfect counts too when its object is a step or points back to
// one ("we have not issued any claim", "we haven't taken either step", "no
// suit has been filed"), unless the message also states a step as certain
// or ties one to a day outside it (senderTookNoStep); written notice
// (书面) is a sequel of a possible step as "in writing" is (status.go). A
// sentence that asks the borrower to ignore a message (ignore_verbs:
// "Please disregard yesterday's text …", 请忽略…的短信) reports that message
// when it or the next sentence disowns it (an apology, sent in error, not
// our practice) (ignored.go). A question the borrower asked is theirs in
// Chinese (zh_askers: 您问…是否, 你想了解…会不会; customers' common
// question with its subject first, 客户问还清后能不能再借) and in Hindi in Latin
// letters (aapne pucha ki …), as after "you asked whether" in English; so
// is what the borrower said, reported without quotation marks (tellers:
// "you mentioned …", 您提到…, aapne bataya ki …), up to the end of its
// clause, which neither the lexicon nor the content model reads. A rude
// adjective right before a thing ("the stupid spellcheck", 垃圾系统;
// thing_words and things of a family) is aimed at the thing; a noun insult
// is not. A bracketed gloss of up to three words stays in its clause
// ("enforcement agents (bailiffs)"), and the point after a title (Mr.,
// Dr.) ends no sentence. The items of a list under a header that ends
// with a colon (lines after it that start with a bullet or a number) are
// read with the header: a term in the header and one in an item match as
// if in one clause, and the header's negation reaches the items when they
// complete it (the header ends with for, to, do, the following, 以下,
// 索要…: "We will never ask you for:"), not when it is a statement of its
// own ("We won't wait any longer:"); a negation in one item reaches no
// other item (lists.go).
// A notice of what the law protects ("the law protects", "protected by
// law", 法律保障, 受法律保护; notices in lexicon.yaml) reaches its whole
// sentence, before or after the legal term ("even if a judgment is entered
// against you"), unless a statement of the sender's own intention ("we
// will", "我们会") stands between them; a new sentence, a semicolon or
// "but" ends it. The enumeration comma (、) parts the items of a list,
// never two statements ("不会通过电话、短信索要密码"); nor does a comma
// inside a correlative comparative or after a time adverbial put first
// ("the longer you wait, the worse it gets", 拖得越久，后果越严重, "every day
// you delay, …", 每拖一天，…就…), which is one statement. A family may have
// negations of its own (a cleared balance stated as a condition: "once
// the balance is cleared, …") and may except phrases that use its term for
// something else (a colleague who will contact the borrower, 同事会与您联系)
// and may defer to a two-group family that reads the same word in the same
// clause (interest that "will be frozen" is an interest change, read by
// the offer family, not an account frozen). Text is folded before matching: full-width forms,
// leetspeak (c0nsequences), spaced letters (a r r e s t), masked profanity
// (f***). Key terms of six letters or more (lexicon.yaml's typos) are also
// read typed with one slip: a letter dropped, two neighbours swapped or one
// vowel typed for another ("lawsut", "arested", "warrent"); the variants
// are made when the lexicon is read, less those that are words of the
// language (not_typos) and a stem's own prefix. One Aho-Corasick pass finds
// every term, so a check costs time in the length of the text, not the
// size of the lexicon.
//
// Before matching, text is folded by textclass.FoldBase (look-alike Cyrillic
// and Greek letters, traditional Chinese to simplified) and digits of other
// scripts are read as ASCII digits, so "arrеsted" with a Cyrillic е and
// "$٩٥٠.٠٠" are read as written in Latin letters and ASCII digits.
//
// # The content model
//
// Beside the lexicon, the embedded content model (textclass.Content) reads
// every message. A label scoring at or above the guard's threshold for it is a violation:
// threat, harassment, false_representation, pressure and
// third_party_disclosure of the same category, secret_request as pii,
// false_promise as a credit promise (false_representation) when the text
// speaks of credit records, which no granted term allows, and otherwise as
// an offer not granted (ungrounded_amount), unless the facts grant a term. The lexicon is
// the floor of unambiguous terms; the model catches wording it lacks, and
// names the categories of a blocked message the lexicon did not. The model
// reads words without their scope, so where the lexicon read a reassurance
// ("nobody will come to your home") the model reads the text without the
// clauses found denied: the reassurance covers its own statement, not a
// threat put in other words in the next. A short introduction (at most
// four words) that a comma parts from a denied clause right after it
// ("Under the law, a debt this old can no longer …") is left out with it:
// the model reads no fragment of a reassurance on its own; nor does it
// read a clause that carries the denial before it on ("…, nor will your
// relatives", "…，也不会…"). The
// thresholds (classthresholds.go) are calibrated on the content corpus's
// training rows only, by calibrate_test.go: a model is fitted without the
// validation fifth, and each label's threshold is just above the highest
// score of a validation row without that label, never below the model's
// own threshold. Options.NoClassifier turns the model off.
//
// The model also reads each sentence alone (textclass.Model.SentenceScores):
// its features are weighed to unit length over the whole text, so a
// violation in one sentence is diluted by a harmless sentence beside it
// ("Thanks for getting back to us. Pay today and we will wipe the rest of
// the balance." scores low as a whole, its second sentence high). A
// sentence ends at a '.', '!', '?', ';' or line break (the Chinese 。！？；
// fold to these; a '.' followed by a letter or digit, as in a host name or
// an amount, ends none). Only a sentence of four words or eight Chinese
// characters or more is read alone, because a linear model reads a few
// words with more confidence than they carry ("Ignore if paid."); shorter
// ones count in the whole text only. A label is flagged when the whole
// text scores at or above its threshold, or when, in a message of two
// sentences or more, its best sentence scores at or above the label's
// sentence threshold (classSentenceThresholds). That threshold is
// calibrated like the whole text's, on the out-of-fold score of each
// training row's best sentence, at its own budget (guardSentenceBudget in
// calibrate_test.go): 0, just above the best sentence of any training row
// without the label, the largest budget at which the sentences flagged no
// clean training row out of fold that the whole texts did not. The
// residues left by reassurances and allowed claims are read the same way.
// A reassurance covers its own kind only: a clause the lexicon found
// denied for one family is left out of the model's reading for the labels
// of that family's category, and read for the others (readDenied), so a
// waiver only applied for does not hide a card number asked for in the
// same clause;
// the uncertain band looks at the whole text's score only. Each
// sentence's sums are added into the whole text's, so the text is read
// once.
//
// A claim the facts allow is not the model's to block. Where the lexicon
// found one (legal process when legal_action_approved and the debt is not
// time-barred, a term among Facts.GrantedTerms, or a family that yields to
// a granted one), the model also reads the text without it: per match,
// the words of its clause between the scope ends around it ("Suit has
// been filed [and we'll …]"). Its readings of a claim (threat,
// false_representation, pressure, false_promise) count only when the text
// without the claim reads so too: a true suit read as a threat is no
// violation; a threat beside it, read in the whole text and in the rest,
// still is. Its other readings (harassment, disclosure, secrets) are taken
// from the whole text as before.
//
// With Options.UncertainBand set, a message the guard sends lists in
// Decision.Uncertain the categories whose score fell within the band below
// the threshold (and that no violation names). The guard's decision is the
// same with or without the band: the list is for a second reader the
// caller may consult (agent.Judge), which can only make it stricter.
//
// # Claims only facts allow
//
// Some statements are violations unless the facts back them: a link to a
// host that is not Options.LinkHosts, Facts.LinkHosts or an official advice
// service (GEN-LINK); a request for a card number, security code, PIN,
// password, one-time code, SSN or national identity number (GEN-SECRET);
// denying being automated (unless Proposal.WrittenBy is WrittenByPerson:
// a supervisor who took over may say they are a person, and gives no
// automated-agent statement) or a debt collector; promising credit-report
// removal or a better score; offering a settlement, an interest or a fee
// change not among Facts.GrantedTerms (GEN-OFFER); legal process unless
// legal_action_approved. Where a fact decides, the guard uses it when the
// caller gives it: Facts.BorrowerName makes a word of the borrower's name
// that is also a slur ("Hi Dick") the name, not profanity, where it stands
// as a whole word and every occurrence of it is capitalised, as a name is
// written ("Hi Dick, don't be a dick" excuses neither), and Facts.GrantedTerms (interest_freeze, fee_waiver, …)
// allows the offer of a granted term, so an interest freeze while the
// borrower takes debt advice is sent when the engine granted it and blocked
// when no granted terms are given. A line or corpus row without these facts
// is checked as if the name were unknown and nothing granted.
// Facts.OtherBorrowerNames, OtherBorrowerEmails and
// OtherBorrowers (a BorrowerIndex: salted digests of a portfolio's names
// and addresses) name other borrowers the text must not mention. A message
// tagged as a dispute acknowledgement, HELP answer, opt-out confirmation,
// handoff or identity question that asks for payment is checked as
// collection. The agency's name may reach an unverified recipient only in a
// message that carries no debt (identity, HELP, opt-out confirmation,
// handoff); the lender's name never.
//
// # Grounding
//
// A rewording (Proposal.Reworded, with the Draft it was made from) is also
// compared with its draft by Guard.Grounded, after both are folded as
// above. It is refused (GEN-GROUND) when it states:
//   - a web address host, an e-mail address or a telephone number (a run of
//     seven or more digits) the draft does not have;
//   - a number or amount (in any digit script, written with or without
//     grouping commas and trailing zero decimals) the draft does not state,
//     or states in no clause holding the content word the rewording attaches
//     it to (the nearest word before it that is not a small function word,
//     or the one after; for Chinese, the two characters before it): "your
//     balance is $100" against a draft whose $100 was a monthly payment;
//   - a date (a day beside a month name, in either order) the draft does
//     not state;
//   - a word, or a Chinese character, the draft does not have and that is
//     not in the politeness vocabulary (politeWords, politeHan: greetings,
//     thanks, "please", "sure", pronouns and small function words). Month
//     names are compared as dates, not as words.
//
// Numbers, amounts and dates are reported as ungrounded_amount, everything
// else as false_representation. Grounding compares text only: it does not
// judge whether a new word changes the meaning, so a faithful paraphrase in
// other words is refused too, and the draft is sent instead.
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
