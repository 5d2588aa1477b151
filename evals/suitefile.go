package evals

import (
	"bufio"
	"bytes"
	"fmt"
	"hash/maphash"
	"os"
	"reflect"

	"gopkg.in/yaml.v3"
)

// readSuite reads the suite file f a case at a time: it decodes the
// suite's other fields first, then each item of its cases on its own, and
// calls yield with the suite (its Cases left empty) and each case, its
// variants after it, as Parse would list them. Only one case is in memory
// at a time, and the names seen so far as 8-byte sums (for duplicates).
//
// It reads a file this way only when the file is laid out as the suites
// are written: a mapping at the left margin, keys that are plain words,
// cases as a block sequence, no tab before a line's text, no carriage
// return, no document marker or directive. A case with an alias of an
// anchor outside it is decoded after the suite's lines above its cases
// and the earlier cases that define anchors (the text of those is kept,
// at most maxAnchorText bytes). For any other file, and at the first
// thing it cannot vouch for (a case that does not decode so, an unknown
// field, a case that fails its checks, two names with the same sum), it
// reads the whole file with Parse instead and yields the cases it had not
// yielded yet, so that what a run sees, errors included, is what Parse
// makes of the file. whole reports that it did.
func readSuite(f string, yield func(*Suite, *Case) bool) (whole bool, err error) {
	yielded := 0
	s, err := streamSuite(f, func(s *Suite, c *Case) bool {
		yielded++
		return yield(s, c)
	})
	if s != nil || err != nil {
		return false, err
	}
	full, err := parseFile(f)
	if err != nil {
		return true, err
	}
	for i := yielded; i < len(full.Cases); i++ {
		if !yield(full, &full.Cases[i]) {
			break
		}
	}
	return true, nil
}

// errDecline stops a case-at-a-time reading that must go to Parse.
var errDecline = fmt.Errorf("evals: not a suite file read a case at a time")

// suiteLines reads a suite file's lines one at a time and sorts them into
// the suite's other fields and the items of its cases.
type suiteLines struct {
	sc   *bufio.Scanner
	line int // the number of the line last read
	text []byte
}

func (r *suiteLines) next() bool {
	if !r.sc.Scan() {
		return false
	}
	r.line++
	r.text = r.sc.Bytes()
	return true
}

// kind sorts a line: blank or a comment (which goes with whatever it is
// in), a key at the left margin (key names it), or text indented by
// indent spaces. A line the reading cannot vouch for declines.
func (r *suiteLines) kind() (blank bool, key string, indent int, err error) {
	t := r.text
	if bytes.IndexByte(t, '\r') >= 0 || bytes.IndexByte(t, '\t') >= 0 && leadingTab(t) {
		return false, "", 0, errDecline
	}
	n := 0
	for n < len(t) && t[n] == ' ' {
		n++
	}
	if n == len(t) || t[n] == '#' {
		return true, "", 0, nil
	}
	if bytes.HasPrefix(t, []byte("---")) {
		return false, "", 0, errDecline
	}
	if n > 0 || t[0] == '-' {
		return false, "", n, nil
	}
	i := 0
	for i < len(t) && (t[i] == '_' || t[i] >= 'a' && t[i] <= 'z' || t[i] >= 'A' && t[i] <= 'Z' || i > 0 && t[i] >= '0' && t[i] <= '9') {
		i++
	}
	if i == 0 || i == len(t) || t[i] != ':' || i+1 < len(t) && t[i+1] != ' ' {
		return false, "", 0, errDecline
	}
	return false, string(t[:i]), 0, nil
}

// leadingTab reports a tab before a line's text.
func leadingTab(t []byte) bool {
	for _, b := range t {
		switch b {
		case ' ':
		case '\t':
			return true
		default:
			return false
		}
	}
	return false
}

// openLines opens f for reading its lines.
func openLines(f string) (*os.File, *suiteLines, error) {
	fh, err := os.Open(f)
	if err != nil {
		return nil, nil, fmt.Errorf("evals: %w", err)
	}
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<30)
	sc.Split(scanRawLines)
	return fh, &suiteLines{sc: sc}, nil
}

// scanRawLines splits at '\n' and keeps a '\r' (which declines the file).
func scanRawLines(data []byte, atEOF bool) (int, []byte, error) {
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		return i + 1, data[:i], nil
	}
	if atEOF && len(data) > 0 {
		return len(data), data, nil
	}
	return 0, nil, nil
}

// streamSuite does readSuite's reading a case at a time. It returns the
// suite when it read the whole file so; nil and no error when the file
// must be read whole (some cases may have been yielded by then); an
// error only when the file cannot be read.
func streamSuite(f string, yield func(*Suite, *Case) bool) (*Suite, error) {
	s, above, err := suiteHeader(f)
	if s == nil || err != nil {
		return nil, err
	}
	fh, r, err := openLines(f)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	var (
		item     bytes.Buffer
		itemLine int // the line the item starts at
		indent   = -1
		inCases  bool
		seed     = maphash.MakeSeed()
		seen     = map[uint64]struct{}{}
		n        int
		// prelude is the suite's lines above its cases, then the cases
		// that define anchors: what an alias in a case may refer to.
		prelude   = append(above, "cases:\n"...)
		declined  bool
		stopped   bool
		flushItem = func() bool {
			if item.Len() == 0 {
				return true
			}
			cases, anchors, ok := decodeCase(item.Bytes(), itemLine, prelude)
			if anchors {
				if prelude = append(prelude, item.Bytes()...); len(prelude) > maxAnchorText {
					return false
				}
			}
			item.Reset()
			if !ok {
				return false
			}
			c := &cases[0]
			if c.Name == "" {
				return false
			}
			h := maphash.String(seed, c.Name)
			if _, dup := seen[h]; dup {
				return false
			}
			seen[h] = struct{}{}
			if s.validateCase(c) != nil {
				return false
			}
			for i := range cases {
				n++
				if !yield(s, &cases[i]) {
					stopped = true
					return true
				}
			}
			return true
		}
	)
	for !stopped && r.next() {
		blank, key, ind, err := r.kind()
		if err != nil {
			declined = true
			break
		}
		if key != "" {
			if !flushItem() {
				declined = true
				break
			}
			inCases = key == "cases"
			continue
		}
		if !inCases || blank && item.Len() == 0 {
			continue
		}
		if !blank {
			dash := ind < len(r.text) && r.text[ind] == '-' && (ind+1 == len(r.text) || r.text[ind+1] == ' ')
			if indent < 0 {
				indent = ind
			}
			switch {
			case ind == indent && dash:
				if !flushItem() {
					declined = true
				}
				itemLine = r.line
			case ind <= indent:
				declined = true
			}
			if declined {
				break
			}
		}
		item.Write(r.text)
		item.WriteByte('\n')
	}
	if err := r.sc.Err(); err != nil {
		return nil, fmt.Errorf("evals: %s: %w", f, err)
	}
	if stopped {
		return s, nil
	}
	if declined || !flushItem() || n == 0 {
		return nil, nil
	}
	// Every case was yielded, or the reader stopped at one of the last.
	return s, nil
}

// maxAnchorText bounds the text of the cases that define anchors kept
// while a suite file is read a case at a time.
const maxAnchorText = 1 << 20

// suiteHeader reads the suite's fields other than its cases: the lines
// of every key at the left margin but cases, decoded as decodeKnown
// does; above is the text of those above the cases. nil when the file
// must be read whole.
func suiteHeader(f string) (s *Suite, above []byte, err error) {
	fh, r, err := openLines(f)
	if err != nil {
		return nil, nil, err
	}
	defer fh.Close()
	var head bytes.Buffer
	inCases, casesSeen := false, false
	for r.next() {
		_, key, _, err := r.kind()
		if err != nil {
			return nil, nil, nil
		}
		if key != "" {
			if key == "cases" {
				if casesSeen || !casesLine(r.text) {
					return nil, nil, nil
				}
				casesSeen = true
				above = bytes.Clone(head.Bytes())
			}
			inCases = key == "cases"
		}
		if !inCases {
			head.Write(r.text)
			head.WriteByte('\n')
		}
	}
	if err := r.sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("evals: %s: %w", f, err)
	}
	if !casesSeen {
		return nil, nil, nil
	}
	var root yaml.Node
	if yaml.Unmarshal(head.Bytes(), &root) != nil || root.Kind != yaml.DocumentNode || len(root.Content) != 1 {
		return nil, nil, nil
	}
	s = new(Suite)
	if !knownFields(root.Content[0], reflect.TypeOf(*s), 0) || root.Decode(s) != nil {
		return nil, nil, nil
	}
	s.File = f
	if s.validateHeader() != nil {
		return nil, nil, nil
	}
	return s, above, nil
}

// casesLine reports "cases:" with nothing after it but a comment: the
// cases are a block sequence on the lines below.
func casesLine(t []byte) bool {
	rest := bytes.TrimLeft(t[len("cases:"):], " ")
	return len(rest) == 0 || rest[0] == '#'
}

// decodeCase decodes one item of a suite's cases, the lines of which
// start at line, with its variants after it; false when the item does not
// decode as decodeKnown vouches. An item that does not parse on its own
// (an alias of an anchor outside it) is parsed again after prelude, the
// lines above it that may define the anchor. anchors reports that the
// item defines an anchor (a later case may refer to it).
func decodeCase(src []byte, line int, prelude []byte) (cases []Case, anchors bool, ok bool) {
	var root yaml.Node
	item, skip := (*yaml.Node)(nil), 0
	if seq := plainItem(string(src)); seq != nil {
		if len(seq.Content) != 1 {
			return nil, false, false
		}
		item = seq.Content[0]
	} else if yaml.Unmarshal(src, &root) == nil {
		if root.Kind != yaml.DocumentNode || len(root.Content) != 1 {
			return nil, false, false
		}
		seq := root.Content[0]
		if seq.Kind != yaml.SequenceNode || len(seq.Content) != 1 {
			return nil, false, false
		}
		item = seq.Content[0]
	} else {
		doc := append(bytes.Clone(prelude), src...)
		root = yaml.Node{}
		if yaml.Unmarshal(doc, &root) != nil || root.Kind != yaml.DocumentNode || len(root.Content) != 1 {
			return nil, false, false
		}
		m := root.Content[0]
		if m.Kind != yaml.MappingNode || len(m.Content) < 2 || m.Content[len(m.Content)-2].Value != "cases" {
			return nil, false, false
		}
		seq := m.Content[len(m.Content)-1]
		if seq.Kind != yaml.SequenceNode || len(seq.Content) == 0 {
			return nil, false, false
		}
		item, skip = seq.Content[len(seq.Content)-1], bytes.Count(prelude, []byte("\n"))
	}
	anchors = bytes.IndexByte(src, '&') >= 0 && definesAnchor(item)
	var c Case
	if !knownFields(item, reflect.TypeOf(c), 0) || item.Decode(&c) != nil {
		return nil, anchors, false
	}
	c.Line = line + item.Line - 1 - skip
	return expandVariants([]Case{c}), anchors, true
}

// definesAnchor reports an anchor anywhere in n.
func definesAnchor(n *yaml.Node) bool {
	if n.Anchor != "" {
		return true
	}
	if n.Kind == yaml.AliasNode {
		return false
	}
	for _, c := range n.Content {
		if definesAnchor(c) {
			return true
		}
	}
	return false
}
