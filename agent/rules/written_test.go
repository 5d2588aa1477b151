package rules

import (
	"context"
	"testing"

	"github.com/parley-collections/parley/agent"
)

// TestSeveralCandidatesForOneFact checks that a message offering more than
// one value of a fact says so (IdentityClaim.Written), while one value
// written ambiguously ("04/05/1985", a ZIP+4) stays one value with several
// readings.
func TestSeveralCandidatesForOneFact(t *testing.T) {
	t.Parallel()
	askDOB := agentSaid("To check it's you, what is your date of birth and ZIP code?")
	askZHID := agentSaid("请提供您的出生日期和身份证号后四位。")
	cases := []struct {
		text    string
		history []agent.Message
		kind    agent.IdentityKind
		written int // 0: one value
	}{
		{"I was born either 3/14/1979 or 3/15/1979, not sure which you have", askDOB, agent.IdentityDOB, 2},
		{"birthday june 2 1990 / june 20 1990 / july 2 1990", askDOB, agent.IdentityDOB, 3},
		{"zip could be 73301, 73344 — I moved", askDOB, agent.IdentityPostcode, 2},
		{"try 10025 or else 10027 for the zip", askDOB, agent.IdentityPostcode, 2},
		{"出生日期1990年6月2日或者6月20日，后四位4455", askZHID, agent.IdentityDOB, 2},
		{"生日是1988年3月1日还是3月10日我忘了", askZHID, agent.IdentityDOB, 2},
		{"后四位不是2233就是3322", askZHID, agent.IdentityIDLast4, 2},
		// One value, one or more readings.
		{"dob 04/05/1985 zip 73301", askDOB, agent.IdentityDOB, 0},
		{"dob 04/05/1985 zip 73301", askDOB, agent.IdentityPostcode, 0},
		{"zip 73301-0001", askDOB, agent.IdentityPostcode, 0},
		{"born 1/2/79", askDOB, agent.IdentityDOB, 0},
		{"born 12 march 1979, last paid you on may 3", askDOB, agent.IdentityDOB, 0},
		{"1990年6月2日，4455", askZHID, agent.IdentityDOB, 0},
	}
	b := New()
	for _, tc := range cases {
		t.Run(tc.text+"/"+string(tc.kind), func(t *testing.T) {
			t.Parallel()
			u, err := b.Understand(context.Background(), agent.TurnContext{Now: now, Currency: "USD", History: tc.history}, tc.text)
			if err != nil {
				t.Fatal(err)
			}
			var found *agent.IdentityClaim
			for _, c := range u.Commands {
				for i := range c.Identity {
					if c.Identity[i].Kind == tc.kind {
						found = &c.Identity[i]
					}
				}
			}
			if found == nil {
				t.Fatalf("no %s claim in %+v", tc.kind, u.Commands)
			}
			if found.Written != tc.written {
				t.Errorf("written = %d, want %d (values %v)", found.Written, tc.written, found.Values)
			}
		})
	}
}
