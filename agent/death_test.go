package agent

import "testing"

func TestNamesBorrowersDeath(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text, name string
		want       bool
	}{
		{"my wife Maria passed away in February", "Maria Lopez", true},
		{"hi, Maria Lopez has died. I'm her daughter", "Maria Lopez", true},
		{"女儿告诉你们，王芳已经去世了", "王芳", true},
		// The borrower's own bereavement names someone else.
		{"my mother passed away last week", "Maria Lopez", false},
		{"Mariana died last year", "Maria Lopez", false},
		{"Maria is in hospital", "Maria Lopez", false},
		{"我妈妈去世了", "王芳", false},
	}
	for _, tc := range tests {
		if got := namesBorrowersDeath(tc.text, tc.name); got != tc.want {
			t.Errorf("namesBorrowersDeath(%q, %q) = %v, want %v", tc.text, tc.name, got, tc.want)
		}
	}
}
