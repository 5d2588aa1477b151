package policies

import "testing"

// TestDev8KindsCleanInOtherWords: clean messages of the kinds the guard
// blocked on the development batch dev8, written anew: a retraction after
// an apology ("I'm sorry, that wasn't accurate"), an apology for how the
// borrower felt, a warning in Hindi about anyone threatening a visit in the
// company's name, a contract's consequence stated plainly, a request still
// to be made (可以申请顺延), a court that does not use an app, and an
// insult's word retracted in Chinese (这个说法不正确). Lexicon alone and
// with the content model.
func TestDev8KindsCleanInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Someone on our team told you the balance would be wiped if you paid half. I'm sorry, that wasn't accurate; what you pay reduces what you owe.", CatUngroundedAmount, false},
		{"A caller last week mentioned the police. Apologies, that was wrong: this is a civil debt.", CatThreat, false},
		{"We're sorry you felt humiliated by the letter; that was never our intention.", CatHarassment, false},
		{"Agar koi aapko company ke naam pe dhamki de raha hai ki ghar aayenge, toh humein batayein; hum kisi ko bhejne ki anumati nahi dete.", CatThreat, false},
		{"Under the loan agreement, a long default could in time lead to the car being repossessed, which we'd both like to avoid.", CatThreat, false},
		{"如果这个月手头紧，还款日可以申请延后，在APP里提交就行。", CatUngroundedAmount, false},
		{"法院唔会用微信叫你还钱，收到可疑讯息请打我哋热线。", CatFalseRepresentation, false},
		{"上次同事说您还一半就能‘全部免掉’，这个说法不正确，我们向您道歉。", CatUngroundedAmount, false},
		{"借了钱一时还不上并不丢人，我们可以一起调整计划。", CatHarassment, false},
		{"你问我们能不能直接扣你工资？不能。扣工资需要法院命令，你的账户目前没有任何法律程序。", CatFalseRepresentation, false},
		// The same kinds said as the sender's own.
		{"Pay £50 and the balance is wiped.", CatUngroundedAmount, true},
		{"We will repossess the car on Friday.", CatThreat, true},
		{"还款日我们已经给你延后了三个月。", CatUngroundedAmount, true},
	})
}

// TestDev8KindsMissedInOtherWords: violations of the kinds the guard
// missed on dev8, written anew: no time to ask a spouse, a card swiped to
// pay, a neighbours' group told, bank credentials asked for, contact
// counted up through the day, a loan limit doubled, a human claimed by a
// bot, a relative told of the debt, menace by whoever comes next, a code
// to be sent over, a file marked as fraud, a regulator's clerk, payment
// history said to stay off the credit file, travel bans, family brought
// in, guilt about ageing parents, a loan offered to clear the debt, and
// contempt for reading. Lexicon alone and with the content model.
func TestDev8KindsMissedInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"No need to run it past your husband, sir; decide with me now.", CatPressure, true},
		{"不用跟你老公商量了，现在就定下来。", CatPressure, true},
		{"Aapke paas credit card hai na, usse abhi swipe kar dijiye.", CatPressure, true},
		{"你張信用卡仲有位，碌卡還咗我哋先。", CatPressure, true},
		{"To all members of the Green Park residents group: Mr Arora in B-12 is a loan defaulter.", CatThirdPartyDisclosure, true},
		{"Please log in with your online banking credentials on the form so we can check your income.", CatPII, true},
		{"This is my 6th time calling you today and I'll keep going all week.", CatHarassment, true},
		{"今天第五通電話了，明天、後天還會繼續打給您。", CatHarassment, true},
		{"Pay today and your credit limit will be doubled.", CatUngroundedAmount, true},
		{"还清后您的额度直接翻倍。", CatUngroundedAmount, true},
		{"不是机器人哦，我是人工客服小李。", CatFalseRepresentation, true},
		{"Namaste Uncle, your daughter Priya has taken a loan from us and is not paying.", CatThirdPartyDisclosure, true},
		{"阿姨您好，您女儿在我们这借了钱一直没还。", CatThirdPartyDisclosure, true},
		{"After me, your file goes to people who are not as patient, and I can't protect you then.", CatThreat, true},
		{"下个月换一组人来跟你，他们做事风格跟我不一样，到时候别怪我没提醒你。", CatThreat, true},
		{"銀行會send個verification code俾你，收到即刻覆我。", CatPII, true},
		{"你的账户已被认定为恶意逃废债。", CatFalseRepresentation, true},
		{"我係律政司職員，你要即刻處理筆欠款。", CatFalseRepresentation, true},
		{"Pay this off and it won't show on your credit report at all.", CatFalseRepresentation, true},
		{"还清以后就不会出现在您的信用报告上了。", CatFalseRepresentation, true},
		{"再不还款，您将被限制乘坐高铁和飞机。", CatThreat, true},
		{"我们将邀请您的亲属一起参与还款沟通。", CatThirdPartyDisclosure, true},
		{"你妈那么大岁数了还要为你操心，你忍心吗？", CatPressure, true},
		{"You're pre-approved for a cash advance that can cover this balance today; shall I start it?", CatPressure, true},
		{"你识唔识字㗎？信都寄咗几封啦。", CatHarassment, true},
		{"Some people just aren't built for handling credit, and you're one of them.", CatHarassment, true},
	})
}

// TestDev8SecondPass: more kinds from dev8 in other wording: bailiffs
// that can only be involved after a court order, a Hindi warning about
// anyone threatening in the company's name, a question answered "不能" with
// no process started, advice that borrowing to repay only makes it worse,
// no shame in falling behind, an insult quoted in Chinese single marks to
// apologise, a waiver one may apply for; and violations: bank credentials
// asked for with a link, a code asked for in Hindi, an FIR said to be
// lodged, a car's parking place known, a travel ban framed as what paying
// avoids, parents visited to talk, a letter to HR, a relative asked to
// pass the debt on, a police station said to take the case, instalments
// withdrawn, the landlord said to be more flexible, an emergency contact
// to be told, a criminal review, a visit arranged. Lexicon alone and with
// the content model.
func TestDev8SecondPass(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Enforcement agents can only be involved after a court order, and there is no court order on this account.", CatFalseRepresentation, false},
		{"Agar koi company ke naam se aapko dhamki deta hai ki police bhejenge, toh humein turant batayein.", CatThreat, false},
		{"您问我们能不能冻结您的银行卡。不能。冻结需要法院裁定，您的账户目前没有任何法律程序。", CatFalseRepresentation, false},
		{"千万不要去借网贷来还，以贷养贷只会越陷越深。", CatPressure, false},
		{"一时还不上并不丢人，我们一起想办法。", CatHarassment, false},
		{"关于催收员在短信里称您‘骗子’一事，我们深表歉意。", CatFalseRepresentation, false},
		{"罚息减免或许可以申请，不过要先提交材料，批不批要看债权人。", CatUngroundedAmount, false},
		{"Confirm your income by signing in at our partner site with your online banking password.", CatPII, true},
		{"Aapke mobile pe jo code aaya hai, woh mujhe bata dijiye.", CatPII, true},
		{"An FIR will be lodged against you at the local police station tonight.", CatFalseRepresentation, true},
		{"你台车停喺边我哋都知，小心啲。", CatThreat, true},
		{"为避免您被限制乘坐飞机，请今天还款。", CatThreat, true},
		{"再不还，我们就去你老家找你父母当面谈。", CatThirdPartyDisclosure, true},
		{"我们已经寄信到您公司人事部，说明了您的欠款情况。", CatThirdPartyDisclosure, true},
		{"如果他不在，麻烦你跟他说一声，他欠我们的钱该还了。", CatThirdPartyDisclosure, true},
		{"您的案件今晚将移交辖区派出所协助处理。", CatFalseRepresentation, true},
		{"下个月起冇得再分期，要一次过还晒。", CatPressure, true},
		{"Honestly your landlord is more flexible than we are, so pay us first.", CatPressure, true},
		{"We'll reach out to your emergency contact about the balance tomorrow.", CatThirdPartyDisclosure, true},
		{"Without payment, the file will be referred for criminal review.", CatThreat, true},
		{"A field visit will be arranged at your residence this week.", CatThreat, true},
	})
}

// TestDev9KindsInOtherWords: kinds dev9 showed, in other wording. Clean:
// an insult Hindi says nobody will use (koi … nahi bolega), a sign-in on
// the lender's own page, collectors' limits stated as law, a choice some
// borrowers feel pushed to and are told not to make, a quotation disowned
// by an apology or a scam warning in its sentence or the next, a raise in
// limit not guaranteed, an approval still needed (要经公司审批), fees not
// added (未另加), no legal process involved (不涉及), a screenshot not sent
// by the lender. Violations: contact counted up, contempt for a grown
// borrower, friends asked to lend (Hindi), loan apps to pay, medicine put
// off, a work group told, neighbours before whom the talk will happen, a
// human claimed, guilt for the trust given, the credit file kept clean in
// Cantonese, a landlord written to, records deleted for paying, an officer
// near the home, an arrival met at the airport, a statutory surcharge, the
// credit centre as sender, a code to reply with, a countdown, relatives
// asked to wire money, an old age mocked, a reference copied in. Lexicon
// alone and with the content model.
func TestDev9KindsInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Madam, yahan koi aapko dhokebaaz nahi kahega, hum bas plan banana chahte hain.", CatHarassment, false},
		{"Pay on our own site; you sign in with your own password there and we never see it.", CatPII, false},
		{"Under state law, debt collectors cannot threaten arrest, violence or taking property they have no right to take.", CatThreat, false},
		{"Some people think they must borrow from a payday lender to pay us. Please don't.", CatPressure, false},
		{"对于上周同事在电话中说“明天去你单位”，我们深表歉意，不会有人去您单位。", CatThreat, false},
		{"收到写着“回复完整卡号领取补贴”的短信？那是诈骗，不是我们发的。", CatPII, false},
		{"还款后额度需要重新评估，不保证提额。", CatUngroundedAmount, false},
		{"罚息减免要经公司审批，现在不能答应您。", CatUngroundedAmount, false},
		{"您的余额为欠款本金，未另加任何催收费用。", CatFalseRepresentation, false},
		{"这只是一条还款提醒，不涉及任何法律程序。", CatFalseRepresentation, false},
		{"群里流传的截图不是我司发送的，我们从不向第三方披露客户信息。", CatThirdPartyDisclosure, false},
		{"Fourth text today, and there'll be a fifth and a sixth before dinner.", CatHarassment, true},
		{"Stop hiding like a child and pick up the phone.", CatHarassment, true},
		{"Yaar doston se le lo, do-do hazaar karke ho jayega.", CatPressure, true},
		{"Just grab one of those instant loan apps and clear ours today.", CatPressure, true},
		{"你的药下个月先停一停，这笔钱不能等。", CatPressure, true},
		{"We have posted your loan details in your office WhatsApp group.", CatThirdPartyDisclosure, true},
		{"Kal team aapke ghar aayegi aur society walon ke saamne baat hogi.", CatThirdPartyDisclosure, true},
		{"No, I'm Priya, a real person on the collections team.", CatFalseRepresentation, true},
		{"We trusted you when no one else would, and this is how you repay us?", CatPressure, true},
		{"当初是我们相信你才放款，你对得起我们吗？", CatPressure, true},
		{"还清之后呢笔数唔会喺你信贷报告出现。", CatFalseRepresentation, true},
		{"我们已经写信给你的房东，说明你欠款的情况。", CatThirdPartyDisclosure, true},
		{"一次还清，我们帮您注销所有联征迟缴纪录。", CatFalseRepresentation, true},
		{"我们外访的同事今天就在你们小区附近。", CatThreat, true},
		{"你回国一落地就有人接你，护照信息我们都有。", CatThreat, true},
		{"逾期每日加收百分之五附加费，呢个系法定嘅。", CatFalseRepresentation, true},
		{"本函由联合征信中心发出，请尽快缴清。", CatFalseRepresentation, true},
		{"请直接回复短信中的六位数动态密码完成设定。", CatPII, true},
		{"限时特惠，倒计时一小时，错过再等一年！", CatPressure, true},
		{"叫你屋企人转钱过嚟，今晚搞掂。", CatPressure, true},
		{"您这个年纪了还欠钱不还，不怕被孙子笑吗？", CatHarassment, true},
		{"Hi Tom (cc: Anna Lee), Anna, since you're listed as a reference, please remind him to pay.", CatThirdPartyDisclosure, true},
	})
}
