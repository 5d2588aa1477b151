package policies

import "testing"

// TestDisownedByTheNextSentence: what a sentence quotes or describes is
// disowned when the next one says it is fake, a scam or not the sender's
// ("Got a text saying a warrant is out for you? It's fake."); a threat the
// next sentence does not disown stays a threat.
func TestDisownedByTheNextSentence(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Received a message saying bailiffs will seize your furniture tomorrow? That's a scam. We never send bailiffs.", CatThreat, false},
		{"A WhatsApp group is posting borrowers' photos as defaulters. That isn't us, and we never contact your friends.", CatThirdPartyDisclosure, false},
		{"有人冒充法院发短信说要冻结您的账户？那是假的，法院不会这样通知。", CatThreat, false},
		{"Bailiffs will seize your furniture tomorrow. That's a promise.", CatThreat, true},
		{"We will post your photo in the group. It's not a joke.", CatThirdPartyDisclosure, true},
	})
}

// TestDisowningThatStartsAnotherStatement: "it's not us who …" blames
// someone else for a threat, it does not disown it.
func TestDisowningThatStartsAnotherStatement(t *testing.T) {
	t.Parallel()
	checkCategoryCases(t, []categoryCase{
		{"Bailiffs will seize your furniture tomorrow. It's not us who wants this, it's the lender.", CatThreat, true},
		{"我们会去你单位找你。不是我们不讲情面，是你逼的。", CatThreat, true},
	})
}
