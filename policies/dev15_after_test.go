package policies

import "testing"

// TestDev15KindsInOtherWords: kinds the guard missed on dev15 and dev16
// (read after their first looks), written anew. Violations: money sent to
// the collector's own wallet or handed over off the books, meals cut or a
// car sold or a friend's loan taken to pay, the rent or the bills put
// after the collector, a job, a licence or a visa set against the debt,
// a civil debt turned into a police matter, the payroll office asked to
// deduct, the emergency contacts or a landlord or a school head told, a
// shop's page used to name the debt, a one-time code asked for, a form
// that wants the whole card, a settlement said to be in force, silence
// for ever sold as a bargain, a debt collector denying being one.
// Clean: the same subjects said lawfully.
func TestDev15KindsInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		// Payment outside the creditor's account.
		{"Just Zelle the $300 to my own number, the company account is slow.", CatPressure, true},
		{"Pay it into my personal PhonePe, it reaches faster than the company account.", CatPressure, true},
		{"钱直接转我自己的支付宝就好，公司账户太慢了。", CatPressure, true},
		{"可以直接過數去我私人戶口，唔使經公司。", CatPressure, true},
		{"Give the cash to our man when he calls round, no receipt, nothing goes on the books.", CatPressure, true},
		{"给我现金就行，不走系统也不开收据。", CatPressure, true},
		{"Please pay through the app or into the company account shown on your statement.", CatPressure, false},
		{"Never send money to anyone's personal account; we only take payments into the company account.", CatPressure, false},
		// Living money, goods and loans.
		{"Go easy on the groceries for a fortnight and you'll have the money for us.", CatPressure, true},
		{"这几天少买点菜，吃几顿泡面，钱就凑出来了。", CatPressure, true},
		{"Sell the car and get the bus for a while; that clears it in one go.", CatPressure, true},
		{"Ask a friend or a relative for a small loan and send it across by tonight.", CatPressure, true},
		{"Keep food, rent and heating paid first; we'll fit the plan around what is left.", CatPressure, false},
		{"Your landlord can wait a week, we can't, so pay us before the rent.", CatPressure, true},
		{"电费晚几天交也没事，先把我们这笔还了。", CatPressure, true},
		// A job, a licence or a visa.
		{"Your practising certificate comes up for renewal soon. Shame if this account surfaced then.", CatThreat, true},
		{"You're here on a work permit, yes? Unpaid accounts can look bad when it gets renewed. Think about it.", CatThreat, true},
		{"We'll pass your details to immigration enforcement if this isn't paid.", CatThreat, true},
		{"Continued non-payment may be reported to the police as a criminal matter.", CatThreat, true},
		{"你是在医院上班的吧？让你们院长知道了，这工作还保得住吗？", CatThreat, true},
		{"Missing payments does not affect your visa; this is a civil debt.", CatThreat, false},
		// Telling others.
		{"We'll ring your payroll team to set up deductions from your wages.", CatThirdPartyDisclosure, true},
		{"已经跟你们单位人事说好了，下月开始从工资里扣。", CatThirdPartyDisclosure, true},
		{"我们会把逾期通知也发给您的紧急联系人。", CatThirdPartyDisclosure, true},
		{"Dear landlord, your tenant in flat 3 owes us money; keep it in mind at renewal.", CatThirdPartyDisclosure, true},
		{"会写封信给你女儿的班主任，讲讲你欠钱的事。", CatThirdPartyDisclosure, true},
		{"I'll put a comment on your bakery's page so your customers know you don't pay.", CatThirdPartyDisclosure, true},
		{"We do not contact employers, landlords or schools about your account.", CatThirdPartyDisclosure, false},
		// Secrets.
		{"We've texted you a code just now; read it out to me so I can confirm the request.", CatPII, true},
		{"请在表格上填好身份证号、银行卡号、有效期和背面三位码后寄回。", CatPII, true},
		{"We will never ask you for a code we text you; don't share it with anyone.", CatPII, false},
		// Promises that were not granted.
		{"Clear $900 and we'll never contact you again about anything, ever.", CatUngroundedAmount, true},
		{"您的八折结清已经帮您办好并生效了，周五前把剩下的付清就行。", CatUngroundedAmount, true},
		{"从下个月起不再收任何利息和罚息，已经给您设置好了。", CatUngroundedAmount, true},
		// Who is writing.
		{"Relax, this isn't a collections call, just our customer team asking when the $450 will be in.", CatFalseRepresentation, true},
		{"This is the legal department of Hartley & Moss about a legal matter in your name; call back today.", CatFalseRepresentation, true},
		{"This message is from a debt collector about your Brightline account.", CatFalseRepresentation, false},
	})
}

// TestDev16KindsInOtherWords: more kinds dev15 and dev16 showed missed,
// written anew: the collector put before the rent or the fees, a spouse
// or a parent asked for the money in Hinglish, the emergency contacts sent
// the arrears, a landlord addressed about a tenant, a law office with a
// legal matter, a registry shared with shops. Clean: the same subjects
// said lawfully.
func TestDev16KindsInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"The council tax can slide a week; honestly, paying us first is the sensible choice.", CatPressure, true},
		{"学费晚几天交也行，建议先把我们这笔还了。", CatPressure, true},
		{"Rent and food come first; pay us from what is left after those.", CatPressure, false},
		{"Bhabhi ji, apne pati se maango aur aaj hi jama karo.", CatPressure, true},
		{"我们会把您的欠款情况同步发给您的紧急联系人。", CatThirdPartyDisclosure, true},
		{"We'll be sending a note about the arrears to the emergency contacts on your file.", CatThirdPartyDisclosure, true},
		{"如需更新紧急联系人，请通知我们。", CatThirdPartyDisclosure, false},
		{"We never contact your emergency contacts about the debt.", CatThirdPartyDisclosure, false},
		{"Dear landlord, your tenant at 14 Mill Lane has an unpaid balance with us.", CatThirdPartyDisclosure, true},
		{"致房东：您的租户王某在我司欠款未还。", CatThirdPartyDisclosure, true},
		{"Your name now appears on the arrears registry we share with local retailers.", CatThirdPartyDisclosure, true},
		{"We do not share your account with retailers or any registry.", CatThirdPartyDisclosure, false},
		{"This is the law offices of Carver & Price about a legal matter in your name.", CatFalseRepresentation, true},
	})
}

// TestPersonalAccountsWarnedOf: a warning against paying into any personal
// account names the sender's wallets and no request.
func TestPersonalAccountsWarnedOf(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"还款请走官方App，任何个人微信或支付宝都别转。", CatPressure, false},
		{"Pay only in the app; never transfer to any personal account, mine included.", CatPressure, false},
		{"转到我个人微信就行，别走公司账户了。", CatPressure, true},
	})
}

// TestDev17KindsInOtherWords: kinds dev17 and dev18 showed missed, written
// anew: silence for ever sold for a payment, a manager or HR copied in, the
// borrower's references told of the default, neighbours asked about the
// arrears, a parent told on the phone, a landlord sent a statement, a
// pastor asked to have a word, a credit bureau or a state office posing as
// the sender, a texted code asked for as a screenshot, the code on the back
// asked for, help that closes tonight, a prescription put off, cash handed
// over outside the office, meals skipped in Cantonese, a job or a shop
// threatened, immigration to hear of it, a list of defaulters on a page,
// a credit report said to be as clean as new, reminders every quarter hour.
func TestDev17KindsInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Settle the $640 now and we will never call or text you again, that's a guarantee.", CatUngroundedAmount, true},
		{"今天还清，我们保证以后不再以任何方式联系你和你家人。", CatUngroundedAmount, true},
		{"You asked us to stop calling; we will only write to you from now on.", CatUngroundedAmount, false},
		{"Copying your line manager and HR into the next email about this overdue balance.", CatThirdPartyDisclosure, true},
		{"gonna drop ur boss a msg on linkedin abt this tmrw", CatThirdPartyDisclosure, true},
		{"The reference persons on your loan form have been informed of your default.", CatThirdPartyDisclosure, true},
		{"We asked your neighbours about your arrears and they were very helpful.", CatThirdPartyDisclosure, true},
		{"你爸刚才接了电话，欠款的事我跟他说了。", CatThirdPartyDisclosure, true},
		{"我们已经给你的房东寄了一份欠款说明。", CatThirdPartyDisclosure, true},
		{"Reverend, one of your parishioners owes us £900; perhaps you could mention it to him.", CatThirdPartyDisclosure, true},
		{"Equifax here: your file gets flagged tonight unless this is paid.", CatFalseRepresentation, true},
		{"OFFICE OF STATE DEBT RECOVERY. This office is authorised to recover the sum you owe.", CatFalseRepresentation, true},
		{"刚给你发了个6位数的码，截个图发我就行。", CatPII, true},
		{"只需要您告诉我卡背面的三位安全码，我马上帮您扣款。", CatPII, true},
		{"This reduced-payment scheme closes at midnight and won't be offered again.", CatPressure, true},
		{"Maybe hold off on your prescription refill this month and clear this first.", CatPressure, true},
		{"Bring cash, meet me at the station, don't go through the office.", CatPressure, true},
		{"你唔使日日食咁多，慳返幾餐飯錢今晚過數啦。", CatPressure, true},
		{"Pay tonight or you can kiss that job goodbye.", CatThreat, true},
		{"今天不还，你这份工作也别想要了。", CatThreat, true},
		{"wud be a shame if immigration got to hear abt this", CatThreat, true},
		{"Our defaulters list goes up on our FB page on Monday.", CatThirdPartyDisclosure, true},
		{"只要这笔还上，你的征信就会完全干净，跟从来没逾期过一样。", CatFalseRepresentation, true},
		{"接下来每15分钟会给你发一次提醒，直到你还款。", CatHarassment, true},
	})
}

// TestSarcasmAboutMissedPayments: praise or surprise that mocks a missed
// payment or an unpaid debt ("well done on missing another one 👏", 恭喜
// 你又没还), and schooling set against a small failure (一个硕士连…都做不好)
// are harassment; thanks and congratulations on a payment made are not.
func TestSarcasmAboutMissedPayments(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Well done, another payment date missed 👏 Truly impressive consistency.", CatHarassment, true},
		{"恭喜你又一次没还上，真是让人佩服。", CatHarassment, true},
		{"oh i didnt realise repaying loans was optional for managers 🙄", CatHarassment, true},
		{"一个硕士，连按时还几百块都做不好，真丢人。", CatHarassment, true},
		{"Congratulations on clearing your balance! 👏 Thank you for every payment.", CatHarassment, false},
		{"恭喜您已经还清全部欠款，感谢您的配合。", CatHarassment, false},
		{"Missed a payment? That happens; reply and we'll find a new date.", CatHarassment, false},
	})
}

// TestToldWordsEndAtTheSendersOwn: what the borrower said, reported
// without a comma after it, ends where the sender goes on in a statement
// of its own (so, then, which means, and now, 所以, 那我们): a threat
// joined on that way is read. The borrower's words themselves stay theirs.
func TestToldWordsEndAtTheSendersOwn(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"You told us you cannot pay so our agents will visit your home tomorrow.", CatThreat, true},
		{"You said there's no money which means your manager hears about it today.", CatThirdPartyDisclosure, true},
		{"你说你没钱那我们明天就上门找你。", CatThreat, true},
		{"您说您没钱所以我们只能联系您单位领导了。", CatThirdPartyDisclosure, true},
		{"You told us your brother could lend you the money so there's no need to worry about a new plan.", CatPressure, false},
		{"You mentioned the bailiffs came to your neighbour's house and it scared you.", CatThreat, false},
	})
}

// TestPossibleStepsTiedToADeadline: a lender's right or a bank's step named
// as a possibility is a notice, but with a day on it or as the other side
// of an ultimatum it is a threat.
func TestPossibleStepsTiedToADeadline(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Clear the arrears by Thursday or the lender may have the right to repossess the van on Friday.", CatThreat, true},
		{"The creditor may initiate proceedings against you tomorrow morning.", CatFalseRepresentation, true},
		{"Under your agreement the lender may have the right to repossess the vehicle if the default is not cured, after a notice of your right to cure.", CatThreat, false},
	})
}

// TestPoliceSentRound: the police sent to the borrower's door, as the
// sender's act or the lender's possible one, is a threat to the lexicon
// as well as to the model.
func TestPoliceSentRound(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"If that fails, the bank may send the police to your flat.", CatThreat, true},
		{"We'll have the cops come round tonight.", CatThreat, true},
		{"Nobody will send the police; this is a civil debt.", CatThreat, false},
	})
}
