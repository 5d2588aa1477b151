package kb

import (
	"bufio"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"unicode/utf8"
)

// Document is one Markdown file of the knowledge base.
type Document struct {
	ID     string // path without the .md extension, e.g. "en/plans"
	Locale string // en or zh: the first folder of the path, else detected from the text
	Title  string // the first level-one heading, else the file name
	Text   string
}

// Chunk is a bounded passage of a document, the unit that is embedded and
// retrieved.
type Chunk struct {
	ID      string // DocID + "#" + ordinal, stable across runs
	DocID   string
	Title   string
	Locale  string
	Heading string // the section heading the passage sits under, "" for the preamble
	Text    string
}

// EmbedText is what gets embedded: the title and heading give a short
// passage the context a reader would see.
func (c Chunk) EmbedText() string {
	parts := []string{c.Title}
	if c.Heading != "" && c.Heading != c.Title {
		parts = append(parts, c.Heading)
	}
	return strings.Join(append(parts, c.Text), "\n")
}

// ChunkOptions bounds passage size. Sizes count runes, so English and
// Chinese passages are bounded alike.
type ChunkOptions struct {
	MaxRunes int // default 700
	Overlap  int // runes repeated from the previous piece of a split section; default 80
}

func (o ChunkOptions) withDefaults() ChunkOptions {
	if o.MaxRunes <= 0 {
		o.MaxRunes = 700
	}
	if o.Overlap == 0 {
		o.Overlap = 80
	}
	if o.Overlap < 0 || o.Overlap >= o.MaxRunes/2 {
		o.Overlap = o.MaxRunes / 8
	}
	return o
}

// ReadDocuments reads every .md file under fsys, in path order.
func ReadDocuments(fsys fs.FS) ([]Document, error) {
	var docs []Document
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.EqualFold(path.Ext(p), ".md") {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		if !utf8.Valid(b) {
			return fmt.Errorf("%s: not UTF-8", p)
		}
		docs = append(docs, NewDocument(p, string(b)))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("kb: read documents: %w", err)
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
	return docs, nil
}

// NewDocument builds a Document from its path in the knowledge-base folder
// and its Markdown text.
func NewDocument(p, text string) Document {
	id := strings.TrimSuffix(path.Clean(strings.TrimPrefix(p, "./")), path.Ext(p))
	d := Document{ID: id, Text: text}
	if first, _, ok := strings.Cut(id, "/"); ok && isLangCode(first) {
		d.Locale = first
	} else {
		d.Locale = DetectLang(text)
	}
	d.Title = path.Base(id)
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		if t, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "# "); ok {
			d.Title = strings.TrimSpace(t)
			break
		}
	}
	return d
}

// Lang reduces a locale such as "en-US" or "zh_CN" to the language the
// knowledge base is written in: "en" or "zh"; anything else is returned
// lower-cased as it is.
func Lang(locale string) string {
	l := strings.ToLower(strings.TrimSpace(locale))
	if i := strings.IndexAny(l, "-_"); i >= 0 {
		l = l[:i]
	}
	return l
}

// DetectLang reports "zh" when Han characters make up a fair share of the
// letters in s, else "en".
func DetectLang(s string) string {
	han, letters := 0, 0
	for _, r := range s {
		switch {
		case isHan(r):
			han++
			letters++
		case r < utf8.RuneSelf && (r|0x20 >= 'a' && r|0x20 <= 'z'):
			letters++
		}
	}
	// A Chinese character carries about as much as an English word, so a
	// modest share already means Chinese text.
	if han > 0 && han*4 >= letters {
		return "zh"
	}
	return "en"
}

// Chunks splits the document by heading into passages of at most
// opt.MaxRunes runes; a section longer than that is cut at paragraph, then
// sentence boundaries, each piece starting with the tail of the previous one.
func (d Document) Chunks(opt ChunkOptions) []Chunk {
	opt = opt.withDefaults()
	var out []Chunk
	for _, s := range sections(d.Text) {
		for _, piece := range split(s.body, opt) {
			out = append(out, Chunk{
				ID:      fmt.Sprintf("%s#%d", d.ID, len(out)),
				DocID:   d.ID,
				Title:   d.Title,
				Locale:  d.Locale,
				Heading: s.heading,
				Text:    piece,
			})
		}
	}
	return out
}

type section struct {
	heading string
	body    string
}

// sections cuts Markdown at ATX headings. The level-one title line is kept
// out of the bodies since every chunk carries the title anyway.
func sections(text string) []section {
	var out []section
	cur := section{}
	var b strings.Builder
	flush := func() {
		if body := strings.TrimSpace(b.String()); body != "" {
			cur.body = body
			out = append(out, cur)
		}
		b.Reset()
	}
	inFence := false
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "```") {
			inFence = !inFence
		}
		if !inFence && strings.HasPrefix(t, "#") {
			level := len(t) - len(strings.TrimLeft(t, "#"))
			if level <= 6 && (len(t) == level || t[level] == ' ') {
				flush()
				h := strings.TrimSpace(t[level:])
				if level == 1 {
					cur = section{}
				} else {
					cur = section{heading: h}
				}
				continue
			}
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	flush()
	return out
}

// split bounds a section body, preferring paragraph and sentence breaks.
func split(body string, opt ChunkOptions) []string {
	if utf8.RuneCountInString(body) <= opt.MaxRunes {
		return []string{body}
	}
	var units []string
	for _, p := range strings.Split(body, "\n\n") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if utf8.RuneCountInString(p) <= opt.MaxRunes {
			units = append(units, p)
			continue
		}
		units = append(units, sentences(p, opt.MaxRunes)...)
	}
	var out []string
	cur := ""
	for _, u := range units {
		switch {
		case cur == "":
			cur = u
		case utf8.RuneCountInString(cur)+2+utf8.RuneCountInString(u) <= opt.MaxRunes:
			cur += "\n\n" + u
		default:
			out = append(out, cur)
			cur = tail(cur, opt.Overlap, opt.MaxRunes-utf8.RuneCountInString(u)-1)
			if cur != "" {
				cur += " " + u
			} else {
				cur = u
			}
		}
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}

// sentences cuts a paragraph after sentence terminators, and hard-cuts any
// sentence still longer than max.
func sentences(p string, max int) []string {
	var out []string
	start := 0
	rs := []rune(p)
	for i, r := range rs {
		if isTerminator(r) && (i+1 == len(rs) || !isTerminator(rs[i+1])) {
			out = append(out, strings.TrimSpace(string(rs[start:i+1])))
			start = i + 1
		}
	}
	if start < len(rs) {
		out = append(out, strings.TrimSpace(string(rs[start:])))
	}
	var bounded []string
	for _, s := range out {
		r := []rune(s)
		for len(r) > max {
			bounded = append(bounded, string(r[:max]))
			r = r[max:]
		}
		if len(r) > 0 {
			bounded = append(bounded, string(r))
		}
	}
	return bounded
}

// tail returns about the last n runes of s (never more than limit),
// starting at a word boundary when there is one.
func tail(s string, n, limit int) string {
	if n > limit {
		n = limit
	}
	if n <= 0 {
		return ""
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	t := r[len(r)-n:]
	for i, c := range t {
		if c == ' ' || c == '\n' {
			if i+1 < len(t) {
				return strings.TrimSpace(string(t[i+1:]))
			}
			break
		}
	}
	return strings.TrimSpace(string(t))
}

func isTerminator(r rune) bool {
	switch r {
	case '.', '!', '?', '。', '！', '？', '；':
		return true
	}
	return false
}

// isLangCode reports whether a folder name looks like a two-letter
// language code (en, zh).
func isLangCode(s string) bool {
	return len(s) == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z'
}
