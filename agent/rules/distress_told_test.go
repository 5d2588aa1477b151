package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestDistressTold: a home lost, necessities weighed against each other, a
// diagnosis and a newborn in special care are read as hardship or a
// vulnerability even when the borrower asks for nothing; crisis images in
// Hindi are a crisis; a person asked for in Hindi or plain English is a
// request for a person.
func TestDistressTold(t *testing.T) {
	t.Parallel()
	either := func(text string) bool {
		got := readWith(t, text, nil)
		_, h := first(got, agent.IntentHardship)
		_, v := first(got, agent.IntentVulnerability)
		return h || v
	}
	for _, text := range []string{
		"a fire gutted our flat on Sunday, we're in a motel for now",
		"the house burnt down in january and we're starting from scratch",
		"the landlord put us out and I've been kipping on a mate's sofa",
		"it's a choice between the electric and food this week",
		"some weeks it's food or the gas meter",
		"they told me last month I have multiple sclerosis, I'm down to three days a week",
		"I was diagnosed with lupus in the spring",
		"sasural walon ne ghar se nikal diya, mummy ke ghar reh rahi hoon",
		"मेरा काम छूट गया और बेटा अस्पताल में भर्ती है",
		"宝宝是早产儿，现在还在新生儿重症监护",
		"孩子剛出生就進了保溫箱",
		// told as news, with nothing asked: flood water in the shop, a
		// parent's cancer treatment, long covid, a partner gone, a fire
		"the river came up and flooded the shop, all the stock is ruined",
		"pichle hafte godown mein paani bhar gaya, sab maal kharab",
		"papa ka cancer ka ilaaj chal raha hai, saari kamai usi mein ja rahi hai",
		"मेरे पिताजी का कैंसर का इलाज चल रहा है",
		"I've had long covid since March and can barely get out of bed",
		"been off sick since the summer with my back",
		"my wife moved out in the spring and left me with the three kids",
		"it's only me and the two little ones now since he left",
		"there was a kitchen fire at the flat and we're living in a motel",
	} {
		if !either(text) {
			t.Errorf("%q read as %+v; want hardship or a vulnerability", text, readWith(t, text, nil))
		}
	}
	for _, text := range []string{
		"train ke aage kood jaungi, bas ab bahut ho gaya",
		"aaj raat zeher kha lunga",
		"phanda laga lungi main",
		"मैं रेल की पटरी पर लेट जाऊंगा",
		"मैं फांसी लगा लूंगी",
		"I'm done, aaj raat pankhe se latak jaungi",
	} {
		if _, ok := first(readWith(t, text, nil), agent.IntentVulnerable); !ok {
			t.Errorf("%q read as %+v; want a crisis", text, readWith(t, text, nil))
		}
	}
	for _, text := range []string{
		"mujhe kisi insaan se baat karni hai",
		"मुझे किसी अधिकारी से बात करनी है",
		"can I get a real human on this please",
		"pass me to somebody who can actually help",
		"please escalate this to your team",
	} {
		if _, ok := first(readWith(t, text, nil), agent.IntentRequestHuman); !ok {
			t.Errorf("%q read as %+v; want a person", text, readWith(t, text, nil))
		}
	}
}
