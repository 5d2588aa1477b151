package policies

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"
)

// moreLineCases are lines beyond lineCases for a decoder that keeps its
// storage from line to line: values of the wrong type (numbers and booleans
// as strings, amounts as numbers), escapes inside lists, lists given twice,
// facts given, emptied and nulled, names that are escaped.
var moreLineCases = []string{
	`{"id":"a","text":"x","facts":{"calls_last_7d":"3"}}`,
	`{"id":"a","text":"x","facts":{"cease":"true"}}`,
	`{"id":"a","text":"x","recipient_verified":"true"}`,
	`{"id":"a","text":"x","facts":{"balance":1200}}`,
	`{"id":"a","text":"x","facts":{"allowed_amounts":[100,"200.00"]}}`,
	`{"id":"a","text":"x","facts":{"allowed_amounts":"200.00"}}`,
	`{"id":"a","text":"x","facts":{"granted_terms":["settle\u006dent","fee_waiver"],"link_hosts":["p\u0061y.example.com"]}}`,
	`{"id":"a","text":"x","facts":{"granted_terms":["settlement","fee_waiver"],"granted_terms":["payment_plan"]}}`,
	`{"id":"a","text":"x","facts":{"granted_terms":["settlement"],"granted_terms":null}}`,
	`{"id":"a","text":"x","facts":{"granted_terms":["settlement"],"granted_terms":[]}}`,
	`{"id":"a","text":"x","facts":{"cease":true,"balance":"10.00"},"facts":{}}`,
	`{"id":"a","text":"x","facts":{"cease":true},"facts":null}`,
	`{"id":"a","text":"x","facts":null,"facts":{"attorney":true}}`,
	`{"id":"a","text":"x","facts":{"cease":true,"granted_terms":["settlement"]},"facts":null,"facts":{"attorney":true}}`,
	`{"id":"a","text":"x","facts":{"granted_terms":["settlement"]},"facts":{"granted_terms":null},"facts":{"granted_terms":[]}}`,
	`{"id":"a","text":"x","facts":{"other_borrower_names":["A\"nn","B\\b","\u5f20\u4e09","\ud83d\ude00"]}}`,
	`{"id":"a\u0000b","text":"\u003cb\u003e \u2028 \u2029 \\u0041","draft":"d"}`,
	`{"id":"a","text":"x","now":"2026-03-02T10:00:00Z","now":null}`,
	`{"id":"a","text":"x","text":null}`,
	`{"id":"a","text":"x","channel":"sms","channel":null}`,
	`{"id":"a","text":"x","first_message":true,"first_message":null}`,
	`{"id":"a","text":"x","facts":{"calls_last_7d":3,"calls_last_7d":null}}`,
	`{"id":"a","text":"x","facts":{"calls_last_7d":-3,"contacts_last_7d":9223372036854775807}}`,
	`{"id":"a","text":"x","facts":{"calls_last_7d":9223372036854775808}}`,
	`{"id":"a","text":"x","facts":{"connected_calls_today":-0,"contacts_last_7d":0}}`,
	`{"id":"a","text":"x","facts":{"unknown":{"cease":true},"cease":false}}`,
	`{"id":"a","text":"x","Facts":{"cease":true}}`,
	`{"id":"a","text":"x","facts":{"CEASE":true}}`,
	`{"id":"a","text":"x","facts":{"Cease":true,"cease":false}}`,
	`{"id":"a","text":"x","facts":[]}`,
	`{"id":"a","text":"x","facts":{"granted_terms":[1]}}`,
	`{"id":"a","text":"x","facts":{"granted_terms":[null,"settlement",null]}}`,
	`{"id":"a","text":"x","facts":{"link_hosts":["a"],"link_hosts":["b","c","d","e","f","g","h","i","j"]}}`,
	`{"id":"","text":""}`,
	"{\"id\":\"a\",\"text\":\"\xed\xa0\x80 \xf0\x9f\x98\x80 \xc3\",\"jurisdiction\":\"GB\"}",
	`{"id":"a","text":"x","purpose":"help","initiated_by":"borrower","timezone":"Europe/London"}`,
	"\t{\"id\":\"a\",\r\"text\":\"x\" }\t",
}

// ascii writes s as a JSON string with every character outside printable
// ASCII as a \u escape (two for a character beyond the first plane).
func ascii(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r >= 0x20 && r < 0x7f:
			b.WriteRune(r)
		case r > 0xffff:
			r1, r2 := utf16.EncodeRune(r)
			fmt.Fprintf(&b, `\u%04x\u%04X`, r1, r2)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// lineVariants are one input line (a JSON object) written in other ways
// that a decoder must read as encoding/json does: an unknown field in
// front, fields given again after the first (null, emptied, another
// value), the text escaped, at about 200 characters, a value of the wrong
// type, and the object cut.
func lineVariants(t testing.TB, line string) []string {
	t.Helper()
	body := strings.TrimSuffix(strings.TrimSpace(line), "}")
	out := []string{
		line,
		`{"labels":["threat"],"extra":{"a":[1,-2.5e3,null,true,{"id":"no"}]},` + strings.TrimPrefix(body, "{") + "}",
		body + `,"facts":null}`,
		body + `,"facts":{}}`,
		body + `,"facts":{"allowed_amounts":[],"granted_terms":["payment_plan"],"cease":true}}`,
		body + `,"text":"Second text.","id":null}`,
		body + `,"now":null,"draft":null,"recipient_verified":null,"first_message":null}`,
		body + `,"draft":"Pay now."}`,
		body + `,"facts":{"calls_last_7d":"3"}}`,
		body[:len(body)/2],
	}
	var raw map[string]any
	if err := json.Unmarshal([]byte(line), &raw); err != nil {
		return out
	}
	if text, ok := raw["text"].(string); ok {
		raw["text"] = pad200(text)
		b, err := json.Marshal(raw)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
		raw["text"] = json.RawMessage(ascii(text))
		if b, err = json.Marshal(raw); err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// readerLines are the lines the reused decoder is held to: every case,
// every line of the labelled sets as written and with their defaults, and
// the variants of the first set's lines; the cases come again between the
// labelled lines, so each follows a line with facts.
func readerLines(t testing.TB) []string {
	t.Helper()
	cases := append(append([]string(nil), lineCases...), moreLineCases...)
	lines := append([]string(nil), cases...)
	files, _ := filepath.Glob("testdata/labelled*.jsonl")
	for _, f := range files {
		lines = append(lines, fileLines(t, f)...)
		for i, l := range loadLabelled(t, f) {
			if strings.HasSuffix(f, "/labelled.jsonl") {
				lines = append(lines, lineVariants(t, string(l.Line))...)
			} else {
				lines = append(lines, string(l.Line))
			}
			lines = append(lines, cases[i%len(cases)])
		}
	}
	return lines
}

// TestLineReaderMatchesJSON: one lineReader reads line after line, each as
// encoding/json reads it alone into a new lineInput, or gives it up;
// nothing of a line is left in the next one's reading.
func TestLineReaderMatchesJSON(t *testing.T) {
	t.Parallel()
	lines := readerLines(t)
	var r lineReader
	accepted := 0
	for _, l := range lines {
		if compareReader(t, &r, []byte(l)) {
			accepted++
		}
	}
	if accepted < len(lines)*3/4 {
		t.Errorf("the reader accepted %d of %d lines / 解析器接受的行太少", accepted, len(lines))
	}
}

// compareReader fails t when r accepts line but reads it otherwise than
// encoding/json; it reports whether r accepted it.
func compareReader(t *testing.T, r *lineReader, line []byte) bool {
	t.Helper()
	fast, ok := r.parse(line)
	if !ok {
		return false
	}
	var slow lineInput
	if err := json.Unmarshal(line, &slow); err != nil {
		t.Errorf("the reader accepted %q, encoding/json refuses it: %v / 解析器接受了非法输入", line, err)
		return true
	}
	if diff := cmp.Diff(slow, *fast, cmp.AllowUnexported(lineInput{})); diff != "" {
		t.Errorf("%q read differently (-json +reader):\n%s / 解析结果不同", line, diff)
	}
	return true
}

// FuzzLineReader: on any bytes, cut into lines, one lineReader reads each
// line as encoding/json does or gives it up.
func FuzzLineReader(f *testing.F) {
	for _, l := range moreLineCases {
		f.Add([]byte(`{"id":"a","text":"x","facts":{"granted_terms":["settlement","fee_waiver"],"cease":true,"balance":"1.00"}}` + "\n" + l))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var r lineReader
		for _, l := range bytes.Split(data, []byte("\n")) {
			compareReader(t, &r, l)
		}
	})
}

// checkLineJSON answers line n as `parley guard check` did when every line
// was read by encoding/json: the reference for CheckLines.
func checkLineJSON(g *Guard, line []byte, n int) []byte {
	var in lineInput
	if err := json.Unmarshal(line, &in); err != nil {
		return appendLineError(nil, lineID(line), fmt.Sprintf("line %d: malformed JSON: %v", n, err))
	}
	id := ""
	if in.ID != nil {
		id = *in.ID
	}
	p, f, err := in.decode(g)
	if err != nil {
		return appendLineError(nil, id, fmt.Sprintf("line %d: %v", n, err))
	}
	return appendDecision(nil, id, g.Check(p, f))
}

// TestCheckLinesMatchesJSONReading: the answers of CheckLines to a stream of
// lines are, byte for byte, those of each line read alone by
// encoding/json: the decisions, the errors and their line numbers.
func TestCheckLinesMatchesJSONReading(t *testing.T) {
	t.Parallel()
	g := Default()
	lines := readerLines(t)
	var in, want bytes.Buffer
	var kept []string
	n := 0
	for _, l := range lines {
		if len(bytes.TrimSpace([]byte(l))) == 0 || strings.ContainsAny(l, "\n") {
			continue
		}
		n++
		kept = append(kept, l)
		in.WriteString(l)
		in.WriteByte('\n')
		want.Write(checkLineJSON(g, []byte(l), n))
	}
	var got bytes.Buffer
	rep, err := CheckLinesReport(g, &in, &got)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Lines != n {
		t.Errorf("%d lines answered, want %d / 回答行数不符", rep.Lines, n)
	}
	gl, wl := strings.Split(got.String(), "\n"), strings.Split(want.String(), "\n")
	if len(gl) != len(wl) {
		t.Fatalf("%d answers, want %d / 回答行数不符", len(gl), len(wl))
	}
	bad := 0
	for i := range wl {
		if gl[i] != wl[i] && bad < 10 {
			bad++
			t.Errorf("line %d: %q\n got %s\nwant %s / 回答不同", i+1, kept[i], gl[i], wl[i])
		}
	}
}

// TestLineReaderAllocations: a line whose values have no escapes costs the
// reader one allocation (the line as a string), decoded to a proposal and
// facts, once the reader has read a line like it.
func TestLineReaderAllocations(t *testing.T) {
	g := Default()
	for _, l := range loadLabelled(t, "testdata/labelled.jsonl")[:20] {
		var r lineReader
		read := func() {
			in, ok := r.parse(l.Line)
			if !ok {
				t.Fatalf("%s: not read / 未读取", l.ID)
			}
			p, f, err := in.decodeInto(g, r.amounts)
			if err != nil {
				t.Fatal(err)
			}
			r.amounts = f.AllowedAmounts
			_ = p
		}
		read()
		if n := testing.AllocsPerRun(20, read); n > 1 {
			t.Errorf("%s: %v allocations a line, want 1 / 每行分配次数过多", l.ID, n)
		}
	}
}
