package policies

import "testing"

// TestChineseCleanMentions: clean Chinese messages that name a threat,
// a visit or the police without making one: the borrower's question about
// a human agent, a visit only on the borrower's consent, someone else's
// threat the borrower reported, a word named as a word (这种说法), a report
// made to the police, an emergency contact used only when the borrower
// cannot be reached. Beside them, the same words used as threats.
func TestChineseCleanMentions(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"您问是不是真人在跟您聊？不是，这是自动回复。", CatFalseRepresentation, false},
		{"如确需上门核实，会提前征得您同意并出示证件。", CatThreat, false},
		{"您说有人威胁要去您单位闹，那不是我们的人，请保留证据。", CatThreat, false},
		{"您反映有人在您单位门口堵您，我们核实过不是我们的员工。", CatThreat, false},
		{"“后果自负”这种说法不应出现在我们的短信里，我们已经处理了相关员工。", CatThreat, false},
		{"“黑名单”这类说法并不准确，逾期记录按规定报送。", CatFalseRepresentation, false},
		{"我们已向公安机关报案，并会配合调查。", CatFalseRepresentation, false},
		{"紧急联系人仅在无法联系到您本人时使用，不会提及欠款。", CatThirdPartyDisclosure, false},

		{"明天我们就上门，你不同意也没用。", CatThreat, true},
		{"我们已经威胁过你了，明天派人去你单位。", CatThreat, true},
		{"后果自负，这种话我只说一次。", CatThreat, true},
		{"我们会打给你的紧急联系人，告诉他们你欠钱不还。", CatThirdPartyDisclosure, true},
	})
}
