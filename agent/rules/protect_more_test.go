package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestProtectiveCeaseWithoutStopping: a cease said without a verb of
// stopping: contact cut, severed or never to happen again, a writer who
// forbids it ("you are not to..."), in English and Chinese.
func TestProtectiveCeaseWithoutStopping(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "I am severing every line of communication with your firm", want: in(agent.IntentCease)},
		{text: "break off all contact with me, effective today", want: in(agent.IntentCease)},
		{text: "do not ever reach out to me again regarding this", want: in(agent.IntentCease)},
		{text: "never write to me again, any of you", want: in(agent.IntentCease)},
		{text: "you are not to contact me on this matter", want: in(agent.IntentCease)},
		{text: "I want no further communication from your office whatsoever", want: in(agent.IntentCease)},
		{text: "please not communicate me further on this", want: in(agent.IntentCease)},
		{text: "请贵司立即终止与本人之间的全部联络", want: in(agent.IntentCease)},
		{text: "我要跟你们断掉所有来往和联系", want: in(agent.IntentCease)},
		{text: "今后所有联系一律中止", want: in(agent.IntentCease)},
		{text: "我要求你们停止跟我本人的任何联系", want: in(agent.IntentCease)},
		// near misses
		{text: "don't stop the reminders please", not: in(agent.IntentCease, agent.IntentOptOut)},
		{text: "I never got your letter, can you write to me again", not: in(agent.IntentCease)},
		{text: "my phone cut off in the middle of the call", not: in(agent.IntentCease)},
		{text: "you can contact me again next week", not: in(agent.IntentCease)},
		{text: "我们之间的联系方式变了，请改用邮件", not: in(agent.IntentCease)},
	})
}

// TestProtectiveOptOutPlainAndFormal: an opt-out of calls, texts or
// e-mail said formally or in non-native English, and in Chinese with
// other verbs for dialling and receiving.
func TestProtectiveOptOutPlainAndFormal(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "I would be grateful if you would cease ringing my mobile", want: in(agent.IntentOptOut)},
		{text: "kindly discontinue telephoning this household", want: in(agent.IntentOptOut)},
		{text: "I do not wish to get any further text messages", want: in(agent.IntentOptOut)},
		{text: "me not want get more sms from you", want: in(agent.IntentOptOut)},
		{text: "请你们以后不要再拨这个号码了", want: in(agent.IntentOptOut)},
		{text: "本人不愿再接收贵行的短信通知", want: in(agent.IntentOptOut)},
		// near misses
		{text: "I do not wish to miss any text messages about this", not: in(agent.IntentOptOut)},
		{text: "please call me back when you can", not: in(agent.IntentOptOut)},
		{text: "我想接收电子账单", not: in(agent.IntentOptOut)},
	})
}

// TestProtectiveDeathOfTheAddressee: a relative's news of a death is the
// borrower's own when the one who died is the one the messages are for,
// who will not answer, or who is on the account; a borrower telling of
// their own parent's death is bereaved.
func TestProtectiveDeathOfTheAddressee(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "my brother passed in the spring, he's who you've been texting", want: in(dead), not: in(vulnOnly)},
		{text: "Grandpa died two weeks ago so he will not be answering any of this", want: in(dead), not: in(vulnOnly)},
		{text: "my sister passed away; the mail you send is in her name", want: in(dead)},
		{text: "Mum died in May. Your letters keep coming addressed to her.", want: in(dead)},
		{text: "the man on this loan is dead, who do I send the paperwork to", want: in(dead)},
		{text: "the name on the account belongs to my late husband", want: in(dead)},
		{text: "my father died, please stop calling him", want: in(dead)},
		{text: "please send the certificate of death form", want: in(dead)},
		{text: "我哥上个月没了，你们的短信都是发给他的", want: in(dead), not: in(vulnOnly)},
		{text: "她人已经不在了，这个号码是她的", want: in(dead)},
		{text: "人都已经走了，这个钱怎么算", want: in(dead)},
		{text: "我奶奶前年走了，别再打来了", want: in(dead)},
		// bereaved borrowers
		{text: "my mum died in March and I'm behind on everything", want: in(vulnOnly), not: in(dead)},
		{text: "my dad passed away, please give me a few weeks", want: in(vulnOnly), not: in(dead)},
		{text: "我爸上个月走了，我这段时间没心情处理", want: in(vulnOnly), not: in(dead)},
		{text: "我妈去世了，你们别再给我打了，过段时间我再联系你们", want: in(vulnOnly), not: in(dead)},
	})
}

// TestProtectiveCrisisInImages: a crisis said by an image, a means at
// hand or a wish not to wake, and the near misses.
func TestProtectiveCrisisInImages(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "the tablets are lined up on the table in front of me", want: in(crisis)},
		{text: "some nights I hope I just never wake up", want: in(crisis)},
		{text: "honestly I'm finished with being alive", want: in(crisis)},
		{text: "been thinking about ending things lately", want: in(crisis)},
		{text: "it would be easier for everyone if I weren't around", want: in(crisis)},
		{text: "I keep thinking of jumping off the overpass", want: in(crisis)},
		{text: "better I finish myself than live like this", want: in(crisis)},
		{text: "我真希望睡着以后永远不要醒过来", want: in(crisis)},
		{text: "活着真的没啥意义", want: in(crisis)},
		{text: "我站在楼顶想着跳下去一了百了", want: in(crisis)},
		{text: "每天都想从桥上跳下去", want: in(crisis)},
		// near misses
		{text: "I didn't wake up in time to call you back", not: in(crisis)},
		{text: "I'm done with being on hold, just tell me the balance", not: in(crisis)},
		{text: "my pills cost a lot every month", not: in(crisis)},
		{text: "活着就得还钱，我懂", not: in(crisis)},
		{text: "我今天睡过头了", not: in(crisis)},
	})
}

// TestProtectiveFleeingAbuse: someone who has fled abuse and is now in a
// refuge is vulnerable, not in a crisis; abuse going on now is a crisis.
func TestProtectiveFleeingAbuse(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "I escaped an abusive husband and I'm staying at a women's refuge", want: in(vulnOnly), not: in(crisis)},
		{text: "I fled my violent ex last month and live in a shelter now", want: in(vulnOnly), not: in(crisis)},
		{text: "我逃离了家暴的丈夫，现在暂住在救助站", want: in(vulnOnly), not: in(crisis)},
		{text: "he is beating me right now", want: in(crisis)},
		{text: "我老公又家暴我了，我不敢回家", want: in(crisis)},
	})
}

// TestProtectiveBankruptcyNewWords: a bankruptcy that is a possibility or
// an outcome in the future is considered; a bankruptcy of an employer or
// a company is not the borrower's.
func TestProtectiveBankruptcyNewWords(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "bankruptcy is becoming a serious possibility", want: in(person), not: in(bankrupt)},
		{text: "insolvency looks likely for me at this rate", want: in(person), not: in(bankrupt)},
		{text: "would you still chase me if I eventually file for chapter 7", want: in(person), not: in(bankrupt)},
		{text: "我在琢磨要不要走破产", want: in(person), not: in(bankrupt)},
		{text: "再这样下去只剩申请破产这一个办法", want: in(person), not: in(bankrupt)},
		{text: "I filed for bankruptcy on Monday", want: in(bankrupt)},
		// someone else's bankruptcy
		{text: "the firm I worked for went bankrupt so I have no income", want: in(agent.IntentHardship), not: in(bankrupt)},
		{text: "我们厂倒闭破产了，我现在没工作", want: in(agent.IntentHardship), not: in(bankrupt)},
	})
}

// TestProtectiveDisputeWrittenOtherwise: disputes in traditional Chinese
// and formal wording, and a dispute said with "wrong person" that is no
// third party.
func TestProtectiveDisputeWrittenOtherwise(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "對於該筆欠款本人不予承認", want: in(agent.IntentDispute)},
		{text: "我一辈子都没在你们这签过什么合同", want: in(agent.IntentDispute)},
		{text: "這筆帳根本不是我的，你們弄錯對象了", want: in(agent.IntentDispute), not: in(agent.IntentThirdParty)},
		{text: "that isn't my loan, you have the wrong person", want: in(agent.IntentDispute), not: in(agent.IntentThirdParty)},
		// a third party
		{text: "wrong number, I don't know who that is", want: in(agent.IntentThirdParty), not: in(agent.IntentDispute)},
	})
}

// TestProtectiveNearMissesMore: words of protection that ask for none: a
// holiday named for the dead, a stop that is not needed, a writer who
// knows no one by the name the messages use.
func TestProtectiveNearMissesMore(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "will you be closed over memorial day weekend", not: in(vulnOnly, dead)},
		{text: "there's no need to stop calling, calls are fine", not: in(agent.IntentOptOut, agent.IntentCease)},
		{text: "wrong person, I've never heard of that woman", want: in(agent.IntentThirdParty)},
		{text: "你们弄错了吧，我根本不认识什么李明", want: in(agent.IntentThirdParty)},
		{text: "her memorial service is on Saturday", want: in(vulnOnly)},
		{text: "the memorial was only yesterday and I can't face the post", want: in(vulnOnly)},
	})
}

// TestProtectiveMoreWordings: protective requests that leave out the
// usual words: a stop softened by an adverb, a poor command of English, a
// weapon at hand, a bankruptcy dared, a filing told as a case, a death of
// the one being called, casual spellings, and in Chinese a lawyer who has
// taken over, a debt paid long ago, a wish to vanish, texts sent no more.
func TestProtectiveMoreWordings(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "would you please just not call this phone anymore", want: in(agent.IntentOptOut)},
		{text: "my english very poor, please write simple", want: in(vulnOnly)},
		{text: "English is not my first language and I struggle with letters", want: in(vulnOnly)},
		{text: "there's a man outside my flat with a knife", want: in(crisis)},
		{text: "she has got a gun and she's screaming at me", want: in(crisis)},
		{text: "go on, keep texting, and watch me go bankrupt", want: in(person), not: in(bankrupt)},
		{text: "heads up, my chapter 13 petition got filed on Tuesday", want: in(bankrupt), not: in(person)},
		{text: "the lady you keep calling died in April. I'm her daughter", want: in(dead)},
		{text: "my grandad passd away, hes the one with the loan", want: in(dead)},
		{text: "people would cope fine without me, I am such a burden", want: in(crisis)},
		{text: "这件事已经交给我的代理律师了，以后请找他", want: in(agent.IntentAttorney)},
		{text: "我已经请律师了，有问题问律师", want: in(agent.IntentAttorney)},
		{text: "律所那边已经接手这个案子了", want: in(agent.IntentAttorney)},
		{text: "这钱我早就都还完了，你们查一下记录", want: in(agent.IntentDispute)},
		{text: "我两个月前已经全部缴清", want: in(agent.IntentDispute)},
		{text: "要是我消失了，家里人也许会轻松点", want: in(crisis)},
		{text: "以后短信别再传过来了", want: in(agent.IntentOptOut)},
		{text: "请你们停止以该笔欠款为由与本人进行的任何形式的联系", want: in(agent.IntentCease)},
		// near misses
		{text: "I'd like to pay, the knife sharpener I bought was fine", not: in(crisis)},
		{text: "my english is fine, thanks", not: in(vulnOnly)},
		{text: "if I don't get paid I might have to talk to a lawyer", not: in(agent.IntentAttorney)},
		{text: "我下个月就能全部还完", not: in(agent.IntentDispute)},
		{text: "我打算找律师问问", not: in(agent.IntentAttorney)},
	})
}

// TestProtectivePoorEnglish: poor English is a vulnerability when the
// writer does not follow; asking for another language is not.
func TestProtectivePoorEnglish(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "my english no good, I do not understand what you want", want: in(vulnOnly)},
		{text: "please reply in Spanish, my English is weak", not: in(vulnOnly)},
	})
}

// TestProtectiveCrisisVeiled: a crisis said as a farewell, a settling of
// affairs, an overdose told after the fact, or the debt ending with the
// writer, and the near misses.
func TestProtectiveCrisisVeiled(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "I've given most of my belongings away this week", want: in(crisis)},
		{text: "I wrote farewell notes for my parents last night", want: in(crisis)},
		{text: "I won't be around much longer anyway", want: in(crisis)},
		{text: "I self-harmed last night", want: in(crisis)},
		{text: "I think I took too many sleeping pills", want: in(crisis)},
		{text: "honestly I don't really want to be alive", want: in(crisis)},
		{text: "will the debt just die with me", want: in(crisis)},
		{text: "药都吃下去之前我想说一句，对不起", want: in(crisis)},
		{text: "人死了是不是就不用还了，我都准备好了", want: in(crisis)},
		{text: "安眠药我攒够了，今晚就结束", want: in(crisis)},
		// near misses
		{text: "I gave my old car away to my nephew", not: in(crisis)},
		{text: "I wrote a note to my bank about the payment", not: in(crisis)},
		{text: "my pills are too expensive", not: in(crisis)},
	})
}

// TestProtectiveContactOtherWords: opt-outs and ceases with the channel
// or contact as subject ("I'd like the calls to stop"), a number taken off
// a list, consent refused, contact that should end, and in Chinese stops
// with other verbs (call, send, 传, 来), and the near misses.
func TestProtectiveContactOtherWords(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "no more mobile phone calls, thanks", want: in(agent.IntentOptOut)},
		{text: "I would like the phone calls to end now", want: in(agent.IntentOptOut)},
		{text: "please take my number off your dialling list", want: in(agent.IntentOptOut)},
		{text: "pls stp calling", want: in(agent.IntentOptOut)},
		{text: "I do not consent to further contact about this loan", want: in(agent.IntentCease)},
		{text: "all contact with me about this must end", want: in(agent.IntentCease)},
		{text: "I have no wish to communicate any further", want: in(agent.IntentCease)},
		{text: "I do not want to be contacted regarding this again", want: in(agent.IntentCease)},
		{text: "please never reach out again", want: in(agent.IntentCease)},
		{text: "不要再send短信给我了", want: in(agent.IntentOptOut)},
		{text: "短信电话都别再来了", want: in(agent.IntentOptOut)},
		{text: "以后不要再換號碼打给我", want: in(agent.IntentOptOut)},
		{text: "别往我这个号码上发消息了", want: in(agent.IntentOptOut)},
		{text: "我不会再和你们就这件事沟通", want: in(agent.IntentCease)},
		{text: "你们不要再为了这个钱来骚扰我", want: in(agent.IntentCease)},
		{text: "请你们马上停止追讨", want: in(agent.IntentCease)},
		{text: "以后关于这个钱的任何消息我都不想再听到", want: in(agent.IntentCease)},
		// near misses
		{text: "I don't want the calls to stop, they remind me", not: in(agent.IntentOptOut, agent.IntentCease)},
		{text: "I'd like the late fees to stop", not: in(agent.IntentOptOut, agent.IntentCease)},
		{text: "I never reached anyone when I called", not: in(agent.IntentCease)},
		{text: "我会再联系你们的", not: in(agent.IntentCease, agent.IntentOptOut)},
	})
}

// TestProtectiveIllnessAndCounsel: a serious illness named by its
// treatment, a lawyer named by other titles or engaged in other words,
// in English and Chinese, and the near misses.
func TestProtectiveIllnessAndCounsel(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "they found a malignant tumour and treatment starts next week", want: in(vulnOnly)},
		{text: "I'm halfway through radiotherapy and can barely stand", want: in(vulnOnly)},
		{text: "我上周才出院，现在身体还很虚弱", want: in(vulnOnly)},
		{text: "我得了忧郁症，一直在吃药", want: in(vulnOnly)},
		{text: "a barrister has been instructed on my behalf", want: in(agent.IntentAttorney)},
		{text: "my atty will call you", want: in(agent.IntentAttorney)},
		{text: "counsel has been retained, address everything to her", want: in(agent.IntentAttorney)},
		{text: "the attorney handling my case will be in touch", want: in(agent.IntentAttorney)},
		{text: "我现在有attorney了，有事找他", want: in(agent.IntentAttorney)},
		{text: "法律援助中心给我指派了律师", want: in(agent.IntentAttorney)},
		{text: "我的律师叫我别再跟你们直接谈", want: in(agent.IntentAttorney)},
		{text: "材料我都交给律师了", want: in(agent.IntentAttorney)},
		// near misses
		{text: "the biopsy was clear, thank goodness, so I can pay now", not: in(vulnOnly)},
		{text: "I can't afford to pay a lawyer", not: in(agent.IntentAttorney)},
		{text: "我出院的时候医生说没事了", not: in(vulnOnly)},
	})
}

// TestProtectiveRequestsInLooserWords: a cease said as contact to end, an
// opt-out said as not wanting a channel, a payment said to be long made,
// and a debt that is "not even" the borrower's.
func TestProtectiveRequestsInLooserWords(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]agent.Intent{
		"i want every bit of communication from you to end":         agent.IntentCease,
		"all contact from your side needs to stop now":              agent.IntentCease,
		"I need any correspondence from your firm to cease":         agent.IntentCease,
		"I don't want texts on this phone":                          agent.IntentOptOut,
		"honestly i do not want any calls from you guys":            agent.IntentOptOut,
		"I paid this in full back in 2024":                          agent.IntentDispute,
		"we paid the whole thing off last year, I have the receipt": agent.IntentDispute,
		"it's not even my loan":                                     agent.IntentDispute,
		"this isn't even my account":                                agent.IntentDispute,
	} {
		if _, ok := first(readWith(t, text, nil), want); !ok {
			t.Errorf("%q read as %+v, want %s", text, readWith(t, text, nil), want)
		}
	}
}

// TestStopWithWhenOrWhereIsARestriction: "stop calling me after 7 pm",
// "quit texting me at work" limit contact; they are not opt-outs.
func TestStopWithWhenOrWhereIsARestriction(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"stop calling me after 7 pm", "quit texting me at work please", "stop ringing me before 9am", "please stop calling me on weekends"} {
		cmds := readWith(t, text, nil)
		if _, ok := first(cmds, agent.IntentRestrictContact); !ok {
			t.Errorf("%q read as %+v, want a restriction", text, cmds)
		}
		if _, ok := first(cmds, agent.IntentOptOut); ok {
			t.Errorf("%q read as an opt-out %+v", text, cmds)
		}
	}
}
