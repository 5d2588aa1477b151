package policies

// Tables that fold look-alike and variant characters before any detector
// reads a text: Cyrillic and Greek letters that look like Latin ones, digits
// of other scripts, and traditional Chinese characters to their simplified
// forms, so that one lexicon and one amount reader serve all of them.

// confusables maps a Cyrillic or Greek letter to the Latin letter it is
// written to look like ("arrеsted" with a Cyrillic е).
var confusables = map[rune]byte{
	// Cyrillic, lower and upper case
	'а': 'a', 'в': 'b', 'е': 'e', 'ё': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p', 'с': 'c', 'т': 't',
	'у': 'y', 'х': 'x', 'і': 'i', 'ї': 'i', 'ј': 'j', 'ѕ': 's', 'ԁ': 'd', 'һ': 'h', 'ԛ': 'q', 'ԝ': 'w', 'ӏ': 'l',
	'А': 'a', 'В': 'b', 'Е': 'e', 'Ё': 'e', 'К': 'k', 'М': 'm', 'Н': 'h', 'О': 'o', 'Р': 'p', 'С': 'c', 'Т': 't',
	'У': 'y', 'Х': 'x', 'І': 'i', 'Ј': 'j', 'Ѕ': 's', 'Ԁ': 'd', 'Һ': 'h', 'Ԛ': 'q', 'Ԝ': 'w',
	// Greek, lower and upper case
	'α': 'a', 'β': 'b', 'ε': 'e', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'τ': 't', 'υ': 'u', 'χ': 'x',
	'Α': 'a', 'Β': 'b', 'Ε': 'e', 'Ζ': 'z', 'Η': 'h', 'Ι': 'i', 'Κ': 'k', 'Μ': 'm', 'Ν': 'n', 'Ο': 'o', 'Ρ': 'p',
	'Τ': 't', 'Υ': 'y', 'Χ': 'x',
}

// digitZeros are the zeros of the decimal digit blocks folded to ASCII.
var digitZeros = [...]rune{0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
	0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810, 0xFF10}

// foldDigit returns the ASCII digit r stands for, or 0.
func foldDigit(r rune) byte {
	for _, z := range digitZeros {
		if r >= z && r <= z+9 {
			return byte('0' + r - z)
		}
	}
	return 0
}

// traditional lists pairs of a traditional character and its simplified
// form: the common characters of collection messages.
const traditional = "們们會会來来還还錢钱讓让給给說说將将對对這这個个報报遠远進进過过時时" +
	"麼么為为與与從从後后兩两準准將将當当請请問问題题間间開开關关門门電电話话號号碼码" +
	"務务銀银行行帳账戶户單单據据額额貸贷款款償偿債债權权費费滯滞納纳罰罚違违約约資资" +
	"產产險险紀纪錄录記记聯联絡络繫系統统徵征審审核核準准處处辦办理理歸归結结清清" +
	"訴诉訟讼傳传票票書书狀状院院庭庭審审判判執执強强制制凍冻險险幫帮調调解解協协議议" +
	"親亲屬属鄰邻單单位位領领導导朋朋友友圈圈群群發发佈布貼贴曝曝光光網网絡络頁页" +
	"騙骗詐诈賴赖丟丢臉脸廢废物物蠢蠢豬猪滾滚蛋蛋該该死死殺杀揍揍燒烧砸砸斷断腿腿" +
	"讓让後后悔悔顏颜色色瞧瞧沒没完完場场別别逼逼動动手手找找門门派派家家裡里哪哪" +
	"坐坐牢牢抓抓捕捕拘拘留留警警察察報报案案犯犯罪罪刑刑事事責责任任檢检察察" +
	"壞坏蛋蛋窮穷樣样麼么難难聽听罵骂嗎吗呢呢嗎吗啊啊吧吧們们您您你你他他她她" +
	"歲岁車车輛辆房房屋屋財财凍冻結结扣扣薪薪資资工工作作公公司司學学校校" +
	"現现馬马盡尽儘尽趕赶緊紧立立刻刻即即今今天天必必須须否否則则後后果果自自負负" +
	"擔担心心害害怕怕放放絕绝對对應应該该需需要要會会沒没有有並并無无須须" +
	"驗验證证碼码密密碼码身身份份證证卡卡號号帳账戶户網网銀银登登錄录" +
	"點点擊击連连結结鏈链接接掃扫碼码轉转賬账匯汇繳缴付付還还錢钱" +
	"興兴謝谢歡欢迎迎隨随時时溫温馨馨提提醒醒態态護护隱隐私私溝沟通通" +
	"團团隊队員员專专業业機机構构託托委委託托級级層层線线熱热台台灣湾區区縣县鎮镇" +
	"愛爱麗丽華华國国張张陳陈劉刘楊杨趙赵黃黄周周吳吴鄭郑孫孙馬马羅罗謝谢韓韩" +
	"語语順顺優优惠惠減减免免計计劃划期期間间延延遲迟寬宽限限額额度度" +
	"聲声稱称冒冒充充假假實实真真誠诚經经驗验認认識识閱阅讀读聽听見见視视觀观" +
	"況况狀状態态績绩總总數数據据筆笔條条項项種种類类參参陸陆萬万億亿貳贰圓圆" +
	"鄉乡鎮镇獄狱懲惩罰罚爭争論论議议壓压迫迫脅胁恐恐嚇吓威威騷骚擾扰辱辱" +
	"體体內内據据醫医藥药費费餘余欠欠貨货買买賣卖價价錯错誤误漏漏補补償偿"

// tradToSimp maps a CJK ideograph (offset from 0x4E00) to the offset of its
// simplified form plus one, or 0 when it has none.
var tradToSimp = func() []uint16 {
	t := make([]uint16, 0xA000-0x4E00)
	rs := []rune(traditional)
	for i := 0; i+1 < len(rs); i += 2 {
		tr, s := rs[i], rs[i+1]
		if tr != s && tr >= 0x4E00 && tr < 0xA000 && s >= 0x4E00 && s < 0xA000 {
			t[tr-0x4E00] = uint16(s-0x4E00) + 1
		}
	}
	return t
}()

// simplified returns the simplified form of a traditional ideograph, or r.
func simplified(r rune) rune {
	if r >= 0x4E00 && r < 0xA000 {
		if s := tradToSimp[r-0x4E00]; s != 0 {
			return 0x4E00 + rune(s-1)
		}
	}
	return r
}
