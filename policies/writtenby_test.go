package policies

import (
	"bytes"
	"strings"
	"testing"
)

// TestAPersonMaySayTheyAreOne: "I'm a real person" is false from the
// automated agent and true from a supervisor who took the conversation
// over: a proposal written by a person (WrittenBy "person") may say so;
// everything else in it is read as ever, and the denial of being a debt
// collector stays a violation whoever writes it.
func TestAPersonMaySayTheyAreOne(t *testing.T) {
	t.Parallel()
	g := Default()
	f := verified("GB", "Europe/London", "2026-03-02T12:00:00Z")
	for _, tc := range []struct {
		text, by string
		want     bool // the ai_denial rule (GEN-AI) fires
	}{
		{"Hi, I'm Sam, a real person on the collections team, and I've taken over this chat.", WrittenByPerson, false},
		{"我是真人客服小王，接下来由我为您服务。", WrittenByPerson, false},
		{"Hi, I'm Sam, a real person on the collections team, and I've taken over this chat.", WrittenByAgent, true},
		{"Hi, I'm Sam, a real person on the collections team, and I've taken over this chat.", "", true},
	} {
		d := g.Check(Proposal{Text: tc.text, Channel: "chat", WrittenBy: tc.by}, factsFor(f, tc.text))
		got := false
		for _, v := range d.Violations {
			got = got || v.Rule == "GEN-AI"
		}
		if got != tc.want {
			t.Errorf("%q written by %q: GEN-AI %v, want %v (%v)", tc.text, tc.by, got, tc.want, d.Violations)
		}
	}
	text := "I'm a real person and this is not a debt collection, so just pay me today or we'll visit your work."
	d := g.Check(Proposal{Text: text, Channel: "chat", WrittenBy: WrittenByPerson}, factsFor(f, text))
	cats := categoriesOf(d)
	for _, c := range []string{CatFalseRepresentation, CatThreat} {
		if !strings.Contains(strings.Join(cats, " "), c) {
			t.Errorf("a person's message still denies collecting and threatens: %v", d.Violations)
		}
	}
}

// TestWrittenByLine: the JSON line's written_by is agent, person or
// absent (the agent); anything else is a malformed line.
func TestWrittenByLine(t *testing.T) {
	t.Parallel()
	in := `{"id":"a","text":"I'm a real person on the team.","jurisdiction":"GB","recipient_verified":true,"written_by":"person"}
{"id":"b","text":"I'm a real person on the team.","jurisdiction":"GB","recipient_verified":true}
{"id":"c","text":"hello","jurisdiction":"GB","written_by":"robot"}
`
	var out bytes.Buffer
	if err := CheckLines(Default(), strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d decisions: %s", len(lines), out.String())
	}
	if strings.Contains(lines[0], "GEN-AI") || !strings.Contains(lines[1], "GEN-AI") {
		t.Errorf("written_by person: %s\nabsent: %s", lines[0], lines[1])
	}
	if !strings.Contains(lines[2], "written_by") {
		t.Errorf("an unknown written_by is not reported: %s", lines[2])
	}
}
