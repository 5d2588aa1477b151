package textclass

// IntentLabels are the borrower intents, the closed list of the intent
// corpus.
var IntentLabels = []string{
	"greeting", "thanks", "ask_balance", "verify_identity", "pay_in_full",
	"propose_installments", "settle", "counter_offer", "accept_option", "decline",
	"cancel_plan", "change_of_mind", "promise_to_pay", "hardship", "dispute",
	"attorney", "bankruptcy_filed", "bankruptcy_considering", "opt_out", "cease",
	"contact_restriction", "complaint", "third_party", "wrong_number", "deceased",
	"crisis", "vulnerability", "ask_credit", "ask_suit", "ask_validation",
	"ask_creditor", "ask_how_to_pay", "request_human", "language_change", "other",
}

// ProtectiveIntents are the intents a missed reading of which harms the
// borrower: their thresholds favour recall (at precision 0.9 or more).
var ProtectiveIntents = []string{
	"opt_out", "cease", "attorney", "bankruptcy_filed", "bankruptcy_considering",
	"dispute", "crisis", "deceased", "vulnerability",
}

// ContentLabels are the guard's content categories, the closed list of the
// content corpus; a message with none is clean.
var ContentLabels = []string{
	"threat", "harassment", "false_representation", "pressure",
	"third_party_disclosure", "secret_request", "false_promise",
}
