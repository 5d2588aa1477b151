package evals

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// caseItems cuts a suite file's cases into items as streamSuite does: the
// lines below "cases:" up to the next key at the left margin, an item
// starting at each dash at the first item's indent.
func caseItems(text string) []string {
	var items []string
	var cur strings.Builder
	in, indent := false, -1
	flush := func() {
		if cur.Len() > 0 {
			items = append(items, cur.String())
			cur.Reset()
		}
	}
	for _, l := range strings.SplitAfter(text, "\n") {
		trim := strings.TrimLeft(l, " ")
		if l != "" && l[0] != ' ' && l[0] != '-' && l[0] != '#' && l[0] != '\n' {
			flush()
			in = strings.HasPrefix(l, "cases:")
			continue
		}
		if !in || strings.TrimSpace(l) == "" && cur.Len() == 0 {
			continue
		}
		if trim != "" && trim[0] == '-' && (len(trim) == 1 || trim[1] == ' ' || trim[1] == '\n') {
			ind := len(l) - len(trim)
			if indent < 0 {
				indent = ind
			}
			if ind == indent {
				flush()
			}
		}
		cur.WriteString(l)
	}
	flush()
	return items
}

// sameNode reports where a and b differ in what decoding reads (all but
// comments), or "".
func sameNode(a, b *yaml.Node, at string) string {
	switch {
	case a == nil || b == nil:
		if a != b {
			return at + ": one is nil"
		}
		return ""
	case a.Kind != b.Kind || a.Style != b.Style || a.Tag != b.Tag || a.Value != b.Value ||
		a.Anchor != b.Anchor || a.Line != b.Line || a.Column != b.Column || (a.Alias == nil) != (b.Alias == nil) ||
		len(a.Content) != len(b.Content):
		return fmt.Sprintf("%s: kind %v/%v style %v/%v tag %q/%q value %q/%q line %d/%d column %d/%d content %d/%d",
			at, a.Kind, b.Kind, a.Style, b.Style, a.Tag, b.Tag, a.Value, b.Value, a.Line, b.Line, a.Column, b.Column,
			len(a.Content), len(b.Content))
	}
	for i := range a.Content {
		if d := sameNode(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", at, i)); d != "" {
			return d
		}
	}
	return ""
}

// checkPlainItem fails when plainItem reads src and yaml.v3 does not, or
// reads it otherwise; it reports whether plainItem read it.
func checkPlainItem(t *testing.T, name, src string) bool {
	t.Helper()
	got := plainItem(src)
	if got == nil {
		return false
	}
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(src), &root); err != nil {
		t.Fatalf("%s: plainItem read an item yaml.v3 refuses (%v):\n%s", name, err, src)
	}
	if root.Kind != yaml.DocumentNode || len(root.Content) != 1 {
		t.Fatalf("%s: yaml.v3 made no document of:\n%s", name, src)
	}
	if d := sameNode(got, root.Content[0], "item"); d != "" {
		t.Fatalf("%s: plainItem and yaml.v3 differ at %s in:\n%s", name, d, src)
	}
	return true
}

// suiteCorpus is the case items of the repository's readable suite files
// and of the generated suite of the benchmarks.
func suiteCorpus(t *testing.T) (names, items []string) {
	t.Helper()
	var files []string
	for _, dir := range []string{"suites", "suites-dialogue", "suites-known-failures", "testdata"} {
		fs, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, fs...)
	}
	if len(files) < 10 {
		t.Fatalf("only %d suite files", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, it := range caseItems(string(b)) {
			names, items = append(names, fmt.Sprintf("%s item %d", f, i+1)), append(items, it)
		}
	}
	for i, it := range caseItems(thousandText(3)) {
		names, items = append(names, fmt.Sprintf("generated item %d", i+1)), append(items, it)
	}
	return names, items
}

// thousandText is the text of scriptedCases' suite of n cases.
func thousandText(n int) string {
	var b bytes.Buffer
	b.WriteString("name: thousand\ncases:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `  - name: case %d
    turns:
      - borrower: how much do I owe?
        expect: {not_contains: ["1,200"], events: [identity_requested]}
      - borrower: my date of birth is April 12 1985 and my zip is 60601
        expect: {contains: ["$1,200.00"], events: [identity_verified]}
      - borrower: what are my options? I can pay %d a month
        expect: {events: [plan_offered]}
`, i, 100+i%100)
	}
	return b.String()
}

func TestPlainItemReadsAsYAML(t *testing.T) {
	t.Parallel()
	names, items := suiteCorpus(t)
	read := 0
	for i, it := range items {
		if checkPlainItem(t, names[i], it) {
			read++
		}
	}
	t.Logf("plainItem read %d of %d items; yaml.v3 the rest", read, len(items))
	if read < len(items)/3 {
		t.Errorf("plainItem read only %d of %d items", read, len(items))
	}
	for i, name := range names {
		if strings.HasPrefix(name, "generated") && plainItem(items[i]) == nil {
			t.Errorf("%s: not read:\n%s", name, items[i])
		}
	}
}

func TestPlainItemCases(t *testing.T) {
	t.Parallel()
	read := []string{
		"  - name: a\n    turns:\n      - borrower: hi\n",
		"  - name: a # a comment\n    # a line of comment\n\n    verified: true\n",
		"  - name: 'it''s'\n    x: \"a \\\"b\\\" c\\n\"\n",
		"  - name: a\n    list:\n    - one\n    - two\n    after: 3\n",
		"  - name: a\n    expect: {contains: [\"x\", 'y', z w], n: 3,\n             events: [a, b]}\n",
		"  - name: 中文 名字\n    v: [你好, 再见]\n",
		"  - name: a\n    t: 2026-03-02T15:00:00-06:00\n    n: ~\n    f: 1.5\n    b: true\n",
		"  - name: a:b http://x.y/z#w\n",
		"  - name: a\n    e: {}\n    s: []\n",
		"  -\n    name: a\n",
		"  - name: a\n  - name: b\n",
		"  - name: a\n    v:\n      - [a, b]\n      - {k: v}\n",
	}
	for _, src := range read {
		if !checkPlainItem(t, "case", src) {
			t.Errorf("not read:\n%s", src)
		}
	}
	left := []string{
		"  - name: &a x\n",
		"  - name: *a\n",
		"  - name: !!str x\n",
		"  - name: |\n      x\n",
		"  - name: >\n      x\n",
		"  - name: a\n      continued\n",
		"  - name: \"a\n      b\"\n",
		"  - name: a\n    v:\n",
		"  - name: a\n    <<: {x: 1}\n",
		"  - name: a\n    v: [a,\n    b]\n",
		"  - name: a\n    v: [a, # c\n      b]\n",
		"  - name: \"\\u0041\"\n",
		"  - name: \"a\\/b\"\n",
		"  - name: a\tb\n",
		"  - name: a\r\n",
		"  - - a\n",
		"  - name: a: b\n",
		"  - name: [a, b,]\n",
		"  - name: {a: }\n",
		"  - ? a\n    : b\n",
	}
	for _, src := range left {
		if plainItem(src) != nil {
			t.Errorf("read, and should be left to yaml.v3:\n%s", src)
		}
	}
}

// TestPlainItemMutated changes the corpus's items a character or a line
// at a time: whatever plainItem reads of them, yaml.v3 reads the same.
func TestPlainItemMutated(t *testing.T) {
	t.Parallel()
	names, items := suiteCorpus(t)
	rng := rand.New(rand.NewSource(7))
	bits := []string{":", ": ", " ", "  ", "#", " #", "\"", "'", "[", "]", "{", "}", ",", "-", "- ", "\n", "\n ", "&", "*",
		"!", "|", ">", "?", "x", "中", "\\", "\\n", "\t", "%", "@", "`", "~", "<<", "\u2028", "\u0085", "\ufeff", "é", "0",
		"\\/", "\\'", "\\x41", "---", "...", "? ", ", ", "!!", "&a ", "*a", "<", "=", "null", "true"}
	n := 20000
	if testing.Short() {
		n = 3000
	}
	read := 0
	for k := 0; k < n; k++ {
		i := rng.Intn(len(items))
		src := items[i]
		for m := 1 + rng.Intn(2); m > 0; m-- {
			at := rng.Intn(len(src) + 1)
			switch rng.Intn(4) {
			case 0, 1:
				src = src[:at] + bits[rng.Intn(len(bits))] + src[at:]
			case 2:
				if at < len(src) {
					src = src[:at] + src[at+1:]
				}
			case 3:
				lines := strings.SplitAfter(src, "\n")
				j := rng.Intn(len(lines))
				switch rng.Intn(3) {
				case 0:
					lines[j] = " " + lines[j]
				case 1:
					lines[j] = strings.TrimPrefix(lines[j], " ")
				case 2:
					lines = append(lines[:j], append([]string{lines[j]}, lines[j:]...)...)
				}
				src = strings.Join(lines, "")
			}
		}
		if checkPlainItem(t, names[i]+" changed", src) {
			read++
		}
	}
	t.Logf("plainItem read %d of %d changed items", read, n)
}

func FuzzPlainItem(f *testing.F) {
	f.Add("  - name: a\n    v: {k: [x, 'y']}\n")
	f.Add(thousandText(1)[len("name: thousand\ncases:\n"):])
	f.Fuzz(func(t *testing.T, src string) {
		checkPlainItem(t, "fuzzed", src)
	})
}
