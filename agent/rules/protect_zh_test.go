package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestProtectiveChineseOptOutWording: a channel refused in the words
// people use in texts and chat: another verb for sending (传, 推,
// 微信 as a verb), another channel (WhatsApp, 机器人 calls), receiving
// said as 接到 or 拒接, a blacklist, and the Cantonese 咪 for 别.
func TestProtectiveChineseOptOutWording(t *testing.T) {
	t.Parallel()
	optOut := agent.IntentOptOut
	runProtect(t, []protectCase{
		{text: "请不要再传简讯给我", want: in(optOut)},
		{text: "我不想再接到你们的电话了", want: in(optOut)},
		{text: "你们的催收电话我一律拒接，别打了", want: in(optOut)},
		{text: "别再用机器人给我打电话了好吗", want: in(optOut)},
		{text: "不要再微信我了", want: in(optOut)},
		{text: "唔好再WhatsApp我", want: in(optOut)},
		{text: "咪再打嚟啦", want: in(optOut)},
		{text: "把我的号码加入黑名单，以后不用联系", want: in(optOut)},
		{text: "请把我设为免打扰", want: in(optOut)},
		{text: "停发短信谢谢", want: in(optOut)},
		{text: "我不接受电话催收", want: in(optOut)},
		{text: "语音机器人天天打烦不烦 别打了", want: in(optOut)},
		// near misses
		{text: "我收到你们的短信了", not: in(optOut, agent.IntentCease)},
		{text: "你们可以给我发短信，白天接不了电话", not: in(optOut, agent.IntentCease)},
		{text: "你们App的推送挺有用的", not: in(optOut)},
		{text: "电话打不通吗我一直在等你们打来", not: in(optOut, agent.IntentCease)},
	})
}

// TestProtectiveChineseCeaseWording: an end to all contact or to the
// collection itself, said as forbidding (不许, 禁止), with the object
// between the verb and 催收, and as 别找我 without 再.
func TestProtectiveChineseCeaseWording(t *testing.T) {
	t.Parallel()
	cease := agent.IntentCease
	runProtect(t, []protectCase{
		{text: "请贵公司停止对本人的一切催收行为", want: in(cease)},
		{text: "我要求终止所有催收", want: in(cease)},
		{text: "不许再联系我", want: in(cease)},
		{text: "禁止你们再联系我和我的家人", want: in(cease)},
		{text: "不要再来烦我了", want: in(cease)},
		{text: "唔好再嚟烦我", want: in(cease)},
		{text: "以后有关这笔欠款的事都别找我", want: in(cease)},
		{text: "停止一切形式的骚扰", want: in(cease)},
		// near misses
		{text: "有事可以找我，我白天都在", not: in(cease, agent.IntentOptOut)},
		{text: "你们之前联系过我吗", not: in(cease)},
	})
}

// TestProtectiveChineseAttorneyWording: representation named through
// the lawyer's name or a request to deal with them directly, hired in
// English ("找了lawyer"); a lawyer who is only a friend or a relative,
// or one only considered, is no representation.
func TestProtectiveChineseAttorneyWording(t *testing.T) {
	t.Parallel()
	lawyer := agent.IntentAttorney
	runProtect(t, []protectCase{
		{text: "以后请直接联系李律师，电话13900001111", want: in(lawyer)},
		{text: "这事你们去跟张律师谈，他代表我", want: in(lawyer)},
		{text: "我已经找了lawyer，你们找他", want: in(lawyer)},
		{text: "我的案子已经交给律师事务所代理", want: in(lawyer)},
		{text: "有咩事同我律师倾", want: in(lawyer)},
		{text: "本人已委託律師處理本案", want: in(lawyer)},
		// near misses
		{text: "我律师朋友说你们这样打电话是违法的", not: in(lawyer)},
		{text: "我表哥是律师，他说可以分期", not: in(lawyer)},
		{text: "我在考虑要不要请律师", not: in(lawyer)},
	})
}

// TestProtectiveChineseBankruptcyWording: a filing told in Cantonese
// or traditional characters and a court's acceptance; considering it
// is hardship, not a filing.
func TestProtectiveChineseBankruptcyWording(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "我已經申請咗破產", want: in(bankrupt)},
		{text: "我的个人破产申请法院已经受理了", want: in(bankrupt)},
		{text: "我正在走破产清算程序", want: in(bankrupt)},
		{text: "我而家做紧IVA", want: in(bankrupt)},
		// near misses
		{text: "我在考虑申请个人破产", not: in(bankrupt)},
		{text: "实在还不上我可能只能破产了", not: in(bankrupt)},
		{text: "我们公司破产了我现在没工作", not: in(bankrupt)},
	})
}

// TestProtectiveChineseDisputeWording: a debt denied with 从没, 没…过,
// 还晒 (Cantonese for paid off), a past payment, a mixed English noun,
// or a charge called unreasonable; wanting to pay it off is no dispute.
func TestProtectiveChineseDisputeWording(t *testing.T) {
	t.Parallel()
	dispute := agent.IntentDispute
	runProtect(t, []protectCase{
		{text: "我从没办过这个贷款", want: in(dispute)},
		{text: "我没签过任何合同", want: in(dispute)},
		{text: "我冇借过你哋啲钱", want: in(dispute)},
		{text: "我早就还晒啦", want: in(dispute)},
		{text: "这笔我上个月就还完了，有转账记录", want: in(dispute)},
		{text: "我已经结清了，有结清证明", want: in(dispute)},
		{text: "这个loan不是我的", want: in(dispute)},
		{text: "你们的收费很不合理", want: in(dispute)},
		{text: "这笔账有问题，我根本不知道有这笔贷款", want: in(dispute)},
		// near misses
		{text: "我想一次性结清", not: in(dispute)},
		{text: "我不是不还，是现在真没钱", not: in(dispute)},
		{text: "下个月就能还完了", not: in(dispute)},
	})
}

// TestProtectiveChineseCrisisWording: despair said without the listed
// phrases (熬不下去, 生无可恋, 自我了断, no meaning in living on), a
// means bought, death named as the way out of the debt; tiredness and
// exaggeration (累死了, 要我命了哈哈, 吓死我了) are not a crisis.
func TestProtectiveChineseCrisisWording(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "真的熬不下去了", want: in(crisis)},
		{text: "感觉生无可恋", want: in(crisis)},
		{text: "我想自我了断", want: in(crisis)},
		{text: "没有活下去的意义了", want: in(crisis)},
		{text: "我已经买好了木炭", want: in(crisis)},
		{text: "我死了你们找谁要钱去", want: in(crisis)},
		{text: "我真系活唔落去", want: in(crisis)},
		{text: "我不太想活了", want: in(crisis)},
		// near misses
		{text: "累死了，晚点再说", not: in(crisis)},
		{text: "这笔债要我命了哈哈，还剩多少", not: in(crisis)},
		{text: "吓死我了，我以为欠了很多", not: in(crisis)},
		{text: "我要被你们烦死了", not: in(crisis)},
	})
}

// TestProtectiveChineseDeathWording: a death told by a relative with
// the time between the pronoun and the verb, with other words for dying
// (往生, 仙逝, 死亡) and with the account's holder named; someone away
// from home is not dead.
func TestProtectiveChineseDeathWording(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "她上个月走了，你们别再发了", want: in(dead)},
		{text: "机主已经过世了", want: in(dead)},
		{text: "借款人已死亡", want: in(dead)},
		{text: "这个人已经不在了，你们找错地方了", want: in(dead)},
		{text: "他半年前已经往生了，这是他的号码", want: in(dead)},
		{text: "持卡人去年病逝", want: in(dead)},
		// near misses
		{text: "他出差去了不在家", not: in(dead)},
		{text: "他刚出门上班", not: in(dead)},
	})
}

// TestProtectiveChineseVulnerabilityWording: illness and disability
// named with other words (确诊, 白血病, 精神病, 聋哑, 重症监护,
// 怀孕) or a stay in hospital said at the end of a sentence; working
// in a hospital is no vulnerability.
func TestProtectiveChineseVulnerabilityWording(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "我刚确诊了白血病", want: in(vulnOnly)},
		{text: "我有精神病史", want: in(vulnOnly)},
		{text: "我是聋哑人，只能打字", want: in(vulnOnly)},
		{text: "我爸在重症监护室", want: in(vulnOnly)},
		{text: "我怀孕七个月了身体很不舒服", want: in(vulnOnly)},
		{text: "我而家喺医院", want: in(vulnOnly)},
		// near misses
		{text: "我在医院上班，白天不方便", not: in(vulnOnly, crisis)},
	})
}

// TestProtectiveChineseHumanWording: a person asked for beside the
// robot refused, a "real person" told to come, or a manager called; a
// question whether this is a person is not a request for one.
func TestProtectiveChineseHumanWording(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "我不想跟机器人聊，换个人来", want: in(person)},
		{text: "有没有人工啊", want: in(person)},
		{text: "叫你们领导出来", want: in(person)},
		{text: "让真人跟我说", want: in(person)},
		{text: "我要跟你们客服说", want: in(person)},
		{text: "帮我转接真人", want: in(person)},
		// near misses
		{text: "你是真人还是机器人", not: in(person)},
		{text: "真人会这么说话吗", not: in(person)},
	})
}

// TestProtectiveChineseMoreWordings: a second round of the same requests
// in SMS register, voice transcripts without punctuation, traditional
// characters, Cantonese and mixed English, with the mentions that ask
// for nothing.
func TestProtectiveChineseMoreWordings(t *testing.T) {
	t.Parallel()
	optOut, cease, lawyer, dispute := agent.IntentOptOut, agent.IntentCease, agent.IntentAttorney, agent.IntentDispute
	restrict := agent.IntentRestrictContact
	runProtect(t, []protectCase{
		{text: "你们的短信我不想再看到了", want: in(optOut)},
		{text: "请勿再发送此类信息", want: in(optOut)},
		{text: "推送太多了 全部给我关掉", want: in(optOut)},
		{text: "不要用电话联系我", want: in(optOut)},
		{text: "please stop 发短信给我", want: in(optOut)},
		{text: "我不需要你们的推送和短信提醒", want: in(optOut)},
		{text: "别再缠着我了", want: in(cease)},
		{text: "不要再打扰我的生活", want: in(cease)},
		{text: "請停止對我的催討", want: in(cease)},
		{text: "律師已經發函給你們了", want: in(lawyer)},
		{text: "我已经让律师跟你们对接", want: in(lawyer)},
		{text: "破产申请已经提交法院", want: in(bankrupt)},
		{text: "我正在办理个人破产", want: in(bankrupt)},
		{text: "我被骗子冒名借的钱", want: in(dispute)},
		{text: "你们多扣了我两百块", want: in(dispute)},
		{text: "呢笔数唔关我事", want: in(dispute)},
		{text: "我真的想不开了", want: in(crisis)},
		{text: "我想一死百了", want: in(crisis)},
		{text: "还不上我就去喝农药", want: in(crisis)},
		{text: "我不想再撑了", want: in(crisis)},
		{text: "借款人已于2023年3月去世", want: in(dead)},
		{text: "我是他老婆 他车祸没了 这个号以后别打了", want: in(dead)},
		{text: "我现在坐轮椅出不了门", want: in(vulnOnly)},
		{text: "我是视障人士看不了短信", want: in(vulnOnly)},
		{text: "我得了一种罕见病", want: in(vulnOnly)},
		{text: "请安排人工联系我", want: in(person)},
		{text: "我想同真人倾", want: in(person)},
		{text: "上班时间别打我电话", want: in(restrict)},
		{text: "只能晚上联系我", want: in(restrict)},
		{text: "以后只用邮件联系我", want: in(restrict)},
		// near misses
		{text: "你们再打我就找律师告你们", not: in(lawyer)},
		{text: "我咨询过律师，他说分期可以谈", not: in(lawyer)},
		{text: "利息高得要死，能不能少点", not: in(crisis)},
		{text: "我看到你们的推送了，怎么还款", not: in(optOut)},
		{text: "我在考虑破产，有什么影响", not: in(bankrupt)},
		{text: "他出去打工了没在家", not: in(dead)},
	})
}

// TestProtectiveChineseThirdRound: representation through an agent or a
// lawyer already at work, filings called 清算 or 债务清理, a stop to
// collection in one word (停催) or in formal register, danger and
// despair said through what will happen tonight, a death in Cantonese or
// English, and a debt denied as miscounted or never taken.
func TestProtectiveChineseThirdRound(t *testing.T) {
	t.Parallel()
	optOut, cease, lawyer, dispute := agent.IntentOptOut, agent.IntentCease, agent.IntentAttorney, agent.IntentDispute
	runProtect(t, []protectCase{
		{text: "律师已经在跟进了，你们有事找他", want: in(lawyer)},
		{text: "已聘律师", want: in(lawyer)},
		{text: "请与我的法律顾问联系", want: in(lawyer)},
		{text: "我有lawyer，你哋同佢倾", want: in(lawyer)},
		{text: "麻烦直接找我律所", want: in(lawyer)},
		{text: "本人已委聘代表律師", want: in(lawyer)},
		{text: "我的债务清理程序法院已经受理", want: in(bankrupt)},
		{text: "我而家喺清算程序入面", want: in(bankrupt)},
		{text: "佢已經破咗產", want: in(bankrupt)},
		{text: "停催，谢谢", want: in(cease)},
		{text: "这件事的催收到此为止", want: in(cease)},
		{text: "请勿以任何形式与本人接触", want: in(cease)},
		{text: "本人要求贵司停止就此债务的任何追收", want: in(cease)},
		{text: "我拒绝就这笔钱跟你们沟通", want: in(cease)},
		{text: "以后一律别联系", want: in(cease)},
		{text: "please 别再contact我", want: in(cease)},
		{text: "短信通知都给我关了", want: in(optOut)},
		{text: "你们的电话我是不会接的", want: in(optOut)},
		{text: "请停止寄信到我家", want: in(optOut)},
		{text: "过了今晚你们就再也找不到我了", want: in(crisis)},
		{text: "还不起就拿命还吧", want: in(crisis)},
		{text: "真想紫砂", want: in(crisis)},
		{text: "我老公拿刀要杀我", want: in(crisis)},
		{text: "救命 有人在砸我家的门", want: in(crisis)},
		{text: "我已经吃了一大把药", want: in(crisis)},
		{text: "以后不会再给任何人添麻烦了", want: in(crisis)},
		{text: "他已经passed away了", want: in(dead)},
		{text: "你们找的那个人已经死了", want: in(dead)},
		{text: "佢上年已經走咗", want: in(dead)},
		{text: "这笔账根本不对", want: in(dispute)},
		{text: "你哋个数唔啱", want: in(dispute)},
		{text: "你们是不是算多了", want: in(dispute)},
		{text: "我对这笔贷款完全没有印象", want: in(dispute)},
		{text: "金额跟我手上的账单对不上", want: in(dispute)},
		{text: "我已經還咗，係你哋冇入帳", want: in(dispute)},
		{text: "我有自闭症的孩子要全职照顾", want: in(vulnOnly)},
		{text: "我有癫痫，一紧张就发作", want: in(vulnOnly)},
		{text: "我要洗肾，身体很差", want: in(vulnOnly)},
		{text: "我在医院陪床", want: in(vulnOnly)},
		// near misses
		{text: "今天就到此为止吧，明天再聊", not: in(cease)},
		{text: "救命啊，这利息也太高了吧哈哈，还剩多少", not: in(agent.IntentVulnerability, dead)},
		{text: "我现在在外面接不了电话，晚点打给我", not: in(optOut, cease)},
		{text: "我在考虑让律师看看合同", not: in(lawyer)},
		{text: "我已经还了一部分，剩下的下个月还", not: in(dispute)},
	})
}

// TestProtectiveChineseFourthRound: calls that will not be answered, a
// number blocked, messages bombarding the writer told to stop; cease as
// wanting nothing more to do with the collector; despair told through
// farewells, a debt that will end tonight, danger from people who follow
// or threaten; a debt denied as never borrowed, paid in Cantonese (俾咗)
// or borrowed by someone else in the writer's name; representation by a
// relative who is a lawyer; illnesses of the mind and the aftermath of a
// pregnancy lost.
func TestProtectiveChineseFourthRound(t *testing.T) {
	t.Parallel()
	optOut, cease, lawyer, dispute := agent.IntentOptOut, agent.IntentCease, agent.IntentAttorney, agent.IntentDispute
	runProtect(t, []protectCase{
		{text: "你们再打我也不会接的", want: in(optOut)},
		{text: "别打我这个号码了", want: in(optOut)},
		{text: "你们的号我已经屏蔽了", want: in(optOut)},
		{text: "别总往我邮箱发邮件", want: in(optOut)},
		{text: "每天短信轰炸，赶紧停", want: in(optOut)},
		{text: "不要给我发任何信息", want: in(optOut)},
		{text: "简讯取消", want: in(optOut)},
		{text: "请勿再往我家地址寄送催款函", want: in(optOut)},
		{text: "不要再用QQ给我发", want: in(optOut)},
		{text: "以后我们不要有任何来往", want: in(cease)},
		{text: "就当没我这个人吧", want: in(cease)},
		{text: "我不打算再跟你们沟通", want: in(cease)},
		{text: "我不想再就此事收到任何消息", want: in(cease)},
		{text: "请不要再为了这件事打扰我", want: in(cease)},
		{text: "I want you to stop all collection 联系", want: in(cease)},
		{text: "过了今天就没人欠你们钱了", want: in(crisis)},
		{text: "替我跟我儿子说对不起", want: in(crisis)},
		{text: "跟家人都道过别了，了无牵挂", want: in(crisis)},
		{text: "我的东西都送掉了", want: in(crisis)},
		{text: "我已经站在阳台边上", want: in(crisis)},
		{text: "有人一直跟着我 我很怕", want: in(crisis)},
		{text: "他们说要打断我的腿", want: in(crisis)},
		{text: "反正我也活不了多久", want: in(crisis)},
		{text: "我从未向你们借过钱", want: in(dispute)},
		{text: "我冇问你哋借过钱", want: in(dispute)},
		{text: "呢笔数我已经俾咗", want: in(dispute)},
		{text: "有人拿我的身份证去借的", want: in(dispute)},
		{text: "这个贷款是我前妻用我的名义办的", want: in(dispute)},
		{text: "这个账户不是我开的", want: in(dispute)},
		{text: "我一分钱都没欠你们", want: in(dispute)},
		{text: "那张卡我早就注销了", want: in(dispute)},
		{text: "我都还了你们还说我逾期", want: in(dispute)},
		{text: "该债务与本人无关", want: in(dispute)},
		{text: "我姐是律师，这件事由她代理", want: in(lawyer)},
		{text: "有事跟我lawyer谈", want: in(lawyer)},
		{text: "我请了个专门处理债务的律师", want: in(lawyer)},
		{text: "律师已经介入了", want: in(lawyer)},
		{text: "我有思觉失调症", want: in(vulnOnly)},
		{text: "我最近流产了，身体很虚", want: in(vulnOnly)},
		{text: "我精神状态很差，在看身心科", want: in(vulnOnly)},
		{text: "我爸中了风，我要照顾他", want: in(vulnOnly)},
		{text: "我认字不多，看不懂这些条款", want: in(vulnOnly)},
		// near misses
		{text: "我请了假去咨询律师", not: in(lawyer)},
		{text: "我只借了一笔，想分三期还", not: in(dispute)},
		{text: "这个号码你们打过来我一般在开会", not: in(optOut)},
		{text: "我已经给了你们我的身份证号", not: in(dispute)},
		{text: "告别单身了，最近手头紧", not: in(crisis)},
	})
}

// TestProtectiveChineseFifthRound: means of self-harm named by their
// common words, a wish to be released for good, a debt repaid in formal
// words or settled with the first lender, a loan shark's scheme, an
// unauthorised charge, traditional 帳, contact refused with 同, a dare
// to send one more message and care given at a hospital bed.
func TestProtectiveChineseFifthRound(t *testing.T) {
	t.Parallel()
	optOut, cease, dispute := agent.IntentOptOut, agent.IntentCease, agent.IntentDispute
	runProtect(t, []protectCase{
		{text: "我想上吊", want: in(crisis)},
		{text: "准备去卧轨", want: in(crisis)},
		{text: "昨晚割脉了没死成", want: in(crisis)},
		{text: "好想一睡不醒", want: in(crisis)},
		{text: "我只想彻底解脱", want: in(crisis)},
		{text: "我打算服毒", want: in(crisis)},
		{text: "该笔款项本人已于上月全部清偿", want: in(dispute)},
		{text: "我已经和原平台协商结清", want: in(dispute)},
		{text: "这就是套路贷，我不认", want: in(dispute)},
		{text: "这笔扣款我没有授权过", want: in(dispute)},
		{text: "這不是我的帳", want: in(dispute)},
		{text: "我早就提前还款了，为什么还算我逾期", want: in(dispute)},
		{text: "唔好再同我联络", want: in(cease)},
		{text: "再给我发短信试试看", want: in(optOut)},
		{text: "不要打了", want: in(optOut)},
		{text: "我在医院陪着我妈，顾不上", want: in(vulnOnly)},
		// near misses
		{text: "吊死鬼的故事听过吗 哈哈 我想问下余额", not: in(dispute, optOut)},
		{text: "我想解决这笔欠款", not: in(crisis, dispute)},
		{text: "我已经授权你们扣款了", not: in(dispute)},
		{text: "再给我发一下还款链接", not: in(optOut)},
	})
}

// TestProtectiveChineseMixedEnglish: requests that borrow English words
// for the action ("no more", "delete") around Chinese channel words,
// other words for the person at the switchboard, a holder said to be
// dead with 已死, and a mind's or an old person's frailty named plainly.
func TestProtectiveChineseMixedEnglish(t *testing.T) {
	t.Parallel()
	optOut := agent.IntentOptOut
	runProtect(t, []protectCase{
		{text: "no more 短信 please", want: in(optOut)},
		{text: "麻烦 delete 我的号码", want: in(optOut)},
		{text: "我要人工坐席", want: in(person)},
		{text: "帮我接个接线员", want: in(person)},
		{text: "户主已死", want: in(dead)},
		{text: "我一直有心理问题", want: in(vulnOnly)},
		{text: "我是孤寡老人", want: in(vulnOnly)},
		// near misses
		{text: "no more 问题了，我下周还", not: in(optOut)},
		{text: "delete 之前那个方案吧", not: in(optOut)},
	})
}
