package policies

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// lineCases are lines the decoder must read exactly as encoding/json does,
// or hand back to it: escapes, surrogates, invalid UTF-8, nulls, unknown
// and differently cased names, duplicate keys, numbers of every shape.
var lineCases = []string{
	`{"id":"a","text":"Hello"}`,
	` { "id" : "a" , "text" : "caf\u00e9 \ud83d\ude00 \ud800 x\"y\\z\/\b\f\n\r\t" } `,
	"{\"id\":\"a\",\"text\":\"bad \xff utf8 \xe4\xb8\"}",
	`{"id":"a","text":"x","now":null,"draft":null,"recipient_verified":null,"facts":null}`,
	`{"id":"a","text":"x","facts":{"balance":null,"allowed_amounts":null,"cease":null,"calls_last_7d":null}}`,
	`{"id":"a","text":"x","facts":{"allowed_amounts":[],"granted_terms":["settlement",null],"calls_last_7d":-0}}`,
	`{"id":"a","text":"x","Text":"y"}`,
	`{"ID":"a","text":"x"}`,
	`{"id":"a","text":"x","unknown":{"a":[1,2.5e-3,-0.0,true,false,null,"s",{"b":[]}]},"more":[[],{}]}`,
	`{"id":"a","text":"x","facts":{"calls_last_7d":1.5}}`,
	`{"id":"a","text":"x","facts":{"calls_last_7d":1e2}}`,
	`{"id":"a","text":"x","facts":{"calls_last_7d":99999999999999999999999}}`,
	`{"id":"a","text":"x","facts":{"calls_last_7d":01}}`,
	`{"id":"a","text":"x","facts":{"cease":true},"facts":{"attorney":true}}`,
	`{"id":"a","text":"x","id":"b"}`,
	`{"id":1,"text":"x"}`,
	`{"id":"a","text":"x",}`,
	`{"id":"a","text":"x"} trailing`,
	`{"id":"a","text":"x"`,
	`{"i\u0064":"a","text":"x"}`,
	`{"id":"a","text":"tab	inside"}`,
	`{"id":"a","text":"x","recipient_verified":"yes"}`,
	`{"id":"a","text":"x","facts":{"lender":"Caf\u00e9 Bank","other_borrower_names":["张三","Ann"]}}`,
	`{"id":"a","text":"x","ſacts":{}}`,
	`[]`,
	`null`,
	`{}`,
}

// fileLines returns the lines of the file at path as written.
func fileLines(t testing.TB, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	return lines
}

// TestLineParseMatchesJSON: whatever parse accepts, it reads as
// encoding/json does; the lines of every labelled set and the cases above.
func TestLineParseMatchesJSON(t *testing.T) {
	t.Parallel()
	lines := append([]string(nil), lineCases...)
	files, _ := filepath.Glob("testdata/labelled*.jsonl")
	for _, f := range files {
		for _, l := range loadLabelled(t, f) {
			lines = append(lines, string(l.Line))
		}
		lines = append(lines, fileLines(t, f)...)
	}
	accepted := 0
	for _, l := range lines {
		if compareParse(t, []byte(l)) {
			accepted++
		}
	}
	if accepted < len(lines)-len(lineCases) {
		t.Errorf("parse accepted %d of %d lines, want every well-formed labelled line / 快速解析未覆盖正常输入", accepted, len(lines))
	}
}

// compareParse fails t when parse accepts line but reads it otherwise than
// encoding/json; it reports whether parse accepted it.
func compareParse(t *testing.T, line []byte) bool {
	t.Helper()
	var fast lineInput
	if !fast.parse(line) {
		return false
	}
	var slow lineInput
	if err := json.Unmarshal(line, &slow); err != nil {
		t.Errorf("parse accepted %q, encoding/json refuses it: %v / 快速解析接受了非法输入", line, err)
		return true
	}
	if diff := cmp.Diff(slow, fast, cmp.AllowUnexported(lineInput{})); diff != "" {
		t.Errorf("%q read differently (-json +parse):\n%s / 解析结果不同", line, diff)
	}
	return true
}

// FuzzLineParse: on any bytes, parse either gives up or agrees with
// encoding/json.
func FuzzLineParse(f *testing.F) {
	for _, l := range lineCases {
		f.Add([]byte(l))
	}
	f.Fuzz(func(t *testing.T, data []byte) { compareParse(t, data) })
}
