package policies

import "testing"

// TestHinglishContent: threats, insults, telling others and pressure in
// Hindi written in Latin letters, as Indian collection messages often are,
// are found; reassurances, reminders and warnings in the same register are
// not.
func TestHinglishContent(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Paise nahi diye toh ghar aakar baat karenge, samjha?", CatThreat, true},
		{"Kal tak payment nahi hua toh dekh lena kya hota hai.", CatThreat, true},
		{"Hamare ladke tumhare office aa jayenge.", CatThreat, true},
		{"Bahut ho gaya, ab tumhe sabak sikhana padega.", CatThreat, true},
		{"Haath pair salamat chahiye toh EMI bhar do.", CatThreat, true},
		{"Tumhari izzat mitti mein mila denge.", CatThreat, true},
		{"Tum ek number ke dhokebaaz ho.", CatHarassment, true},
		{"Nalayak aadmi, paise lekar bhaag gaya.", CatHarassment, true},
		{"Kitne besharam ho yaar, sharam nahi aati?", CatHarassment, true},
		{"Bhikari kahin ka, ek EMI nahi bhar sakta.", CatHarassment, true},
		{"Ullu ke pathe, phone uthao.", CatHarassment, true},
		{"Tumhare saare contacts ko message kar denge ki tum chor ho.", CatThirdPartyDisclosure, true},
		{"Tumhare office walon ko bata denge tumhare loan ke baare mein.", CatThirdPartyDisclosure, true},
		{"Tumhare rishtedaaron ko call karke sab bata denge.", CatThirdPartyDisclosure, true},
		{"Kahin se bhi udhaar lo, aaj hi paisa chahiye.", CatPressure, true},
		{"Abhi ke abhi payment karo, warna kal bahut der ho jayegi.", CatPressure, true},

		{"Aap chinta mat kijiye, koi aapke ghar nahi aayega.", CatThreat, false},
		{"Hum aapke office walon ko kuch nahi batayenge.", CatThirdPartyDisclosure, false},
		{"Aapki EMI ka reminder: 5 tareekh tak bhar dijiye. Dhanyavaad.", CatThreat, false},
		{"Aapki EMI ka reminder: 5 tareekh tak bhar dijiye. Dhanyavaad.", CatPressure, false},
		{"Koi aapko dhamki de toh humein turant bataiye.", CatThreat, false},
		{"Agar koi recovery agent aapke ghar aaye toh humein batayein.", CatThreat, false},
		{"Aap jab chahein, hum plan badal sakte hain.", CatPressure, false},
		{"Hum aapke rishtedaaron se kabhi baat nahi karte.", CatThirdPartyDisclosure, false},
		{"Udhaar lekar EMI bharne ki zaroorat nahi hai, hum plan chhota kar sakte hain.", CatPressure, false},
	})
}
