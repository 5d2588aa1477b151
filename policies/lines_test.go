package policies

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCheckLinesContract(t *testing.T) {
	t.Parallel()
	const facts = `"facts":{"balance":"1200.00","allowed_amounts":["200.00"]}`
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"allowed", `{"id":"m1","text":"Thanks, your plan is set.","channel":"chat","jurisdiction":"GB","now":"2026-03-02T12:00:00Z","timezone":"Europe/London","recipient_verified":true,"first_message":false,` + facts + `}`,
			`{"id":"m1","decision":"allow","violations":[],"text":"Thanks, your plan is set."}`},
		{"empty text is allowed and present", `{"id":"m2","text":"","jurisdiction":"GB"}`,
			`{"id":"m2","decision":"allow","violations":[],"text":""}`},
		{"revised", `{"id":"m3","text":"Your plan is set.","channel":"chat","jurisdiction":"US","now":"2026-03-02T18:00:00Z","timezone":"America/Chicago","recipient_verified":true,"first_message":false,` + facts + `}`,
			`{"id":"m3","decision":"revise","violations":[{"rule":"US-D2","category":"disclosure_missing","detail":"lacks the notice that it is from a debt collector","citation":"15 USC 1692e(11); 12 CFR 1006.18(e)(2)"}],"text":"Your plan is set. This communication is from a debt collector."}`},
		{"deferred", `{"id":"m4","text":"Your plan is set.","channel":"chat","jurisdiction":"GB","now":"2026-03-02T22:00:00Z","timezone":"Europe/London","recipient_verified":true,"first_message":false}`,
			`{"id":"m4","decision":"defer","violations":[{"rule":"UK-T2","category":"contact_time","detail":"outside the allowed contact hours at the recipient's location","citation":"CONC 7.9.4R; MCOB 13.5.4G"}],"send_at":"2026-03-03T08:00:00Z"}`},
		{"blocked", `{"id":"m5","text":"You will be arrested.","channel":"chat","jurisdiction":"US","now":"2026-03-02T18:00:00Z","timezone":"America/Chicago","recipient_verified":true,"first_message":false}`,
			`{"id":"m5","decision":"block","violations":[{"rule":"US-P3","category":"threat","detail":"threatens arrest, jail or prosecution","citation":"15 USC 1692e(4)"},{"rule":"US-D2","category":"disclosure_missing","detail":"lacks the notice that it is from a debt collector","citation":"15 USC 1692e(11); 12 CFR 1006.18(e)(2)"}]}`},
		{"unknown jurisdiction", `{"id":"m6","text":"Hello","jurisdiction":"XX"}`,
			`{"id":"m6","decision":"block","violations":[],"error":"unknown jurisdiction"}`},
		{"malformed JSON keeps the id it can find", `{"id":"m7","text":"Hello",`,
			`{"id":"m7","decision":"block","error":"line 1: malformed JSON: unexpected end of JSON input"}`},
		{"malformed JSON, id after a nested value", `{"facts":{"id":"inner"},"id":"m7b","text":}`,
			`{"id":"m7b","decision":"block","error":"line 1: malformed JSON: invalid character '}' looking for beginning of value"}`},
		{"wrong type", `{"id":"m8","text":42}`,
			`{"id":"m8","decision":"block","error":"line 1: malformed JSON: json: cannot unmarshal number into Go struct field lineInput.text of type string"}`},
		{"numeric id", `{"id":9,"text":"x"}`,
			`{"id":"9","decision":"block","error":"line 1: malformed JSON: json: cannot unmarshal number into Go struct field lineInput.id of type string"}`},
		{"missing text", `{"id":"m10"}`, `{"id":"m10","decision":"block","error":"line 1: text is required"}`},
		{"missing id", `{"text":"hi"}`, `{"id":"","decision":"block","error":"line 1: id is required"}`},
		{"bad channel", `{"id":"m12","text":"hi","channel":"fax","jurisdiction":"US"}`, `{"id":"m12","decision":"block","error":"line 1: unknown channel \"fax\""}`},
		{"bad time", `{"id":"m13","text":"hi","jurisdiction":"US","now":"tomorrow"}`, `{"id":"m13","decision":"block","error":"line 1: now: not an RFC 3339 time: \"tomorrow\""}`},
		{"bad amount", `{"id":"m14","text":"hi","jurisdiction":"US","facts":{"balance":"12.345"}}`, `{"id":"m14","decision":"block","error":"line 1: facts.balance: not a decimal amount: \"12.345\""}`},
		{"bad zone", `{"id":"m15","text":"hi","jurisdiction":"US","timezone":"Mars/Base"}`, `{"id":"m15","decision":"block","error":"line 1: unknown time zone \"Mars/Base\""}`},
		{"missing time blocks an agent's message", `{"id":"m16","text":"Hi there.","jurisdiction":"GB","recipient_verified":true,"first_message":false}`,
			`{"id":"m16","decision":"block","violations":[{"rule":"UK-T2","category":"contact_time","detail":"the time of sending is unknown","citation":"CONC 7.9.4R; MCOB 13.5.4G"}]}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var out bytes.Buffer
			if err := CheckLines(Default(), strings.NewReader(tc.in+"\n"), &out); err != nil {
				t.Fatalf("CheckLines: %v", err)
			}
			if diff := cmp.Diff(tc.want+"\n", out.String()); diff != "" {
				t.Errorf("output (-want +got) / 输出不符:\n%s", diff)
			}
		})
	}
}

func TestCheckLinesKeepsOrderAndGoesOn(t *testing.T) {
	t.Parallel()
	in := strings.Join([]string{
		`{"id":"a","text":"","jurisdiction":"GB"}`,
		`not json at all`,
		``,
		`   `,
		`{"id":"b","text":"","jurisdiction":"CN"}`,
		`{"id":"c","text":"` + strings.Repeat("x", MaxLineBytes) + `"}`,
		`{"id":"d","text":"","jurisdiction":"IN"}`,
	}, "\r\n") // no newline at the end, CRLF between
	var out bytes.Buffer
	if err := CheckLines(Default(), strings.NewReader(in), &out); err != nil {
		t.Fatalf("CheckLines: %v", err)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var d struct{ ID, Decision, Error string }
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("output line %q is not JSON: %v / 输出不是 JSON", line, err)
		}
		got = append(got, d.ID+":"+d.Decision+":"+strings.Split(d.Error, ":")[0])
	}
	want := []string{"a:allow:", ":block:line 2", "b:allow:", "c:block:line 6", "d:allow:"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("decisions (-want +got) / 输出顺序或内容不符:\n%s", diff)
	}
}

func TestCheckLinesMissingFieldsReadStrictly(t *testing.T) {
	t.Parallel()
	// No verification, no zone, no first_message: not verified, every US
	// zone, and a first message, so an amount is a disclosure to a possible
	// third party and the time must suit Hawaii as well as New York.
	in := `{"id":"s","text":"You owe $1,200.00.","jurisdiction":"US","now":"2026-03-02T14:00:00Z"}`
	var in2 lineInput
	if err := json.Unmarshal([]byte(in), &in2); err != nil {
		t.Fatal(err)
	}
	p, f, err := in2.decode(Default())
	if err != nil {
		t.Fatal(err)
	}
	if f.RecipientVerified || !p.FirstMessage || f.Timezone != "" || p.Channel != "" || p.InitiatedBy != "" {
		t.Errorf("decoded %+v %+v, want the strictest reading / 缺省字段应按最严格解释", p, f)
	}
	d := Default().Check(p, f)
	got := map[string]bool{}
	for _, v := range d.Violations {
		got[v.Category] = true
	}
	for _, c := range []string{CatThirdPartyDisclosure, CatContactTime, CatUngroundedAmount} {
		if !got[c] {
			t.Errorf("missing %s in %v / 缺少类别", c, d.Violations)
		}
	}
	if d.Action != Block {
		t.Errorf("action = %s, want block / 应拦截", d.Action)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestCheckLinesReportsWriteErrors(t *testing.T) {
	t.Parallel()
	err := CheckLines(Default(), strings.NewReader(`{"id":"a","text":"","jurisdiction":"GB"}`+"\n"), failWriter{})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("err = %v, want the write error / 应返回写入错误", err)
	}
}

// TestCheckLinesReportsMalformedLines: every malformed line is answered with
// its line number, and the report lists them.
func TestCheckLinesReportsMalformedLines(t *testing.T) {
	t.Parallel()
	in := `{"id":"a","text":"hi","jurisdiction":"GB","now":"2026-03-02T12:00:00Z","timezone":"Europe/London"}` + "\n\n" +
		`{"id":"b","text":` + "\n" + `{"id":"c","text":"hi","channel":"fax"}` + "\n"
	var out strings.Builder
	rep, err := CheckLinesReport(Default(), strings.NewReader(in), &out)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Lines != 3 || !slices.Equal(rep.Malformed, []int{3, 4}) {
		t.Fatalf("report = %+v, want 3 lines, malformed 3 and 4 / 报告不符", rep)
	}
	got := out.String()
	if !strings.Contains(got, `"error":"line 3: malformed JSON`) || !strings.Contains(got, `"error":"line 4: unknown channel`) {
		t.Fatalf("output lacks the line numbers / 缺少行号:\n%s", got)
	}
}
