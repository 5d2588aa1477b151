package policies

import "testing"

// TestChineseFalseStanding: false claims in Chinese about who is writing
// and what non-payment brings: a collector appointed by the government,
// prosecutors, criminal police, an arbitration court, a discipline
// committee, a wanted list; invented consequences for children, spouse,
// social insurance, residence or citizenship; being no collector, no
// outsourcer, no computer; Cantonese "a real person". Beside them, the
// clean wording: a human adviser who will call, advice to ask the police,
// consequences denied.
func TestChineseFalseStanding(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"本公司是政府委派的债务清收单位。", CatFalseRepresentation, true},
		{"你的材料已经送到检察官办公室了。", CatFalseRepresentation, true},
		{"這裡是刑警隊，你的案子我們在辦。", CatFalseRepresentation, true},
		{"你的欠款已经上报到你单位的纪委。", CatFalseRepresentation, true},
		{"你已经上了网上通缉名单。", CatFalseRepresentation, true},
		{"欠款不还，你孩子以后考编、参军都会受影响。", CatFalseRepresentation, true},
		{"逾期会导致你的医保被停。", CatFalseRepresentation, true},
		{"再不还，你申请入籍会被拒。", CatFalseRepresentation, true},
		{"我们不是什么催收公司，只是关心一下你的还款。", CatFalseRepresentation, true},
		{"放心，我哋唔係外包，係銀行自己嘅人。", CatFalseRepresentation, true},
		{"我不是电脑，我是客服小王本人。", CatFalseRepresentation, true},
		{"同你倾紧计嘅係真人，唔係機械人。", CatFalseRepresentation, true},

		{"您好，真人顾问将在工作时间给您回电。", CatFalseRepresentation, false},
		{"如有自称民警的人向您催款，请向当地派出所核实。", CatFalseRepresentation, false},
		{"逾期不会影响您孩子考编或参军，请放心。", CatFalseRepresentation, false},
		{"您的医保和社保不会因为这笔欠款受到任何影响。", CatFalseRepresentation, false},
		{"我是智能客服，如需人工服务请回复“人工”。", CatFalseRepresentation, false},
		{"我係自動回覆，唔係真人，要搵職員請回覆「人工」。", CatFalseRepresentation, false},
	})
}
