package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestProtectiveCrisisByMeansOrPlace: suicidal intent said through a
// place to go off (a bridge, an overpass, a pier), a means taken out or
// at hand (a gun, a rope, pills), "ending it" with a time, or not being
// around much longer; ordinary mentions of the same places and things
// are no crisis.
func TestProtectiveCrisisByMeansOrPlace(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "some nights I picture steering straight off the overpass on my way back", want: in(agent.IntentVulnerable)},
		{text: "I keep wanting to yank the wheel into the river when I cross the bridge", want: in(agent.IntentVulnerable)},
		{text: "honestly thought about driving my car off the pier last night", want: in(agent.IntentVulnerable)},
		{text: "my husband's revolver is loaded and sitting right next to me", want: in(agent.IntentVulnerable)},
		{text: "I took the shotgun out of the closet an hour ago", want: in(agent.IntentVulnerable)},
		{text: "got the rope down from the garage tonight", want: in(agent.IntentVulnerable)},
		{text: "I'm planning on ending it this weekend, sorry", want: in(agent.IntentVulnerable)},
		{text: "gonna end it for good tonight i think", want: in(agent.IntentVulnerable)},
		{text: "dont worry about the money, I won't be around much longer anyway", want: in(agent.IntentVulnerable)},
		{text: "I wont be around to pay any of this", want: in(agent.IntentVulnerable)},
		// near misses
		{text: "I drive over the bridge to work every day, can I pay Friday", not: in(agent.IntentVulnerable)},
		{text: "my gun license fee is due too, money is tight", not: in(agent.IntentVulnerable)},
		{text: "I won't be around next week, I'm travelling, message me after the 20th", not: in(agent.IntentVulnerable)},
		{text: "I'd like to end it early by paying the rest in full", not: in(agent.IntentVulnerable)},
	})
}

// TestProtectiveBankruptcyShorthand: a bankruptcy filed, said in texting
// shorthand (ch 13, bk) or by its automatic stay.
func TestProtectiveBankruptcyShorthand(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "we're in ch 13 now, the trustee has the case", want: in(agent.IntentBankruptcy)},
		{text: "my wife and I filed bk back in march", want: in(agent.IntentBankruptcy)},
		{text: "there is an automatic stay on all my accounts since monday", want: in(agent.IntentBankruptcy)},
		{text: "filed chap. 7 two weeks ago", want: in(agent.IntentBankruptcy)},
		// near misses
		{text: "call me bk in 10 min", not: in(agent.IntentBankruptcy)},
		{text: "ch 3 of the letter says I owe interest, is that right", not: in(agent.IntentBankruptcy)},
	})
}

// TestProtectiveOptOutHindiImperative: an opt-out in Hindi told as an
// order, in Latin letters and in Devanagari: "msg band kar do", "call mat
// karo", "संदेश बंद कीजिए".
func TestProtectiveOptOutHindiImperative(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "bhai ye msg band kar do please", want: in(agent.IntentOptOut)},
		{text: "mujhe call mat karo baar baar", want: in(agent.IntentOptOut)},
		{text: "text bandh karein", want: in(agent.IntentOptOut)},
		{text: "कृपया ये संदेश बंद कीजिए", want: in(agent.IntentOptOut)},
		{text: "मुझे कॉल मत करो", want: in(agent.IntentOptOut)},
		{text: "अब एसएमएस न भेजें", want: in(agent.IntentOptOut)},
		// near misses
		{text: "mera phone band tha, dobara msg bhejo", not: in(agent.IntentOptOut)},
		{text: "EMI ka message bhejo mujhe", not: in(agent.IntentOptOut)},
	})
}

// TestProtectiveDeathInDevanagari: a relative who tells in Devanagari
// that the borrower died (मौत, निधन, देहांत, गुज़र गए) is telling of the
// borrower's death; a borrower's own bereavement is not.
func TestProtectiveDeathInDevanagari(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "मैं सुनीता की बेटी हूँ। मेरी माँ का पिछले हफ्ते निधन हो गया।", want: in(agent.IntentDeceased)},
		{text: "मैं राकेश का बेटा हूं, पापा का देहांत हो गया है, कृपया फोन मत कीजिए", want: in(agent.IntentDeceased)},
		{text: "मैं अनिल की पत्नी हूँ। अनिल दो हफ्ते पहले गुज़र गए।", want: in(agent.IntentDeceased, agent.IntentThirdParty)},
		{text: "main Suresh ka bhai hoon, Suresh ki maut ho gayi accident mein", want: in(agent.IntentDeceased)},
		// near misses: the writer's own loss
		{text: "मेरे पिताजी का निधन हो गया, इसलिए इस महीने देर होगी", not: in(agent.IntentDeceased, agent.IntentThirdParty)},
	})
}

// TestThirdPartyAnsweringForTheBorrower: someone who answers the
// borrower's phone or line and offers to pass a message on, who says in
// Spanish whose relative they are, or who says the borrower no longer
// lives there, is not the borrower.
func TestThirdPartyAnsweringForTheBorrower(t *testing.T) {
	t.Parallel()
	runProtect(t, []protectCase{
		{text: "you've reached Carla's cell, she stepped out, want me to give her a message?", want: in(agent.IntentThirdParty)},
		{text: "it's Darnell's phone, he's driving, who's calling?", want: in(agent.IntentThirdParty)},
		{text: "she's not in right now but I can pass it on to her", want: in(agent.IntentThirdParty)},
		{text: "he isn't home, I'll let him know you called", want: in(agent.IntentThirdParty)},
		{text: "soy su esposo, ella no está ahora. what do you want?", want: in(agent.IntentThirdParty)},
		{text: "Buenas, soy la hermana de Lucía, she's at work", want: in(agent.IntentThirdParty)},
		{text: "she moved out last year, she doesn't live here anymore", want: in(agent.IntentThirdParty)},
		{text: "he has not lived at this address since 2023, stop calling", want: in(agent.IntentThirdParty, agent.IntentOptOut)},
		// near misses: the borrower speaking of someone else
		{text: "let me talk to my wife first, I'll tell her about the options", not: in(agent.IntentThirdParty)},
		{text: "this is my phone, my name is Carla", not: in(agent.IntentThirdParty)},
		{text: "my son is not here to help me with this, can you explain slowly", not: in(agent.IntentThirdParty)},
	})
}
