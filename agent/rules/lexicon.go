package rules

import "github.com/parley-collections/parley/agent"

// Internal readings that shape commands but are never reported themselves.
const (
	xInjection   agent.Intent = "x_injection"    // text that tries to instruct the system
	xAcceptWeak  agent.Intent = "x_accept_weak"  // "ok", "好的": accept when an offer is on the table
	xRejectWeak  agent.Intent = "x_reject_weak"  // "no thanks", "不行": reject when an offer is on the table
	xAskTag      agent.Intent = "x_ask_tag"      // "行不行", "好不好": a question tag, whose 不行 or 不好 rejects nothing
	xCannotPay   agent.Intent = "x_cannot_pay"   // "I can't afford it": reject an offer, else hardship
	xPlan        agent.Intent = "x_plan"         // "payment plan", "分期": a plan without figures
	xWrongNumber agent.Intent = "x_wrong_number" // "wrong number": a third party
	xPlanTalk    agent.Intent = "x_plan_talk"    // "cancel my plan", "I already have a plan": a question, not a new plan
	xPromise     agent.Intent = "x_promise"      // "I'll pay", "我会还的": a promise, with or without a date
	xLump        agent.Intent = "x_lump"         // "in one payment", "一次性", "结清": one payment, of an amount named or else the balance
	xSettle      agent.Intent = "x_settle"       // "to settle", "settlement": with an amount, one payment of it
	xLess        agent.Intent = "x_less"         // "settle for less", "少还一点": less than the balance, amount not named
	xOther       agent.Intent = "x_other"        // "any other plans?", "别的方案": other terms than those offered, none named
	xPause       agent.Intent = "x_pause"        // "breathing room", "缓一缓", "延期": a payment holiday asked for, which is hardship
	xLonger      agent.Intent = "x_longer"       // "stretch it out", "分长一点": the payments spread over longer, terms not named
	xHedge       agent.Intent = "x_hedge"        // "maybe", "what if", "也许": a choice said with doubt is read back, not taken
	xPayBy       agent.Intent = "x_pay_by"       // "pay it by cheque", "用现金还", "UPI se pay": how or when an option is paid; asked, it takes nothing
	xNotYet      agent.Intent = "x_not_yet"      // "before I agree": the choice is for later; nothing is accepted now
	xShrug       agent.Intent = "x_shrug"        // "not sure tbh", "erm, perhaps": doubt and nothing more, time to decide
	xDeciding    agent.Intent = "x_deciding"     // "let me think it over", "我考虑下": a goodbye for now, no yes
	// "go ahead", "set it up", "final karo", "就这么办": a go-ahead, which
	// takes the open offer when the message restates its terms.
	xGoAhead      agent.Intent = "x_go_ahead"
	xBankruptHypo agent.Intent = "x_bankrupt_hypo" // "if I went bankrupt": a filing inside an if is weighed, not filed
	// "thinking about bankruptcy", "考虑申请破产": a bankruptcy only
	// considered, which is hardship and not a filing, unless the message
	// also says one was filed (xBankruptFiled).
	xBankruptMaybe agent.Intent = "x_bankrupt_maybe"
	xBankruptFiled agent.Intent = "x_bankrupt_filed" // "filed chapter 7", "已经申请破产"
	// A death in the family ("my father passed away", "老伴走了"): the
	// borrower's own when the message also speaks of the one who died as
	// the account's holder (xHolder), else a bereaved borrower.
	xDeath  agent.Intent = "x_death"
	xHolder agent.Intent = "x_holder" // "this was his phone", "how much did she owe", "我是他女儿", "特此告知"
	// "my lawyer friend", "my cousin is an attorney": a lawyer who does
	// not represent the borrower.
	xLawyerFriend agent.Intent = "x_lawyer_friend"
	// "he's beating me", "家暴": abuse, a crisis unless the writer is in a
	// safe place now (xSafe), when it is a vulnerability.
	xAbuse agent.Intent = "x_abuse"
	xSafe  agent.Intent = "x_safe" // "I'm in a refuge", "emergency housing", "住在庇护所"
	// "my employer went bankrupt", "公司倒闭破产了": a bankruptcy that is
	// not the borrower's.
	xBankruptOther agent.Intent = "x_bankrupt_other"
	// "wrong person", "找错人": a third party, unless the writer disputes
	// the debt as theirs in the same message ("not my debt, wrong person").
	xWrongPerson agent.Intent = "x_wrong_person"
	// "my English is poor": a vulnerability when the writer also says
	// they do not follow (xNotFollowing: "I don't understand", "write
	// simple"); asking for another language is a language change.
	xPoorEnglish  agent.Intent = "x_poor_english"
	xNotFollowing agent.Intent = "x_not_following"
	// "the ER visit", "the ICU charges", "a bill from the emergency
	// room": a medical place named as what the debt is for. A
	// vulnerability read only inside it tells of no illness.
	xMedicalBill agent.Intent = "x_medical_bill"
	// "can I pay part of it now", "thoda abhi de sakta hoon", "先还一部分":
	// some of the balance offered with no amount named, which asks for
	// terms.
	xPart agent.Intent = "x_part"
	// "on the roof", "at the edge of the bridge": a height the writer is
	// at, a crisis unless a loan, a payment or a bill next to it makes the
	// roof or the bridge a thing paid for (atHeight).
	xAtHeight agent.Intent = "x_at_height"
	// "top of the car park", "楼顶", "building ke upar": the top of a tall
	// place, and "done", "goodbye", "就这样吧", "bas khatam": a farewell.
	// Together they are a crisis (protective); apart, nothing: a roof
	// garage parked on, or a payment done, is no farewell from a height.
	xHigh     agent.Intent = "x_high"
	xFarewell agent.Intent = "x_farewell"
	// "scratch that", "forget it", "算了不要了", "rehne do": a verb of
	// undoing that names nothing, which calls off a plan just agreed.
	xUndo agent.Intent = "x_undo"
	// "my husband is in prison", "my son was arrested": a relative held,
	// told as news. An arrest reading inside it asks nothing.
	xHeld agent.Intent = "x_held"
)

// The papers of a loan a borrower may ask to see.
const enDocs = "agreement|agreements|contract|contracts|statement|statements|ledger|schedule|copy|copies|documents|document|" +
	"documentation|paperwork|papers|proof|records|kagaz|kaagaz|kagzat|dastavez|dastavej"

// Medical places and words of billing, for the patterns of xMedicalBill.
const (
	enMedPlace = "the|an|that|this|my|your er|icu|hospital"
	enBilling  = "visit|visits|bill|bills|billing|charge|charges|invoice|invoices|statement|statements|fee|fees|cost|costs|stay|account|balance|amount|debt"
)

// Kin words, for the patterns of a death in the family.
const (
	enKin = "husband|wife|mother|mom|mum|mommy|mummy|mama|father|dad|daddy|papa|son|daughter|brother|sister|uncle|aunt|auntie|aunty|" +
		"grandmother|grandfather|grandma|grandpa|granny|grandad|granddad|nan|nana|partner|spouse|fiance|fiancee|boyfriend|girlfriend|" +
		"cousin|nephew|niece|child|baby|parent|parents|stepfather|stepmother|stepdad|stepmom|sibling|twin|relative|friend|hubby"
	zhKin = "爸|妈|父亲|母亲|老公|老婆|丈夫|妻子|先生|太太|老伴|爱人|哥|弟|姐|妹|儿子|女儿|孩子|爷爷|奶奶|外公|外婆|姥爷|姥姥|阿嬷|阿公|阿爷|阿嫲|公公|婆婆|岳父|岳母|叔|伯|舅|姑|姨|亲人|家人|老人|妈咪|爹"
)

// The ways to pay an option that a borrower may ask about, for the
// patterns of xPayBy.
const payWays = "cheque*|check|checks|money|cash|upi|transfer*|wire|branch*|card|online|website|post|mail|paypal|zelle|venmo|neft|imps|rtgs|counter|draft|bank"

// A figure of speech for being short of money ("practically bankrupt till
// payday", 穷得快破产了): hardship, and no bankruptcy of the borrower's.
const (
	enBrokeFigure     = "practically|basically|nearly|almost|virtually|literally|kinda|totally bankrupt"
	enBrokeFigureMuch = "pretty|kind|sort ~1 much|of bankrupt"
	zhBrokeFigure     = "穷得~4破产"
	zhBrokeFigureNear = "(快要|都快|快)破产了"
)

// rule is one reading with the phrases that express it. When neg is set, a
// negation just before the phrase ("not", "never", "没有", "不想") cancels it.
type rule struct {
	intent agent.Intent
	neg    bool
	en, zh []string
}

// lexicon lists every phrase reading, English patterns then Chinese ones
// (the pattern language is described in pattern.go). Vulnerable comes first
// and is never cancelled by a negation: a crisis must not be missed. The
// order here is the order of matching, not of the commands reported; that
// order is fixed in compose.go and documented in doc.go.
var lexicon = []rule{
	{intent: agent.IntentVulnerable, en: []string{
		// Hindi in Latin letters: wanting to die, not wanting to live, suicide.
		"marne|mar ~3 mann|man|chahta|chahti|chahte|jaunga|jaungi|jaana|jana", "jeene|jeena|jine ~3 mann|man|nahi|nahin|icchha",
		"khudkushi|aatmahatya|atmahatya",
		// Hindi in Latin letters: a train, poison, a noose, hanging from the fan.
		"railway|rail|patri|patari ~2 track|line|pe|par ~3 jaa|ja|jaunga|jaungi|let|lait|kood*|kud*", "train|gaadi|rail ~2 ke ~1 aage|neeche|niche|saamne ~3 kood*|kud*|aa|let|lait|jaa|ja",
		"zeher|zehar|jeher|jahar|zaher ~3 kha|khaa|pee|pi|le|lunga|lungi|lena", "phanda|fanda|fansi|phansi|faansi|phaansi ~3 laga|lagaa|lagake|lunga|lungi|le|lagaunga|lagaungi",
		"pankhe|pankha|fan ~3 latak*", "latak ~1 jaunga|jaungi|jaana|jaun",
		// Hindi in Devanagari (nukta dropped, chandrabindu read as
		// anusvara): suicide, wanting to die, not wanting to live, giving
		// up one's life, ending oneself.
		"आत्महत्या*|खुदकुशी*|सुसाइड*", "मरना|मरने|मर ~3 चाहता|चाहती|चाहते|जाना|जाऊंगा|जाऊंगी|जाउंगा|जाउंगी|जाएंगे|जायेंगे",
		"जीना|जीने|जिंदा|जिन्दा ~4 नहीं|नही", "नहीं|नही ~3 जीना|जीने|जिंदा|जिन्दा", "नहीं|नही ~2 जी ~1 सकता|सकती|सकते|पाऊंगा|पाऊंगी",
		"जान ~1 दे|देना|देने|दूंगा|दूंगी|दूं|दे", "खुद|अपने|स्वयं ~3 खत्म|समाप्त",
		"जहर|ज़हर ~3 खा|खाना|खाने|खाऊंगा|खाऊंगी|पी|लूंगा|लूंगी|ले", "फांसी|फंदा|फन्दा ~3 लगा|लगाना|लगाने|लगाऊंगा|लगाऊंगी|लूंगा|लूंगी|ले",
		"पटरी|ट्रैक|रेल ~4 लेट|कूद|जा|जाऊंगा|जाऊंगी", "ट्रेन|रेल|गाड़ी|गाडी ~2 के ~1 आगे|नीचे|सामने", "पंखे|पंखा ~3 लटक",
		"kill|killing|hurt|hurting|harm|harming|cut|cutting myself",
		"end|ending|take|taking|ended my [own] life",
		"end|ending it all", "suicid*", "self harm*|injur*", "selfharm*",
		"can|could not go on", "can|could not take it [any] anymore|more",
		"want|wanna|going to die", "wish i was|were dead", "better off dead", "better off without me",
		"do|does not want to live|exist", "do|does not want to be alive", "no reason|point [to|in] live|living|going|go",
		"nothing to live for", "overdose", "jump off ~3 bridge|building|roof", "unalive*", "rather be dead",
		"nobody would miss me", "no one would miss me", "disappear forever", "sleep forever", "not be here anymore|tomorrow",
		"everyone|everybody ~2 better off without me",
		// indirect: a way out wished for, a method, a place, a farewell, a burden
		"might|may as well ~2 die|dead|gone", "no reason|point ~4 carry|continue|living", "what is ~2 point ~2 living|life|existing", "no reason|point ~4 keep going|living",
		"can|could not carry on", "can|could not keep going",
		"swallow*|downed|drank ~5 pills|tablets|bottle|packet|sleeping", "took|taken|take ~3 all|whole|entire|bottle|packet|handful|box ~3 pills|tablets|meds|medication|sleeping",
		"take|taking|took|taken|consume*|drink*|drank|swallow*|eat|eating|ate ~3 poison|pesticide|pesticides",
		"poison|pesticide|pesticides ~6 drink|drinking|take|taking|swallow*|consume*|eat|eating",
		"overdos*", "noose", "rope", "hang|hanging myself", "gun|pistol|firearm|blade|razor ~8 myself",
		"standing|stood|up ~4 ledge|rooftop|roof|bridge|cliff|tracks|edge",
		// in Hinglish: on the roof (chhat pe)
		"chhat|chhatt|chhath|roof|terrace ~1 pe|par|upar ~3 khada|khadi|khade|hoon|hun|hu|baitha|baithi|abhi",
		"drive|drove|driving|swerve ~3 off ~2 road|cliff|bridge", "crash* ~4 on purpose",
		"this is my last|final message|words|text|goodbye", "this is goodbye", "goodbye forever|everyone|world",
		"be gone soon|tonight|tomorrow|forever", "will not be around ~2 long|longer|soon|tomorrow",
		"want to [just] disappear|vanish", "wish i could [just] disappear|vanish", "want to [just] 消 失",
		"am|being a burden", "am ~2 a|such ~1 burden", "would ~3 cope|manage|fine|okay|ok|happier|better ~3 without me", "burden ~3 family|everyone|kids|children|everybody",
		"khudkushi|aatmahatya|atmahatya", "marna chahta|chahti|chahte|hai", "mar jaunga|jaungi", "jeena|jeene ~4 nahi|nahin",
		"can not breathe", "chest pain*", "bleeding",
		// images: a means at hand, a wish not to wake, done with living, a way out
		"pills|tablets|meds|medication|rope|knife|blade|razor|gun ~6 front of me", "pills|tablets|meds|medication ~4 lined|counted ~1 up|out",
		"pills|tablets|rope|knife|blade|razor|gun ~3 in my hand|hands",
		"wish|hope|want|think|thinking|thought|dream|pray|praying ~4 not|never ~1 wake|waking", "so i ~2 never|not ~1 wake|waking",
		"done|finished|through with ~2 alive|living|life|existing", "tired|sick of being alive|existing",
		"about|of ending|end things|myself", "about|of ending|end it [all] $", "going|gonna ~1 end it [all] $", "i will end it [all] $",
		"easier|better ~4 if i ~2 was|were|am ~1 gone|dead", "easier|better ~4 if i ~3 not|never ~2 here|around|alive|exist*|born",
		"jump|jumping|leap|leaping|throw|throwing|going|go|drive|driving ~3 off|from ~3 bridge|overpass|roof|rooftop|building|cliff|ledge|balcony|tower",
		"finish|finishing myself",
		// a place to go off at the wheel, a firearm out or at hand, "ending
		// it" with a time set, not being around to pay
		"steer|steering|steered|swerve|swerving|swerved|yank|yanking|yanked|turn|turning|jerk|jerking|veer|veering|drive|driving|drove|plough|plow ~4 off|into ~3 overpass|causeway|bridge|cliff|pier|river|lake|guardrail|embankment|ravine|canyon|quarry|ocean|sea|bay",
		"gun|guns|pistol|revolver|rifle|shotgun|firearm|handgun ~4 loaded|out|cocked|ready", "gun|pistol|revolver|rifle|shotgun|firearm|handgun ~5 next to|beside me|on the table|in my lap",
		"loaded ~2 gun|pistol|revolver|rifle|shotgun|firearm|handgun",
		"ending|end it [all] ~3 tonight|tomorrow|weekend|soon|forever|good", "will not be around ~2 pay|anymore|see",
		// affairs settled, a farewell, an overdose told after, the debt ending with the writer
		"not ~2 want to be alive", "too many ~2 pills|tablets|meds|sleeping|painkillers",
		"giving|given|gave|give ~4 belongings|possessions|stuff|things|everything ~2 away", "giving|given|gave|give away ~3 belongings|possessions|stuff|things|everything",
		"goodbye|farewell letter|letters|note|notes|message|messages", "die|dies|died with me", "something stupid|drastic ~2 tonight|today|soon|now",
	}, zh: []string{
		"不想活", "活不下去", "想死", "自杀", "轻生", "结束生命", "结束自己", "跳楼", "割腕", "寻死",
		"一死了之", "不如死了", "死了算了", "活着没意思", "活着没有意思", "撑不下去", "了结自己", "活够了", "安眠药",
		"一了百了", "不想再活", "去死", "想跳", "离开这个世界",
		"结束这一切", "想~2消失", "永远消失", "从这个世界~2消失", "活着~4(没意思|有什么意思|没有意义|没意义|好累|太累)",
		"(划|割|伤害|弄伤|伤)~4自己", "割~2手腕", "吞了~6药", "(一整瓶|整瓶|半瓶|一瓶|一把)~4药",
		"(刀片|绳子|农药|毒药|炭)~6(准备|买好|放在)", "准备好~4(刀|绳|药)", "(站在|在|上了)~3(天台|楼顶|顶楼|桥上|窗台|河边|楼边)",
		"后事", "遗书", "遗言", "永别", "下辈子", "累赘", "拖累", "没有我~6(更好|轻松|好过)", "(我走了|我死了)~6(轻松|解脱|就好|就不用)",
		"我~4不在了", "我~2不会在这里", "永远不~2回来", "永远离开", "先走一步", "对不起~4(家人|爸妈|父母|孩子)~8走", "(不想|不愿)~2生存", "想si", "去si",
		"流血", "喘不过气", "胸口~2痛",
		"(再也|永远)~2不~2醒", "不想~2醒(来|过来)", "活着~6(没|没有|有什么|有啥|不)~4(意思|意义|盼头|奔头)",
		"跳下去", "(跳河|跳江|跳海|跳桥)", "我~2(消失|不在了|死了)~10(轻松|好过|解脱|更好|省心|没负担)",
		"药~10(吃下去|全吃|都吃|吞下|一起吃)", "死了~4(就不用|就不欠|就不必|就可以不)",
		// despair without the words above, a means bought, death as the way out of the debt
		"(熬|挺|扛)不下去", "上吊", "卧轨", "跳轨", "割脉", "服毒", "一睡不醒", "想~4解脱", "就没人欠你们", "活不了多久", "(帮我|替我)~8对不起", "跟~2(家人|家里人|女儿|儿子|妈|爸|老婆|老公|孩子|爸妈|父母)~3(说|讲)~4对不起",
		"(东西|遗物|家当)~4送(人|掉)了", "了无牵挂", "没什么牵挂", "没有牵挂", "(跟|和|向)~6(告别|道别|道过别)", "站在~2(窗户边|窗边|阳台边|栏杆外|楼边)", "人间不值得", "吃药~2走", "酒~8吃了~2药", "着火", "紫砂", "坚持不下去", "死路一条", "只有死", "只能死", "只可以死", "(拿|用)命~2(还|抵|偿)", "命给你们", "死给你们看", "死在你们~2(面前|门口)", "死才能",
		"(过了今晚|今晚过后|今晚之后|明天|以后)~8(找不到我|联系不上我|见不到我)", "不会在了", "不会再~6添麻烦", "(这个世界|世界)~4(再见|告别|拜拜)", "想好~6结束",
		"(吃|食|吞)了~2(很多|好多|一堆|一大把|一把|一瓶|整瓶|半瓶)~4(药|粒|片)", "药~2死", "自己割", "喘不上气", "胸口~4(疼|痛)", "不想再撑", "一死百了", "想不开", "(喝|吃|服)~2(农药|老鼠药|敌敌畏|百草枯|毒药)", "活不落去", "生无可恋", "自我了断", "了断(自己|生命|此生)", "不~2想活", "活下去的(意义|理由|动力|勇气|希望|必要)",
		"(买好|准备好|买了|备好)~4(木炭|炭|农药|安眠药|绳子|老鼠药|百草枯)", "烧炭", "我死了~10(找谁|你们|谁来|谁还|就)", "(等我|我要是|要是我|如果我|我哪天)~2死了", "(药|安眠药)~4(攒够|攒了|准备好)", "(攒够|攒了)~4药", "(今晚|今夜)~2结束", "(江边|河边|海边|桥|楼顶|天台|楼上|窗)~8跳",
	}},
	{intent: xMedicalBill, en: []string{
		enMedPlace + " ~1 " + enBilling, "emergency room|department ~1 " + enBilling, "intensive care [unit] ~1 " + enBilling,
		enBilling + " for|from " + enMedPlace, enBilling + " for|from [the|an|that|this|my] emergency room|department", enBilling + " for|from [the|an|that|this|my] intensive care",
		"owe|owed|owing ~2 for|from " + enMedPlace, "is|was this|it ~1 for|from the er|icu|hospital",
		// a bill or a collections letter about the place, some words on
		enBilling + "|letter|letters|notice|notices|collections ~5 about|regarding|re|concerning " + enMedPlace,
		enBilling + "|letter|letters|notice|notices|collections ~5 about|regarding|re|concerning [the|an|that|this|my] emergency room|department",
	}},
	{intent: xUndo, en: []string{
		"scratch|forget|drop|ditch|nix|undo|scrap|kill|cancel ~1 that|it|this|everything", "rehne|rahne|rehene do|dijiye|de",
		"chhodo|chhod do|jaane|jane do", "ye|yeh|woh|wo|plan ~2 nahi|nahin chahiye",
	}, zh: []string{"算了~4不要", "不要~3了", "不要这个", "撤回", "不用了"}},
	{intent: xAtHeight, en: []string{"on|at ~4 ledge|rooftop|roof|bridge|cliff|tracks|edge"}},
	{intent: xHigh, en: []string{
		"top ~4 garage|parking|carpark|park|ramp|building|tower|skyscraper|storey|multistorey|block|overpass|flyover|bridge|hotel|mall|stadium|crane|dam|structure|deck",
		"building|tower|chhat|chhatt|terrace|imarat ~3 upar",
	}, zh: []string{"天台", "楼顶", "顶楼", "高楼", "塔顶", "(停车场|停车楼|大厦|大楼|商场)~3(顶|天台)"}},
	{intent: xFarewell, en: []string{
		"done", "goodbye|bye|farewell", "that|this is it", "it is over", "sorry mum|mom|mam|dad|everyone|everybody",
		"alvida", "bas ~2 khatam", "sab khatam",
	}, zh: []string{"再见", "永别", "拜拜", "就这样吧", "到此为止", "结束了", "别找我", "不用找我", "告别"}},
	{intent: xAbuse, en: []string{
		"trying to hurt|hit|kill|attack|beat me", "domestic violence|abuse",
		"beating|punching|kicking|choking|strangling|hitting me", "hit|hits|beat|beats me ~2 again|tonight|now|today",
		"with|has|got|holding|carrying|waving a|an knife|gun|bat|weapon|machete|axe|pistol|rifle",
	}, zh: []string{"家暴", "想打我", "(要|想|说要|扬言要|扬言)~4(杀我|杀了我)", "拿(刀|刀子|菜刀|棍子|斧头)~6(追|砍|对着|杀|要杀|指着)", "救命", "救我", "砸~4门", "(被人|被)~4关起来", "不敢回家", "在打我", "被人威胁", "有人~4跟着我", "堵在~4(家|门口)", "打断我的腿"}},
	{intent: xSafe, en: []string{
		"refuge", "shelter", "safe house", "emergency|temporary housing|accommodation", "women|women's aid",
	}, zh: []string{"庇护所", "避难所", "救助站", "收容所", "安置点", "妇女之家"}},
	{intent: agent.IntentDeceased, en: []string{
		"person|one|man|woman|lady|gentleman|name|individual|customer on|named|in ~3 account|loan|card|letter|letters|bill|bills ~6 died|dead|deceased|passed|death|expired",
		"certificate of death", "person|one|man|woman|lady|gentleman|individual ~2 you ~4 calling|texting|messaging|writing|looking|contacting|chasing|trying|after|want ~6 died|dead|deceased|passed|expired",
		"[account] holder|borrower|customer|cardholder|debtor ~4 died|dead|deceased|passed|death|expired", "died|passed|deceased ~6 account holder",
		"^ he|she ~3 died|deceased|dead", "^ he|she ~2 passed away|on", "is deceased", "death certificate",
		"executor|administrator of ~2 estate", "her|his estate",
	}, zh: []string{"他~3去世", "她~3去世", "他~3过世", "她~3过世", "他~3离世", "她~3离世", "本人~4去世", "借款人~4去世", "机主~4去世",
		"身故", "病故", "已故", "死亡证明", "不在人世", "他~2走了", "她~2走了",
		"^人~2(已经|都)~2(没了|走了|死了|不在了|去世|过世)", "(他|她)人~4(没了|走了|死了|不在了|去世|过世)",
		"(他|她)~3(往生|仙逝|归西|病逝|死亡|身亡|与世长辞)", "(机主|借款人|户主|持卡人|欠款人|当事人|贷款人|号主)~6(去世|过世|离世|身故|死亡|病逝|身亡|往生|不在人世|不在了|已死|死了)",
		"(这个人|此人|这位)~4(死了|去世|过世|离世|不在了|死亡|身故|已故)",
		"(他|她)~4(死了|pass away|passed away|去天堂|上天堂)", "(要找|找)的~3人~4(死了|去世|过世|离世|不在了|走了|不在人世)",
		"(他|她)~3(上个月|上月|上周|上星期|去年|上年|旧年|前年|年前|个月前|月前|前几天|前段时间|早就|前天|昨天|今年|年初|年底)~4(走了|没了|不在了)"}},
	{intent: agent.IntentVulnerability, neg: true, en: []string{
		"breathing space", "mental health crisis moratorium", "statutory|debt moratorium", "diagnosed|diagnosis", "multiple sclerosis", "lupus", "motor neurone|neuron", "premature|preemie", "nicu", "neonatal", "debt respite", "respite scheme", "bereave*", "funeral", "grieving", "lost my husband|wife|mother|mum|mom|father|dad|son|daughter|child|baby|partner",
		"memorial service|services|mass|fund|page|gathering|plaque", "struggl* with ~2 reading|spelling|forms", "the|a|his|her|their|our memorial", "memorial $", "cremation|burial", "in my seventies|eighties|nineties", "pensioner", "senior citizen",
		"my memory", "mixed up|muddled", "simple|simpler|plain words|language|english",
		"not ~1 good with ~2 phones|computers|technology|tech|reading|letters", "can not read|see ~3 well|properly|small|screen|letters|sms|texts|messages",
		"learning difficult*|disabilit*", "dyslex*", "adhd", "autis*", "blind", "deaf", "visually|hearing|partially impaired|sighted",
		"handicap*", "wheelchair", "alzheimer*", "parkinson*", "als", "dialysis", "kidney|heart|liver|lung ~3 failure|problem*|disease|transplant",
		"the er|icu", "in|at a e", "emergency room", "intensive care", "surgery", "have|having|had|after|recovering ~3 operation|op",
		"bipolar", "schizo*", "ptsd", "anxiety", "panic attack*", "psychiatri*", "mental illness", "nervous|mental breakdown", "had|having a ~1 breakdown", "rehab", "addiction",
		"look|looking|care|caring after|for ~4 disabled|sick|ill|dying|paralys*|paralyz*|bedridden|terminal*", "bed rest", "bedridden",
		"tabiyat ~3 kharab", "bimar|beemar",
		"अस्पताल|हॉस्पिटल|अस्पतालमें ~3 भर्ती|में|मे", "बीमार", "बिमार",
		"passed away", "has died", "died",
		"cancer", "chemo*", "terminal*", "malignant|tumour|tumor|tumours|tumors|oncolog*|radiotherapy|chemotherapy", "radiation therapy|treatment|treatments", "in|from hospital", "hospitali*", "stroke", "dementia", "seriously|very|terminally ill",
		"mental health", "depression", "disabled|disability", "carer|caregiver for",
		"hospice", "palliative", "end of life", "life support", "my|his|her|their last days|weeks", "not long ~2 live|left",
		"weeks|days|months to live", "weeks|days not months",
	}, zh: []string{"临终", "安宁(病房|疗护)", "病危", "没多少日子", "时日无多", "去世", "过世", "离世", "丧事", "住院", "癌", "化疗", "重病", "绝症", "抑郁", "精神疾病", "残疾", "中风", "病重", "刚走", "失去了",
		"住~2院", "(进了|入了|进|住进)~2医院", "(他|她)在医院", "在医院~4(治疗|住|抢救|躺|做)", "手术", "透析", "精神科", "(焦虑|躁郁|双相|精神分裂|恐慌)", "情绪~4(不稳定|崩溃)", "戒毒",
		"康复期", "(刚|才)~2出院", "身体~4(虚弱|很差|太差)", "忧郁", "心脏病", "先天性", "障碍", "残障", "视力", "听力", "眼睛~3(花|不好|看不见|看不清)", "看不清", "记性", "记不住", "痴呆",
		"照顾~8(中风|瘫痪|生病|病重|住院|残疾|卧床|癌|病)", "卧床", "瘫痪", "(七十|八十|九十)~3(岁|了)", "年纪大", "上了年纪", "我~2老了",
		"不识~3字", "丧偶", "夭折", "单亲",
		"确诊", "白血病", "肿瘤", "尿毒症", "精神病", "心理疾病", "聋", "哑巴", "聋哑", "盲人", "失明", "重症监护", "监护室", "抢救",
		"轮椅", "视障", "保温箱", "早产", "新生儿~4(重症|监护|icu)", "听障", "罕见病", "(得了|患了|患有)~6(病|症|癌|瘤)", "怀孕", "孕妇", "孕期", "在医院$", "自闭症", "癫痫", "洗肾", "陪床", "脑瘫", "脑梗", "失智", "身障", "肾衰竭", "惊恐发作", "心理医生", "心理咨询", "特殊需要", "思觉失调", "流产", "失去~2孩子", "养老院", "独居老人", "脑退化", "赌瘾", "戒断", "戒酒", "身心科",
		"精神(状态|状况)~4(不好|差)", "中了风", "治不好", "康复中", "认字不多", "(很多|好多)字~2不认识", "耳背", "心理问题", "孤寡老人", "医院~2陪"}},
	{intent: xDeath, neg: true, en: []string{
		"died|deceased", "passed away|on", "was|been|got killed", "she|he passed $", "lost my|our ~1 " + enKin, "death of my|our", "my|our|late ~1 " + enKin + " ~3 passed|expired|gone|dead", enKin + "|papa|mama|mummy|daddy ~1 expired|passed", "my|our|his|her late " + enKin + "|mother|father",
		"lost his|her|their ~2 fight|battle|struggle", "dead man|woman|person|lady|guy|mans|womans",
		"expired ~4 accident|hospital|surgery|crash|illness|stroke|attack|sleep|cancer|operation", "in mourning",
		// in Hindi, in Devanagari (nukta dropped) and in Latin letters
		"मौत|मृत्यु|निधन|देहांत|देहान्त|स्वर्गवास|इंतकाल", "गुजर ~1 गए|गई|गये|गयी|गया", "चल ~1 बसे|बसी|बसा",
		"maut|nidhan|dehant|dehaant|swargvas|intekal|inteqal", "guzar|gujar ~1 gaye|gayi|gaya|gye|gyi", "chal ~1 base|basi|basey|basay",
	}, zh: []string{"去世", "过世", "离世", "病逝", "身故", "逝世", "辞世", "夭折", "已经不在了", "不在人世", "(" + zhKin + ")~6(走了|没了|不在了|死了)",
		"往生", "仙逝", "归西", "与世长辞", "离开人世", "pass away", "passed away"}},
	{intent: xHolder, en: []string{
		"his|her|their account|phone|number|card|loan|debt|debts|balance|mobile|cell|estate|bills|line|credit",
		// the dead person tied to the account, the card or the phone
		"he|she ~2 was|is ~1 the [account|card|loan] holder|cardholder|borrower|customer|debtor|owner",
		"he|she|who|" + enKin + " ~2 opened|had|took|has ~3 this|the|that ~1 account|loan|card|debt",
		"the|this|that account|loan|card|debt|phone|number|line ~2 was|is|belonged ~2 his|hers|theirs",
		"the|this|that account|loan|card|debt|phone|number|line ~2 belonged|belongs ~1 to ~1 him|her|them",
		"texting|messaging|calling|writing|contacting|ringing ~3 a ~1 dead",
		"writing|calling|texting|messaging|here ~2 to ~1 tell|let|inform|notify ~1 you",
		"was|is his|hers|theirs", "am|is his|her ~2 " + enKin + "|executor|family|next",
		"he|she ~3 not|unable|never ~4 answer*|repl*|respond*|pick*|return*|pay|paying|talk*", "does|did he|she ~1 owe",
		// the one the messages are for
		"he|she ~3 one|who|person ~2 you ~4 messag*|text*|call*|writ*|contact*|chas*|look*|email*|ring*|want*|send*|sent|address*|ask*",
		"addressed|sent|written|meant ~2 to|for him|her", "he|she ~3 one|who|person ~3 with|on|has|had ~2 loan|account|card|debt|balance|name", "stop|quit ~3 calling|texting|messaging|writing|contacting|emailing|chasing|bothering him|her",
		"name|names on|of ~3 account|loan|card|letter|letters|bill|bills|envelope", "how much ~3 he|she ~1 owe|owed|owes",
		"in his|her|their name", "why ~3 calling|texting|messaging|contacting|writing",
		"calling|asking|looking|texting for him|her", "whose name ~3 account|loan|card|bill|debt", "who had|has|took|opened ~3 loan|account|card|debt", "let you know", "inform|informing|notify|notifying you|that", "please|kindly note", "for your records|information",
	}, zh: []string{
		"(是|系)(他|她)的~2(卡|账户|帐户|户口|号码|手机|电话|贷款|欠款|数|账)", "找的~3(人|那个人|那位)", "(请勿|勿|别|不要|不用)再来电",
		"(他|她)的~2(卡|债|账|欠款|贷款|手机|电话|号码|账户|帐户|钱|信用卡|借款|事)", "(号码|手机|电话|卡|账户|欠款|债)~3是(他|她)的", "这是(他|她)的",
		"我是(他|她)", "(他|她)的家属", "家属", "机主", "借款人", "要找的人", "特此", "(告知|通知)~2你们", "(没法|不能|无法|没办法)~3接~4(电话|信息|短信|消息)", "接不了~4电话",
		"(寄给|发给|打给|写给|寄到|发到|找的是)~2(他|她)", "(别|不要|不用)再(发|打|寄)",
		"(号码|卡|账户|帐户|户口|手机)的主人", "(号码|卡|账户|帐户|户口|手机)主人", "名下", "(卡|账户|帐户|户口|数)~3(是|系)(他|她)的",
	}},
	{intent: agent.IntentCancelPlan, neg: true, en: []string{
		"cancel|void|undo|scrap ~3 plan|arrangement|agreement|deal|that|it|this", "withdraw ~2 plan|agreement|arrangement",
		"changed|change my mind", "did not|never agree|agreed|accept|accepted ~2 to ~1 that|this|it|anything",
		"did not|never agree", "i take it back", "not what i agreed",
		"scratch|forget|drop|ditch|kill ~3 plan|arrangement|agreement|deal",
		"do not want ~3 plan|arrangement|agreement|deal",
		"never|not said|say ~3 want|wanted|chose|choose|picked|pick", "back out|pull out ~3 plan|arrangement|agreement|deal|of it|of this",
		"never|not said|say ~1 yes|ok|okay", "did not mean ~3 yes|that|it|agree|accept", "not what i meant",
		"second thoughts", "cancel|undo|scrap|reverse ~2 what|whatever ~4 agreed|agree|set|chose|picked|signed|accepted",
		// in Hindi in Latin letters, cancel or radd with a verb of doing
		// right after it: "cancel kar do", "radd karo", "cancel karna hai"
		"cancel|radd kar|karo|kardo|karde|kardijiye|karein|karna|kijiye|kare",
	}, zh: []string{"不是这个意思", "不是那个意思", "没说好", "没说同意", "没说行", "没说可以", "取消~3计划", "取消~3方案", "取消~3分期", "不算数", "反悔", "我没同意", "我没有同意", "我没答应", "我没有答应", "改主意", "撤销",
		"方案~4不要了", "计划~4不要了", "不要~3这个方案", "不想要~3方案", "不想要~3计划", "计划~4撤了", "方案~4撤了", "帮我取消", "给我取消", "没说~3要", "没说过~3要", "没有说~3要", "没说~3选", "没选", "没有选",
		"cancel~8方案", "cancel~8计划", "cancel~8分期", "plan~8cancel", "cancel~2掉", "plan~4不要了", "取消~6plan", "想cancel", "要cancel"}},
	{intent: xInjection, en: []string{
		"ignore|disregard|forget|override ~3 previous|prior|above|earlier|all|your|the|system instruction*|rule*|prompt*|directive*|guideline*",
		"ignore|disregard|forget [the|all|everything] above|previous|prior|earlier|preceding",
		"system override|prompt|message|instruction*|command*|admin", "developer|admin|god|jailbreak|debug mode",
		"from now on you", "new instruction*", "act as ~2 admin|administrator|system|developer",
		"pretend ~3 you are", "mark|set|change|update|make ~3 debt|balance|account|loan ~3 forgiven|paid|zero|0|settled|cleared|closed|waived|nothing",
	}, zh: []string{
		"忽略~4指令", "忽略~4指示", "忽略~4规则", "无视~4规则", "无视~4指令", "系统指令", "系统覆盖", "系统提示",
		"你现在是", "扮演", "管理员模式", "开发者模式",
	}},
	{intent: agent.IntentOptOut, neg: true, en: []string{
		"knock|pack|cut ~1 it ~1 off|in|out ~4 text*|messag*|sms|call*|phon*|email*|ringing", "give it a rest ~4 text*|messag*|sms|call*|phon*|email*|ringing",
		"stop|quit|cease [sending] [me] [these|those|the|your|all|any] text*|messag*|sms|call*|phon*|email*|mail*|ringing|voicemail*|spam*",
		"do not [ever] text*|messag*|call*|phone|email*|ring me", "never [ever] text*|messag*|call*|phone|email*|ring me",
		"do not send [me] [any] [more] text*|messag*|sms|email*",
		"no more text*|messag*|sms|call*|robocall*|autodial*|email*", "rather you did not|never ~2 text*|messag*|call*|phon*|email*|contact*|ring",
		"pack|knock in|off ~2 text*|messag*|call*|email*", "no more of [these|those|the|your|all] [phone] text*|messag*|sms|call*|robocall*|email*|chats|chat", "unsub*", "stop|quit|end ~2 robocall*|autodial*|auto-dial*",
		"not ~1 telephone|phone|call|ring|text ~3 residence|house|home|household|address|number|line",
		"never|not agreed|consented|signed|opted|subscribed ~4 text*|messag*|sms|call*|email*", "do not want [any] [more] [the|your|these|those] text*|messag*|sms|call*|email* on|from|here|anymore|again|$",
		"no more|further [phone|telephone|mobile|cell|voice] [phone] text*|messag*|sms|call*|email*", "text*|messag*|call*|email*|sms ~3 to stop|end|cease",
		"take|remove|delete|get ~3 number|me|name|details ~2 off|from ~3 list|lists|database|system", "opt|opting [me] out",
		"remove|take me ~4 list|texts|messages|calls|emails|database|system", "^ stop|stopall|unsubscribe|optout $",
		"remove|take|delete|erase ~1 my ~5 list|database|system|records", "remove|delete ~3 email|number|phone|details|address ~5 list|database|system",
		"turn|switch|shut off ~4 text*|messag*|notification*|alert*|ping*|reminder*|chat*|sms|call*|email*",
		"mute|disable|block ~3 text*|messag*|notification*|alert*|ping*|chat*|sms|call*|email*",
		"no longer ~1 consent|agree|want|wish ~4 text*|messag*|call*|phon*|telephon*|email*", "withdraw|withdrawing|revoke|revoking ~3 consent|permission",
		"can|could|would|will you [please] [just] not text*|call*|messag*|email*|ring|phone",
		"stop|quit|cease|end ~2 calls|texts|messages|emails|sms|voicemails",
		"cease|stop|quit|discontinue|discontinuing ~2 telephon*|phoning|ringing|calling|texting|messaging|emailing",
		// in Hindi, in Latin letters and Devanagari: "sms bhejna band karo"
		"sms|message|messages|msg|text|texts|call|calls|mail|email ~2 bhejna|bhejne|karna|karne ~2 band|bandh",
		"एसएमएस|sms|मैसेज|मेसेज|संदेश|कॉल|फोन ~3 भेजना|भेजने|करना|करने ~2 बंद",
		// told as an order: "msg band kar do", "call mat karo", "संदेश बंद कीजिए", "एसएमएस न भेजें"
		"sms|message|messages|msg|msgs|text|texts|call|calls|mail|email|calling|messaging ~2 band|bandh ~1 karo|kar|karein|karen|kijiye|kijie|kardo|krdo|kro",
		"sms|message|messages|msg|msgs|text|texts|call|calls|mail|email ~2 mat|na|mt ~1 bhejo|bhejiye|bhejna|bhejen|bhejein|karo|kijiye|kro|karna",
		"एसएमएस|मैसेज|मेसेज|संदेश|कॉल|फोन|sms|call ~2 बंद ~1 करो|करें|करे|कीजिए|कीजिये|कर",
		"एसएमएस|मैसेज|मेसेज|संदेश|कॉल|फोन|sms|call ~2 मत|न|ना ~1 भेजो|भेजें|भेजिए|भेजिये|भेजना|करो|करें|कीजिए|कीजिये|करना",
		"not wish|want|like ~3 receive|get|have ~4 text*|call*|email*|messag*|sms|phon*|telephon*|letters",
		"no longer wish|want|like ~3 receive|get|have ~4 text*|call*|email*|messag*|sms|phon*|telephon*|letters",
		"not want|wish|need ~3 more|further ~2 text*|call*|email*|messag*|sms|phon*|telephon*",
	}, zh: []string{
		"退订", "取消订阅", "拒收", "别再~4发", "别~2发短信", "别~2发消息", "别~2发信息", "别发了",
		"不要再~4发", "不要~2发短信", "不要~2发消息", "不要~2发信息", "不要~3发邮件",
		"别再~4打电话", "别~3打电话", "别打了", "别再打", "不要再~4打电话", "不要~3打电话", "不要再打",
		"停止~3短信", "停止~3发送", "停止~3电话", "停止~3邮件",
		"(不想|不要|别|不再|不愿)~4收到~6(短信|消息|信息|简讯|邮件)",
		"取消~4(订阅|简讯|短信|短讯|通知|推送|提醒)", "(关闭|关掉|关了|停止)~4(推送|通知|提醒)", "(别|不要)再推", "别推了",
		"(别|不要)~2(天天|每天|一天|老是|总是|一直|整天|成天)~6(打|发)", "(不要|别|请勿|停止)~3(致电|来电)",
		"(短信|短讯|简讯|消息|信息|电话|邮件|推送)~6(不要了|不想要|不需要|不想收|停了|停止)",
		"(删除|删掉|移除|删了)~8(号码|联系方式|邮箱|电话|名单|列表)", "(号码|联系方式|邮箱|名单|列表)~8(删除|删掉|移除)",
		"(别|不要)~3发dx", "(别|不要)在~6发", "(别|不要)再~4(打给我|打来)",
		"(别|不要|不用|请勿)再~6(拨|致电)", "(短信|简讯|消息|信息|讯息)~4(别|不要)~2(传|发)",
		"(不要|别|不用)再~3(call|send|text|sms)", "(电话|短信|简讯|消息|信息|讯息)~6(不要|别)再来", "(电话|短信)~2不用再(打|发)",
		"不用再~4(短信|电话|通知|打|发)", "(不要|别)再~10打给我",
		"(不要|别|不用|请勿)再~4(传|寄|推)", "(不想|不愿|不要|拒绝|不再)~4接到~10(电话|短信|消息|信息|来电|通知|邮件|简讯)", "拒接",
		"(别|不要|不用)再~10打电话", "(不要|别|不用)再~2(微信|whatsapp|wechat|line|sms|短信|信息|message|call|text)我",
		"拉黑", "(把我|将我|我的号码|号码|电话)~6(加入|拉入|列入|放进|加进|拉进|设为|设成)~2黑名单", "免打扰", "停发~4(短信|信息|消息|通知|推送|邮件|简讯)", "(短信|通知|推送|提醒|消息)~6给我关(了|掉)", "(电话|来电)~6(不会接|不接|一个都不想接|不想接)",
		"(停止|别再|不要再|请勿)~10(寄信|寄送|寄件|寄)", "(打|电话|来电)~10(不会接|不接的)", "(不要|别|勿)~6(任何|一切)~2(短信|信息|消息|邮件|简讯)",
		"(别|不要|不用)打~4(号码|手机|号)", "(别|不要)(老|总|再|一直|天天|总是|老是)往~8(发|打|寄)", "(封锁|屏蔽)", "(别|不要)再~6加我", "停(了|掉|止)~3(短信|短讯|简讯|推送)",
		"(轰炸|刷屏|骚扰)~10停", "名单~6(去掉|拿掉)", "(短信|简讯|短讯|推送|通知|邮件)~2取消", "^退$", "no more~4(短信|电话|信息|消息|邮件|推送|call)", "(delete|remove)~6(号码|电话|联系方式|手机号|邮箱)", "不要打了", "再~4发~8试试", "(不要|别)再用~8发", "我(不想|不愿|拒绝)~2接~4(电话|来电)", "请勿再~6发", "stop~4(发|打|短信|电话|信息|消息)",
		"(不要|别|不用|请勿)~4(电话|短信|微信|邮件|信息)~2联系我", "(短信|消息|信息|推送|电话|邮件|通知)~10(不想|不要)再(看到|收到|接到)", "不想再看到~6(短信|消息|信息|推送|通知)",
		"(推送|通知|提醒|短信|消息)~10(关掉|取消掉|退掉|停掉|屏蔽)", "不需要你们的~6(推送|短信|通知|提醒|电话|消息)", "不需要~2(推送|短信通知|短信提醒|提醒|通知)", "不接受~4(电话|短信|微信|信息|消息)", "(别|不要)往~8(发|打)", "(不再|不愿|不想|拒绝)~4(接收|接受|收到|收)~10(邮件|短信|电话|消息|信息|通知|简讯|来电)",
	}},
	{intent: agent.IntentCease, neg: true, en: []string{
		"cease and desist", "cease ~2 contact*|communicat*|writing", "stop|quit ~2 contacting|contact|communicating|communication*|harass*|bother*|hounding",
		"stop|quit|cease ~2 writing|reaching|chasing|pestering|pursuing|hassling|badgering",
		"every|all|any kind|kinds|form|forms|type|types|sort|sorts|means of contact|communication*",
		"end|stop|cease|halt|terminate ~3 all|every contact|communication*",
		"every|all|any ~3 contact*|communication*|correspondence ~5 end|stop|cease|halt",
		"do|never not contact me", "never contact me", "no more contact", "leave me alone",
		"do not want ~3 contact|communication*", "do not want ~3 hear from you",
		// without a verb of stopping: contact cut off, never again, forbidden
		"cut|cutting|sever|severing|break|breaking ~3 all|every|any ~3 contact*|communication*|ties",
		"not|never [ever] [to] [get] [in] contact|contacting|communicate|communicating|reach|reaching|write|writing|touch ~4 me|us ~4 again|further|anymore|ever|whatsoever",
		"you|they are not to ~3 contact|communicate|reach|touch", "no further ~2 contact*|communication*|correspondence",
		"not|no ~1 consent ~4 contact*|communication*", "all|any ~2 contact|communication* ~6 stop|end|cease|halt",
		"no wish|desire ~3 communicate|communicating|correspond*|contact", "not wish|want ~2 communicate|communicating|correspond* ~3 further|anymore|again",
		"not want ~2 be contacted", "never|not ~1 reach out ~2 again|anymore",
	}, zh: []string{
		"不要再联系", "不要联系我", "别再联系", "别联系我", "停止~3联系", "停止催收", "不要再~2骚扰", "别再~2骚扰", "别骚扰",
		"不要骚扰", "别烦我", "不要再找我", "别再找我",
		"(不要|别)再~10找我", "任何方式~4(联系|找|打扰)", "(不要|别)~4用任何方式", "(别|不要)再~4(追|催|逼)",
		"(别|不要)再~4(跟我|和我|给我)~2(说|提|讲)", "(别|不要)再提", "从我的生活~4消失", "(你们|你)~8消失",
		"(不想|不要)再收到", "(别|不要)再cue", "停止~3(催收|打扰)", "(以后|从此)~6(不要|别)~4(联系|找|打扰)",
		"(断绝|断掉|断了|切断|终止|中止|中断|停掉|停止)~10(联系|来往|往来)", "(一切|所有|全部|任何)~4联系~6(停|断|终止|中止|不要|取消)",
		"(不想|不要|不愿|拒绝)~8(任何|一切)~4(来往|往来|联系|沟通|催收)", "停止~20(任何形式|一切)~4联系",
		"不会再~8(沟通|回复|回任何)", "(别|不要)再~12骚扰", "(不要|别)再~12联系我", "停止~4(追讨|追债|追收)",
		"(任何|一切)消息~6不想再(听到|收到)",
		"停止~10(催收|催讨|催缴|追讨|追债|骚扰|打扰)", "(终止|中止|停掉|结束)~8(催收|催讨|追讨|追债)",
		"(不许|不准|禁止|严禁)~8(联系|找我|打扰|骚扰|催)", "(别|不要)再~4(缠|纠缠|打扰)", "停催", "(催收|联系|沟通|往来|追讨)~4到此为止", "任何形式~6(联系|接触|打扰|骚扰|催收|追收)",
		"停止~20任何~4(联系|接触|追收|追讨|催收)", "停止~12追收", "拒绝~16(沟通|接触)", "不接受~8(任何|一切)~4(联系|沟通|催收)", "一律(别|不要|勿|不准)~4(联系|找|打)",
		"(永远|再也)~2(别|不要)~4(找|联系|来)", "(别|不要|不再)~6任何~2(往来|来往|联系|接触|瓜葛)", "当没我这个人", "(催收|骚扰|电话|短信)~10请停止",
		"(不打算|不想|不会)再~8(沟通|打交道)", "(不想|不要)再~8(听到|收到)~10(任何|一切)", "stop~8(collection|contact|联系|催收)", "(别|不要)再~10打扰", "(别|不要)联系了", "(不要|别)再(跟|和|同)我联系", "都(别|不要)来了", "(不要|别)再~2contact", "(别|不要)再~8烦", "(别|不要)~4烦我", "都(别|不要)~2找我", "(不想|不要)再~2(听到|收到)~10(任何|一切)", "拒绝~16(催收|联系)", "(你们|你)~2(别|不要)~2找我",
	}},
	{intent: agent.IntentAttorney, neg: true, en: []string{
		"my|our ~2 lawyer*|attorney*|solicitor*|counsel|advocate|barrister*|vakil|atty",
		"lawyer*|attorney*|solicitor*|counsel|advocate|barrister*|vakil|atty ~3 appointed|engaged|retained|instructed|hired",
		"lawyer*|attorney*|solicitor*|counsel|barrister*|atty ~3 dealing|handling ~2 my|this ~1 case|matter|account|debt",
		"legal representative*|counsel", "represent|represents|representing ~2 me|us|my", "lawyer*|attorney*|solicitor*|counsel|firm ~4 acting|represent*",
		"law firm|office|clinic|school|centre|center ~4 represent*|handling|handles|handle|acting|dealing",
		"lawyer*|attorney*|solicitor* is|are|will ~2 handl*|deal*|represent*",
		"represented by", "legal representation", "public defender*", "legal aid ~4 case|represent*|handl*|took|taking|lawyer|solicitor",
		"hired|retained|got|have|getting|engaged|instructed ~2 lawyer*|attorney*|solicitor*|counsel|advocate*",
		// in Devanagari: "meri vakil", an advocate to be spoken to
		"मेरा|मेरी|मेरे|हमारा|हमारी|हमारे ~2 वकील|एडवोकेट|अधिवक्ता", "वकील|एडवोकेट|अधिवक्ता ~8 बात|संपर्क",
	}, zh: []string{
		"我的律师", "我们的律师", "代理律师", "我的~2律师是", "律师会", "律师处理", "律师联系", "请了~2律师", "找了~2律师", "委托~3律师", "有律师", "聘请~2律师",
		"我律师", "我们律师", "律师~4(电话|微信|联系方式|号码|邮箱|地址)", "律师~4会~6(联系|打|找|处理|跟进|对接)",
		"我的(attorney|lawyer|solicitor)", "(attorney|lawyer|solicitor)会",
		"有~2(attorney|lawyer|solicitor)了", "(指派|安排|派)~4律师", "律师~4(叫我|让我|建议我)~4(不要|别)", "(给|交给)~2律(师|所)了", "交~3给~2律(师|所)",
		"(请|找)~2律师了", "已经~4(请|找|委托|聘)~4律师",
		"律师~12代表(我|本人)", "律师已~2(就位|上线|介入|接手)", "律师~4介入", "律师~10会~6回复", "(lawyer|attorney)的~4(email|电话|邮箱|联系)", "(请了|找了|聘了|委托了)~12的律师",
		"我(lawyer|attorney)", "由(他|她)~2(代理|全权处理|负责处理)", "(他|她)~2代理我", "^律(师|所)$", "^找律(师|所)$", "代表律师", "律师~4在(处理|跟进|负责|办|代理)", "律师~6(跟进|接手)", "已~2(请|聘|委托|委聘)~2律师", "委聘~4律师",
		"律(师|所)~12(找他|跟他|联系他|同他|和他|找她|跟她|同她|找他们)", "我的(代理人|法律顾问)", "(法务|法律顾问|法律援助)~6(代理|处理|负责)", "(直接|请)~2(联系|找)~6律(师|所)",
		"我(有|的)~2(lawyer|attorney|solicitor)", "(hire|hired)~4(律师|lawyer)", "律(师|所)~10发函", "律师~4(发函|去函|寄函)", "(让|叫)~2律师~8(对接|联系|沟通|处理|谈|跟进)", "代表(我|本人)的律师", "(请了|找了|委托了|聘请了|聘了|委托)~2(lawyer|attorney|solicitor)", "律所~6(接手|代理|处理|负责|全权)", "律师~4(接手|代理|全权)", "(交给|交由|委任|委托)~8律(师|所)",
	}},
	{intent: xLawyerFriend, en: []string{
		"lawyer*|attorney*|solicitor* friend|friends|buddy|mate|pal|neighbor|neighbour|colleague|cousin|brother|sister|uncle|aunt",
		"friend|cousin|brother|sister|uncle|aunt|neighbor|neighbour|colleague|dad|father|mother|mom|mum|son|daughter|wife|husband|partner ~2 is|was|'s a|an ~1 lawyer|attorney|solicitor",
	}, zh: []string{
		"律师(朋友|同学|亲戚|邻居|同事)", "(朋友|同学|表哥|表姐|表弟|表妹|堂哥|堂姐|亲戚|邻居|同事|舅舅|叔叔|姑姑|阿姨|" + zhKin + ")~3是~2律师", "当律师的",
	}},
	{intent: agent.IntentBankruptcy, neg: true, en: []string{
		"bankrupt*", "chapter 7|13|seven|thirteen", "ch|chap|chpt|chapt 7|13|seven|thirteen ~4 bk|filed|file|filing|trustee|stay|case|discharge|discharged|bankruptcy|petition",
		"filed|file|filing|declared|in ~3 ch|chap|chpt|chapt 7|13|seven|thirteen", "filed|file|filing|declared ~3 bk", "bk ~4 filed|trustee|discharge|discharged|petition|case|attorney|lawyer", "automatic stay", "insolven*", "iva", "debt relief order", "sequestration",
		"sequestrat*", "trustee", "dro", "individual voluntary arrangement", "dewaliya|diwaliya|divaliya",
	}, zh: []string{"破产", "更生", "自愿安排", "法院~6管理人", "(申请|声请)~6清算", "(做紧|在做|做了|申请了|已经|进入|签了)~2iva", "清算程序", "债务~4清理", "清算中", "法院~8清算", "破了产"}},
	{intent: xBankruptMaybe, en: []string{
		"think|thinking|thought|consider|considering|contemplat*|might|may|could|should|maybe|possibly|perhaps|plan|planning|about|want|wanna|need|whether|if|options|advice|look|looking ~4 bankrupt*|insolven*|iva|chapter",
		"bankrupt*|insolven* ~3 option|options|help|work|worth|advice|an option",
		"to declare|file|go ~3 bankrupt*|insolven*|chapter",
		"bankrupt*|insolven*|chapter|iva|dro ~6 only|last option|resort|way|choice|hope", "only|last option|resort|way|choice ~6 bankrupt*|insolven*|chapter|iva|dro",
		"will|would|shall ~3 declare|file|apply|go ~3 bankrupt*|insolven*|chapter|iva|dro",
		"read|reading|researching|research|learning|learn|looked|googl* ~4 bankrupt*|insolven*|chapter|iva|dro",
		"suggest*|mention*|recommend*|advis* ~6 bankrupt*|insolven*|chapter|iva|dro|debt", "told me about ~6 bankrupt*|insolven*|chapter|iva|dro|debt",
		"consult*|appointment|meeting|talk*|speak*|discuss* ~6 bankrupt*|insolven*|chapter|iva|dro",
		"bankrupt* attorney*|lawyer*|solicitor*|advice|adviser|advisor|counsel*",
		"probably|likely|leaning|lean|towards ~3 bankrupt*|insolven*|chapter", "apply|applying ~3 bankrupt*|dro|iva|chapter|insolven*",
		"not|never ~3 filed|decided|applied|declared", "soch|sochna|sochta|sochti",
		"bankrupt*|insolven*|chapter ~6 possibility|possible|likely|looming|inevitable|table|cards|horizon|realistic",
		"if|when|once|whether ~6 file|filing|declare|declaring|go|going ~4 bankrupt*|insolven*|chapter",
		"end|wind ~1 up ~3 filing|declaring|going|bankrupt*", "watch me ~3 file|filing|declare|declaring|go|going ~3 bankrupt*|chapter|insolven*",
		// Asked about: what it would do to the debt, whether to.
		"would|could|does|will ~3 bankrupt*|bankruptcy|chapter|insolven* ~6 wipe|clear|erase|cancel|discharge|remove|stop|help|rid",
		"would|could|will ~2 declaring|filing|going ~3 bankrupt*|bankruptcy|chapter|insolven* ~6 wipe|clear|erase|cancel|discharge|remove|stop|help|rid",
		"is|would|could ~2 bankruptcy|chapter ~3 #|7|13 ~4 good|right|best|bad|smart ~1 idea|option|move|choice",
		"is|would|could ~2 bankruptcy|chapter ~4 good|right|best|bad|smart ~1 idea|option|move|choice",
		"should|shall ~2 i|we ~3 declare|file|go|apply ~3 bankrupt*|bankruptcy|chapter|insolven*",
	}, zh: []string{
		"(是不是|是否|要不要|应不应)~6(破产|更生)", "(谂紧|想紧|在想)~6(破产|更生)", "(破产|更生)~6(会不会|能不能|可不可以|好不好|会好)",
		"考虑~4破产", "想~4破产", "打算~4破产", "准备~4破产", "可能~4破产", "要不要~4破产", "建议~6破产", "会不会~4破产",
		"是否~4破产", "能不能~4破产", "能否~4破产", "如果~4破产", "该不该~4破产", "还在想", "还没决定",
		"就~4(申请|去)~4(破产|更生)", "(要是|如果|假如|万一|实在不行|不行的话|的话)~10(破产|更生)", "只能~4(破产|更生)",
		"(拟|计划|准备|打算|考虑|研究|了解|咨询|打听|听说|想想|在想|看看|看紧|琢磨|寻思|盘算|思考)~10(破产|更生)",
		"只剩~6(破产|更生)", "(破产|更生)~10(办法|出路|一条路|这条路|路子)",
		"(破产|更生)~10(最后|选择|可能性|还没|好不好|哪个好|边个好|流程|条件)", "还没~4(申请|去)", "(去|到)法院~4(问|咨询)", "要不要~6(破产|更生)", "评估",
		"(考虑|打算|准备|在想|评估|研究|想)~6(file|declare|bankrupt|chapter|iva)", "(不至于|没到|还没到|不到)~4(破产|清算)",
	}},
	{intent: xPoorEnglish, en: []string{
		"not my first|native|main language", "english ~3 poor|bad|weak|limited|broken", "english ~2 not|no ~2 good|great|strong|fluent",
	}},
	{intent: xNotFollowing, en: []string{
		"not|never|hardly understand|understanding|follow|following", "confus*", "struggl*", "simple|simply|simpler|slowly|easy|easier",
	}},
	{intent: xBankruptOther, en: []string{
		"employer|company|firm|boss|workplace|factory|shop|store|restaurant|landlord|plant|mill|bank|lender ~6 went|gone|go|going|is|was|has|had|declared|filed ~3 bankrupt*|bust|under|insolven*|chapter",
		// A figure of speech for being short of money ("practically
		// bankrupt till payday", 穷得快破产了) is hardship, not a filing.
		enBrokeFigure, enBrokeFigureMuch,
	}, zh: []string{"(公司|厂|工厂|单位|老板|雇主|店|企业|东家|银行)~6(破产|倒闭)", zhBrokeFigure, zhBrokeFigureNear}},
	// A filing inside an "if" ("what if I went bankrupt", "if I filed
	// next month") is weighed, never filed, whatever tense it is in.
	{intent: xBankruptHypo, en: []string{
		"if|whether|suppose|supposing ~3 i|we ~2 went|go|filed|file|declared|declare|were|became ~2 bankrupt*|insolven*|chapter",
	}},
	{intent: xBankruptFiled, neg: true, en: []string{
		"filed|declared|went|gone|discharged|already|currently ~3 bankrupt*|insolven*|chapter|iva",
		"was|were|been|got made|declared bankrupt", "in|under chapter 7|13|seven|thirteen", "bankruptcy order|trustee|petition|case number",
		"official receiver", "had to ~3 bankrupt*|insolven*|chapter", "petition|case|filing|application ~3 was|been|got|has ~1 filed|submitted|accepted|approved|opened", "going through ~2 bankrupt*|insolven*|chapter",
		"sequestrat*", "trustee", "entered ~3 iva|arrangement|bankrupt*|insolven*", "discharged",
	}, zh: []string{"已经~6破产", "已~4破产", "申请了~4破产", "被宣告破产", "受理", "破产程序中", "清算程序", "债务~4清理", "清算中", "法院~8清算", "(已经|已|早就)~2破了产", "破产~4(申请|案)~4(已|提交|受理|批)", "(正在|在)办理~2破产", "进入破产程序", "破产管理人",
		"宣告破产", "(裁定|判决|宣告)~4破产", "(做紧|在做|做了|申请了|签了)~2iva", "进入~4(更生|清算|破产)", "管理人", "代名人", "已获~4批准", "已经~6更生", "已~4更生"}},
	{intent: agent.IntentDispute, neg: true, en: []string{
		"disput*", "not [even] my debt|account|loan|bill|card|money|balance|responsibility|signature",
		"is|was not mine", "not mine $", "do|did not owe", "never owe|owed|borrowed|opened|signed|had",
		"did not borrow|open|sign|take|authori*", "owe nothing", "owe you nothing", "owe no money",
		"already paid|settled|cleared|repaid", "paid ~3 already", "paid ~2 off ~2 ago|already|last", "paid ~3 in full|off ~4 ago|back|last|before|#", "have|got ~3 receipt*",
		"wrong amount|balance", "not the right amount", "is|was a mistake|error", "by mistake", "fraud*",
		"identity theft", "stolen identity", "never heard of", "validat* ~2 debt|letter|notice", "proof ~3 owe|debt",
		"prove ~3 owe|debt|mine", "verification|validation letter|notice",
		"proof|prove|proving|paperwork|documents ~6 mine|owe", "proof|prove|proving|paperwork|documents ~6 my ~2 debt|loan|card|account",
		"debt|account|this|it ~2 validated|verified ~4 before", "who says ~2 i|we owe",
		"not ~3 i ~1 ever ~1 signed|agreed", "anything|nothing i ~1 ever ~1 signed|agreed",
		"amount|balance|debt|bill|total is|seems|looks wrong|incorrect|inflated|inaccurate",
		"not responsible for", "do not recogni*", "not recogni*",
		"never ~2 borrowed|applied|signed|opened|authori*|ordered|bought|purchased|took|used", "do|did|does not believe|think ~3 owe|mine",
		"deny|denying|contest|contesting|challenge|challenging ~4 debt|owing|owe|mine|balance|amount|charge*",
		"be ~3 mistake|error|mixup|mistaken", "does|do not add up",
		"amount|balance|debt|bill|total|figure|number|sum|interest|charges|fees|statement ~4 wrong|incorrect|inflated|inaccurate|exaggerated|padded|bogus", "is|are|seems|looks ~2 way|far|totally|completely|wildly off",
		"ex|former ~2 husband|wife|partner|boyfriend|girlfriend|spouse ~6 debt|loan|borrowed|card|account|took|signed",
		"charging|charged|billed|collecting ~4 twice|double", "double charg*|billed", "was|been closed", "nothing ~2 outstanding|pending|owing|owed|due",
		"settled|cleared|repaid ~4 ago|last|back|#", "settlement was|is|has ~1 done|completed|finished|paid", "paid most|half|nearly|almost",
		"identity|id ~2 stolen|theft|fraud*|misused", "used|stole|stolen|misused|cloned my|the ~1 name|details|identity|id|documents|info|information|aadhaar|pan|ssn",
		"not the borrower|debtor|applicant", "fake|bogus|fabricated loan|debt|account|bill|charge*|app",
		"illegal|unlawful|usur* ~3 interest|lending|charges|loan|fees", "interest|charges ~4 illegal|unlawful", "interest|charges ~4 legal limit|cap",
		"only borrowed|took|got|received ~2 #", "is|was his|her|their debt|loan|responsibility",
		// a loan closed early (foreclosed, pre-closed), or a closure paper
		// held: "I foreclosed it in June", "I have the NOC", "no dues
		// certificate", "mere paas NOC hai"
		"foreclosed|preclosed ~3 loan|account|it|this|that", "pre ~1 closed ~3 loan|account|it|this|that",
		"have|got|had|received|issued|gave|hold|holding|paas ~4 noc", "noc ~2 hai|he|mila|mil|received|issued",
		"have|got|had|received|issued|gave|hold|holding ~5 closure|clearance|dues letter|certificate",
		// how the figure was reached or what was signed asked for, or
		// payment held until it is shown: the debt is questioned
		"how ~3 came|come|arrived|got|get|reached|worked|calculated|computed|figured ~3 figure|number|amount|balance|total|sum",
		"how ~4 figure|number|amount|balance|total|sum ~2 was|is|were ~1 calculated|computed|reached|worked|arrived|figured",
		"that|whether|if i ~2 actually|ever|really signed|agreed", "what|anything i ~2 actually|ever|really signed",
		"not pay|paying ~6 until|before|till ~6 see|seen|shown|show|send|sent|proof|paperwork|statement|documents",
		"nothing|not ~3 paid|pay ~4 until|before|till ~6 see|seen|shown|show|send|sent|proof|paperwork|statement|documents",
		"statement|paperwork|breakdown ~6 explains|explaining|shows|showing ~3 amount|figure|balance|total|number",
		// the paperwork demanded before any talk or payment: "send the
		// contract first, only then we talk", "statement bhejo, tabhi baat
		// karenge", "uske baad hi payment hoga"
		enDocs + " ~8 tabhi|tabhee", enDocs + " ~8 tab hi", enDocs + " ~8 only then|after", enDocs + " ~8 then only",
		enDocs + " ~8 uske|iske|jiske baad hi", enDocs + " ~8 after that only",
		// held until a breakdown or a paper comes, in Hindi: "jab tak breakup nahi milta, ek rupaya nahi dunga"
		"breakup|break-up|breakdown|" + enDocs + " ~8 nahi|nahin ~2 milta|mile|milega|milti|aata|aati|bheja|bhejte ~10 nahi|nahin ~3 will|pay|bharunga|bharungi|payment",
		"jab|jabtak ~1 by ~8 breakup|break-up|breakdown|" + enDocs + " ~3 nahi|nahin ~2 milta|mile|milega|milti|aata|aati|bheja|bhejte|dete|dikhate",
		"section|s 78", "true copy ~4 agreement|contract",
		// goods sent back, and a bill that should not stand
		"sent|took|posted|returned|went ~4 back ~8 within|inside|days|proof|postage|refund|seller|shop|store|retailer|ago",
		"returned ~4 within|inside ~3 days", "proof of postage|return|returns",
		"should|ought not ~3 be on ~2 account|bill|statement|record",
		// run up by a partner who controlled the money
		"ex|former ~3 ran|run|racked|rack|maxed|opened ~3 up|this|it|account|card", "in my name ~12 controlled|controlling|control|coercive",
		"controlled|control|controlling ~6 money|finances|penny|pennies|account|cards", "higher|more|bigger|larger than ~4 owed|owe|borrowed|took|agreed", "where ~3 # ~3 come|coming from",
		// what the debt paid for failed: work botched and not put right,
		// goods or a system never delivered or installed
		"shoddy|botched|bodged|faulty|defective|substandard|dodgy ~1 work|job|service|product|goods|repair|repairs|installation|workmanship|item|unit|parts",
		"not|never ~2 pay|paying ~4 shoddy|botched|bodged|faulty|defective|substandard|dodgy|broken|unfinished|poor|bad ~1 work|job|service|product|goods|repair|repairs|installation|workmanship",
		"they|company|clinic|shop|seller|dentist|installer|contractor|store|garage|builder|builders|mechanic|retailer|dealer|dealership|firm ~3 not|never|refus* ~2 redo|fix|repair|replace|refund|honor|honour",
		"cracked|snapped|leaked|leaking|shattered ~3 week|weeks|days|day|month|months ~1 after|later", "cracked|snapped|leaked|shattered|stopped working ~2 after|within ~2 week|weeks|days|day|month|months",
		"never ~3 delivered|installed|hooked|connected|fitted|shipped|activated|commissioned|finished", "not ~2 delivered|installed|hooked|fitted|shipped|commissioned",
		// an insurer that should have paid it
		"insurance|insurer|insurers|medicare|medicaid ~6 should|supposed|meant ~4 cover|covered|pay|paid",
		"should|supposed|meant ~4 covered|paid ~3 by ~2 insurance|insurer|insurers|medicare|medicaid", "explanation of benefits", "eob|eobs",
		// the collateral already taken back and sold
		"repossess*|seized|impounded ~8 sold|auction*", "sold|auctioned ~4 at|in ~1 auction", "auctioned|auction ~2 off|ho|hua|kar|kiya|done|already",
		"neelam|nilaam|nilam|neelaam ~3 ho|kar|kiya|hua|gaya|gayi|di|diya", "नीलाम|नीलामी",
	}, zh: []string{
		"不是我的~2欠", "不是我的~1债", "不是我的~1钱", "不是我的~1账", "不是我的~1贷", "不是我欠", "我没欠", "我不欠", "没有欠",
		"已经还过", "已经还了$", "已经还了(啊|呀|啦|的|呢|吧|嘛|,|。|!|?|钱|款|这|那|你们|给你们|全|所有|很久)", "已经还清", "(早就|已经|早已|都)~2(还清|还完|缴清|付清|还上|交清|缴完)", "(早就|早已)~2结清", "早就还了", "早还了", "还过了", "异议", "争议", "搞错了", "弄错了",
		"不认这", "不认可", "我不认$", "我不认账", "我不认的", "我不认了", "不承认", "没借过", "我没借", "从来没借", "被盗用", "冒用", "冒名",
		"不是~2(我|本人)~2(借|办|申请|签|刷|消费|欠)", "(从来|从未|根本)没~4(借|办|申请|消费|刷|用|签|贷)", "没有~2(消费|申请|办)过",
		"(身份证|身份|证件|信息|名字|资料)~4(冒用|盗用|被盗|被人|拿去|盗刷|泄露)", "被人~6(办|借|申请|贷)", "盗刷",
		"(算错|计错|记错|多算|多收|乱收|重复收|重复扣)", "(金额|数目|数字|余额|账目|利息|记录|欠款|amount|数)~4(不对|有误|错了|错误|离谱)",
		"(利息|费用|收费)~6(超过|超出|违法|不合法)", "高利贷", "砍头息", "凭什么~6欠", "(拿出|出示)~3(证据|凭证|合同)",
		"(前夫|前妻|前男友|前女友|别人|他人)~3借的", "(跟|和|与)我~2(没关系|没有关系|无关)", "不是借款人", "担保人",
		"明明~4还", "不予~2(认可|承认|确认|认)", "(这辈子|一辈子|压根|从来|从未|根本)~4没~8(借|签|办|申请|贷)", "(数|钱|债|账|欠款|贷款|这笔|那笔|loan|debt|account|卡|账单|合同)~4不是我的",
		"从没~4(借|签|贷)", "从没~4(办|申请)~4(贷款|借款|卡|这笔|这个|网贷|你们)", "(没|没有)(签|借|贷)过", "(没|没有)(办|申请)过~4(贷款|借款|卡|这笔|这个|网贷|你们|合同)",
		"(早就|已经|早已|早|都)~2还晒", "还晒(了|啦|喇)", "(上个月|上月|去年|前年|早前|上周|上礼拜|上星期|月前)~4(就|已经|已|都|早)~2(还清|还完|结清|付清|缴清|还晒)",
		"我(已经|已|早)~2结清", "(已经|已)结清了", "(收费|费用|利息|金额|扣款|罚息|违约金)~4不合理", "多扣", "乱扣", "(已|已经)~10(清偿|偿还完毕|还款完毕)", "(已经|已)~10协商结清", "套路贷", "(没有|没|未)~2授权过", "未经~4授权", "没~2(authorize|authorise)",
		"不是我的~1帐", "(早就|已经|都)~6还~8(为什么|怎么)~6逾期", "不关我~2事", "冒我~2名", "(已经|早就)给了$", "(已经|早就)给了钱", "(已经|早就)给了~2(喇|啦)", "(一分|一分钱|一毛钱|一毛)~3(没欠|不欠)", "哪里欠~4钱", "什么时候借过",
		"已(还清|还完|缴清|付清|结清)", "没~8(开过户|注册过)", "不是我~2(注册|开)的", "(从来|根本)没有~4(这个|这笔)~2(loan|贷款|借款|账户|卡)", "只借~6(怎么|为什么|为何|点解)",
		"重复催收", "没入帐", "(已经|早就)~2paid", "(balance|amount)~4(错|不对)", "(都还了|已经还|还了)~10(显示|说|算)~4逾期", "(没有|没|从没|从未)(跟|向|和|在|问)~6借过",
		"别人用我~6(借|贷|办|申请)", "用我的名义", "有人(拿|用)我~10(借|贷|办|申请)", "瞒着我~4(借|贷|办)", "(卡|账户|账号)~4(早就|已经|早已)~2(注销|停掉|销户)", "(这笔|这个账|这个贷款)~4不认识",
		"(跟|和|与)本人~2(没关系|无关)", "从未~8(借|贷|申请|签)", "乱算", "算到我头上", "(计|算|收|扣)多了", "(没有|没)印象", "(账|账单|帐|数|金额|数目)~6(不对|不啱|对不上|不符|不一样)",
		"(保险|insurance|医保|保险公司|insurer)~6(应该|应当|本该|本来|该)~4(cover|赔|付|报销|承担|覆盖)", "(保险|医保)~4(应该|本该|本来|该)~2(赔|报销|承担)", "没入账", "没有入账", "(账|账单|金额|数目|欠款|这笔)~4有问题", "(根本|压根|完全|从来)~2不知道~4(这笔|有这笔|这个贷款|这个借款|这个欠款|什么贷款|什么借款|什么欠款|这个债)", "算不(清|对)", "不(认识|识)~2(你们公司|这家公司|这个公司|你们这家|这个平台|你们平台)",
	}},
	{intent: agent.IntentRequestHuman, neg: true, en: []string{
		// A debt adviser acting for the borrower: a person deals with them.
		"debt management plan|programme|program", "on|in|got|have|with a|an|my dmp", "^ dmp", "dmp $",
		"stepchange|payplan|debtline|nfcc|adviser|advisor|counsellor|counselor|charity ~4 handling|handles|dealing|deals|managing|manages|acting|sorting",
		"managed|handled ~2 by ~3 stepchange|payplan|debtline|nfcc|adviser|advisor|counsellor|counselor|charity",
		"talk|speak|deal|go|write ~2 to|with|through ~2 my ~2 adviser|advisor|counsellor|counselor|practitioner",
		"want|need|get|speak|talk|chat|connect|transfer|put|prefer|like|rather|escalate ~4 person|human|someone|somebody|agent|representative|rep|manager|supervisor|operator|people|advisor|adviser|staff",
		"^ [please] agent|human|representative|rep|operator|person|someone|manager|supervisor [please] $",
		"customer service|support|care", "live agent|person|chat", "complain*", "complaint*", "report you", "reporting|reported you", "dfpi|ftc|fca|ombudsman|regulator",
		"power of attorney", "poa", "deputyship", "conservator|conservatorship",
		"cfpb|ombudsman", "call|calling the police|cops",
		// in Hindi in Latin letters: "manager se baat karao", "kisi insaan se baat karni hai"
		"manager|insaan|insan|aadmi|admi|banda|person|human|supervisor|senior|officer|adhikari|agent ~2 se baat",
		"इंसान|इन्सान|आदमी|व्यक्ति|अधिकारी|मैनेजर|सीनियर|एजेंट ~2 से ~1 बात", "talk|speak|chat|get|give|connect|transfer|put|need|want ~4 real|actual|live ~1 human|person|people",
		"pass|put|hand|send|refer me ~2 to|on|through ~2 someone|somebody|person|human|team|manager|supervisor", "escalate|escalating|escalation",
		// threats or abuse by the collector's staff: a complaint for a person
		"dhamki*|dhamka*|gaali|gali ~2 di|de|dete|diya|diye", "dhamki*|dhamka*",
		"agent|guy|man|collector|people|staff|officer ~8 threaten*|abus*|intimidat*|insult*|misbehav*",
	}, zh: []string{
		"(催收|上门|你们的人|你们~2员工)~8(威胁|恐吓|辱骂|骂人|骂我|吓唬)",
		"转人工", "人工客服", "人工服务", "找人工", "要人工", "接人工", "转接人工", "让人工", "请人工", "人工介入", "人工来", "人工处理", "人工帮", "要~2真人", "找~2真人", "和真人", "跟真人",
		"真人客服", "找客服", "转客服", "客服电话", "投诉", "报警", "跟~4经理", "跟~4主管", "跟~4领导", "跟~4负责人",
		"找~4经理", "找~4主管", "找~4领导", "找~4负责人", "和~4经理", "叫~4经理",
		"(不想|不要|不愿)~4(跟|和|同)~2机器人", "换个人", "换~2真人", "有没有人工", "人工呢", "^人工$", "叫~4(领导|上级|主管|负责人)", "让真人", "接线员", "坐席", "同真人", "安排~4人工", "转~2真人", "(跟|和|找|要|转)~4客服",
	}},
	{intent: xWrongNumber, neg: true, en: []string{
		"wrong number", "no one by|named|called that name", "nobody by|named|called that name", "does not live here",
		"he|she ~3 not|never ~2 lived|live|living|lives ~3 here|address|house|home|place", "he|she ~2 moved out",
		"never|not heard of ~1 him|her|them|person|woman|man|guy|lady|name|anyone",
		"do not know ~2 him|her|anyone|person|woman|man|guy|lady", "do not know who that|this|he|she is",
		"do not know any|anybody|anyone|a|an ~1 named|called", "do not know any *",
		"only|just|recently ~3 got|bought|have|had ~3 this|the|a ~2 number|phone|sim", "this ~2 been my number since", "new owner ~3 number|phone",
	}, zh: []string{"不认识~2(什么|这个人|此人|这人|叫|这位|那个人|那个|名字)", "打错了", "发错了", "不是本人$", "不是本人的(号码|电话|手机)", "没有这个人", "他不在", "她不在"}},
	{intent: xWrongPerson, neg: true, en: []string{"wrong person|persn|guy|man|woman|individual|party"},
		zh: []string{"(找|搞|弄|认)错(人|对象)"}},
	{intent: agent.IntentHardship, neg: true, en: []string{
		enBrokeFigure, enBrokeFigureMuch,
		"lost|lose|losing ~2 job|jobs|work|income|house|home|husband|wife|partner|mother|father|mom|dad|son|daughter|child|baby|brother|sister",
		"laid off", "layoff*", "fired", "sacked", "unemploy*", "out of work", "no job|income|work|wages",
		"redundan*", "furlough*", "hours ~3 cut|reduced|slashed", "reduced|cut|fewer ~2 hours|pay|wages|salary",
		"pay|salary|wage cut", "am|was|been|got|get|getting|fell|very|really|seriously|chronically|terminally sick|ill",
		"sick ~2 child|kid|son|daughter|husband|wife|mother|father|mom|dad|baby", "illness", "hospital*", "cancer", "surgery", "disabled|disability",
		"injur*", "medical|hospital|doctor bills|expenses|debt|costs", "chemo*", "passed away", "died|death|funeral|bereave*|widow*|deceased",
		"divorc*", "separated", "separation", "struggl*", "hardship", "financial difficult*|trouble|problems",
		"broke", "evict*", "homeless", "cost of living", "universal credit", "on benefits", "low|fixed income",
		"no money", "nothing ~1 left|leftover", "tight on money", "money is tight", "make ends meet", "help|assistance ~2 paying", "can not keep up",
		"do not have ~2 money|cash|funds|income", "signed ~1 me ~1 off ~2 sick|work", "signed off ~2 sick|work", "walked out on ~1 me|us",
		"naukri ~2 chali|gayi|chhut|chut|nahi", "salary nahi|nahin",
		"नौकरी ~2 चली|छूट|छुट|गई|गयी|नहीं|नही", "काम ~1 छूट|छुट|चला", "तनख्वाह|सैलरी ~2 नहीं|नही|बंद",
		// a home lost, to fire or to eviction, and a roof borrowed
		"lost everything", "fire ~6 flat|apartment|house|home|building|place|everything", "house|flat|apartment|home|building|place ~3 burned|burnt|gutted|destroyed|flooded",
		"put|kicked|thrown|threw|chucked|turfed ~2 us|me ~1 out", "ghar ~2 se ~1 nikal|nikaal|nikala|nikaala",
		"sleeping|kipping|sleep|crashing|staying|living ~5 couch|sofa|floor|car|motel|shelter",
		"house|home|flat|apartment|kitchen|building|shop|store ~1 fire",
		// flood water in a home or a shop and the stock lost, in English and Hinglish
		"flood* ~4 shop|store|stock|house|home|flat|basement|business|warehouse|dukaan|ghar|godown",
		"shop|store|stock|house|home|flat|basement|business|warehouse ~3 flooded",
		"paani|pani ~2 ghus|bhar|aa", "maal|saaman|saman|stock ~3 kharab|kharaab|barbaad|barbad|ruined|destroyed",
		// an illness that keeps someone off work, and a parent's treatment
		"off sick", "long covid", "cancer ~2 ka|ki|ke ~1 ilaaj|ilaj|treatment", "ilaaj|ilaj ~2 chal", "कैंसर", "इलाज ~3 चल",
		// a partner gone and the children left with the borrower
		"husband|wife|partner|he|she ~2 walked|moved out", "only|just me and ~2 kids|children|little|baby|boys|girls",
		"walked|moved out ~4 kids|children", "left me|us with ~3 kids|children|baby|little", "single mum|mom|mother|dad|father|parent",
		// a partner held, sent away or laid up, and the household left on
		// one wage: "deported", "detained by immigration", "bedridden",
		// "on a single salary", "bistar pe", "बिस्तर पर"
		"deport*", "detained|incarcerated", "bedridden|bedbound", "laid up", "bed|bistar|bistare ~1 pe|par ~1 hai|hain|he",
		"बिस्तर ~1 पर|से", "one|single income|salary|wage|wages|paycheck|paycheque|earner",
		// necessities weighed against each other
		"heating|heat or eating|eat", "choice|choose|choosing|decide|deciding between ~4 food|eating|rent|heating|heat|electric|electricity|gas|groceries|meals",
		"food|eating|groceries|meals or ~3 gas|electric|electricity|heating|heat|rent|meter|bills", "gas|electric|electricity|heating|heat|rent|meter or ~2 food|eating|groceries|meals",
		"zero|nil income|wages|pay|salary", "nothing|no money|cash coming in", "income|kamai|salary|tankhwah ~3 nahi|nahin|band",
		"company|office|factory|plant|firm|shop ~2 band|bandh|closed|shut|folded",
		// an accident or a broken limb, in Hindi: "accident mein haath toot gaya", "पैर टूट गया"
		"accident|एक्सीडेंट|दुर्घटना ~2 mein|me|main|में|ho|हो|hua|हुआ", "haath|hath|pair|pyr|taang|tang|haddi ~2 toot|tut|tooti|tuti|toota|tuta|fracture",
		"fracture*", "हाथ|पैर|टांग|टाँग|हड्डी ~2 टूट|टूटी|टूटा|फ्रैक्चर", "चोट", "दुर्घटना",
	}, zh: []string{zhBrokeFigure, zhBrokeFigureNear,
		"失业", "丢了工作", "丢工作", "没了工作", "没工作", "没有工作", "工作没了", "被裁", "裁员", "下岗", "被辞退", "被开除",
		"生病", "病了", "住院", "手术", "癌症", "重病", "看病", "医药费", "医疗费", "治病", "去世", "过世", "离世", "丧事",
		"离婚", "降薪", "减薪", "工资~2减少", "工资~2降", "收入~2减少", "收入~2降", "没收入", "没有收入", "没钱", "困难",
		"手头紧", "还不上", "没有钱",
		"手头~2(紧|不宽裕|拮据)", "周转不(开|过来|灵)", "(经济|资金|财务)~2(紧张|拮据|困难)", "拮据",
	}},
	{intent: xCannotPay, neg: false, en: []string{
		"can|could not afford|pay|manage|make", "unable to pay|afford", "too expensive",
		// in Hindi in Latin letters: "pay nahi kar sakta", "bhar nahi paunga", "paise nahi hain"
		"pay ~1 nahi|nahin|nhi ~2 can|paunga|paungi|payenge|paega|payega", "nahi|nahin|nhi pay ~2 can|paunga|paungi|payenge",
		"paise|paisa|pese|paisay|funds [bilkul|bhi|abhi] nahi|nahin|nhi",
		// not knowing how one will pay: no promise on the day named
		"do not know how ~4 pay|afford|manage", "no idea how ~4 pay|afford|manage",
		"not sure how ~4 pay|afford|manage",
	}, zh: []string{"还不起", "付不起", "负担不起", "还不了", "付不了", "拿不出",
		"不知道怎么还", "不知道怎样还", "不知道拿什么还", "不知道能不能还", "不晓得怎么还",
		"不知道怎么付", "不知道怎么交"}},
	{intent: agent.IntentPayInFull, neg: true, en: []string{
		"pay|paying|clear|settle|settling|payoff [off] [it|this|that|them] [all] [off] in full",
		"pay|paying|clear|settle [off] it|this|that|them all", "pay|paying|clear|settle [off] all [of] it|this|that|them|everything",
		"pay|paying|clear|settle [off] the|my full|whole|entire|total|complete [amount|balance|debt|thing|sum|lot]",
		"pay|paying everything", "full payment", "in full",
	}, zh: []string{
		"全部还清", "全额", "全部还", "全部付", "都还了", "全还", "付清",
	}},
	{intent: xLump, neg: true, en: []string{
		"in|with|as [a] one|single payment|go|lump|shot|hit|transaction|installment|instalment",
		"one|single payment|installment|instalment of", "lump|lumpsum sum|payment", "lumpsum",
		"one|single time|off|shot payment|settlement|sum|amount|deal|offer", "single sum|amount", "all at once", "one time|go|shot and|to|then", "upfront",
	}, zh: []string{"一次性", "一次还", "一次付", "一笔还", "一笔付", "一口气还", "结清", "清账"}},
	{intent: xSettle, neg: true, en: []string{"settle|settling|settlement", "full and final", "make ~4 go away",
		"close|closing|clear|clearing ~2 it|this|account|debt|balance|out", "call it even|square|quits|done",
		"you take|accept", "^ take|accept"}},
	{intent: agent.IntentAskLowest, neg: true, en: []string{
		"what|whats ~3 lowest|least|minimum", "lowest|least ~3 you|accept|take|settle|offer|possible|amount|settlement|then",
		"minimum ~3 amount|sum|settlement ~3 closure|closing|close|settle|accept|take", "minimum settlement",
		"how low ~3 go|can|will|would", "best ~2 settlement|offer|deal|price",
		"cheapest ~3 way|option|options|deal|plan|route|terms", "most flexible ~2 option|deal|plan|terms|arrangement", "longest ~3 plan|term|you|can|possible|then",
	}, zh: []string{"最低~4多少", "最少~4多少", "最低能", "最少能", "最低~4方案", "最长~4分"}},
	{intent: xOther, neg: true, en: []string{
		"any|some|no|more|other ~1 other options|option|plans|plan|offers|offer|choices|choice|arrangements|arrangement|terms|deal",
		"another|different|alternative|alternate ~1 options|option|plans|plan|offers|offer|choices|choice|arrangements|arrangement|terms|deal",
	}, zh: []string{"(别的|其他|其它|另外的|另外一个|另一个|换个|换一个)~3(方案|选择|还法|办法|plan|option)"}},
	{intent: xLess, neg: true, en: []string{
		"settle|settlement|pay|paying ~3 less|lower|discount*|reduced|cheaper", "discount*", "less than ~3 full|whole|balance|total",
		"knock|take|shave ~3 off", "reduce|lower|cut ~3 it|balance|amount|debt|total",
	}, zh: []string{"少还", "少付", "少交", "打折", "打个折", "减免", "优惠"}},
	{intent: xPause, neg: true, en: []string{
		"breathing room|space", "pause|freeze|suspend|stop ~3 payments|payment|paying|collection|collections", "payment holiday|break|freeze|pause",
		"defer*", "postpone*", "put ~4 on hold", "hold off ~3 on|paying|payment|payments|collection|a bit|while|month|months|until",
		"give|get ~2 me|us ~3 more time|some time|a break|a few months|a couple|a month|a while",
	}, zh: []string{"缓一缓", "缓缓", "缓(一|两|三|几|半|1|2|3)", "延期", "宽限", "(暂停|先停|推迟|晚点|过段时间|过几个月)~3(还|付|交)"}},
	{intent: xLonger, neg: true, en: []string{
		"stretch*|spread|extend* ~4 out|longer|further", "spread|stretch* ~4 over ~2 more|longer", "longer ~2 plan|term|period|schedule|arrangement",
		"more time to pay", "more months",
	}, zh: []string{"分长一点", "分长点", "分久一点", "拉长", "时间长一点", "时间长点", "多分几期", "期数多一点", "分更多期", "分更长"}},
	{intent: xPlan, neg: true, en: []string{
		"monthly|weekly|instalment*|installment* ~2 thing|option|route|way|deal|version|setup|arrangement",
		"what|how ~3 monthly|weekly ~3 look|work|be",
		"payment|repayment plan|plans|arrangement|schedule", "installment*", "instalment*", "in parts|chunks", "pay|paying|do|it|off ~3 in bits",
		"split ~3 payments|payment|it|up", "pay ~3 monthly|weekly|biweekly|fortnightly", "settlement offer",
		"what|which ~3 options|offers|choices", "my options|choices", "options|offers ~3 have|available|there",
		"what|which|any ~4 arrangements|arrangement|schemes|scheme|programs|programmes|program", "what|which|any ~3 plans",
		"show|see|send|repeat|resend ~4 list", "list|options ~4 again|more time",
		"how ~4 go about ~3 pay|paying|clear|clearing|settling|sorting|fixing|resolving|handling",
		"how ~4 get ~4 sorted|dealt|cleared|resolved|handled|fixed|paid",
		"show|see|hear|tell|give|send|list|share|explain|lay|walk ~3 options|offers|plans|choices|option|choice",
		"look|looking at|over ~3 options|offers|plans|choices",
		// in Devanagari: which plans, tell the options
		"कौन|कौनसे|कौनसा|क्या ~3 प्लान|विकल्प|ऑप्शन|options|plans", "प्लान|विकल्प|ऑप्शन ~3 बताओ|बताइए|दिखाओ|दिखाइए|क्या|कौन",
		"run|take|go|talk ~2 through ~4 options|offers|plans|choices",
		"how ~4 handle|handling ~1 paying|repaying|clearing|settling ~3 back|off|this|that|loan|debt|balance|bill",
		"what would|will|could you take|accept ~1 if ~8 at once|one go",
		"payment|repayment|settlement options", "^ [the] options|plans|offers [please] $",
		"what can|could you do|offer ~3 me|for|about|on", "what can|could you offer [then|us] $",
		"what ~1 can|could ~1 be done", "what would|could|will you be able to offer|do", "what can|could i do ~2 about|with ~3 balance|debt|this|account|it|loan|bill",
		// a plan in everyday words: an arrangement to come to, smaller
		// pieces, bit by bit
		"what you|we can|could do|offer ~3 me|for|about|on|with", "what can|could i|we do to pay|clear|settle|sort|resolve|fix|handle",
		"what|which kind|sort|type ~2 of ~2 deal|deals|arrangement|arrangements|plan|plans|options|terms",
		"work|sort|figure something|anything out", "work|sort|figure out ~3 arrangement|deal|plan|something|terms",
		"deal|arrangement|terms|something ~4 work|sort|figure ~1 out", "come to ~3 arrangement|deal|agreement", "arrangement|deal|agreement ~4 come to|reach", "can|could not ~4 at once|one go",
		"what else is there", "what else ~3 have|got|offer|options",
		// what the agent has: "what've you got for me", "whatcha got",
		// "what's on the table", "what's on offer"
		"what ~2 you|u|ya ~1 got $", "what ~2 you|u|ya ~1 got for me|us", "whatcha|watcha|wotcha|wotcher got",
		"what ~2 on the table|offer", "^ so|ok|right|well|and|alright [the] options|plans|offers|choices [please|then] $",
		// in small amounts: "in small amounts", "dribs and drabs", "a few
		// quid at a time"
		"small|smaller|little|tiny amounts|sums|payments|instalments|installments", "dribs and drabs",
		"few|couple ~2 quid|bucks|dollars|pounds|rupees|hundred|grand ~2 at a|each time|month|week",
		// a smaller instalment in Hindi: "kisht thodi kam", "EMI kam ho sakti"
		"installment|installments|monthly ~2 kam|chhoti|choti",
		"किस्तों|किश्तों|किस्तो|किश्तो|किस्त|किश्त में", "किस्त|किश्त|ईएमआई ~2 कम", "set ~3 up ~3 arrangement|plan|something",
		"set something|anything up", "set|setting ~1 up ~2 paying|repaying|payments|repayments|instalments|installments", "break|broke|broken|chop|chopped|divide|divided ~3 up|into", "smaller|little|manageable pieces|chunks|bits|parts",
		"in|into pieces|stages", "bit by bit", "little by little", "piece by piece", "a bit|little at a time",
		// the ways of paying off this debt, not the means of paying
		"ways ~4 pay|paying|clear|clearing|settling|repay|repaying ~3 this|bill|debt|balance|account|loan|off|amount|dues",
		// in Hindi in Latin letters: which options, show or tell the plans
		"kya|kaun|kaunse|kaunsa|konse|konsa|kon ~2 options|option|plans|plan|choices|schemes",
		"options|plans|choices|schemes|option|plan|choice|scheme ~3 dikhao|dikhaiye|batao|bataiye|bata|btao|bhejo|bhejiye|samjhao|samjhaiye",
		"dikhao|dikhaiye|batao|bataiye|btao|bhejo|bhejiye|samjhao|samjhaiye ~3 options|plans|choices|schemes",
		// which options there are, asked after the noun: "plan kya kya
		// hai", "options kya hai", "koi option hai kya"
		"options|plans|choices|schemes|option|plan|scheme kya|kaunse|konse|kaun ~2 hai|hain|he|h",
		"koi|kuch ~3 options|plans|schemes|option|plan|scheme ~1 hai|hain|he|h|milega|milenge",
		"कोई|कुछ ~3 प्लान|विकल्प|ऑप्शन|स्कीम|योजना ~1 है|हैं|मिलेगा|मिलेगी",
		// bit by bit, in Hindi: "thoda thoda karke", "dheere dheere"
		"thoda thoda", "dheere dheere", "dhire dhire", "थोडा थोडा", "धीरे धीरे",
		// the balance worn down gradually: "whittle it down", "nibble
		// away at it", "pay it down over time"
		"whittle|chip|nibble|chisel ~3 away|down|at|off",
		// other terms by their length: "a shorter plan", "a quicker
		// schedule" (with offers open, "the shorter one" picks by
		// comparison instead)
		"shorter|quicker|faster|longer plan|term|schedule|arrangement",
		"pay|paying|clear|clearing|bring|bringing ~3 down|off ~3 over time|gradually|slowly|steadily",
	}, zh: []string{
		// the plans before the verb, and in Cantonese: "方案列给我",
		// "方案发我看看", "有咩还款方法"
		"方案(列|发)", "方案~4(瞧瞧|看看|看一下|瞧一瞧)", "有(咩|乜|啥|哪些)~4(方案|办法|方法|选择|plan)", "还款(方法|办法)",
		"(说说|讲讲|说一下|讲一下|说下|讲下|介绍下|告诉我|跟我说|跟我讲)~6(方案|还法|plan|option)",
		"分期", "分几期", "分多少期", "分几次", "分次", "每月还一点", "慢慢还", "分开还", "分开(几|两|二|三|四|五|六|八|十|多少)~2期", "什么~4方案", "哪些~4方案", "哪种~4方案", "哪几种~4方案",
		"方案~2有哪些", "有什么~4选择", "有哪些~4选择", "有什么~2办法", "列~4方案", "了解~4方案", "看看~4方案", "看一下~4方案",
		"介绍~4方案", "可以选", "有哪些~2可选", "options~2有哪些", "options~2有什么",
		"每月还的话", "按月还的话", "每月还~4(怎样|怎么样|如何)", "什么~4办法", "哪些~4办法", "几个~4方案", "几个~4还法", "还法", "有什么~4plan", "有哪些~4plan", "看~4options", "看~4plans",
	}},
	{intent: xPromise, neg: true, en: []string{
		"i will|shall pay", "i am going to pay", "promise ~3 pay", "i will ~1 make|send ~2 payment|it",
		"want|like|ready|wanting|trying to pay|make", "^ pay [it] [now|today] $",
		// in Hindi in Latin letters, the verb before the future: "pay kar
		// dunga", "bhar dungi", "jama kar denge"
		"pay ~1 will",
	}, zh: []string{"(发了工资|发工资|工资发了|工资到账|工资到了|工资下来|拿到工资|发薪)~6还", "会还", "一定还", "保证还", "肯定还", "尽快还", "马上还", "一定会还", "会尽快"}},
	{intent: xPart, neg: true, en: []string{
		"pay|paying|put|putting|give|send|clear|clearing ~2 a|some ~1 part|portion|bit|little|chunk|piece",
		"pay|paying|put|give|send|clear|clearing part|some|portion of ~1 it|this|that|the|my|what",
		"part|partial payment|payments|pay|paying", "part pay*", "pay|put|send|give something|some ~1 towards|toward|now|today|first",
		// Hindi, in Latin letters and in Devanagari: a little (now, first) paid
		"thoda|thodi|thora|thori|kuch [paisa|paise|amount|rakam|hissa] [abhi|abhee|pehle|aaj] pay|send",
		"थोडा|थोडी|कुछ [पैसा|पैसे|रकम|हिस्सा] [अभी|पहले|आज] जमा|दे|भर|भेज|चुका",
	}, zh: []string{"先~2(还|付|交)~2(一部分|部分|一点|一些|点)", "(还|付|交)~1(一部分|部分)", "部分还款", "(只能|可以|能)~2(还|付|交)~1(一点|一些)"}},
	{intent: xPlanTalk, neg: true, en: []string{
		"cancel|stop|end|quit|terminate ~3 plan|arrangement|installment*|instalment*|agreement|autopay|debit",
		"already ~4 plan|arrangement|set up", "have|had|on a ~1 plan|arrangement",
	}, zh: []string{"取消~3分期", "取消~3还款计划", "取消~3方案", "停止~3分期", "已经~4分期", "已经~4还款计划"}},
	{intent: agent.IntentAcceptOffer, neg: true, en: []string{
		"that|it|this works", "that|this|it would|could|might|may work", "works for me", "sounds good|great|fine|ok|perfect", "deal $", "^ deal",
		"i accept", "i agree", "^ [ok|okay|yes|fine|then] agreed", "agreed $", "i will take|choose|pick", "go with", "let us do|go", "sign me up",
		"that is|sounds fine|good|great|perfect|acceptable", "i am in $", "^ perfect", "i want|choose|pick|take the|that|this ~2 one|option|plan",
		"i will do it|that|this", "i can do that|this|it", "yes|ok to that|this|it $", "yes|ok to the|that|this|your plan|offer|option|one", "so|and yes|ok $",
	}, zh: []string{
		"就这个", "就这样", "就按", "成交", "同意", "接受", "没问题", "就它", "这个方案", "那就这样", "就那个",
	}},
	{intent: xAcceptWeak, neg: true, en: []string{
		"^ yes|ok|sure|fine|alright|absolutely|definitely|certainly|great|cool|k",
		"^ hmm|hm|um|umm|uh|well|oh|erm ok|okay|yes|yeah|sure|fine|alright",
		"^ [yes|ok|oh] go on [then] $",
		// a yes in softer words: "sounds alright", "should be fine", "probably ok"
		"sounds|seems|looks alright|okay|ok|fine", "should|would|must be ok|okay|fine|alright|good",
		"probably|maybe|perhaps ok|okay|fine|alright|good",
	}, zh: []string{"可以吧", "应该(可以|行|没问题)", "(大概|好像|也许|或许|可能)(可以|行)", "好的", "好吧", "^好$", "^好啊", "^可以$", "^可以的", "可以啊", "可以呀", "都可以", "也可以", "^行$", "行吧", "^行啊", "也行", "那行", "^嗯"}},
	{intent: xGoAhead, neg: true, en: []string{
		"go ahead", "set it up", "set that|this up", "make it official", "let us do it|that|this", "lock it in",
		"final|pakka karo|kar|kardo|kijiye|kar do", "kar do|dijiye $",
	}, zh: []string{"就这么办", "办吧", "帮我办", "给我办", "办了吧", "就这么定", "定了吧", "就定这个"}},
	// Agreeing is what the borrower will do later, not now: "before I
	// agree to anything", "until I have talked to him".
	{intent: xShrug, en: []string{
		"^ [hmm|hm|erm|um|umm|uh|well|honestly|tbh] [i] [am] not sure|certain|decided [yet|tbh|honestly|really] $",
		"^ [hmm|hm|erm|um|umm|uh|well|honestly|tbh] [i] [am] unsure|undecided|dunno [yet|tbh|honestly|really] $",
		"^ [hmm|hm|erm|um|umm|uh|well|honestly] maybe|perhaps|possibly [yet|tbh|honestly] $",
		"^ [hmm|hm|erm|um|umm|uh|well|honestly] i do not know [yet|tbh|honestly] $",
	}},
	{intent: xNotYet, en: []string{
		"before ~2 i|we ~3 agree|accept|commit|sign|decide|choose|pick", "before ~2 i|we ~3 say yes", "until ~2 i|we ~3 talk*|spoke|spoken|speak*|ask*|check*",
		// a pick taken back in the same message: "option 2, wait, hold on"
		"hold|hang on", "wait ~1 a sec|second|minute|moment|up", "on second thought*", "^ wait wait",
		// "ok the second one. no wait", "the first one. oh wait"
		"no|oh wait", "wait no|what|actually",
	}, zh: []string{"之前~2不~2答应", "再决定", "再答应", "先别~4定",
		// 等等，先不要; Cantonese 唔好住 (read as 不要住)
		"等等", "等一下", "等一等", "先不要", "不要住", "慢着", "且慢"}},
	{intent: xHedge, en: []string{
		"maybe|perhaps|probably|possibly|guess|unsure|leaning|might|reckon|shayad|shaayad", "not sure|certain", "pakka|sure nahi|nahin|nhi", "what if", "thinking about|of",
		"how would|does ~2 that|it ~1 work|look", "what would ~3 look like", "what would|will happen", "depends|depending",
		"suppose|supposing|hypothetically", "say i|we went|took|chose|picked|did|go|take|choose|pick", "if i|we went|took|chose|picked",
		"what happens|happened", "agar", "kya hoga",
		// A yes with a condition or said in resignation is not a plain yes.
		"but|though|although|unless|provided|providing", "as long as", "only if", "if i|we have|must|need to",
		"whatever", "i think", "hmm|hm|umm|um|erm",
		// might be, in Hindi in Latin letters ("ho sakta hai", read as
		// "ho can hai") and in Devanagari, with maybe and hmm
		"ho can ~1 hai|he|h", "शायद", "हो सकता|सकती|सकते", "पक्का|श्योर नहीं|नही", "हम्म|उम्म",
	}, zh: []string{"也许", "或许", "可能", "好像", "大概", "应该", "不确定", "不知道", "要不", "再想想", "还没想好",
		"但是", "不过", "可是", "只是", "除非", "随便", "无所谓", "只要",
		// Cantonese "I guess" (啩), "or" as maybe, a wait to look again
		"啩", "^或者", "再看看", "看看再说", "再看一下",
		// a supposition or a question about what an option would mean:
		// 假如选第一个…会怎样, 揀第二個嘅話…會點 (嘅 reads as 的)
		"如果", "假如", "要是", "万一", "假设", "假使", "倘若", "的话",
		"会怎", "会咋", "会点", "怎么办", "会如何", "什么后果", "咩后果"}},
	// How, where or on which day an option is paid: a verb of paying,
	// using or changing and a way to pay ("pay plan 3 by money order",
	// "can plan 1 be paid at a branch", "switch it to paying by check",
	// "cash mein bhar", 用银行转账还, 哪天还). Said as a question it asks
	// about the option and chooses nothing (see payAsked).
	{intent: xPayBy, en: []string{
		"pay*|paid|use|using|switch*|chang*|mov*|mail*|send*|post*|do|make|bhar*|bhugtan ~6 " + payWays,
		payWays + " se|mein|me|main|via ~3 pay*|bhar*|bhugtan|de|do|kar*|ho|chal*",
		"which|what day|date ~6 pay*|paid|due",
	}, zh: []string{
		"(用|拿|去|到|通过|走|在)~4(现金|转账|汇款|支票|汇票|柜台|银行|网点|营业厅|支付宝|微信|网银|线上|网上|刷卡)",
		"(现金|转账|汇款|支票|汇票|柜台|网点|支付宝|微信|网银|线上|网上|刷卡)~4(还|付|交|支付)",
		"(哪天|几号|哪一天|什么时候)~4(还|付|交|支付)",
	}},
	{intent: agent.IntentRejectOffer, neg: false, en: []string{
		"too much|high|steep|expensive|big|soon", "that|it|this|which do|does|will|would not work", "does not work for me", "no way", "^ no deal",
		"not ~1 acceptable|possible|doable|affordable", "i decline|reject|refuse",
		"something|anything|way lower|smaller|less|cheaper", "lower|smaller|less payment|payments|amount|installment*",
		"can not do that|this|those", "do not want that|this|those|it",
	}, zh: []string{
		"太多", "太高", "太贵", "太少", "太快", "不接受", "不同意", "拒绝", "做不到", "少一点", "低一点", "少点", "便宜",
		"不要这个", "不想要", "不合适",
	}},
	{intent: xRejectWeak, neg: false, en: []string{"^ no|nope|nahi|nahin", "no thanks|thank", "not interested"}, zh: []string{"不行", "不好", "^不要", "算了"}},
	{intent: xAskTag, zh: []string{"行不行", "好不好", "成不成", "可不可以", "可以不可以", "能不能"}},
	{intent: agent.IntentOptIn, neg: true, en: []string{
		"opt|opting [me] [back] in", "resubscribe", "subscribe", "start|resume ~3 text*|messag*|sms|call*|email* ~2 again",
		"you can|may text*|message|call|email|contact me again", "unstop",
	}, zh: []string{"重新订阅", "恢复~3短信", "恢复~3消息", "可以~3发短信", "继续~3发"}},
	{intent: agent.IntentAskBalance, neg: true, en: []string{
		"how much ~4 owe|owed|owing|due|left|outstanding|balance|debt|remaining|total|pay", "how much is|was it|that|this [again] $",
		"how much ~2 again", "how much [then|now|exactly] $", "how much ~3 talking|looking",
		"what ~3 owe|owed|owing|balance|amount|total", "tell|know|check|see|confirm|send ~3 balance|owe|owed|amount",
		"^ [my] [current] balance [please] $", "balance ~2 please", "current|remaining|outstanding|total balance|amount",
		// the figure or the number, said alone: the balance
		"what|whats ~2 the figure|number|sum [then|now|again] $",
		// how much is left, in Hindi: "kitna baki hai", "कितना बकाया है"
		"kitna|kitne|kitni ~4 baki|baaki|bakaya|dena|dene|outstanding|pending", "कितना|कितने|कितनी ~4 बाकी|बकाया|देना|देने|बचा|बची",
		"बकाया ~2 कितना|कितने|राशि|रकम",
	}, zh: []string{
		"欠多少", "欠了多少", "还欠多少", "要还多少", "需要还多少", "还多少钱", "多少钱", "余额", "欠款金额", "欠款多少", "总共多少",
		"一共多少", "应还", "欠款是多少", "还剩多少",
	}},
	{intent: agent.IntentAskDueDate, neg: true, en: []string{
		"when ~4 due|deadline|by", "when ~3 have|need|got|supposed to pay", "due date", "deadline", "what date ~3 pay|due",
		"by when", "when ~3 payment ~2 due|expected",
	}, zh: []string{
		"什么时候到期", "到期日", "还款日", "截止", "最后期限", "什么时候~3还", "哪天~3还", "几号~2还", "什么时候~3付",
		"什么时候之前",
	}},
	{intent: agent.IntentAskCreditor, neg: true, en: []string{
		"who ~4 owe", "who ~3 creditor|lender", "which|what company|bank|lender|creditor|store|business ~3 debt|owe|from|with|for", "which|what company|bank|lender|creditor is it",
		"who ~4 debt|account|loan ~2 with|from|for", "original creditor", "collecting for|on", "name of ~2 creditor|lender|company",
		"who is the creditor", "creditor $", "who is it|this|that with|from|for",
	}, zh: []string{
		"欠谁", "欠哪家", "哪家公司", "哪个公司", "哪个银行", "哪家银行", "债权人", "哪个平台", "哪家平台", "哪里的欠款", "欠的是谁",
		"原始债权", "替谁催",
	}},
	{intent: agent.IntentAskPurpose, neg: true, en: []string{
		"what is|was this|it|that ~2 for|about|regarding", "what ~1 debt|account|bill|loan|charge is|was this|it",
		"why ~3 owe|owing", "where ~4 debt|this|it ~2 come from", "what ~3 debt ~2 for|about|from", "what ~2 for $",
		"what is this $", "what is this about", "why ~3 texting|contacting|calling|messaging|emailing|writing me",
		"what do you want ~1 from|with me", "what do you want $",
	}, zh: []string{
		"什么欠款", "什么钱", "什么债", "为什么欠", "怎么欠", "哪来的", "什么账", "什么费用", "关于什么", "这是什么", "什么贷款",
		"欠的什么", "找我有什么事", "找我什么事", "有什么事", "为什么~4联系我", "为什么~4找我", "为什么~4给我打",
	}},
	{intent: agent.IntentAskHowToPay, neg: true, en: []string{
		"how do|can|should|would|to ~3 pay|payment", "how do|can|should|would|to ~3 go about paying", "what|which ~2 way|ways ~2 pay|paying", "where ~3 pay|send ~2 money|payment",
		"pay|payment ~3 by|with|via|using card|credit|debit|bank|paypal|check|cheque|venmo|zelle|transfer|online|phone|upi|app",
		"payment method*|link|portal", "send ~2 link", "ways ~2 pay", "how ~3 send ~2 money|payment|it", "^ [the] [payment] link [please] $",
		"take|accept|use ~3 card|cards|visa|mastercard|amex|debit|paypal|check|cheque|venmo|zelle", "credit|debit card|cards",
		"visa|mastercard|amex",
	}, zh: []string{"刷卡", "用卡", "信用卡", "借记卡",
		"怎么还", "怎么付", "怎么支付", "如何还", "如何支付", "如何付", "还款方式", "支付方式", "付款方式", "在哪~2还", "在哪~2付",
		"支付宝", "微信支付", "银行转账", "还款链接", "付款链接", "用微信", "银行卡",
	}},
	{intent: agent.IntentAskFees, neg: true, en: []string{
		"fee|fees|interest|charges|penalty|penalties|surcharge*", "late charge*", "extra charge*", "added charge*",
	}, zh: []string{"手续费", "利息", "滞纳金", "罚息", "违约金", "费用", "服务费", "逾期费"}},
	{intent: agent.IntentAskBot, neg: true, en: []string{
		"are|is you|this|it ~2 bot|robot|ai|human|person|machine|computer|automated|chatbot|program", "are you real",
		"am i ~3 talking|speaking|chatting|texting to|with ~3 bot|robot|ai|machine|computer|human|person|real|someone",
		"^ bot|robot|chatbot|ai $", "is this automated",
	}, zh: []string{"机器人", "是不是人工", "是人工吗", "是真人", "真人吗", "ai吗", "人工智能", "自动回复", "是不是真人", "是人吗", "是机器"}},
	{intent: agent.IntentAskWho, neg: true, en: []string{
		"who are you", "who is this $", "who am i ~3 talking|speaking|chatting", "who is ~2 texting|messaging|calling|contacting",
		"where are you calling|texting|writing from", "what company ~2 you|this", "who sent this",
	}, zh: []string{"你是谁", "你们是谁", "哪位", "你是哪", "你们是哪", "是谁啊", "谁啊", "什么公司", "谁发的"}},
	{intent: agent.IntentAskLegit, neg: true, en: []string{
		"is|are this|it|that|you|these|this company ~3 legit|legitimate|genuine|real|scam*|fraud*|fake|phishing", "scam|scams|scammer|scammers|scamming|phishing",
		"how ~4 know|tell|check|sure|verify ~5 legit|legitimate|genuine|real|scam*|fraud*|fake|really",
		"prove ~4 who|legit|legitimate|genuine|real|really|from",
	}, zh: []string{"骗子", "诈骗", "骗人", "真的假的", "是不是真的", "怎么证明", "怎么确认~4(真|你们|正规)", "正规~3(吗|公司|机构)", "假冒"}},
	{intent: agent.IntentAskCredit, neg: true, en: []string{
		"credit report|score|rating|file|history|record|bureau*|reference|reports|scores", "experian|equifax|transunion|cibil",
		"affect|hurt|damage|impact|ruin|hit ~3 credit",
	}, zh: []string{"征信", "信用记录", "信用分", "信用报告", "影响信用", "信用评分"}},
	{intent: xHeld, neg: false, en: []string{
		"my|our husband|wife|partner|son|daughter|brother|sister|father|mother|dad|mom|mum|boyfriend|girlfriend|fiance ~5 prison|jail|jailed|imprisoned|arrested",
		"my|our husband|wife|partner|son|daughter|brother|sister|father|mother|dad|mom|mum|boyfriend|girlfriend|fiance ~5 behind bars",
		"my|our husband|wife|partner|son|daughter|brother|sister|father|mother|dad|mom|mum|boyfriend|girlfriend|fiance ~5 locked up",
	}, zh: []string{"(老公|丈夫|老婆|妻子|儿子|女儿|哥哥|弟弟|爸爸|父亲)~6(坐牢|监狱|被抓|拘留|逮捕)"}},
	{intent: agent.IntentAskArrest, neg: false, en: []string{
		"jail|jailed|prison|imprison*|arrest*|criminal|crime|crimes|warrant", "behind bars", "locked|lock me up",
		"police|cops ~3 come|coming|after|arrest|take", "send|sending|sent ~3 police|cops",
	}, zh: []string{
		"坐牢", "被抓", "抓我", "抓起来", "拘留", "逮捕", "判刑", "监狱", "刑事", "犯罪吗", "算犯罪", "是犯罪", "构成犯罪",
		"犯法吗", "算犯法", "是犯法", "违法吗", "警察~4找", "警察~4抓", "警察~4上门", "警察~4来",
	}},
	{intent: agent.IntentAskTimeBarred, neg: false, en: []string{
		"statute of limitation*", "statute|statue barred", "time barred|limit*", "timebarred", "too old", "past the limit|deadline",
		"how old is ~3 debt|this|it", "debt ~2 from #", "expired debt", "limitation period",
	}, zh: []string{"诉讼时效", "时效", "太久了", "太久远", "过期的债", "很多年前", "这么多年", "年代久远", "太老了"}},
	{intent: agent.IntentAskSuit, neg: false, en: []string{
		"sue|suing|sued|lawsuit*|litigat*", "to|in court", "court case|action|date|papers", "legal action|proceedings|steps",
		"going to legal", "judgment|judgement|ccj", "take|taking|drag|dragging ~3 court",
	}, zh: []string{"起诉", "告我", "法院", "打官司", "诉讼", "法律行动", "法律程序", "上法庭", "告上"}},
	{intent: agent.IntentAskValidation, neg: true, en: []string{
		"validation|validate|validating", "verification notice|letter", "verify ~3 debt", "debt ~2 letter|notice",
		"proof ~4 debt|owe", "prove ~4 debt|owe", "in writing", "written notice|proof|statement|confirmation",
		"copy of ~3 agreement|contract|statement|bill",
		"itemi* ~3 bill|statement|list|account|breakdown|charges", "breakdown ~3 charges|debt|balance|bill|amount|fees|interest",
		"show|send|give|get|mail|email|see ~4 paperwork|documents|documentation|records",
		"records|paperwork|documents ~4 owe|debt|balance|charges", "statement of account", "account statement",
	}, zh: []string{"欠款明细", "账单明细", "还款明细", "费用明细", "明细~4发", "发~4明细", "核实通知", "书面证明", "书面通知", "书面材料", "书面说明", "债务证明", "欠款证明", "证明~4欠", "寄给我", "借款合同", "合同复印件"}},
	{intent: agent.IntentAskAdvice, neg: true, en: []string{
		"debt advice|advisor|adviser|counsel*|charity|help|relief", "free ~3 advice|help|counsel*",
		"financial counsel*|advice|adviser|advisor", "credit counsel*", "nonprofit|charity", "non profit",
		"stepchange|nfcc|moneyhelper|debtline", "citizens advice", "money helper", "national debtline",
		"where ~3 get ~2 help|advice",
	}, zh: []string{"债务咨询", "免费咨询", "免费~3建议", "法律援助", "咨询机构", "理财建议", "哪里~4帮助", "哪里~4咨询", "求助", "债务建议"}},
	{intent: agent.IntentGreeting, neg: true, en: []string{
		"^ hi|hello|hey|hiya|howdy|greetings|yo|heya|hallo", "good morning|afternoon|evening", "hi|hello there",
	}, zh: []string{"你好", "您好", "嗨", "哈喽", "早上好", "下午好", "晚上好", "^喂", "早安"}},
	{intent: agent.IntentThanks, neg: true, en: []string{"thank|thanks|thankyou|cheers|appreciate*|grateful"}, zh: []string{"谢谢", "多谢", "感谢", "谢了", "谢啦"}},
	{intent: agent.IntentGoodbye, neg: true, en: []string{
		"bye|goodbye|byebye|cya|farewell", "see you|ya", "talk ~1 later", "have a good|nice|great day|night|evening|weekend",
		"good night", "take care",
	}, zh: []string{"再见", "拜拜", "回头聊", "下次聊", "晚安", "回聊"}},
	// Time to decide: the exchange closes for now, and an "ok" or 嗯
	// before it is no yes to anything.
	{intent: xDeciding, neg: true, en: []string{
		"sleep on it", "think ~3 it over", "think ~2 about|on|over it|this|that", "let me think", "need|have|want|got to think",
		"have a think", "mull ~3 over", "get|come back to you|u|ya", "circle back",
		// the answer promised in casual words: "I'll hit you back", "text u back"
		"hit|text|message|ring|buzz you|u|ya back", "check|talk ~3 with ~2 first",
		"run ~3 by|past ~3 " + enKin + "|partner|spouse|family|parents|accountant|adviser|advisor",
		"go over|through|discuss|talk ~4 with ~2 " + enKin + "|partner|spouse|family|parents ~4 before",
		"talk|speak|check|confer|consult ~3 to|with ~2 " + enKin + "|family|parents|accountant|adviser|advisor ~4 first|before",
		"ask|consult ~2 " + enKin + "|family|parents|accountant|adviser|advisor ~4 first|before",
		"give me ~4 time|day|days|night|while|week", "a day|night|week|while to think", "think ~3 it|this|that through",
		// thought over or talked over first, and the answer sent later
		"think|discuss|consult|decide|talk|speak ~4 and|then ~2 tell|inform|revert|update|confirm|let|reply|respond|answer|call|text|message",
		"check|ask ~4 and|then ~2 tell|inform|revert|update|let|reply|respond|answer|get",
		"revert $", "revert back|later|soon|shortly|tomorrow|asap", "revert to you|u", "revert by|in|on|after|within",
		"let me ~1 discuss|consult|confer ~3 with", "consult ~2 " + enKin + "|family|parents|accountant|adviser|advisor", "discuss ~3 at home|with family",
		// in Hindi in Latin letters: think or talk it over, then tell
		"soch* ~4 batata|batati|bataunga|bataungi|batayenge|bataenge|bata|will", "baat|pooch|puch|poochh|puchh ~3 karke|kar|ke ~2 batata|batati|bataunga|bataungi|batayenge|bataenge|bata|will",
		"baad|bad mein|me|main ~2 batata|batati|bataunga|bataungi|batayenge|bataenge|bata",
		// we'll see: "dekhte hain", "dekhenge", "dekh lete hain"
		"dekhte|dekhta|dekhti hain|hai|hoon|hu|$", "dekhenge|dekhunga|dekhungi", "dekh lete|lenge|leta|leti|lunga|lungi",
		// the shifts, hours or pay to be known first: "let me check my
		// rota first", "once I see my schedule", "salary aane ke baad
		// confirm karunga"
		"check|see|know|get|confirm ~4 hours|shifts|shift|rota|roster|schedule|timetable|paycheck|payslip|salary|wages|budget ~4 first|before",
		"once|when|after|until|till i|we ~3 know|see|get|check|have ~4 hours|shifts|rota|roster|schedule|timetable|paycheck|payslip|salary|wages",
		"baad|bad ~2 confirm|decide|finalise|finalize|final",
	}, zh: []string{
		// asked first: 我要问下家人先, 等我问问老公先
		"问(下|一下|问)~6先", "先问(下|一下|问)", "等我~2问", "想好~4(告诉|回复|答复|联系|说)",
		// in Cantonese: think it over first (谂下先, 谂清楚), answer later (迟啲覆你, 再话你知)
		"谂(下|一下|一谂|清楚|吓|多阵|多下)", "迟(啲|点|些)~4(覆|复|回|答|话|讲|再)", "再话~2你知", "回头~4(告诉|回复|答复|联系)", "商量好(再|后|之后|以后|然后)", "等~8商量好", "商量~4再(告诉|回复|答复|联系|说|决定)",
		"考虑一下", "考虑考虑", "考虑下", "想想", "想一想", "想一下", "想下", "回去~2想", "琢磨", "再考虑", "再说吧", "回头再说",
		"再商量", "商量一下", "商量商量", "先跟~8商量", "先和~8商量"}},
	{intent: agent.IntentAffirm, neg: true, en: []string{
		"^ yes|ok|sure|correct|alright|absolutely|definitely|certainly|indeed|affirmative|k", "^ right $", "that is right|correct",
		"of course", "^ it is me", "^ speaking $", "^ that is me", "^ i am $",
	}, zh: []string{"^是的", "^是$", "^对", "^嗯", "^好$", "^好的", "^没错", "^行$", "^可以$", "^当然", "^本人", "^是我"}},
	{intent: agent.IntentDeny, neg: false, en: []string{
		"^ no|nope|negative|incorrect", "^ not really", "^ that is wrong|incorrect", "^ wrong $",
	}, zh: []string{"^不是", "^不$", "^没有$", "^不对", "^不用", "^没有"}},
}
