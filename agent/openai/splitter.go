package openai

import (
	"strings"
	"unicode"
)

// splitter cuts streamed text into sentences as they complete: after . ! ?
// followed by a space (so "1.5" and "e.g.x" stay whole), at once after
// 。！？, and at every newline. Closing quotes and brackets stay with their
// sentence.
type splitter struct {
	cur          strings.Builder
	pending      bool // a terminator was seen
	pendingASCII bool // it was . ! ? and needs a space to count
}

// push adds a streamed fragment and returns the sentences it completed.
func (s *splitter) push(fragment string) []string {
	var out []string
	emit := func() {
		if t := strings.TrimSpace(s.cur.String()); t != "" {
			out = append(out, t)
		}
		s.cur.Reset()
		s.pending = false
	}
	for _, r := range fragment {
		if s.pending {
			switch {
			case isCloser(r):
				s.cur.WriteRune(r)
				continue
			case s.pendingASCII && !unicode.IsSpace(r):
				s.pending = false
			default:
				emit()
				if unicode.IsSpace(r) {
					continue
				}
			}
		}
		if r == '\n' {
			emit()
			continue
		}
		s.cur.WriteRune(r)
		switch r {
		case '.', '!', '?':
			s.pending, s.pendingASCII = true, true
		case '。', '！', '？':
			s.pending, s.pendingASCII = true, false
		}
	}
	return out
}

// flush returns what is left at the end of the stream.
func (s *splitter) flush() string {
	t := strings.TrimSpace(s.cur.String())
	s.cur.Reset()
	s.pending = false
	return t
}

func isCloser(r rune) bool {
	return strings.ContainsRune(`"')]”’」』）】`, r)
}
