package policies

import "testing"

// TestWordsRetractedOrMentioned: clean messages that repeat wrong words in
// order to take them back: another person's words reported without
// quotation marks and retracted in the next sentence ("That was wrong",
// "It isn't", 这是不对的), an insult named as a word (the term, 这个词), a
// claim the borrower was told. The same words said by the sender, or a
// retraction the sender does not make, still count. Lexicon alone and
// with the content model.
func TestWordsRetractedOrMentioned(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		// Reported, then retracted in the next sentence.
		{"The woman who rang you on Tuesday said the bailiffs would be round by Friday. That was untrue, and I apologise.", CatFalseRepresentation, false},
		{"My colleague told you we'd have you arrested. That is simply not true and should never have been said.", CatThreat, false},
		{"Someone from our team said your wife would hear about this. That was wrong of them; we won't contact her.", CatThirdPartyDisclosure, false},
		{"上次那位同事说要去你单位找你。这是不对的，我们向你道歉。", CatThreat, false},
		{"之前的催收员讲过会告诉你家人，那是错误的，我们不会这样做。", CatThirdPartyDisclosure, false},
		// Asked back, then denied.
		{"Were you told you had only 24 hours left to pay? You don't. Take whatever time you need.", CatPressure, false},
		{"有人跟你说今天不还就完了？不是这样的，你慢慢来。", CatPressure, false},
		// The sender's own words, or a retraction not made.
		{"The bailiffs will be round by Friday. That is not a joke.", CatFalseRepresentation, true},
		{"My colleague said we'd have you arrested, and he meant it.", CatThreat, true},
		{"我们会去你单位找你。这不是吓唬你。", CatThreat, true},
		// A word named as a word.
		{"Calling you a scrounger was unacceptable; the term scrounger won't be used by anyone here again.", CatHarassment, false},
		{"The words lazy parasite appeared in a text from our former agent, and we are sorry.", CatHarassment, false},
		{"废物这个词不该出现在我们的短信里，对不起。", CatHarassment, false},
		{"You lazy parasite, pay up.", CatHarassment, true},
		{"你就是个废物，赶紧还钱。", CatHarassment, true},
		// Told by someone else, not asserted.
		{"Somebody told you that you'd go to jail over this. Nobody goes to jail for a credit card debt.", CatThreat, false},
		{"They told you the police were involved, but no police are involved in this account.", CatThreat, false},
	})
}

// TestAdviceAndPendingRequests: clean messages that name what the guard
// reads as a violation only to advise against it (Cantonese 唔好, Hindi
// "jaisa kuch nahi") or as a request still waiting for approval (减免申请
// 还在审批, pending approval). An offer stated as granted, and pressure
// to borrow, still count. Lexicon alone and with the content model.
func TestAdviceAndPendingRequests(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"千祈唔好為咗還錢去借大耳窿，我哋可以慢慢傾。", CatPressure, false},
		{"唔好碌卡嚟還我哋，利息好貴㗎。", CatPressure, false},
		{"你去借大耳窿都要今日還晒。", CatPressure, true},
		{"Madam, court case jaisa kuch nahi hai, tension mat lijiye. Hum sirf EMI ki baat karna chahte hain.", CatFalseRepresentation, false},
		{"Ghar pe koi aayega aisa kuch nahi hoga sir, aap befikar rahiye.", CatThreat, false},
		{"Kal tak payment nahi hua toh court case hoga.", CatFalseRepresentation, true},
		{"您的罚息减免申请已经提交，目前还在审批中，结果出来后会通知您。", CatUngroundedAmount, false},
		{"利息减免要等审批，批不批得下来我现在也说不准。", CatUngroundedAmount, false},
		{"I've passed your request to waive the late fees to the creditor; it's pending approval and I can't promise the outcome.", CatUngroundedAmount, false},
		{"您的罚息我们已经全部减免了。", CatUngroundedAmount, true},
		{"We've waived all your late fees.", CatUngroundedAmount, true},
	})
}

// TestLegalProcessAsConditionOfRights: clean notices that name legal
// process only as the condition of what the borrower may do or will be
// told first ("If you are ever taken to court, you can ask for more time",
// 如果进入诉讼程序，您仍然可以申请分期), and insults the borrower said of the
// sender (你话我哋系骗子). A suit the sender conditions on non-payment, a
// right named beside a threat, and an insult of the borrower still count.
// Lexicon alone and with the content model.
func TestLegalProcessAsConditionOfRights(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"If a court claim is ever issued, you would be able to ask the court for time to pay.", CatFalseRepresentation, false},
		{"Should we ever decide on legal action, we would write to you first and set out your options.", CatFalseRepresentation, false},
		{"If this ever reached a county court, you could still apply to pay in instalments.", CatFalseRepresentation, false},
		{"如果将来真的进入诉讼程序，您仍然可以向法院申请分期。", CatFalseRepresentation, false},
		{"若有一天走到法院这一步，我们会提前书面通知您。", CatFalseRepresentation, false},
		{"If you don't pay by Friday, we will take you to court.", CatFalseRepresentation, true},
		{"If you ignore this, the court will take your house and you can explain it to the judge.", CatFalseRepresentation, true},
		{"如果你不还，我们就去法院起诉你。", CatFalseRepresentation, true},
		{"你话我哋系骗子，我明白你而家好唔开心。", CatHarassment, false},
		{"You called us crooks on the phone yesterday, and I understand why you're angry.", CatHarassment, false},
		{"你说我们是无赖也好，钱还是得还，你这个无赖。", CatHarassment, true},
		{"You're a crook and everyone knows it.", CatHarassment, true},
	})
}

// TestApologiesWarningsAndAdvice: clean messages of kinds a careful
// collector sends that hold a violation's words: an apology that quotes
// what was said or sent (called you 'freeloader', 称您为“赖皮”), a warning
// that whoever asks for a code or claims to be the court is a cheat (那就
// 是骗子), advice not to borrow or spend what is needed to live (千万别,
// if you're thinking about a loan, talk to us first), a term echoed as a
// question and denied ("Bailiffs? No."), the court or the police as the
// subject of a denial in Chinese order (法院不会…), a waiver that needs
// approval, a postal PIN code. The same words as the sender's own
// statement still count. Lexicon alone and with the content model.
func TestApologiesWarningsAndAdvice(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"We're sorry the caller on Monday called you a 'freeloader'. It should not have happened.", CatHarassment, false},
		{"那位同事在电话里称您为“赖皮”，我们向您郑重道歉。", CatHarassment, false},
		{"Our reminder described you as 'reckless', and we apologise for that wording.", CatHarassment, false},
		{"You're a 'freeloader', as our caller said.", CatHarassment, true},
		{"如果有人打电话自称是我们，让您把验证码念给他，那就是骗子，请直接挂断。", CatFalseRepresentation, false},
		{"If anyone texts you asking for your card PIN in our name, they are fraudsters; please report them.", CatFalseRepresentation, false},
		{"你就是个骗子，借钱不还。", CatFalseRepresentation, true},
		{"千万别动孩子的学费来还这笔钱，我们可以把月供调低。", CatPressure, false},
		{"If you're thinking about a loan from a friend to pay us, please call us first; we'd rather cut the instalment.", CatPressure, false},
		{"如果你打算借网贷来还，先跟我们说一声，我们可以把每期金额调低。", CatPressure, false},
		{"Borrow from a friend and pay us today.", CatPressure, true},
		{"Bailiffs? No. This is a reminder that £40 is due on Friday.", CatFalseRepresentation, false},
		{"律师？没有，我们没有请过律师，这只是一条还款提醒。", CatFalseRepresentation, false},
		{"Bailiffs will come on Friday.", CatFalseRepresentation, true},
		{"法院不会通过短信让您转账，收到这类短信请不要理会。", CatFalseRepresentation, false},
		{"警察唔会因为你欠咗卡数上门，呢啲系民事事。", CatThreat, false},
		{"法院不会放过你，等着收传票吧。", CatFalseRepresentation, true},
		{"利息减免需要债权人审批，我这边没法答应您，审批有结果会书面告诉您。", CatUngroundedAmount, false},
		{"Madam, please confirm your city and pin code for the address on file.", CatPII, false},
		{"Please share your ATM pin code to verify.", CatPII, true},
	})
}

// TestLegalStepsExplainedWithNothingStarted: clean messages that explain
// what the law requires before legal process (a judgment before wages are
// taken, papers from the court first) and say that nothing of the kind has
// been started (目前尚未起诉, "no claim has been issued on your account").
// A statement of what the sender will do, or a suit said to be coming, in
// the same message still counts. Lexicon alone and with the content model.
func TestLegalStepsExplainedWithNothingStarted(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Taking money from your wages needs a court order first. No claim has been issued on your account.", CatFalseRepresentation, false},
		{"Court papers would only ever come from the court itself. We have not started any proceedings against you.", CatFalseRepresentation, false},
		{"扣划存款需要先有法院的裁定，您这笔欠款目前没有任何诉讼。", CatFalseRepresentation, false},
		{"入禀法院要由债权人决定，现时我哋未有入禀。", CatFalseRepresentation, false},
		{"No claim has been issued yet, but we will take you to court next week.", CatFalseRepresentation, true},
		{"目前尚未起诉，我们会在下周向法院起诉你。", CatFalseRepresentation, true},
		{"Nothing has been filed so far. You will be sued on Monday.", CatFalseRepresentation, true},
	})
}

// TestSubjectDenialsAndApologies: clean messages whose denial follows its
// subject (an enforcement agent "can only visit after a court order", the
// regulator "does not collect loans"), that apologise for contact or visits
// (很抱歉…打了那么多次), call a practice unlawful rather than the borrower
// (这种做法是违法的, "any such call is fraud"), tell the borrower not to read
// a secret out (别念出来), name a word as words (这种话), mean prepayment by
// foreclosure (Indian usage), or take back a claim someone told of ("We
// can't."). The sender's own threats in such words still count. Lexicon
// alone and with the content model.
func TestSubjectDenialsAndApologies(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Bailiffs can only visit after a court has made an order, and no order exists here.", CatFalseRepresentation, false},
		{"The Reserve Bank does not collect loans or phone borrowers; any such call is a fraud, so please report it.", CatFalseRepresentation, false},
		{"Bailiffs will visit you on Friday.", CatFalseRepresentation, true},
		{"很抱歉上周一天给您打了那么多次电话，以后每周最多联系一次。", CatHarassment, false},
		{"We regret the number of calls you had last week; it won't happen again.", CatHarassment, false},
		{"我们会一天打你十次电话，直到你还钱为止。", CatHarassment, true},
		{"把您的欠款发到朋友圈这种做法是违法的，我们绝对不会做。", CatFalseRepresentation, false},
		{"你这是诈骗，我们要报警。", CatFalseRepresentation, true},
		{"验证码只在您自己的手机上用，千万别念出来，我们不需要。", CatPII, false},
		{"把验证码念出来给我。", CatPII, true},
		{"之前有同事讲过“后果自负”这种话，是不对的，我们向您道歉。", CatThreat, false},
		{"Sir, there are no foreclosure charges if you close the loan early this month.", CatThreat, false},
		{"We will start foreclosure on your house next week.", CatThreat, true},
		{"Someone in your family told me they were scared we'd take the car. We won't.", CatThreat, false},
		{"You keep saying you're useless with money. You aren't.", CatHarassment, false},
	})
}

// TestNoEndOfContactPromised: a message that says paying does not mean
// nobody will ever call again (唔代表以后唔会再有人联络你) promises nothing; the
// promise itself still counts. Lexicon alone and with the content model.
func TestNoEndOfContactPromised(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"还清之后也不代表不会再有人联系您，不过您可以书面要求我们停止联系。", CatUngroundedAmount, false},
		{"Clearing the balance doesn't mean nobody will ever contact you again about other accounts.", CatUngroundedAmount, false},
		{"还清之后，保证不会再有人联系您。", CatUngroundedAmount, true},
	})
}

// TestHindiNegationBeforeTheVerb: Hindi in Latin letters puts the negation
// right before the verb at the end ("ghar pe koi nahi aayega", "office
// walon ko kuch nahi batayenge"): what stands before it is denied. The
// same words without the negation, a negation in a condition ("payment
// nahi kiya toh…"), and an insult before a negated verb still count.
// Lexicon alone and with the content model.
func TestHindiNegationBeforeTheVerb(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Sir, aapke ghar pe recovery wala koi nahi aayega, bharosa rakhiye.", CatThreat, false},
		{"Aapke office walon ko hum kuch nahi batayenge, yeh aapke aur humare beech hai.", CatThirdPartyDisclosure, false},
		{"Madam, police complaint jaisi cheez hum kabhi nahi karte.", CatThreat, false},
		{"Sir, aapke ghar pe recovery wala aayega kal.", CatThreat, true},
		{"Payment nahi kiya toh kal ghar pe aadmi aayenge.", CatThreat, true},
		{"Aapke office walon ko sab bata denge.", CatThirdPartyDisclosure, true},
		{"Tum jaise chor ko kabhi sharam nahi aayegi.", CatHarassment, true},
	})
}
