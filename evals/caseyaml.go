package evals

import (
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// plainItem parses one item of a suite's cases (a block sequence of one
// mapping, as streamSuite cuts it) into the node yaml.v3 makes of it, for
// the plain layout the suites are written in: block mappings and
// sequences, keys that are plain words, one-line plain and quoted
// scalars, and flow collections, on one line or with their breaks between
// entries. It returns nil for anything else (an anchor, an alias, a tag, a
// block or multi-line scalar, an empty value, a comment inside a flow
// collection, a tab, a character yaml.v3 might read otherwise, anything
// it is not sure of), and the caller parses the item with yaml.v3: what
// it returns, yaml.v3 returns too, but for comments, which decoding does
// not read. A suite file of thousands of cases spent most of its reading
// in yaml.v3's scanner.
func plainItem(src string) *yaml.Node {
	if !plainText(src) {
		return nil
	}
	p := &itemParser{src: src, line: 1}
	ind, ok := p.nextContentLine()
	if !ok || !p.dashAt(p.pos) {
		return nil
	}
	seq := p.blockSeq(ind)
	if p.failed || seq == nil {
		return nil
	}
	if _, more := p.nextContentLine(); more {
		return nil
	}
	return seq
}

// plainText reports text with no character yaml.v3 reads as other than
// itself or a plain line break: no tab, no carriage return, no other line
// break, no byte order mark, nothing unprintable.
func plainText(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1,
			r < 0xa0, // 0x80–0x9f, NEL among them
			r == 0x2028 || r == 0x2029,
			r >= 0xd800 && r < 0xe000,
			r == 0xfeff || r == 0xfffe || r == 0xffff:
			return false
		}
		i += n
	}
	return true
}

// itemParser reads an item; failed is set at the first thing it cannot
// vouch for.
type itemParser struct {
	src       string
	pos       int // byte offset
	line      int // 1-based line of pos
	lineStart int // byte offset of that line's start
	failed    bool
	nodes     []yaml.Node // allocated in blocks, handed out one at a time
}

func (p *itemParser) fail() *yaml.Node {
	p.failed = true
	return nil
}

// node returns a new node of kind at pos.
func (p *itemParser) node(kind yaml.Kind) *yaml.Node {
	if len(p.nodes) == 0 {
		p.nodes = make([]yaml.Node, 32)
	}
	n := &p.nodes[0]
	p.nodes = p.nodes[1:]
	n.Kind, n.Line, n.Column = kind, p.line, utf8.RuneCountInString(p.src[p.lineStart:p.pos])+1
	switch kind {
	case yaml.MappingNode:
		n.Tag = "!!map"
	case yaml.SequenceNode:
		n.Tag = "!!seq"
	}
	return n
}

// at returns the byte at i, or 0 past the end.
func (p *itemParser) at(i int) byte {
	if i >= 0 && i < len(p.src) {
		return p.src[i]
	}
	return 0
}

// nextContentLine moves to the next line with content other than a
// comment, unless pos is already inside one with nothing before it but
// spaces, and returns its indent, pos at its first non-space; false at the
// end of the text.
func (p *itemParser) nextContentLine() (int, bool) {
	if p.pos > p.lineStart && strings.TrimLeft(p.src[p.lineStart:p.pos], " ") != "" {
		if !p.toLineEnd() {
			return 0, false
		}
	}
	for p.pos < len(p.src) {
		i := p.lineStart
		for i < len(p.src) && p.src[i] == ' ' {
			i++
		}
		switch p.at(i) {
		case '\n':
			p.newLine(i + 1)
			continue
		case '#':
			j := strings.IndexByte(p.src[i:], '\n')
			if j < 0 {
				p.pos = len(p.src)
				return 0, false
			}
			p.newLine(i + j + 1)
			continue
		case 0:
			p.pos = len(p.src)
			return 0, false
		}
		p.pos = i
		return i - p.lineStart, true
	}
	return 0, false
}

// toLineEnd moves past the rest of the line, which must hold only spaces
// and a comment after at least one space.
func (p *itemParser) toLineEnd() bool {
	i := p.pos
	for i < len(p.src) && p.src[i] == ' ' {
		i++
	}
	switch p.at(i) {
	case 0:
		p.pos = len(p.src)
		return true
	case '\n':
	case '#':
		if p.at(i-1) != ' ' {
			p.failed = true
			return false
		}
		j := strings.IndexByte(p.src[i:], '\n')
		if j < 0 {
			p.pos = len(p.src)
			return true
		}
		i += j
	default:
		p.failed = true
		return false
	}
	p.newLine(i + 1)
	return true
}

func (p *itemParser) newLine(start int) {
	p.pos, p.lineStart = start, start
	p.line++
}

// dashAt reports a sequence entry's dash at i.
func (p *itemParser) dashAt(i int) bool {
	if p.at(i) != '-' {
		return false
	}
	c := p.at(i + 1)
	return c == ' ' || c == '\n' || c == 0
}

// keyAt returns the end of a plain key at i (letters, digits and
// underscores followed by a colon and a space or the line's end), or -1.
func (p *itemParser) keyAt(i int) int {
	j := i
	for j < len(p.src) {
		c := p.src[j]
		if c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			j++
			continue
		}
		break
	}
	if j == i || p.at(j) != ':' {
		return -1
	}
	if c := p.at(j + 1); c != ' ' && c != '\n' && c != 0 {
		return -1
	}
	return j
}

// blockNode reads the block node that starts at pos, indented ind.
func (p *itemParser) blockNode(ind int) *yaml.Node {
	if p.dashAt(p.pos) {
		return p.blockSeq(ind)
	}
	if p.keyAt(p.pos) >= 0 {
		return p.blockMapping(ind)
	}
	return p.fail()
}

// blockSeq reads a block sequence whose first dash is at pos, in column
// ind (0-based).
func (p *itemParser) blockSeq(ind int) *yaml.Node {
	seq := p.node(yaml.SequenceNode)
	for {
		p.pos++ // the dash
		for p.at(p.pos) == ' ' {
			p.pos++
		}
		var v *yaml.Node
		switch c := p.at(p.pos); {
		case c == '\n' || c == 0 || c == '#':
			if c == '#' && p.at(p.pos-1) != ' ' {
				return p.fail()
			}
			next, ok := p.nextContentLine()
			if !ok || next <= ind {
				return p.fail() // an empty entry
			}
			v = p.blockNode(next)
		case p.dashAt(p.pos):
			return p.fail() // a sequence in a sequence's entry
		case p.keyAt(p.pos) >= 0:
			v = p.blockMapping(p.pos - p.lineStart)
		default:
			v = p.inline(ind)
		}
		if p.failed {
			return nil
		}
		seq.Content = append(seq.Content, v)
		next, ok := p.nextContentLine()
		if p.failed {
			return nil
		}
		if !ok || next < ind || next == ind && !p.dashAt(p.pos) {
			return seq
		}
		if next > ind {
			return p.fail()
		}
	}
}

// blockMapping reads a block mapping whose first key is at pos, in column
// ind (0-based).
func (p *itemParser) blockMapping(ind int) *yaml.Node {
	m := p.node(yaml.MappingNode)
	for {
		end := p.keyAt(p.pos)
		if end < 0 {
			return p.fail()
		}
		k := p.node(yaml.ScalarNode)
		k.Value = p.src[p.pos:end]
		k.Tag = k.ShortTag()
		p.pos = end + 1
		for p.at(p.pos) == ' ' {
			p.pos++
		}
		var v *yaml.Node
		switch c := p.at(p.pos); c {
		case '\n', 0, '#':
			if c == '#' && p.at(p.pos-1) != ' ' {
				return p.fail()
			}
			next, ok := p.nextContentLine()
			switch {
			case !ok || next < ind:
				return p.fail() // an empty value
			case next > ind:
				v = p.blockNode(next)
			case p.dashAt(p.pos):
				v = p.blockSeq(ind) // a sequence indented as its key
			default:
				return p.fail()
			}
		default:
			v = p.inline(ind)
		}
		if p.failed {
			return nil
		}
		m.Content = append(m.Content, k, v)
		next, ok := p.nextContentLine()
		if p.failed {
			return nil
		}
		if !ok || next < ind {
			return m
		}
		if next > ind || p.dashAt(p.pos) {
			return p.fail()
		}
	}
}

// inline reads a value that starts on its key's or dash's line, in a
// block indented ind: a scalar on that line, or a flow collection. The
// next line with content must not be indented more than ind (which would
// continue a scalar).
func (p *itemParser) inline(ind int) *yaml.Node {
	var v *yaml.Node
	switch p.at(p.pos) {
	case '[', '{':
		v = p.flow(ind)
	case '"':
		v = p.doubleQuoted()
	case '\'':
		v = p.singleQuoted()
	default:
		v = p.blockPlain()
	}
	if p.failed {
		return nil
	}
	if !p.toLineEnd() {
		return nil
	}
	if next, ok := p.nextContentLine(); ok && next > ind {
		return p.fail()
	}
	return v
}

// plainStart reports whether c may start a plain scalar here (and is not
// a sign that the scalar is something this parser leaves to yaml.v3).
func plainStart(c byte) bool {
	switch c {
	case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ', '\n', 0:
		return false
	}
	return true
}

// blockPlain reads a plain scalar to the end of its line or a comment.
func (p *itemParser) blockPlain() *yaml.Node {
	if !plainStart(p.at(p.pos)) {
		return p.fail()
	}
	start := p.pos
	end := start
	i := start
	for i < len(p.src) && p.src[i] != '\n' {
		c := p.src[i]
		if c == ' ' {
			if p.at(i+1) == '#' {
				break
			}
		} else {
			if c == ':' {
				if n := p.at(i + 1); n == ' ' || n == '\n' || n == 0 {
					return p.fail()
				}
			}
			end = i + 1
		}
		i++
	}
	v := p.node(yaml.ScalarNode)
	v.Value = p.src[start:end]
	if v.Value == "<<" {
		return p.fail()
	}
	v.Tag = v.ShortTag()
	p.pos = end
	return v
}

// doubleQuoted reads a double-quoted scalar that ends on its line, with
// no escape but \\, \", \n and \t.
func (p *itemParser) doubleQuoted() *yaml.Node {
	v := p.node(yaml.ScalarNode)
	i := p.pos + 1
	var b *strings.Builder
	from := i
	for {
		switch p.at(i) {
		case '"':
			s := p.src[from:i]
			if b != nil {
				b.WriteString(s)
				s = b.String()
			}
			v.Value, v.Tag, v.Style = s, "!!str", yaml.DoubleQuotedStyle
			p.pos = i + 1
			return v
		case '\\':
			var r byte
			switch p.at(i + 1) {
			case '\\', '"':
				r = p.at(i + 1)
			case 'n':
				r = '\n'
			case 't':
				r = '\t'
			default:
				return p.fail()
			}
			if b == nil {
				b = new(strings.Builder)
			}
			b.WriteString(p.src[from:i])
			b.WriteByte(r)
			i += 2
			from = i
			continue
		case '\n', 0:
			return p.fail()
		}
		i++
	}
}

// singleQuoted reads a single-quoted scalar that ends on its line.
func (p *itemParser) singleQuoted() *yaml.Node {
	v := p.node(yaml.ScalarNode)
	i := p.pos + 1
	var b *strings.Builder
	from := i
	for {
		switch p.at(i) {
		case '\'':
			if p.at(i+1) == '\'' {
				if b == nil {
					b = new(strings.Builder)
				}
				b.WriteString(p.src[from : i+1])
				i += 2
				from = i
				continue
			}
			s := p.src[from:i]
			if b != nil {
				b.WriteString(s)
				s = b.String()
			}
			v.Value, v.Tag, v.Style = s, "!!str", yaml.SingleQuotedStyle
			p.pos = i + 1
			return v
		case '\n', 0:
			return p.fail()
		}
		i++
	}
}

// flow reads a flow collection in a block indented ind; its entries may
// go on over lines indented more than ind, broken between entries.
func (p *itemParser) flow(ind int) *yaml.Node {
	open := p.at(p.pos)
	n := p.node(yaml.SequenceNode)
	closer := byte(']')
	if open == '{' {
		n.Kind, n.Tag, closer = yaml.MappingNode, "!!map", '}'
	}
	n.Style = yaml.FlowStyle
	p.pos++
	if !p.flowSpace(ind) {
		return nil
	}
	if p.at(p.pos) == closer {
		p.pos++
		return n
	}
	for {
		if open == '{' {
			end := p.keyAt(p.pos)
			if end < 0 || p.at(end+1) != ' ' {
				return p.fail()
			}
			k := p.node(yaml.ScalarNode)
			k.Value = p.src[p.pos:end]
			k.Tag = k.ShortTag()
			p.pos = end + 1
			if !p.flowSpace(ind) {
				return nil
			}
			n.Content = append(n.Content, k)
		}
		var v *yaml.Node
		switch p.at(p.pos) {
		case '[', '{':
			v = p.flow(ind)
		case '"':
			v = p.doubleQuoted()
		case '\'':
			v = p.singleQuoted()
		default:
			v = p.flowPlain()
		}
		if p.failed || !p.flowSpace(ind) {
			return nil
		}
		n.Content = append(n.Content, v)
		switch p.at(p.pos) {
		case closer:
			p.pos++
			return n
		case ',':
			p.pos++
			if !p.flowSpace(ind) {
				return nil
			}
			if c := p.at(p.pos); c == ']' || c == '}' || c == ',' {
				return p.fail()
			}
		default:
			return p.fail()
		}
	}
}

// flowSpace moves past spaces and line breaks inside a flow collection;
// a line must be indented more than ind and hold more than a comment.
func (p *itemParser) flowSpace(ind int) bool {
	for {
		switch p.at(p.pos) {
		case ' ':
			p.pos++
		case '\n':
			p.newLine(p.pos + 1)
			i := p.pos
			for p.at(i) == ' ' {
				i++
			}
			if i-p.lineStart <= ind {
				p.failed = true
				return false
			}
			switch p.at(i) {
			case '\n', '#', 0:
				p.failed = true
				return false
			}
			p.pos = i
		case '#':
			p.failed = true
			return false
		default:
			return true
		}
	}
}

// flowPlain reads a plain scalar inside a flow collection, which ends at
// a comma, a bracket, a brace or the line's end; one with a question mark
// is left to yaml.v3.
func (p *itemParser) flowPlain() *yaml.Node {
	if !plainStart(p.at(p.pos)) {
		return p.fail()
	}
	start := p.pos
	end := start
	i := start
	for ; i < len(p.src); i++ {
		c := p.src[i]
		switch c {
		case '\n', ',', '[', ']', '{', '}':
		case '?':
			return p.fail() // yaml.v3 ends a scalar there, and finds no comma
		case ' ':
			if p.at(i+1) == '#' {
				return p.fail()
			}
			continue
		case ':':
			switch p.at(i + 1) {
			case ' ', '\n', ',', '[', ']', '{', '}', 0:
				return p.fail()
			}
			end = i + 1
			continue
		default:
			end = i + 1
			continue
		}
		break
	}
	v := p.node(yaml.ScalarNode)
	v.Value = p.src[start:end]
	if v.Value == "<<" {
		return p.fail()
	}
	v.Tag = v.ShortTag()
	p.pos = end
	return v
}
