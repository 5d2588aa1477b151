package policies

// listSpan is a list of items under a header that ends with a colon: the
// header's clause and the bytes [from, to) of its items. A polished reply
// often puts what it will never ask for, or what it asks for, in a header
// and the things in a list under it ("We will never ask you for:" then a
// card number, a PIN, a code); the header's words reach every item, as if
// the list were written out after it (checker.together), and so does its
// negation when the items complete it (open: "What we won't do:", not "We
// won't wait any longer:"; checker.negated). A negation inside one item
// reaches no other item.
type listSpan struct {
	header   int32
	from, to int32
	open     bool
}

// openEnds are the last words of a header that its items complete: a
// preposition, a verb still wanting its object, "the following", 以下.
var openEnds = []string{"for", "to", "of", "about", "following", "below", "these", "this", "include", "includes", "including",
	"do", "ask", "request", "want", "need", "share", "send", "give", "provide", "are", "is", "will", "can", "would", "never",
	"以下", "以下信息", "以下内容", "下列", "如下", "索要", "要求", "包括", "询问", "提供", "发送", "做", "会", "不会", "不做"}

// openHeader reports whether the header that ends at the colon norm[i]
// ends with one of openEnds.
func openHeader(norm []byte, i int) bool {
	j := i
	for j > 0 && (norm[j-1] == '*' || norm[j-1] == ' ') {
		j--
	}
	head := norm[:j]
	for _, w := range openEnds {
		if !hasSuffix(head, w) {
			continue
		}
		if k := len(head) - len(w); !isWordByte(w[0]) || k == 0 || !isWordByte(head[k-1]) {
			return true
		}
	}
	return false
}

// listSpans appends to dst the lists of norm: a line that ends with a
// colon (Markdown bold closing after it allowed) followed at once by one
// or more lines that start with a bullet (•, ·, -, *, –) or a number and a
// point, bracket or 、 ("1.", "2)", "3、"). A line that is not an item, or
// an empty one, ends the list.
func listSpans(norm []byte, clause []int32, dst []listSpan) []listSpan {
	for i := 0; i < len(norm); i++ {
		if norm[i] != ':' || i == 0 {
			continue
		}
		j := i + 1
		for j < len(norm) && (norm[j] == '*' || norm[j] == ' ' || norm[j] == '\t' || norm[j] == '\r') {
			j++
		}
		if j >= len(norm) || norm[j] != '\n' {
			continue
		}
		from, to := int32(j+1), int32(j+1)
		for line := j + 1; line < len(norm); {
			end := line
			for end < len(norm) && norm[end] != '\n' {
				end++
			}
			if !listItem(norm[line:end]) {
				break
			}
			to = int32(end)
			line = end + 1
		}
		if to > from {
			dst = append(dst, listSpan{header: clause[i-1], from: from, to: to, open: openHeader(norm, i)})
			i = int(to)
		}
	}
	return dst
}

// listItem reports whether a line starts, after spaces, with a bullet or a
// number and a point, bracket or 、.
func listItem(line []byte) bool {
	k := 0
	for k < len(line) && (line[k] == ' ' || line[k] == '\t') {
		k++
	}
	rest := line[k:]
	switch {
	case len(rest) == 0:
		return false
	case rest[0] == '-' || rest[0] == '*':
		return len(rest) > 1 && rest[1] == ' '
	case hasPrefixAt(rest, 0, "•"), hasPrefixAt(rest, 0, "·"), hasPrefixAt(rest, 0, "–"), hasPrefixAt(rest, 0, "▪"), hasPrefixAt(rest, 0, "◦"):
		return true
	}
	d := 0
	for d < len(rest) && d < 3 && isDigit(rest[d]) {
		d++
	}
	if d == 0 || d == len(rest) {
		return false
	}
	return rest[d] == '.' || rest[d] == ')' || hasPrefixAt(rest, d, "、")
}

// hasSuffix reports whether b ends with p (hasPrefixAt at its last bytes).
func hasSuffix(b []byte, p string) bool { return len(b) >= len(p) && hasPrefixAt(b, len(b)-len(p), p) }
