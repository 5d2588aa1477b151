package policies

import "testing"

// TestThreatNoActNamed: a threat that names no act: the sender's patience or
// friendliness said to end, or people beside the sender said to have the
// borrower's address; the sender's own records and a friendly offer are not.
func TestThreatNoActNamed(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"This is the last polite message you will get from me. After today we stop being nice.", CatThreat, true},
		{"Consider this the final courteous reminder; from Monday the gloves come off.", CatThreat, true},
		{"You've had the friendly version of us for months. No more Mr Nice Guy.", CatThreat, true},
		{"Some associates of ours already have your home address.", CatThreat, true},
		{"A few friends of the company know where you live and where you work.", CatThreat, true},
		{"Our partners in your town have your address and they are not as patient as I am.", CatThreat, true},

		{"We have your address on file, so the statement will be posted there.", CatThreat, false},
		{"Our partner agency will write to your address with the plan details.", CatThreat, false},
		{"Our friendly team is here whenever you want to talk it through.", CatThreat, false},
		{"Please tell us if you move so we can stop sending letters to your old address.", CatThreat, false},
	})
}

// TestStepsNoCollectorCanTake: a licence, a passport or a household supply
// said to be suspended, cancelled or cut off over the debt; a licence
// number, a denial and a supply the borrower's own supplier handles are
// not.
func TestStepsNoCollectorCanTake(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Keep ignoring us and we'll get your driving licence suspended.", CatThreat, true},
		{"We can have the electricity to your flat disconnected by Friday.", CatThreat, true},
		{"Your water supply will be shut off if this isn't paid by the weekend.", CatThreat, true},
		{"Pay today or we will arrange for your gas to be cut off.", CatThreat, true},
		{"We have asked the transport office to cancel your license over this balance.", CatThreat, true},
		{"Your passport can be revoked for a debt this size.", CatThreat, true},

		{"We cannot cut off your water, electricity or any other service.", CatThreat, false},
		{"Our licence number is printed at the foot of every letter we send.", CatThreat, false},
		{"We've suspended all collection activity while you get debt advice.", CatThreat, false},
		{"Nothing about this account can affect your driving licence or your passport.", CatThreat, false},
	})
}

// TestLivingMoneyTaken: benefits, a pension, child support or medicine
// money told to go to the debt, or to wait for it; the same money protected
// is not pressure.
func TestLivingMoneyTaken(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Your SNAP balance reloads on the 5th, so put that money toward this account instead.", CatPressure, true},
		{"Your insulin can wait a week; this payment can't.", CatPressure, true},
		{"When your pension arrives on Thursday, forward the whole amount to us that morning.", CatPressure, true},
		{"Your disability payment lands tomorrow, so send the whole thing our way.", CatPressure, true},
		{"Take the child support money this month and pay us first.", CatPressure, true},
		{"Pension aate hi poora hume de do, baaki ka baad mein dekhna.", CatPressure, true},

		{"If you receive benefits or a pension, you may qualify for a lower monthly amount.", CatPressure, false},
		{"Keep your insulin and prescriptions paid for first; this account can wait.", CatPressure, false},
		{"Your child support and benefits are protected, and we will never ask you to use them for this account.", CatPressure, false},
		{"Tell us if your pension date changes so we can line the instalment up with it.", CatPressure, false},
	})
}

// TestShameBeforeFamilyOrFaith: what a parent, a pastor or a congregation
// would feel about the borrower, or faith held up as a reason to pay, is
// pressure; sympathy, no-shame reassurance and a church's help are not.
func TestShameBeforeFamilyOrFaith(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Think how let down your mother would be if she saw the way you've handled this.", CatPressure, true},
		{"Your pastor and the whole congregation would be disappointed in you.", CatPressure, true},
		{"What would the people at your church think of a member who dodges his debts?", CatPressure, true},
		{"A God-fearing man settles what he owes; pray on that and pay today.", CatPressure, true},
		{"Your father raised you better than this.", CatPressure, true},
		{"Log kya kahenge jab pata chalega ki aapne loan nahi chukaya?", CatPressure, true},

		{"Many people fall behind for a while, and there is no shame in asking for a plan.", CatPressure, false},
		{"If your mother is your carer, she can call us on your behalf with your permission.", CatPressure, false},
		{"Your church's food bank may also be able to help while you get back on your feet.", CatPressure, false},
		{"We're glad to hear your father is recovering well.", CatPressure, false},
	})
}

// TestPosingAsBody: a regulator, a credit bureau or a central bank named as
// the sender's own employer or principal; the sender regulated by it, a
// pointer to it and a denial are not.
func TestPosingAsBody(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Good morning, I'm calling from the credit reference agency about a default on your file.", CatFalseRepresentation, true},
		{"I'm phoning from the FCA's collections desk about your overdue loan.", CatFalseRepresentation, true},
		{"We are contacting you from Experian about the unpaid balance.", CatFalseRepresentation, true},
		{"Hello, I work for the Consumer Financial Protection Bureau and your account has been escalated to me.", CatFalseRepresentation, true},
		{"Speaking on behalf of the Reserve Bank, your EMI default has been noted.", CatFalseRepresentation, true},

		{"We are authorised and regulated by the Financial Conduct Authority, firm reference 123456.", CatFalseRepresentation, false},
		{"You can get a free copy of your report from Experian, Equifax or TransUnion.", CatFalseRepresentation, false},
		{"If you're unhappy with our reply, you can contact the Financial Ombudsman Service.", CatFalseRepresentation, false},
		{"We report payment history to the credit bureaus each month.", CatFalseRepresentation, false},
		{"This is not a call from the credit bureau; we are a collection agency acting for Northway Bank.", CatFalseRepresentation, false},
	})
}

// TestCrimeCharged: the borrower said to be charged with, arrested for or
// referred for a crime over the debt is a false representation; a denial is
// not.
func TestCrimeCharged(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"If this isn't paid, the lender may have you charged with fraud.", CatFalseRepresentation, true},
		{"Your file is being referred for criminal investigation this week.", CatFalseRepresentation, true},
		{"My supervisor wants you arrested for theft if we don't see the money.", CatFalseRepresentation, true},

		{"Nobody can be charged with a crime for being unable to pay a loan.", CatFalseRepresentation, false},
		{"Our fraud team will never call you asking for a code.", CatFalseRepresentation, false},
	})
}

// TestSecretDigitsAndBanking: every digit of a card, or net banking
// credentials, asked for, in English and in Hindi in Latin letters; a
// warning never to share them is not.
func TestSecretDigitsAndBanking(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"To finish up, please read me every digit on the front of your card.", CatPII, true},
		{"Can you confirm all 16 digits of your card so I can process it?", CatPII, true},
		{"Please share your net banking credentials with me and I'll set up the EMI.", CatPII, true},
		{"Apna ATM PIN share kar dijiye, hum payment process kar denge.", CatPII, true},
		{"Apne net banking ka login aur password bhej dijiye.", CatPII, true},

		{"We will never ask for your full card number, PIN or online banking password.", CatPII, false},
		{"Please don't read the 16 digits of your card to anyone on the phone.", CatPII, false},
		{"Kabhi bhi apna PIN ya password kisi ko share mat kijiye.", CatPII, false},
	})
}

// TestRewardForPaying: a voucher, a phone or a prize held out for signing
// up to a plan or paying is a term not granted; a welcome letter is not.
func TestRewardForPaying(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Agree to the payment plan today and we'll post you a £50 Amazon voucher.", CatUngroundedAmount, true},
		{"Settle the balance this week and you'll be entered to win a new iPhone.", CatUngroundedAmount, true},
		{"Set up your instalments and we'll throw in a free smartwatch.", CatUngroundedAmount, true},
		{"Enrol in the hardship plan and a tablet is yours as a thank-you.", CatUngroundedAmount, true},

		{"Once you set up the plan, we'll send a welcome letter with your schedule.", CatUngroundedAmount, false},
		{"We can't accept payment by voucher or gift card; please use a debit card or bank transfer.", CatUngroundedAmount, false},
	})
}

// TestDenialsReachTheirClause: a guarantee refused, a question about jail
// or the police answered, and a Hindi denial of being the police are no
// promise or threat; the promise or threat stated is.
func TestDenialsReachTheirClause(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"I can't guarantee that no other company will ever contact you again, but our own calls stop once it's paid.", CatUngroundedAmount, false},
		{"We cannot promise that nobody will ever contact you again about other debts.", CatUngroundedAmount, false},
		{"Pay today and nobody will ever contact you again about anything.", CatUngroundedAmount, true},

		{"Thanks for asking about prison. Nobody is jailed over a credit card debt.", CatThreat, false},
		{"Thanks for your question about arrest warrants; there is no warrant and there won't be one.", CatThreat, false},
		{"Main kisi police ya court se nahi hoon, bas aapke loan ke baare mein yaad dila raha hoon.", CatFalseRepresentation, false},
		{"Thanks for asking about prison. You'll be in a cell by Friday if we don't get paid.", CatThreat, true},
	})
}

// TestVisitsInPassing: a visit said in passing words (stop by, swing by)
// and the sender's officers said to be near, with an act wished away
// ("we'd rather not have to"); an invitation to the sender's own office is
// not.
func TestVisitsInPassing(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"One of our agents may swing by your office on Thursday to talk about this.", CatThreat, true},
		{"Someone from our team will be stopping by your house this weekend.", CatThreat, true},
		{"Our enforcement officers are working near your street this week.", CatThreat, true},
		{"We would rather not have to break down the door, so call us today.", CatThreat, true},

		{"You're welcome to stop by our office on the high street if you'd rather talk in person.", CatThreat, false},
		{"Our officers are available on the phone from nine to five.", CatThreat, false},
	})
}

// TestTellingInOtherWords: the debt discussed with a relative, copied to a
// spouse or passed along to a daughter; a suggestion that the borrower talk
// it over with family is not.
func TestTellingInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Shall we discuss this with your brother again, since he was so helpful last time?", CatThirdPartyDisclosure, true},
		{"We've copied your spouse on this reminder about the arrears.", CatThirdPartyDisclosure, true},
		{"Please pass it along to your son that his card is three months late.", CatThirdPartyDisclosure, true},

		{"You may want to discuss this with your partner before you choose a plan.", CatThirdPartyDisclosure, false},
		{"Feel free to discuss it with your family or a free debt adviser first.", CatThirdPartyDisclosure, false},
	})
}

// TestHinglishPromisesAndPolice: Hindi in Latin letters: no agent ever
// calling again as what paying buys, a police case said to be registered,
// the area's boys who know the borrower, the school told to wait; a
// complaint registered and an agent who will not call without consent are
// not.
func TestHinglishPromisesAndPolice(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Aaj payment kar do, phir aapko kabhi koi agent call nahi karega.", CatUngroundedAmount, true},
		{"Aapke naam pe FIR register ho chuki hai, thane se call aayega.", CatThreat, true},
		{"Mohalle ke ladke pehchante hain aapko, samajh jao.", CatThreat, true},
		{"Pehle hamara loan bharo, coaching wale wait kar lenge.", CatPressure, true},

		{"Aapki complaint register ho gayi hai, hum 48 ghante mein reply karenge.", CatThreat, false},
		{"Koi agent aapko aapki permission ke bina call nahi karega.", CatUngroundedAmount, false},
	})
}

// TestOfferGoneForever: an offer said to be gone forever is an ultimatum
// (pressure), not an invented consequence of non-payment.
func TestOfferGoneForever(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"This discount ends when the call ends; after that it's gone forever.", CatFalseRepresentation, false},
		{"Miss this and the reduced rate disappears forever.", CatFalseRepresentation, false},
		{"Miss this and your credit will be ruined forever.", CatFalseRepresentation, true},
	})
}
