package policies

import "testing"

// The cases of this file read Chinese wording by shape, in simplified,
// traditional and Cantonese Chinese, each with near-misses in the same
// words that must stay allowed: a credit file said to come out blank, a
// remainder said to count as paid or an approval said to be certain, a
// password or a texted code to be told to a person, the debt posted where
// the borrower is tagged, a visit put as a tour, a licence check or a job
// said to suffer, a government office said to have taken the debt over,
// calls that follow a new number, jibes at face and faith, treats put off
// to pay; and, on the clean side, the law on suits stated, talks offered
// before a legal step, a credit score question answered, contacts used
// only to reach the borrower, illness at home met with relief, relief
// under a standing policy, warnings against firms that "clean" records.

// TestChineseCreditBlankAndApprovals: a credit file said to turn blank, a
// remainder said to count as paid, an approval said to be certain. Beside
// them, what paying truly does and approvals left to review.
func TestChineseCreditBlankAndApprovals(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"相信我，结清以后你的征信马上变回白户，干干净净。", CatFalseRepresentation, true},
		{"還完這筆，你的聯徵直接變成白戶，以後想借多少都行。", CatFalseRepresentation, true},
		{"剩下的部分我帮你报上去免掉，领导那边我打过招呼了，肯定能批。", CatUngroundedAmount, true},
		{"你交齊首期，分期申請百分百通過，零利息。", CatUngroundedAmount, true},
		{"呢個方案我同上面打好招呼，保證批到。", CatUngroundedAmount, true},
		{"你還三千，成筆數就當你還清，唔使再理。", CatUngroundedAmount, true},
		{"先付一半，其余的就当还清了，我说话算数。", CatUngroundedAmount, true},

		{"征信记录按规定更新，我们无法让记录变成白户。", CatFalseRepresentation, false},
		{"减免申请需要审批，我们无法保证一定能批，结果会短信通知您。", CatUngroundedAmount, false},
		{"当还清全部欠款后，系统会自动出具结清证明。", CatUngroundedAmount, false},
		{"资料齐全的话，审批一般会快一些。", CatUngroundedAmount, false},
	})
}

// TestChineseSecretsToldToAPerson: a card's password, a login or a texted
// code to be told to the sender or to a caller. Beside them, warnings never
// to tell anyone and a code typed alone.
func TestChineseSecretsToldToAPerson(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"你把医保卡的密码告诉我，我在窗口直接替你扣款。", CatPII, true},
		{"阿伯，你張提款卡個密碼話我知，我幫你去櫃枱搞掂。", CatPII, true},
		{"等一下客服会打给您，请把手机收到的验证码报给客服核对。", CatPII, true},
		{"稍後專員來電，屆時請告知簡訊驗證碼以便核帳。", CatPII, true},
		{"影低身份證，再俾埋網銀登入名同密碼，我幫你處理。", CatPII, true},

		{"任何人向您索要密码或验证码都是诈骗，请勿告知他人。", CatPII, false},
		{"我們的專員絕不會要求您告知驗證碼。", CatPII, false},
		{"验证码只需您自己在App里输入，不用告诉任何人。", CatPII, false},
	})
}

// TestChineseOthersToldOrTagged: the debt posted online with the borrower
// tagged, a contact sent the bill, a spouse or a class teacher told of the
// debt. Beside them, posts about the firm's own service, a contact used
// only to confirm a number, a spouse asked to pass on a call-back.
func TestChineseOthersToldOrTagged(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"我们已经在微博发帖@你了，大家都在评论区问你什么时候还钱。", CatThirdPartyDisclosure, true},
		{"我哋喺Facebook專頁出咗帖，仲tag埋你，留言區啲人都問你幾時還錢。", CatThirdPartyDisclosure, true},
		{"系统已把您的欠款明细和逾期天数发送了给您的紧急联系人。", CatThirdPartyDisclosure, true},
		{"李太你好，你老公喺我哋度借咗錢，而家斷咗供，你勸吓佢啦。", CatThirdPartyDisclosure, true},
		{"如果本月还不上，我们会找孩子的班主任谈谈您的逾期情况。", CatThirdPartyDisclosure, true},

		{"我们在微博发帖介绍了新的还款渠道，欢迎关注。", CatThirdPartyDisclosure, false},
		{"我们联系紧急联系人仅用于确认号码是否有效，不会提及欠款。", CatThirdPartyDisclosure, false},
		{"我們聯絡你嘅緊急聯絡人，只用嚟確認電話係咪仲用緊，唔會講任何欠款。", CatThirdPartyDisclosure, false},
		{"李太你好，麻煩你叫你老公得閒覆個電話，唔該。", CatThirdPartyDisclosure, false},
	})
}

// TestChineseVeiledVisitsAndStakes: a visit to the borrower's new home put
// as a tour, a licence renewal or a background check said to hit trouble,
// a job asked whether it can be kept. Beside them, an open day, checks said
// to be unaffected, work named plainly.
func TestChineseVeiledVisitsAndStakes(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"听说你刚搬了新家，我们几个同事都想上门参观参观，顺便喝口茶。", CatThreat, true},
		{"聽講你新屋好靚，我哋啲同事好想上嚟參觀吓。", CatThreat, true},
		{"您是持牌的社工吧？欠款记录要是进了系统，以后换照恐怕会有些麻烦。", CatThreat, true},
		{"你係註冊護士嘛，欠款紀錄一旦入咗系統，醫院做背景查核嗰陣恐怕會好麻煩。", CatThreat, true},
		{"你在厂里上班我们都清楚，这钱再拖，你那份工还干不干得下去，自己想想。", CatThreat, true},
		{"你喺酒樓做嘢我哋知㗎，再唔還，你份工仲做唔做得落去就難講。", CatThreat, true},

		{"本周六营业厅开放日，欢迎您来参观。", CatThreat, false},
		{"逾期记录不会影响您换照，请放心。", CatThreat, false},
		{"如果您的工作时间不方便接电话，可以告诉我们合适的时间。", CatThreat, false},
	})
}

// TestChineseGovernmentTakeover: the debt said to be in a government
// office's hands. Beside it, the office named as where help may be sought.
func TestChineseGovernmentTakeover(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"你这笔欠款已经由政府破产管理署接手了，现在是政府在跟你谈。", CatFalseRepresentation, true},
		{"呢單數而家由政府部門接管，你唔再係同我哋傾。", CatFalseRepresentation, true},

		{"如您考虑申请破产，可以向破产管理署查询相关程序。", CatFalseRepresentation, false},
		{"政府的纾困计划由银行接手办理，您可以来电查询。", CatFalseRepresentation, false},
	})
}

// TestChineseCallsFollowAndJibes: calls until the borrower listens that a
// new number will not escape; a face, a mirror, faith or a low-integrity
// label thrown at the borrower. Beside them, calls at a time agreed,
// the same words said kindly.
func TestChineseCallsFollowAndJibes(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"我们每天早午晚各打两次，打到你肯听为止，换号码也没用。", CatHarassment, true},
		{"你轉咗號碼都冇用，我哋照樣搵到你。", CatHarassment, true},
		{"借钱的时候挺痛快，还钱就躲，你的脸呢？先去照照镜子吧。", CatHarassment, true},
		{"每個禮拜都去教會，牧師冇教你借錢要還咩？", CatHarassment, true},
		{"系统已将您列入“低诚信人群”，成年人别像小学生一样躲电话。", CatHarassment, true},

		{"如您更换了手机号码，请在App里更新，以免错过通知。", CatHarassment, false},
		{"按您约定的时间，我们明天上午再打给您。", CatHarassment, false},
		{"您参加教会活动时不方便接听的话，可以稍后回电。", CatHarassment, false},
	})
}

// TestChineseTreatsPutOff: clothes, a birthday cake or gifts for a child
// put off to pay, a child's trust or pride staked on paying. Beside them,
// a payment put off to a birthday, a plan that leaves room for a family.
func TestChineseTreatsPutOff(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"这个月少买几件衣服，今天下午把钱还了，对大家都好。", CatPressure, true},
		{"你个仔生日啊？蛋糕可以晚啲先買，禮物都唔急，今日先還咗錢。", CatPressure, true},
		{"作为父母，您也不希望孩子因为您的选择被人看不起吧？请马上还款。", CatPressure, true},
		{"先把帐单缴清，孩子长大才会以您这个负责任的爸爸为荣。", CatPressure, true},

		{"孩子生日那天不方便的话，还款日可以往后调整一天。", CatPressure, false},
		{"我们可以把月供调低，让您家里的开支更宽裕。", CatPressure, false},
	})
}

// TestChineseCleanNoticesDev21: the law on suits stated in general, a
// legal step named as possible with talks offered before it, a credit
// score question answered, illness at home met with relief, relief under a
// standing policy, warnings against firms that claim to clean records.
// Beside them, a suit and a record cleaning stated.
func TestChineseCleanNoticesDev21(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"提醒您：任何诉讼都必须经法院受理并依法送达，本短信不是法律文书。", CatFalseRepresentation, false},
		{"如長期未還款，本行日後可能依法向法院申請支付令；在此之前，歡迎您來電洽談分期。", CatFalseRepresentation, false},
		{"如长期未还，我司后续可能委托律师处理；在此之前，欢迎您来电协商分期方案。", CatFalseRepresentation, false},
		{"关于“结清后会不会提高芝麻分”：我们无法承诺任何评分的变化。", CatFalseRepresentation, false},
		{"聽講你屋企最近有人入咗院，如果還款有困難，可以申請暫緩。", CatThreat, false},
		{"得知您家里最近有人生病，还款如有困难可以申请延期。", CatThreat, false},
		{"知道您家今年受了水灾，本社对受灾户有延期还款的政策，带上证明来办理即可。", CatUngroundedAmount, false},
		{"網上有啲公司話可以幫你「洗白」信貸紀錄，其實冇人做得到，小心受騙。", CatFalseRepresentation, false},
		{"有些机构声称能帮您消除征信不良记录，这都是骗局，请勿轻信。", CatFalseRepresentation, false},

		{"溫馨提示：任何訴訟均須由法院依法受理並送達您本人，本簡訊不是法律文書。", CatFalseRepresentation, false},
		{"关于「结清后能不能恢复信用分」：评分由征信机构评定，我们无法承诺任何变化。", CatFalseRepresentation, false},

		// Still read.
		{"关于“结清后能不能恢复信用分”：能，结清当天信用分马上恢复。", CatFalseRepresentation, true},
		{"本公司下周一就向法院起诉你。", CatFalseRepresentation, true},
		{"还清这笔，我们帮你把征信上的逾期记录删掉。", CatFalseRepresentation, true},
		{"我们可以给您延期一个月还款。", CatUngroundedAmount, true},
		{"我们下周派人去你家看看。", CatThreat, true},
	})
}
