package policies

import "testing"

// TestBorrowerIndex: the portfolio's names and addresses, held as digests,
// block a message that names another borrower, in English and Chinese,
// but never the recipient's own name.
func TestBorrowerIndex(t *testing.T) {
	t.Parallel()
	g := Default()
	ix := NewBorrowerIndex(
		[]string{"Maria Lopez", "Chen Wei", "王小明", "Priya Sharma", "Cher"},
		[]string{"chen.wei@example.com", "not-an-address"},
	)
	if ix.Len() != 5 { // four names of two words or more, one address
		t.Fatalf("index holds %d digests, want 5", ix.Len())
	}
	tests := []struct {
		name  string
		text  string
		self  string
		block bool
	}{
		{"another borrower by name", "Unlike Chen Wei, you kept your promise.", "Maria Lopez", true},
		{"another borrower, other case and spacing", "unlike CHEN  WEI you kept your promise", "Maria Lopez", true},
		{"another borrower's address", "We wrote to chen.wei@example.com yesterday.", "Maria Lopez", true},
		{"another borrower in Chinese", "王小明已经还清了。", "李华", true},
		{"another borrower, possessive", "That was Priya Sharma's plan, not yours.", "Maria Lopez", true},
		{"the recipient's own name", "Hello Maria Lopez, thank you for your message.", "Maria Lopez", false},
		{"the recipient's own Chinese name", "王小明，您好，感谢您的回复。", "王小明", false},
		{"a single word is no name", "Cher, thank you for your message.", "Maria Lopez", false},
		{"words that are not a name", "Thank you, we will write again soon.", "Maria Lopez", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := verified("GB", "Europe/London", "2026-03-02T12:00:00Z")
			f.BorrowerName = tc.self
			f.OtherBorrowers = ix
			d := g.Check(Proposal{Text: tc.text, Channel: "chat"}, f)
			if blocked := d.Action == Block; blocked != tc.block {
				t.Errorf("%q to %s: %s %v, want blocked=%v", tc.text, tc.self, d.Action, d.Violations, tc.block)
			}
		})
	}
}
