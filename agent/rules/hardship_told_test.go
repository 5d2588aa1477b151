package rules

import (
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestHardshipToldAsNews: hardship told as news, with nothing asked for
// (a shop's stock ruined by flood water, a parent's cancer treatment
// taking the money, long covid keeping someone off work, a partner gone
// and the children left, a house fire and a motel since), is read as
// hardship or a vulnerability, in English, Hinglish and Hindi.
func TestHardshipToldAsNews(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
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
		cmds := readWith(t, text, nil)
		_, h := first(cmds, agent.IntentHardship)
		_, v := first(cmds, agent.IntentVulnerability)
		if !h && !v {
			t.Errorf("%q read as %+v; want hardship or a vulnerability", text, cmds)
		}
	}
}
