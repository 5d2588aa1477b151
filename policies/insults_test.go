package policies

import "testing"

// TestInsultsInOtherWords: insults beyond the lexicon's first words, in
// English, Chinese and Cantonese, are harassment; a scam warning about a
// thief, an app that is not working and insults denied are not.
func TestInsultsInOtherWords(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Only a scumbag takes the money and vanishes.", CatHarassment, true},
		{"You absolute halfwit, the payment was due on Monday.", CatHarassment, true},
		{"What kind of imbecile ignores five letters?", CatHarassment, true},
		{"Stop acting like a good-for-nothing and sort this out.", CatHarassment, true},
		{"You're a thief and everyone can see it.", CatHarassment, true},
		{"You are nothing but a sad excuse for a grown man.", CatHarassment, true},
		{"Bottom-feeders like you always have an excuse.", CatHarassment, true},
		{"You ungrateful wastrel, we trusted you with that loan.", CatHarassment, true},
		{"你这个狗东西，欠钱还有理了？", CatHarassment, true},
		{"白眼狼，借钱的时候怎么不说没钱？", CatHarassment, true},
		{"穷光蛋还学人借钱。", CatHarassment, true},
		{"你脑残吧，连个还款日都记不住。", CatHarassment, true},
		{"厚颜无耻，拖了半年一分不还。", CatHarassment, true},
		{"你個痴線佬，仲唔還錢？", CatHarassment, true},

		{"If a thief has used your card, tell us and we will stop collection while we look into it.", CatHarassment, false},
		{"Sorry, the app is being a pain today; you can pay by phone instead.", CatHarassment, false},
		{"Nobody here thinks you are a scumbag or a thief; lots of people fall behind.", CatHarassment, false},
		{"我们不会骂您是白眼狼，请放心沟通。", CatHarassment, false},
		{"如有人辱骂您是狗东西，请保留记录并投诉。", CatHarassment, false},
	})
}
