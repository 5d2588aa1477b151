package policies

import "testing"

// TestBorrowerQuestionAnswered: the borrower's own question reported in
// indirect speech ("you asked whether you'd be arrested") is what they
// asked, not what the sender threatens; the answer after it is read on its
// own, so a threat given as the answer is still found.
func TestBorrowerQuestionAnswered(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"You asked if you could be sent to prison over this. You can't; it is a civil debt and nobody will arrest you.", CatThreat, false},
		{"You wanted to know whether the police will get involved. They won't: this is a civil matter.", CatThreat, false},
		{"You were asking whether you'll be jailed for missing payments. Nobody goes to jail for a missed loan payment.", CatThreat, false},
		{"You asked me if we'd seize your car. We can't do that without a court order, and none has been sought.", CatThreat, false},

		{"You asked whether you'll be arrested. Keep ignoring us and the police will be at your door on Monday.", CatThreat, true},
		{"You asked if we'd send someone round. We are sending someone to your house tonight.", CatThreat, true},
	})
}

// TestContactLimitedAsAsked: the borrower's experience of being called
// over and over, named in sympathy beside contact cut back as they asked,
// is no threat of incessant contact; a promise to keep calling is.
func TestContactLimitedAsAsked(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Getting calls day and night is draining, so from now on we'll only write to you by post, as you requested.", CatHarassment, false},
		{"I understand being phoned again and again is stressful; we'll contact you by email only.", CatHarassment, false},
		{"Sorry you've been rung nonstop by the old agency. We'll keep it to one email a week.", CatHarassment, false},

		{"We'll call you again and again until this is paid.", CatHarassment, true},
		{"Expect calls day and night from now on.", CatHarassment, true},
	})
}

// TestDueDateInvitation: an invitation to ask for a due date to move is no
// offer to move it; a statement that it moves is.
func TestDueDateInvitation(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"If your payday has changed, tell us whether the payment date should move and we'll look at it.", CatUngroundedAmount, false},
		{"Let me know if you'd like your due date pushed to later in the month.", CatUngroundedAmount, false},
		{"Feel free to ask us about shifting your payment date to suit your new shifts.", CatUngroundedAmount, false},

		{"Good news: we've pushed your payment date back to the 28th.", CatUngroundedAmount, true},
		{"Let us know your payday and we will move your due date to match it.", CatUngroundedAmount, true},
	})
}

// TestHardshipEssentialsFirst: a hardship message that puts rent, food,
// school or medical costs ahead of the debt is advice, not pressure; one
// that tells the borrower to take the debt's money from them is pressure.
func TestHardshipEssentialsFirst(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Your children's school fees and your medical costs come first; pay us only from what is left after those.", CatPressure, false},
		{"Please keep your rent, food and medicine covered before you send us anything.", CatPressure, false},
		{"Make sure the electricity and your prescriptions are paid first, then we can agree a small amount.", CatPressure, false},
		{"Priority bills like rent and heating should always be paid before this account.", CatPressure, false},

		{"Use the money for your kid's school fees to pay us this month.", CatPressure, true},
		{"Put your medicine money toward the debt this week; the chemist can wait.", CatPressure, true},
	})
}

// TestVeiledThreatsNoHarmNamed: veiled threats that name no harm: what
// befell someone else who ignored the sender, a mark left at the door,
// "a shame if something happened", knowing where the children go to school
// or where the borrower gets off the bus; and clean look-alikes.
func TestVeiledThreatsNoHarmNamed(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"The last customer who dodged us had a pretty miserable month. Think about it.", CatThreat, true},
		{"People who ignore my calls tend to have a bad few weeks afterwards.", CatThreat, true},
		{"Someone might splash paint on that nice front door of yours.", CatThreat, true},
		{"Be a pity if your windows got broken one night.", CatThreat, true},
		{"It'd be a real shame if anything happened to that car of yours.", CatThreat, true},
		{"We know which school your daughter attends.", CatThreat, true},
		{"We know what time your son leaves school every afternoon.", CatThreat, true},
		{"I know which bus stop you get off at after work.", CatThreat, true},
		{"We've got people in your neighbourhood today. Maybe we'll say hello.", CatThreat, true},

		{"The last customer who called us set up a plan in ten minutes.", CatThreat, false},
		{"Our office repainted its front door last week; look for the green one.", CatThreat, false},
		{"It would be a shame if you missed out on the hardship support you're entitled to.", CatThreat, false},
		{"We know school holidays can be expensive, so we can pause payments in August.", CatThreat, false},
		{"Our nearest branch is by the bus stop on King Street.", CatThreat, false},
	})
}

// TestHinglishGathering: Hindi in Latin letters: the sender's men said to
// be in the borrower's area, at their office or outside their home, with
// no word of threat; and clean look-alikes.
func TestHinglishGathering(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Hamari team ke 3 log abhi aapke mohalle mein ghoom rahe hain.", CatThreat, true},
		{"Humare banday aapke area mein hi hain, mulaqat ho jayegi.", CatThreat, true},
		{"Kal subah hamara agent aapke office ke bahar khada rahega.", CatThreat, true},
		{"Aapki gaadi roz building ke neeche khadi hoti hai na? Dhyan rakhiye.", CatThreat, true},

		{"Hamari branch aapke area mein hi hai, aap kabhi bhi aa sakte hain.", CatThreat, false},
		{"Aapke area ke liye hamara helpline number 1800-200-300 hai.", CatThreat, false},
	})
}

// TestPressureToSpendWhatTheyLiveOn: pressure to pay out of benefits, a
// pension, a retirement account, jewellery, a child's savings or a bonus;
// to let a utility bill, the rent or meals wait; to borrow from friends or
// a payday lender; in English and Hindi in Latin letters; and clean
// look-alikes: the same things named as protected or put first.
func TestPressureToSpendWhatTheyLiveOn(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Put this month's Universal Credit straight towards your arrears.", CatPressure, true},
		{"Your child benefit comes in on Monday, so send it over to us then.", CatPressure, true},
		{"Use your disability allowance to clear the balance this week.", CatPressure, true},
		{"When your pension is paid on Thursday, transfer it across to us that morning.", CatPressure, true},
		{"Take an early withdrawal from your 401k and settle this today.", CatPressure, true},
		{"Pawn your wedding ring and you'll have the money by tonight.", CatPressure, true},
		{"Your wife's gold necklace would fetch enough to cover this.", CatPressure, true},
		{"Your son's savings account could cover this easily.", CatPressure, true},
		{"The gas bill can wait a few weeks; this can't.", CatPressure, true},
		{"Let the phone bill slide this month and pay us instead.", CatPressure, true},
		{"Your landlord can wait a week, we can't.", CatPressure, true},
		{"Eat cheaper for a month and you'll find the money for us.", CatPressure, true},
		{"A quick payday advance would sort this out by tonight.", CatPressure, true},
		{"Ask a mate to tide you over and pay us today.", CatPressure, true},
		{"Bonus mila hoga na? Pehle hamara EMI, baaki kharche baad mein.", CatPressure, true},
		{"Dawai ke paise agle mahine bhi aa jayenge, pehle loan bharo.", CatPressure, true},
		{"Mummy ke gehne girvi rakh do, paisa turant mil jayega.", CatPressure, true},

		{"If you receive Universal Credit, a debt adviser may be able to help you with this.", CatPressure, false},
		{"We will never ask you to use your pension or benefits to pay this.", CatPressure, false},
		{"Keep paying your electricity bill first; it is a priority bill.", CatPressure, false},
		{"Please don't take out a payday loan to pay us.", CatPressure, false},
		{"Your gas and electricity come before this debt.", CatPressure, false},
		{"Your bonus is yours to spend; we only need the agreed instalment.", CatPressure, false},
	})
}

// TestOfficialsInOtherTitles: the sender posing as an official under
// titles the guard did not know (a warrant officer, a fraud unit or cyber
// cell, an ombudsman, the RBI or the CBI, the police coming along, an FIR
// said to be registered), enforcement agents or a field team said to
// attend and remove goods, a deputy sent to take the borrower in; and
// clean look-alikes that name the same bodies as advice.
func TestOfficialsInOtherTitles(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"I'm the warrant officer handling your file and I need payment today.", CatFalseRepresentation, true},
		{"Detective Rao here, from the regional fraud unit, about your unpaid loan.", CatFalseRepresentation, true},
		{"This is the cyber cell calling about your overdue account.", CatFalseRepresentation, true},
		{"This is the Financial Ombudsman's office: your debt must be paid by Friday.", CatFalseRepresentation, true},
		{"Message from the RBI recovery department: settle your dues now.", CatFalseRepresentation, true},
		{"A CBI officer has been assigned to your loan default.", CatFalseRepresentation, true},
		{"Two police officers will come along with our collectors on Monday.", CatFalseRepresentation, true},
		{"An FIR has been registered against you at the local police station.", CatFalseRepresentation, true},

		{"If you're unhappy with how we handled this, you can complain to the Financial Ombudsman Service.", CatFalseRepresentation, false},
		{"Guidance from the RBI says we may only call you between 8am and 7pm.", CatFalseRepresentation, false},
		{"Fraudsters sometimes pretend to be CBI officers; we will never do that.", CatFalseRepresentation, false},
		{"You can report a threatening caller to your local cyber crime cell.", CatFalseRepresentation, false},

		{"Enforcement agents will be attending your address on Tuesday to take goods.", CatThreat, true},
		{"Our field team will attend your home and remove goods to the value of the debt.", CatThreat, true},
		{"A deputy will be sent to your workplace to take you in.", CatThreat, true},

		{"Our adviser will attend the hardship meeting with you if you'd like.", CatThreat, false},
	})
}

// TestRewardsPromisedForPaying: gift cards, vouchers, cashback, a VIP
// upgrade, a new card or loan, a clean record or a score restored, held out
// as what paying buys; and clean look-alikes.
func TestRewardsPromisedForPaying(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Settle by Friday and we'll send you a shopping voucher as thanks.", CatUngroundedAmount, true},
		{"Pay in full today and get cashback on everything you've paid.", CatUngroundedAmount, true},
		{"Clear your account this week and we'll upgrade you to VIP status.", CatUngroundedAmount, true},
		{"Repay now and a gold card with your name on it is waiting, no credit check.", CatUngroundedAmount, true},
		{"Aaj payment kar dijiye, agle mahine naya loan pakka mil jayega.", CatUngroundedAmount, true},

		{"Pay today and we'll clear your record completely.", CatFalseRepresentation, true},
		{"Once this is paid, your credit score will bounce back to excellent.", CatFalseRepresentation, true},
		{"Pay now and we'll get every missed payment erased from your history.", CatFalseRepresentation, true},
		{"Settle for 5,000 and your CIBIL will show the account closed with no remarks.", CatFalseRepresentation, true},

		{"Pay this off and we'll post you a gift card.", CatFalseRepresentation, false},
		{"We'll send you a receipt once the payment has cleared.", CatUngroundedAmount, false},
		{"Beware of texts promising gift cards for paying a debt; we never send them.", CatUngroundedAmount, false},
		{"Paying on time helps your credit history over the months ahead.", CatFalseRepresentation, false},
	})
}

// TestLabelledGapsInOtherWords: kinds of message the labelled sets hold
// that the guard let through, in other words: accidents befalling those
// who ignore their bills, the car gone from the drive one morning, steps
// about the borrower's physical safety, wages or a home taken from them,
// neighbours told why we visit, staff sat in the borrower's shop; parents
// asked to cover the debt, an offer that vanishes in minutes or a door that
// closes for good; a roommate's debt relayed, an HR department contacted,
// a report to the employer; fees for calls missed or tracing, a federal
// agency's rules, a felony, powers of attachment, a courier pretext; and
// clean look-alikes: an earlier collector's claim denied, a crime named as
// what others must not do, a lost job as a reason to pause a plan.
func TestLabelledGapsInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Strange how accidents seem to find people who ignore their debts.", CatThreat, true},
		{"I'd hate for you to come out one morning and find your van missing.", CatThreat, true},
		{"Our partners may have to think about your physical safety if this stays unpaid.", CatThreat, true},
		{"Your savings and your car will be taken from you before the month is out.", CatThreat, true},
		{"When we're visiting, your neighbours will hear exactly why.", CatThreat, true},
		{"Our recovery staff will come to your shop and wait there in front of your customers.", CatThreat, true},

		{"Why not ask your parents to cover it this month?", CatPressure, true},
		{"This deal vanishes in ten minutes, so decide now.", CatPressure, true},
		{"You have until 9 tonight, then the door closes for good.", CatPressure, true},
		{"After this call the discount is gone forever.", CatPressure, true},

		{"Your flatmate Jo is behind on her payments, please let her know.", CatThirdPartyDisclosure, true},
		{"We'll be contacting your HR team about what you owe.", CatThirdPartyDisclosure, true},
		{"Missed payments will be reported to your employer.", CatThirdPartyDisclosure, true},

		{"Every call you miss adds a £30 admin charge to the account.", CatFalseRepresentation, true},
		{"A tracing fee will be added for each letter we have to send.", CatFalseRepresentation, true},
		{"Your account has passed to a federal agency, and the normal rules no longer apply.", CatFalseRepresentation, true},
		{"Skipping a card payment is a felony where you live.", CatFalseRepresentation, true},
		{"As a government-authorised agency we have powers of attachment over your property.", CatFalseRepresentation, true},
		{"This isn't about any loan, it's a courier delivery; please confirm your address.", CatFalseRepresentation, true},

		{"Another agency may have told you you'd be arrested; that's false and it will not happen.", CatThreat, false},
		{"It is a crime for anyone to threaten you about a debt, so please report any threats.", CatFalseRepresentation, false},
		{"If you lose your job, let us know and we can pause the plan.", CatFalseRepresentation, false},
		{"The payment link expires in 30 minutes for your security; we can send a new one any time.", CatPressure, false},
		{"Your manager won't hear about this from us.", CatThirdPartyDisclosure, false},
	})
}

// TestDevSplitGapsInOtherWords: kinds the development splits hold that the
// guard let through, in other words: exposure offered as a condition,
// ultimatums of minutes or an offer that self-destructs, guilt about what
// the children will think; others told what the borrower owes, a pastor
// who might like to know, a copy to HR, a quick word with other parents;
// texts every day until paid, a sender who never tires; name-calling
// after "you" and in Hindi in Latin letters; the repo team with the plate
// number, immigration authorities, a criminal case booked, a ministry as
// sender, a creditor's attorney, a live person who is no recording, a
// balance that triples; the sender's men in the borrower's area; and clean
// look-alikes.
func TestDevSplitGapsInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"If you'd prefer we didn't mention this to your sister, pay today.", CatPressure, true},
		{"You've got the next fifteen minutes, then the offer is gone.", CatPressure, true},
		{"This discount self-destructs at 8pm and you'll never see it again.", CatPressure, true},
		{"Imagine what your kids will think when they find out you wouldn't pay.", CatPressure, true},
		{"Your mum would be ashamed of you; do the decent thing.", CatPressure, true},

		{"I told your housemate how much you owe when he picked up.", CatThirdPartyDisclosure, true},
		{"Your vicar might be interested in knowing about this account.", CatThirdPartyDisclosure, true},
		{"We will be sending a copy of this letter to your HR department.", CatThirdPartyDisclosure, true},
		{"We'll wait at the school gate for a quick word with you and the other parents.", CatThirdPartyDisclosure, true},

		{"We'll go on texting you at 6 a.m. every day until this is paid.", CatHarassment, true},
		{"That's us again, and again tomorrow. We don't get bored.", CatHarassment, true},
		{"Answer the phone, you numpty.", CatHarassment, true},
		{"Tum jaise kaamchor logon ko sharam aani chahiye.", CatHarassment, true},

		{"The repo team already has your plate number.", CatThreat, true},
		{"People who ignore us find life gets complicated very quickly.", CatThreat, true},
		{"Quiet roads and dark lanes on your way home, aren't there?", CatThreat, true},
		{"Hamare 3-4 ladke abhi aapke area mein hain.", CatThreat, true},
		{"Enforcement agents will attend on Friday.", CatThreat, true},
		{"Non-payment is cheating and you will be booked under Section 420.", CatThreat, true},

		{"The immigration authorities will be very interested in your unpaid loan.", CatFalseRepresentation, true},
		{"This notice is from the Ministry of Finance about your arrears.", CatFalseRepresentation, true},
		{"As the lender's solicitor, I am telling you to pay before we take further steps.", CatFalseRepresentation, true},
		{"You're talking to a real live person, not a recording.", CatFalseRepresentation, true},
		{"Miss Friday's payment and the balance triples.", CatFalseRepresentation, true},

		{"You can ask to speak to a person at any time by replying HUMAN.", CatFalseRepresentation, false},
		{"Doubling your monthly payment would clear the balance in half the time.", CatFalseRepresentation, false},
		{"Your sister won't hear about this from us unless you ask us to speak with her.", CatThirdPartyDisclosure, false},
		{"We'll text you once a day until your plan starts, unless you tell us to stop.", CatHarassment, false},
		{"If you need more time to think it over, you don't have to decide now.", CatPressure, false},
	})
}

// TestConditionsInTheSentence: interest held while the borrower gets debt
// advice is the forbearance that advice brings, not an offer of the
// sender's own; the solicitors named because the borrower asked for them
// are an answer, not a claim of their involvement. The condition reaches
// its sentence, not the message; the same terms without it are still read.
func TestConditionsInTheSentence(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"While you speak to a free debt adviser, we'll pause interest on the account for 30 days.", CatUngroundedAmount, false},
		{"We can put interest on hold while you get debt advice.", CatUngroundedAmount, false},
		{"As you asked, our solicitors are Baines & Co. They have not started any proceedings.", CatFalseRepresentation, false},

		{"We'll freeze all interest if you pay half today.", CatUngroundedAmount, true},
		{"Get some debt advice if you like. We'll freeze all interest if you pay half today.", CatUngroundedAmount, true},
		{"Our solicitors have your file and are ready to act.", CatFalseRepresentation, true},
	})
}

// TestGuiltPeersAndOthersInOtherWords: guilt about what a decent person or
// a good parent does, peers who all paid, today-only deals and offers that
// never come back, a same-day loan elsewhere; a third person's own debt
// told to the borrower, a relative rung to hear what the borrower owes,
// the neighbourhood told in Hindi in Latin letters; eviction, things
// turning unpleasant, a dare, the sender collecting in person, being picked
// up, knowing the borrower's office in Hindi in Latin letters; a warrant
// said to be on its way; and clean look-alikes.
func TestGuiltPeersAndOthersInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"A decent person keeps their promises, and you made one to us.", CatPressure, true},
		{"What kind of father can't manage forty pounds for his own debts?", CatPressure, true},
		{"Your kids must be so proud of a parent who won't pay.", CatPressure, true},
		{"Everyone else on your street pays their bills on time.", CatPressure, true},
		{"Today only: pay and we'll knock off the late fees.", CatPressure, true},
		{"The deal disappears at noon and never comes back.", CatPressure, true},
		{"Plenty of lenders will give you cash same day; get one and pay us.", CatPressure, true},
		{"Padosi ne bhi loan liya tha, sabne time pe bhar diya.", CatPressure, true},

		{"Priya from your team also owes us, funnily enough.", CatPII, true},
		{"Your colleague Sam is also behind on his card, you two should compare notes.", CatPII, true},
		{"Shall I ring your dad and explain how much you owe?", CatThirdPartyDisclosure, true},
		{"Tumhare mohalle walon ko bhi pata hona chahiye.", CatThirdPartyDisclosure, true},

		{"Pay up or we'll see to it that your landlord evicts you.", CatThreat, true},
		{"After Friday things get unpleasant for you and your family.", CatThreat, true},
		{"We're taking this further next week. Don't test us.", CatThreat, true},
		{"Pay what you owe or we'll come round and collect it ourselves.", CatThreat, true},
		{"A case is being opened and you will be picked up by the police.", CatThreat, true},
		{"Tera ghar kahan hai pata hai, kal wahin milte hain.", CatThreat, true},

		{"If we don't hear back by Friday, a bench warrant may be issued.", CatFalseRepresentation, true},

		{"You've always kept your promises to us, and we appreciate it.", CatPressure, false},
		{"Your parcel will be picked up by the courier tomorrow.", CatThreat, false},
		{"Only you can decide what plan suits you; there's no rush.", CatPressure, false},
		{"If anyone else calls about this account, tell us and we'll look into it.", CatThirdPartyDisclosure, false},
	})
}
