package evals

import "testing"

// FuzzSuite feeds arbitrary YAML to the suite parser: it never panics, and
// a suite it accepts has a name and cases that each have turns or simulate.
func FuzzSuite(f *testing.F) {
	f.Add([]byte(goodSuite))
	f.Add([]byte("name: x\ncases: []\n"))
	f.Add([]byte("name: x\ncases:\n  - name: a\n    turns: [{borrower: hi}]\n"))
	f.Add([]byte("{{{"))
	f.Add([]byte("name: x\naccount: {id: A, balance: \"1\"}\ncases:\n  - name: a\n    simulate: {max_turns: 3}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		s, err := Parse("fuzz.yaml", src)
		if err != nil {
			return
		}
		if s.Name == "" || len(s.Cases) == 0 {
			t.Fatalf("accepted a suite without a name or cases: %+v", s)
		}
		for _, c := range s.Cases {
			if (len(c.Turns) == 0) == (c.Simulate == nil) {
				t.Fatalf("accepted case %q with neither or both of turns and simulate", c.Name)
			}
		}
	})
}
