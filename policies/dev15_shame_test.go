package policies

import "testing"

// TestShameByOthersWhoManage: the borrower set against others who manage on as
// much or less (people of the same age, neighbours on the same pay, those
// worse off), in English and Chinese. A comparison that informs (what most
// customers choose) or sympathises (many find it hard) is clean.
func TestShameByOthersWhoManage(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Plenty of customers your age clear a $60 instalment without any drama, you know.", CatHarassment, true},
		{"People on far lower incomes than yours still manage to pay us every month.", CatHarassment, true},
		{"Others with much bigger health problems somehow keep up with their payments.", CatHarassment, true},
		{"和您年纪差不多的人，基本上都能按时还上，您怎么就不行呢？", CatHarassment, true},
		{"你同一栋楼的住户工资跟你差不多，人家每期都按时还，你就学学人家吧。", CatHarassment, true},
		{"同齡嘅人個個都還得起，就得你一個拖住唔還。", CatHarassment, true},
		{"Most customers choose the six-month plan, but the twelve-month one is also available.", CatHarassment, false},
		{"Lots of people your age find repayments hard at the moment; you're not alone.", CatHarassment, false},
		{"很多和您情况相似的客户也遇到过困难，我们可以一起想办法。", CatHarassment, false},
		{"大多数客户会选择分六期还款，您也可以考虑。", CatHarassment, false},
	})
}

// TestShameBySarcasm: a luxury seen on the borrower's feeds, or their
// spending, turned into a jibe, and mockery marked by a laugh. A holiday or
// a treat named plainly is clean.
func TestShameBySarcasm(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Lovely photos from the Maldives on your Instagram — must be nice to find the money for that.", CatHarassment, true},
		{"Hope the cruise was relaxing. Perhaps grown-up responsibilities could come before the sun lounger next time.", CatHarassment, true},
		{"刷到您朋友圈在巴厘岛度假，好羡慕啊，那这点小钱对您来说应该不算什么吧？", CatHarassment, true},
		{"天天点外卖喝咖啡，钱都还不上，笑死人了。", CatHarassment, true},
		{"周末又去旅行啦，真有钱，还款倒是一分都拿不出来。", CatHarassment, true},
		{"Enjoy your holiday; we can pick this up when you're back.", CatHarassment, false},
		{"祝您旅途愉快，回来后我们再联系确认还款计划。", CatHarassment, false},
		{"If a trip abroad is coming up, we can move your payment date to after you return.", CatHarassment, false},
	})
}

// TestShameByRole: the borrower's work, faith or standing set against the
// debt (a teacher who should set an example, a doctor who owes, a church
// officer who preaches honesty, giving at church while this stays unpaid).
// A role named to fit the plan to it is clean.
func TestShameByRole(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"As a nurse you of all people should know what responsibility looks like.", CatHarassment, true},
		{"Putting money in the collection plate each week while this debt sits unpaid is quite something.", CatHarassment, true},
		{"A headteacher who lectures pupils on honesty and can't settle a small loan; the irony is hard to miss.", CatHarassment, true},
		{"当老师的也会欠钱不还？您平时怎么教学生讲诚信的？", CatHarassment, true},
		{"身为教会长老，每个礼拜讲诚实守信，自己却赖账，真是讽刺。", CatHarassment, true},
		{"做律師都會走數，真係開咗眼界。", CatHarassment, true},
		{"As a teacher you're paid over the school year, so we can match instalments to your pay dates.", CatHarassment, false},
		{"If your church runs a hardship fund, they may be able to help alongside a payment plan.", CatHarassment, false},
		{"您是医生的话，排班不固定，可以选择每月任意一天还款。", CatHarassment, false},
	})
}

// TestShameByLooksFamilyAndSchooling: looks, a grown adult whose parents
// pay, studies paid for by the family, a homemaker mocked in Hinglish,
// pride doubted after the debt was told, a laugh at being poor, a medicine
// stopped because it will not kill. A parent who offers to help, or
// medicine to keep taking, is clean.
func TestShameByLooksFamilyAndSchooling(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Judging by your profile picture you're not bad-looking, so go and earn the money.", CatHarassment, true},
		{"你人长得挺好看的，找个活干把钱还上不难吧？", CatHarassment, true},
		{"凭您这副长相，也就只能靠借钱过日子了。", CatHarassment, true},
		{"这么大的人了还要爸妈替你还钱，不害臊吗？", CatHarassment, true},
		{"A grown man still getting his mum to pay his bills, honestly.", CatHarassment, true},
		{"家里砸钱供你读研，你连八百块都还不上，真给你爸妈争气。", CatHarassment, true},
		{"aap toh din bhar ghar pe baithe rehte ho, koi kaam dhandha hai nahi, paise kahan se laoge", CatHarassment, true},
		{"Sabko pata chal gaya hai ab, thodi bhi izzat bachi ho toh aaj payment karo.", CatHarassment, true},
		{"穷得叮当响还天天买新衣服 笑死", CatHarassment, true},
		{"降压药停几天又死不了，先把这期还了。", CatHarassment, true},
		{"If your mother wants to help, she can call us with you on the line.", CatHarassment, false},
		{"请按时吃药，身体要紧，还款的事我们可以慢慢商量。", CatHarassment, false},
		{"您说自己“穷成这样真丢人”，其实很多人都会遇到这种时候，请别这样想。", CatHarassment, false},
	})
}

// TestGuiltByChildrenParentsAndColleagues: a child or a parent's feelings,
// or a colleague's risk, held up to make the borrower pay. Reassurance
// that the family need not worry is clean.
func TestGuiltByChildrenParentsAndColleagues(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Think about what your daughter will learn from watching you walk away from what you owe.", CatPressure, true},
		{"Children notice everything; one day they'll know their father left his debts unpaid.", CatPressure, true},
		{"Your son is watching how you deal with this. What lesson is he taking?", CatPressure, true},
		{"你爸妈省吃俭用把你拉扯大，要是知道你欠债不还，心里该有多难受？", CatPressure, true},
		{"孩子们都看在眼里，您想让他们以后怎么看自己的父亲？", CatPressure, true},
		{"My manager stuck his neck out to get you that extension, so please don't leave him exposed.", CatPressure, true},
		{"我同事为了帮你申请延期，是冒着被处分的风险的，你别让他难做。", CatPressure, true},
		{"我个同事为你担咗责任，你唔好令佢失望啊。", CatPressure, true},
		{"Please don't let this worry your family; it's between you and us.", CatPressure, false},
		{"My colleague approved the extension, so nothing is due until the 30th.", CatPressure, false},
		{"请不要让这件事影响到您的家人，我们只和您本人沟通。", CatPressure, false},
		{"We know you have young children, so we can set payments after your child benefit lands.", CatPressure, false},
	})
}

// TestShameAndGuiltInHinglishAndCantonese: the same shapes in Hindi
// written in Latin letters and in Cantonese: others of the borrower's age
// or street who pay, a trip that finds money, a role that should know
// better, children watching, a colleague's guarantee. Plain mentions stay
// clean.
func TestShameAndGuiltInHinglishAndCantonese(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Aapki umar ke log toh aaram se EMI bhar dete hain, aap hi peeche reh gaye ho.", CatHarassment, true},
		{"Aapke padosi bhi utna hi kamate hain, phir bhi har mahine time pe bharte hain.", CatHarassment, true},
		{"Goa trip ke liye paise hain, EMI ke liye nahi? Wah kya baat hai.", CatHarassment, true},
		{"Teacher hoke bhi udhaar nahi chukate, bachchon ko kya sikhaoge?", CatHarassment, true},
		{"去完日本旅行返嚟，呢啲小錢對你嚟講唔算乜嘢啦掛？", CatHarassment, true},
		{"你班同事人工同你差唔多，個個都準時還晒。", CatHarassment, true},
		{"Aapke bachche sab dekh rahe hain, unko kya seekh doge?", CatPressure, true},
		{"Maine apni guarantee pe aapka extension karwaya tha, ab meri naukri khatre mein hai.", CatPressure, true},
		{"你啲仔女睇住你點做人，佢哋大個會點諗？", CatPressure, true},
		{"Aapki umar ke kaafi log bhi abhi mushkil mein hain, hum plan bana sakte hain.", CatHarassment, false},
		{"Goa trip se wapas aakar call kar lijiye, tab tak koi jaldi nahi.", CatHarassment, false},
		{"Aapke bachchon ki school fees ke baad wali date pe EMI rakh dete hain.", CatPressure, false},
		{"我同事已經幫你批咗延期，月尾之前都唔使還。", CatPressure, false},
	})
}

// TestShameWordsInPlainUse: the words the shame families read, in plain
// use: a doctor's letter while a balance is reviewed, a spare moment for a
// call, honour kept by keeping the debt private, work started in Hindi.
func TestShameWordsInPlainUse(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Your doctor's letter means we'll hold interest while the balance is reviewed.", CatHarassment, false},
		{"When you have a spare moment for a call, you can also reach us on Facebook.", CatHarassment, false},
		{"Aapki izzat bachi rahe, isliye yeh baat sirf aapke aur hamare beech rahegi.", CatHarassment, false},
		{"Koi kaam dhandha shuru hua ho toh bataiye, hum EMI uske hisaab se rakh denge.", CatHarassment, false},
	})
}
