package agent

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadAttorneyDetails(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want AttorneyDetails
	}{
		{"his name is Dan Price, 312-555-0199", AttorneyDetails{Name: "Dan Price", Phone: "312-555-0199"}},
		{"my lawyer is Sarah Klein at Klein Legal, 312-555-0142, please deal with her",
			AttorneyDetails{Name: "Sarah Klein", Phone: "312-555-0142"}},
		{"my lawyer is Sarah Klein, sarah@kleinlegal.com, please deal with her",
			AttorneyDetails{Name: "Sarah Klein", Email: "sarah@kleinlegal.com"}},
		{"it's james o'neil (312) 555 0100", AttorneyDetails{Name: "james o'neil", Phone: "(312) 555 0100"}},
		{"律师叫张伟，电话13912345678", AttorneyDetails{Name: "张伟", Phone: "13912345678"}},
		{"我的律师是李娜，邮箱 lina@law.cn", AttorneyDetails{Name: "李娜", Email: "lina@law.cn"}},
		{"My solicitor Ms. Harriet Vane handles it now, 020 7946 0123", AttorneyDetails{Name: "Ms. Harriet Vane", Phone: "020 7946 0123"}},
		{"our counsel Dr. Amara Osei will be in touch", AttorneyDetails{Name: "Dr. Amara Osei"}},
		{"委託的律師是陳美玲，電話0912 345 678", AttorneyDetails{Name: "陳美玲", Phone: "0912 345 678"}},
		{"my lawyer handles this now", AttorneyDetails{}},
		// Nothing of an attorney: a question, an amount, a date.
		{"hi how much do I owe?", AttorneyDetails{}},
		{"I can pay 1200 on 12/05", AttorneyDetails{}},
		{"talk to my lawyer", AttorneyDetails{}},
		{"I have an attorney, talk to my lawyer", AttorneyDetails{}},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, readAttorneyDetails(tc.text)); diff != "" {
			t.Errorf("readAttorneyDetails(%q) (-want +got):\n%s", tc.text, diff)
		}
	}
}

// Names placed before 律师, after "my solicitor," with a comma, and
// followed by Chinese punctuation in mixed text.
func TestReadAttorneyDetailsMoreForms(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want AttorneyDetails
	}{
		{"我请了律师，刘志明律师，电话13812345678", AttorneyDetails{Name: "刘志明", Phone: "13812345678"}},
		{"有事找我的律师", AttorneyDetails{}},
		{"My lawyer, Mr Omar Haddad of Haddad Legal, acts for me now", AttorneyDetails{Name: "Mr Omar Haddad"}},
		{"我有 attorney 了，her name is Grace Lin，电话 646-555-0101", AttorneyDetails{Name: "Grace Lin", Phone: "646-555-0101"}},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, readAttorneyDetails(tc.text)); diff != "" {
			t.Errorf("readAttorneyDetails(%q) (-want +got):\n%s", tc.text, diff)
		}
	}
}

// TestAttorneyNameBesideItsNumber: a name set just before the attorney's
// number ("I have counsel now. Priya Desai, 312-555-0199"), a name after
// "mera lawyer" in Hindi in Latin letters, a Chinese name after the
// English word in mixed text, a name before the firm it works at ("Dana
// Whitfield of Whitfield Legal, 617-…") and one after a title anywhere in
// the message ("ab se Advocate Sunil Kapoor se baat kijiye") are the
// attorney's.
func TestAttorneyNameBesideItsNumber(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want AttorneyDetails
	}{
		{"I have counsel now. Priya Desai, 312-555-0199. Talk to her.", AttorneyDetails{Name: "Priya Desai", Phone: "312-555-0199"}},
		{"Got a solicitor sorted. Tom Hartley - 020 7946 0958", AttorneyDetails{Name: "Tom Hartley", Phone: "020 7946 0958"}},
		{"mera lawyer Adv. Suresh Menon dekhega ab, number 9876501234", AttorneyDetails{Name: "Adv. Suresh Menon", Phone: "9876501234"}},
		{"我的 attorney 周海涛会处理，电话 13700001111", AttorneyDetails{Name: "周海涛", Phone: "13700001111"}},
		{"call me on 312-555-0199", AttorneyDetails{Phone: "312-555-0199"}},
		// a name before the firm it works at, or after a title anywhere
		// in the message
		{"I have a lawyer now. Please send all correspondence to Dana Whitfield of Whitfield Legal, 617-555-0133",
			AttorneyDetails{Name: "Dana Whitfield", Phone: "617-555-0133"}},
		{"Refer this to Owen Price at Price & Mabry LLP, 0161 496 0021, he acts for me.",
			AttorneyDetails{Name: "Owen Price", Phone: "0161 496 0021"}},
		{"ab se Advocate Sunil Kapoor se baat kijiye, 98200 11223", AttorneyDetails{Name: "Advocate Sunil Kapoor", Phone: "98200 11223"}},
		{"mere vakil Adv. Farah Khan hain, unka number 99300 45678", AttorneyDetails{Name: "Adv. Farah Khan", Phone: "99300 45678"}},
		{"I work at Home Depot, 312-555-0100", AttorneyDetails{Phone: "312-555-0100"}},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, readAttorneyDetails(tc.text)); diff != "" {
			t.Errorf("readAttorneyDetails(%q) (-want +got):\n%s", tc.text, diff)
		}
	}
}
