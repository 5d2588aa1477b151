package rules

import (
	"context"
	"slices"
	"testing"

	"github.com/parley-collections/parley/agent"
)

// protectCase is a message and the protective readings it must carry
// (others may come with them), and those it must not.
type protectCase struct {
	text string
	want []agent.Intent
	not  []agent.Intent
}

func runProtect(t *testing.T, cases []protectCase) {
	t.Helper()
	b := New()
	for _, tc := range cases {
		t.Run(tc.text, func(t *testing.T) {
			t.Parallel()
			u, err := b.Understand(context.Background(), agent.TurnContext{Now: now, Currency: "USD"}, tc.text)
			if err != nil {
				t.Fatal(err)
			}
			var got []agent.Intent
			for _, c := range u.Commands {
				got = append(got, c.Intent)
			}
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("Understand(%q) = %v, want %s among them", tc.text, got, w)
				}
			}
			for _, n := range tc.not {
				if slices.Contains(got, n) {
					t.Errorf("Understand(%q) = %v, want no %s", tc.text, got, n)
				}
			}
		})
	}
}

func in(i ...agent.Intent) []agent.Intent { return i }

var (
	crisis   = agent.IntentVulnerable
	vulnOnly = agent.IntentVulnerability
	dead     = agent.IntentDeceased
	person   = agent.IntentRequestHuman
	bankrupt = agent.IntentBankruptcy
)

// TestProtectiveTraditionalAndCantonese: traditional characters read as
// simplified ones, and the Cantonese function words (唔, 嘅, 佢, 搵, 咗,
// 喺) as their Mandarin equivalents, so one pattern covers all three.
func TestProtectiveTraditionalAndCantonese(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "以後別再給我打電話", want: in(agent.IntentOptOut)},
		{text: "請不要再聯絡我", want: in(agent.IntentCease)},
		{text: "你哋唔好再搵我啦", want: in(agent.IntentCease)},
		{text: "呢筆錢唔係我借嘅", want: in(agent.IntentDispute)},
		{text: "我已經申請咗破產", want: in(bankrupt), not: in(person)},
		{text: "我媽媽住咗院", want: in(vulnOnly)},
		{text: "阿爸上個禮拜過咗身", want: in(vulnOnly)},
		{text: "我真係唔想活", want: in(crisis)},
		{text: "我沒有關係，可以還", not: in(agent.IntentDispute, agent.IntentCease)},
	})
}

// TestProtectiveCrisisIndirect: self-harm said indirectly, by a method, a
// place, a farewell or the wish to be gone, in English, Chinese and a mix.
func TestProtectiveCrisisIndirect(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "I swallowed the whole packet of tablets an hour ago", want: in(crisis)},
		{text: "there's a rope in the garage and I keep looking at it", want: in(crisis)},
		{text: "right now I'm up on the ledge of my building", want: in(crisis)},
		{text: "I keep thinking about using my gun on myself", want: in(crisis)},
		{text: "no money and honestly no reason to carry on", want: in(crisis)},
		{text: "I can't carry on with any of this", want: in(crisis)},
		{text: "might as well be dead at this point", want: in(crisis)},
		{text: "honestly what is even the point of living", want: in(crisis)},
		{text: "what's the point of paying if they add fees", not: in(crisis)},
		{text: "I'll be gone soon so it won't matter", want: in(crisis)},
		{text: "I just want to disappear", want: in(crisis)},
		{text: "honestly i just wanna 消失", want: in(crisis)},
		{text: "我今晚就想消失", want: in(crisis)},
		{text: "真的想结束这一切了", want: in(crisis)},
		{text: "活着有什么意思", want: in(crisis)},
		{text: "我刚刚用刀片划了自己", want: in(crisis)},
		{text: "我吞了一整瓶安眠药", want: in(crisis)},
		{text: "我现在在楼顶上", want: in(crisis)},
		{text: "遗书我已经写好了", want: in(crisis)},
		{text: "我就是家里的累赘", want: in(crisis)},
		{text: "没有我大家会过得更好", want: in(crisis)},
		{text: "我很快就不在了", want: in(crisis)},
		{text: "ab mujhe jeena nahi hai", want: in(crisis)},
		{text: "sach mein marna chahta hoon", want: in(crisis)},
		{text: "mujhe ye kaam karna hai", not: in(crisis)},
		{text: "以后别找我了，我不会在这里了", want: in(crisis)},
		{text: "我要走了，永远不回来", want: in(crisis)},
		// not crisis
		{text: "I stopped by the branch yesterday", not: in(crisis)},
		{text: "this late fee is going to be the death of me lol", not: in(crisis)},
		{text: "can you make the extra charges disappear?", not: in(crisis)},
		{text: "我先走了，明天再聊", not: in(crisis)},
		{text: "我在楼下等快递", not: in(crisis)},
	})
}

// TestProtectiveDeceased: a death is the borrower's when the message says
// the one who died is the account holder, or speaks of them as the one the
// account, phone or debt belongs to, or writes as their family telling the
// creditor; a borrower telling of a death in their family is bereaved.
func TestProtectiveDeceased(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "the account holder died in March", want: in(dead)},
		{text: "your customer has passed away", want: in(dead)},
		{text: "My uncle died in the autumn, this phone was his", want: in(dead), not: in(vulnOnly)},
		{text: "my grandmother passed last week. how much did she owe?", want: in(dead)},
		{text: "My husband died last year, he can't answer your messages", want: in(dead)},
		{text: "I'm his son. Dad died on Friday.", want: in(dead)},
		{text: "Please note that my mother expired on 3rd March", want: in(dead)},
		{text: "我父亲上周去世了，这张卡是他的", want: in(dead), not: in(vulnOnly)},
		{text: "我是她女儿，我妈去年走了", want: in(dead)},
		{text: "老公已经病逝，他的欠款我不清楚", want: in(dead)},
		{text: "机主已于上月离世，特此通知", want: in(dead)},
		{text: "my aunt passed on in June; the card was in her name", want: in(dead)},
		{text: "this is his wife writing. my husband died yesterday", want: in(dead)},
		{text: "机主已经不在了，有什么事跟我说", want: in(dead)},
		// bereaved borrowers
		{text: "my father passed away and I can't think straight", want: in(vulnOnly), not: in(dead)},
		{text: "we lost our daughter in January", want: in(vulnOnly), not: in(dead)},
		{text: "my brother expired recently, I am not able to talk now", want: in(vulnOnly), not: in(dead)},
		{text: "我外婆前几天走了，我现在很乱", want: in(vulnOnly), not: in(dead)},
		{text: "我爷爷刚过世，在办丧事", want: in(vulnOnly), not: in(dead)},
	})
}

// TestProtectiveVulnerability: age, capacity, disability, illness and
// caring, said in many ways.
func TestProtectiveVulnerability(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "I'm 88 years old and these letters confuse me", want: in(vulnOnly)},
		{text: "I am partially blind and can't read the screen", want: in(vulnOnly)},
		{text: "I'm deaf so please don't phone", want: in(vulnOnly)},
		{text: "i've got dyslexia, long messages are hard", want: in(vulnOnly)},
		{text: "I'm on dialysis three times a week", want: in(vulnOnly)},
		{text: "I'm in A&E at the moment", want: in(vulnOnly)},
		{text: "I'm having an operation on Monday", want: in(vulnOnly)},
		{text: "I look after my disabled son full time", want: in(vulnOnly)},
		{text: "I'm bipolar and having a bad week", want: in(vulnOnly)},
		{text: "我八十多岁了，手机上的字看不清", want: in(vulnOnly)},
		{text: "我有听力障碍", want: in(vulnOnly)},
		{text: "我在医院做透析", want: in(vulnOnly)},
		{text: "我得了焦虑症", want: in(vulnOnly)},
		{text: "我每天照顾瘫痪的父亲", want: in(vulnOnly)},
		{text: "我记性很差，你们说的我记不住", want: in(vulnOnly)},
		{text: "my adviser put me into the debt respite scheme", want: in(vulnOnly)},
		{text: "no no, nobody has died, I was asking about fees", not: in(vulnOnly, dead)},
		// not vulnerability
		{text: "I'm 35 and I can pay 100 a month", not: in(vulnOnly, crisis)},
		{text: "what's the operation hours of your office", not: in(vulnOnly)},
		{text: "my pay has decreased a lot since spring", not: in(vulnOnly, dead)},
		{text: "我在医院门口停车，晚点回你", not: in(vulnOnly)},
		{text: "他在医院，这几天没法处理", want: in(vulnOnly)},
	})
}

// TestProtectiveBankruptcyConsidered: a bankruptcy spoken of as a plan, a
// threat, a possibility or a last resort is considered, not filed, and
// asks for a person.
func TestProtectiveBankruptcyConsidered(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "I'm thinking about filing for bankruptcy", want: in(agent.IntentHardship, person), not: in(bankrupt)},
		{text: "bankruptcy might be the only way out for me", want: in(person), not: in(bankrupt)},
		{text: "chapter 13 looks like my last resort", want: in(person), not: in(bankrupt)},
		{text: "push me any harder and I'll declare bankruptcy", want: in(person), not: in(bankrupt)},
		{text: "I've been reading up on chapter 7", want: in(person), not: in(bankrupt)},
		{text: "I have an appointment with a bankruptcy lawyer next week", want: in(person), not: in(bankrupt)},
		{text: "leaning towards bankruptcy but I haven't filed anything", want: in(person), not: in(bankrupt)},
		{text: "my advisor suggested a debt relief order", want: in(person), not: in(bankrupt)},
		{text: "再逼我，我就去申请破产", want: in(person), not: in(bankrupt)},
		{text: "真还不上的话只能破产了", want: in(person), not: in(bankrupt)},
		{text: "我正在了解个人破产的流程", want: in(person), not: in(bankrupt)},
		{text: "我打算下个月去法院申请更生", want: in(person), not: in(bankrupt)},
		{text: "我最近在考虑declare bankruptcy", want: in(person), not: in(bankrupt)},
		{text: "我还在评估要不要申请更生", want: in(person), not: in(bankrupt)},
		// filed
		{text: "I was sequestrated last spring", want: in(bankrupt)},
		{text: "法院已经裁定我破产，考察期还没结束", want: in(bankrupt), not: in(person)},
		{text: "去年法院宣告我破产了，现在还没解除", want: in(bankrupt), not: in(person)},
		{text: "我可没有说要申请破产", not: in(bankrupt)},
		{text: "现在我的债由法院指定的管理人负责", want: in(bankrupt)},
		{text: "my trustee in bankruptcy is handling creditors", want: in(bankrupt)},
		{text: "我去年已经宣告破产了", want: in(bankrupt), not: in(person)},
		{text: "本人已进入更生程序", want: in(bankrupt)},
	})
}

// TestProtectiveDispute: disputes by identity theft, by a wrong or
// inflated amount, by a debt that is someone else's, or paid, or doubted.
func TestProtectiveDispute(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "someone used my details to take out this loan", want: in(agent.IntentDispute)},
		{text: "I never applied for anything with you", want: in(agent.IntentDispute)},
		{text: "I don't believe I owe you anything", want: in(agent.IntentDispute)},
		{text: "I deny that this debt is mine", want: in(agent.IntentDispute)},
		{text: "your figure is way off", want: in(agent.IntentDispute)},
		{text: "that total doesn't add up at all", want: in(agent.IntentDispute)},
		{text: "this has to be some sort of mistake", want: in(agent.IntentDispute)},
		{text: "that loan is my ex-husband's, not mine", want: in(agent.IntentDispute)},
		{text: "you're charging me twice for the same thing", want: in(agent.IntentDispute)},
		{text: "the account was closed years ago and nothing is outstanding", want: in(agent.IntentDispute)},
		{text: "we settled this back in 2022", want: in(agent.IntentDispute)},
		{text: "我的身份证被别人冒用了", want: in(agent.IntentDispute)},
		{text: "这笔不是本人办的", want: in(agent.IntentDispute)},
		{text: "信息被盗用了，这笔贷款不是本人申请的", want: in(agent.IntentDispute), not: in(agent.IntentThirdParty)},
		{text: "你好，我不是本人", want: in(agent.IntentThirdParty)},
		{text: "利息算错了吧", want: in(agent.IntentDispute)},
		{text: "金额明显不对", want: in(agent.IntentDispute)},
		{text: "你们收的利息超过了法律规定", want: in(agent.IntentDispute)},
		{text: "凭什么说是我欠的", want: in(agent.IntentDispute)},
		{text: "那笔钱根本不是我的", want: in(agent.IntentDispute)},
		{text: "我没说那笔钱不是我的，我只是问问", not: in(agent.IntentDispute)},
		{text: "这是我前妻借的，和我无关", want: in(agent.IntentDispute)},
		{text: "我明明已经还了大部分", want: in(agent.IntentDispute)},
		{text: "the divorce decree says that loan is her debt", want: in(agent.IntentDispute)},
		{text: "你们连账都算不清楚", want: in(agent.IntentDispute)},
		{text: "这张卡我从来没刷过", want: in(agent.IntentDispute)},
		// not a dispute
		{text: "I owe it and I want to pay", not: in(agent.IntentDispute)},
		{text: "I made a mistake with my last payment date, sorry", not: in(agent.IntentDispute)},
		{text: "after groceries and rent there is nothing left for this", want: in(agent.IntentHardship), not: in(agent.IntentDispute)},
		{text: "I'd like to pay the full balance off today", not: in(agent.IntentDispute)},
		{text: "could we do a smaller settlement if I paid it all at once?", not: in(agent.IntentDispute)},
		{text: "是不是搞错人了", not: in(agent.IntentDispute)},
	})
}

// TestProtectiveContactRequests: opt-outs, cease and attorney in wordings
// beyond the plain verbs, and the near misses that ask for none of them.
func TestProtectiveContactRequests(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "unsub pls", want: in(agent.IntentOptOut)},
		{text: "please switch off these notifications", want: in(agent.IntentOptOut)},
		{text: "take my number off your mailing list", want: in(agent.IntentOptOut)},
		{text: "I withdraw consent to phone calls", want: in(agent.IntentOptOut)},
		{text: "could you not call me", want: in(agent.IntentOptOut)},
		{text: "把我的号码从你们的名单里删除", want: in(agent.IntentOptOut)},
		{text: "别老是一天打好几次电话", want: in(agent.IntentOptOut)},
		{text: "不要再致电给我", want: in(agent.IntentOptOut)},
		{text: "你们的消息我都不想要了", want: in(agent.IntentOptOut)},
		{text: "关闭推送", want: in(agent.IntentOptOut)},
		{text: "Remove.", want: in(agent.IntentOptOut)},
		{text: "please stop the automated calls and texts", want: in(agent.IntentOptOut)},
		{text: "I can't stop thinking about the calls", not: in(agent.IntentOptOut)},
		{text: "honestly I do not want contact of any sort", want: in(agent.IntentCease)},
		{text: "please stop writing to me about this", want: in(agent.IntentCease)},
		{text: "quit reaching out to me", want: in(agent.IntentCease)},
		{text: "以后不要用任何方式再找我", want: in(agent.IntentCease)},
		{text: "你们别再追着我催了", want: in(agent.IntentCease)},
		{text: "别催了，下周一定还", not: in(agent.IntentCease)},
		{text: "这件事别再跟我提了", want: in(agent.IntentCease)},
		{text: "I want every kind of contact from you to end", want: in(agent.IntentCease)},
		{text: "a solicitor is acting on my behalf", want: in(agent.IntentAttorney)},
		{text: "please deal with my legal representative", want: in(agent.IntentAttorney)},
		{text: "the legal aid office is representing me now", want: in(agent.IntentAttorney)},
		{text: "我律师明天会打给你们", want: in(agent.IntentAttorney)},
		{text: "律师的电话我发给你", want: in(agent.IntentAttorney)},
		{text: "我的lawyer会处理", want: in(agent.IntentAttorney)},
		// near misses
		{text: "don't stop the reminders, they help me", not: in(agent.IntentOptOut, agent.IntentCease)},
		{text: "my lawyer friend said I should just pay it", not: in(agent.IntentAttorney)},
		{text: "my cousin is an attorney and says this looks legit", not: in(agent.IntentAttorney)},
		{text: "I stopped by the branch but it was closed", not: in(agent.IntentOptOut, agent.IntentCease)},
		{text: "别忘了给我发还款链接", not: in(agent.IntentOptOut)},
		{text: "no calls after seven please", want: in(agent.IntentRestrictContact), not: in(agent.IntentOptOut, agent.IntentCease)},
	})
}

// TestProtectiveAllInOneMessage: every protective request of a message is
// read, not only the first.
func TestProtectiveAllInOneMessage(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "my attorney has this now, quit calling, and I never borrowed from you", want: in(agent.IntentAttorney, agent.IntentOptOut, agent.IntentDispute)},
		{text: "我有律师，别再发短信，而且这钱不是我借的", want: in(agent.IntentAttorney, agent.IntentOptOut, agent.IntentDispute)},
	})
}
