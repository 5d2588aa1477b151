package policies

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// parse reads a line of `parley guard check` input into in without
// reflection: one pass over the bytes, the fields of lineInput and
// lineFacts by their exact names, unknown fields skipped. It reports false
// on anything it does not read exactly as encoding/json would (malformed
// JSON, a value of the wrong type, a name that matches a field only when
// case is ignored, a number that is not an int); the caller then decodes
// the line with encoding/json, which also words the error. A line parse
// accepts decodes to the same lineInput (TestLineParseMatchesJSON).
func (in *lineInput) parse(line []byte) bool {
	var r lineReader
	got, ok := r.parse(line)
	if ok {
		*in = *got
	}
	return ok
}

// lineReader reads the lines of one run of CheckLines, one after another,
// as lineInput.parse does, keeping its storage from line to line: what the
// pointers of its lineInput point at and the backing arrays of the facts'
// lists are its own, and a string value without escapes is a substring of
// the line's one string. A line costs one allocation when no value has an
// escape (TestLineReaderAllocations).
type lineReader struct {
	d     lineDecoder
	in    lineInput
	facts lineFacts
	strs  [6]string   // values of in.ID, Text, Now, Draft and facts.Balance, LastPhoneConversationAt
	bools [2]bool     // values of in.RecipientVerified, FirstMessage
	lists [6][]string // backing of the facts' lists, in the order of lineFacts

	amounts []Amount // backing of the decoded facts' allowed amounts
}

// parse reads line; the lineInput returned, and every list and pointer in
// it, is valid until the next call.
func (r *lineReader) parse(line []byte) (*lineInput, bool) {
	r.in = lineInput{}
	r.d = lineDecoder{b: line, s: string(line)}
	d := &r.d // not a variable of its own, which would be moved to the heap
	d.space()
	if !d.object(r.field) {
		return nil, false
	}
	d.space()
	if d.i != len(d.b) {
		return nil, false
	}
	return &r.in, true
}

// lineDecoder is a position in a line; s is the line as a string, of
// which a value without escapes is a substring.
type lineDecoder struct {
	b []byte
	s string
	i int
}

func (d *lineDecoder) space() {
	for d.i < len(d.b) {
		switch d.b[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// object reads {"name": value, ...}, calling field for each name with the
// decoder at its value; field reads the value and reports success.
func (d *lineDecoder) object(field func(d *lineDecoder, name []byte) bool) bool {
	if empty, ok := d.open('{', '}'); empty || !ok {
		return ok
	}
	for {
		d.space()
		name, ok := d.rawString()
		if !ok {
			return false
		}
		d.space()
		if d.i >= len(d.b) || d.b[d.i] != ':' {
			return false
		}
		d.i++
		d.space()
		if !field(d, name) {
			return false
		}
		if end, ok := d.separator('}'); end || !ok {
			return ok
		}
	}
}

// open reads the opening bracket and reports whether the closing one
// follows at once (an empty object or array).
func (d *lineDecoder) open(opening, closing byte) (empty, ok bool) {
	if d.i >= len(d.b) || d.b[d.i] != opening {
		return false, false
	}
	d.i++
	d.space()
	if d.i < len(d.b) && d.b[d.i] == closing {
		d.i++
		return true, true
	}
	return false, true
}

// separator reads what follows a member: a comma (more to come) or the
// closing bracket (end); anything else is malformed (not ok).
func (d *lineDecoder) separator(closing byte) (end, ok bool) {
	d.space()
	if d.i >= len(d.b) {
		return false, false
	}
	switch d.b[d.i] {
	case ',':
		d.i++
		return false, true
	case closing:
		d.i++
		return true, true
	}
	return false, false
}

// rawString reads a string with no escapes and returns its bytes (a
// field name); an escaped name makes parse give up.
func (d *lineDecoder) rawString() ([]byte, bool) {
	if d.i >= len(d.b) || d.b[d.i] != '"' {
		return nil, false
	}
	start := d.i + 1
	for j := start; j < len(d.b); j++ {
		switch c := d.b[j]; {
		case c == '"':
			d.i = j + 1
			return d.b[start:j], true
		case c == '\\' || c < 0x20:
			return nil, false
		}
	}
	return nil, false
}

// null reads a null if one is next.
func (d *lineDecoder) null() bool {
	if len(d.b)-d.i >= 4 && string(d.b[d.i:d.i+4]) == "null" {
		d.i += 4
		return true
	}
	return false
}

// str reads a string value, decoding escapes and replacing invalid UTF-8
// as encoding/json does. A value with neither is a substring of d.s.
func (d *lineDecoder) str() (string, bool) {
	if d.i >= len(d.b) || d.b[d.i] != '"' {
		return "", false
	}
	start := d.i + 1
	j := start
	escaped, ascii := false, true
	for ; j < len(d.b); j++ {
		c := d.b[j]
		if c == '"' {
			break
		}
		if c == '\\' {
			escaped = true
			j++
			continue
		}
		if c < 0x20 {
			return "", false
		}
		if c >= 0x80 {
			ascii = false
		}
	}
	if j >= len(d.b) {
		return "", false
	}
	d.i = j + 1
	raw := d.b[start:j]
	if !escaped && (ascii || utf8.Valid(raw)) {
		return d.s[start:j], true
	}
	return unquote(raw)
}

// unquote decodes the body of a JSON string with escapes or non-ASCII bytes.
func unquote(raw []byte) (string, bool) {
	out := make([]byte, 0, len(raw))
	for k := 0; k < len(raw); {
		c := raw[k]
		switch {
		case c == '\\':
			if k+1 >= len(raw) {
				return "", false
			}
			k++
			switch raw[k] {
			case '"', '\\', '/':
				out = append(out, raw[k])
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'u':
				r, ok := hex4(raw[k+1:])
				if !ok {
					return "", false
				}
				k += 4
				if utf16.IsSurrogate(r) {
					r2 := rune(-1)
					if k+2 < len(raw) && raw[k+1] == '\\' && raw[k+2] == 'u' {
						if x, ok := hex4(raw[k+3:]); ok {
							r2 = x
						}
					}
					if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
						k += 6
						r = dec
					} else {
						r = utf8.RuneError
					}
				}
				out = utf8.AppendRune(out, r)
			default:
				return "", false
			}
			k++
		case c < utf8.RuneSelf:
			out = append(out, c)
			k++
		default:
			r, n := utf8.DecodeRune(raw[k:])
			if r == utf8.RuneError && n == 1 {
				out = utf8.AppendRune(out, utf8.RuneError)
			} else {
				out = append(out, raw[k:k+n]...)
			}
			k += n
		}
	}
	return string(out), true
}

func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// strPtr reads a string into *store and points *p at it, or a null, which
// sets *p to nil as encoding/json does.
func (d *lineDecoder) strPtr(p **string, store *string) bool {
	if d.null() {
		*p = nil
		return true
	}
	s, ok := d.str()
	if !ok {
		return false
	}
	*store = s
	*p = store
	return true
}

// strVal reads a string or null (which leaves the value unchanged).
func (d *lineDecoder) strVal(p *string) bool {
	if d.null() {
		return true
	}
	s, ok := d.str()
	if ok {
		*p = s
	}
	return ok
}

// boolean reads true or false; null leaves the value unchanged.
func (d *lineDecoder) boolean(p *bool) bool {
	switch {
	case d.null():
		return true
	case len(d.b)-d.i >= 4 && string(d.b[d.i:d.i+4]) == "true":
		d.i += 4
		*p = true
		return true
	case len(d.b)-d.i >= 5 && string(d.b[d.i:d.i+5]) == "false":
		d.i += 5
		*p = false
		return true
	}
	return false
}

// boolPtr reads true or false into *store and points *p at it, or a null,
// which sets *p to nil.
func (d *lineDecoder) boolPtr(p **bool, store *bool) bool {
	if d.null() {
		*p = nil
		return true
	}
	var v bool
	if !d.boolean(&v) {
		return false
	}
	*store = v
	*p = store
	return true
}

// integer reads a JSON integer that fits an int; null leaves the value
// unchanged; a fraction or exponent makes parse give up.
func (d *lineDecoder) integer(p *int) bool {
	if d.null() {
		return true
	}
	start := d.i
	if d.i < len(d.b) && d.b[d.i] == '-' {
		d.i++
	}
	digits := d.i
	for d.i < len(d.b) && d.b[d.i] >= '0' && d.b[d.i] <= '9' {
		d.i++
	}
	if d.i == digits || d.i-digits > 1 && d.b[digits] == '0' {
		return false
	}
	if d.i < len(d.b) {
		switch d.b[d.i] {
		case '.', 'e', 'E':
			return false
		}
	}
	v, err := strconv.Atoi(string(d.b[start:d.i]))
	if err != nil {
		return false
	}
	*p = v
	return true
}

// strings reads an array of strings into the backing array *store and
// sets *p to it (empty, not nil, for []); null sets *p to nil.
func (d *lineDecoder) strings(p *[]string, store *[]string) bool {
	if d.null() {
		*p = nil
		return true
	}
	out := (*store)[:0]
	if out == nil {
		out = make([]string, 0, 8)
	}
	ok := d.array(func(d *lineDecoder) bool {
		var s string
		if !d.strVal(&s) {
			return false
		}
		out = append(out, s)
		return true
	})
	*store = out
	if ok {
		*p = out
	}
	return ok
}

// array reads [value, ...], calling elem with the decoder at each value;
// elem reads the value and reports success.
func (d *lineDecoder) array(elem func(d *lineDecoder) bool) bool {
	if empty, ok := d.open('[', ']'); empty || !ok {
		return ok
	}
	for {
		d.space()
		if !elem(d) {
			return false
		}
		if end, ok := d.separator(']'); end || !ok {
			return ok
		}
	}
}

// skip reads and discards any JSON value.
func (d *lineDecoder) skip(depth int) bool {
	if depth > 100 || d.i >= len(d.b) {
		return false
	}
	switch c := d.b[d.i]; {
	case c == '"':
		_, ok := d.str()
		return ok
	case c == '{':
		return d.object(func(d *lineDecoder, _ []byte) bool { return d.skip(depth + 1) })
	case c == '[':
		return d.array(func(d *lineDecoder) bool { return d.skip(depth + 1) })
	case c == 't' || c == 'f':
		var b bool
		return d.boolean(&b)
	case c == 'n':
		return d.null()
	default:
		return d.number()
	}
}

// number reads a JSON number of any form.
func (d *lineDecoder) number() bool {
	i := d.i
	if i < len(d.b) && d.b[i] == '-' {
		i++
	}
	start := i
	i = d.digits(i)
	if i == start || i-start > 1 && d.b[start] == '0' {
		return false
	}
	if i < len(d.b) && d.b[i] == '.' {
		if i = d.digits(i + 1); d.b[i-1] == '.' {
			return false
		}
	}
	if i < len(d.b) && (d.b[i] == 'e' || d.b[i] == 'E') {
		i++
		if i < len(d.b) && (d.b[i] == '+' || d.b[i] == '-') {
			i++
		}
		s := i
		if i = d.digits(i); i == s {
			return false
		}
	}
	d.i = i
	return true
}

// digits returns the position after the run of ASCII digits at i.
func (d *lineDecoder) digits(i int) int {
	for i < len(d.b) && d.b[i] >= '0' && d.b[i] <= '9' {
		i++
	}
	return i
}

// known reports whether name matches a field of lineInput or lineFacts
// when case is ignored: encoding/json would fill that field, so parse
// gives up rather than skip it.
func known(name []byte, fields []string) bool {
	for _, c := range name {
		if c >= utf8.RuneSelf {
			return true // Unicode case folding: let encoding/json decide
		}
	}
	for _, f := range fields {
		if len(f) == len(name) && equalFoldBytes(name, f) {
			return true
		}
	}
	return false
}

// equalFoldBytes compares ASCII case-insensitively in both directions.
func equalFoldBytes(b []byte, s string) bool {
	for i := range b {
		x, y := b[i], s[i]
		if x >= 'A' && x <= 'Z' {
			x += 'a' - 'A'
		}
		if y >= 'A' && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

var inputFields = []string{"id", "text", "channel", "jurisdiction", "now", "timezone", "initiated_by", "written_by",
	"recipient_verified", "first_message", "purpose", "draft", "facts"}

var factFields = []string{"balance", "allowed_amounts", "currency", "opted_out_channels", "cease", "attorney",
	"bankruptcy", "disputed", "time_barred", "legal_action_approved", "calls_last_7d", "contacts_last_7d",
	"last_phone_conversation_at", "connected_calls_today", "other_borrower_names", "lender", "agency",
	"granted_terms", "borrower_name", "other_borrower_emails", "link_hosts"}

// field reads the value of one field of a line.
func (r *lineReader) field(d *lineDecoder, name []byte) bool {
	in := &r.in
	switch string(name) {
	case "id":
		return d.strPtr(&in.ID, &r.strs[0])
	case "text":
		return d.strPtr(&in.Text, &r.strs[1])
	case "channel":
		return d.strVal(&in.Channel)
	case "jurisdiction":
		return d.strVal(&in.Jurisdiction)
	case "now":
		return d.strPtr(&in.Now, &r.strs[2])
	case "timezone":
		return d.strVal(&in.Timezone)
	case "initiated_by":
		return d.strVal(&in.InitiatedBy)
	case "written_by":
		return d.strVal(&in.WrittenBy)
	case "recipient_verified":
		return d.boolPtr(&in.RecipientVerified, &r.bools[0])
	case "first_message":
		return d.boolPtr(&in.FirstMessage, &r.bools[1])
	case "purpose":
		return d.strVal(&in.Purpose)
	case "draft":
		return d.strPtr(&in.Draft, &r.strs[3])
	case "facts":
		if d.null() {
			in.Facts = nil
			return true
		}
		if in.Facts == nil {
			// New facts, as encoding/json makes after none or a null;
			// facts given twice are read into the same ones.
			r.facts = lineFacts{}
			in.Facts = &r.facts
		}
		return d.object(r.factField)
	}
	if known(name, inputFields) {
		return false
	}
	return d.skip(0)
}

// factField reads the value of one field of a line's facts.
func (r *lineReader) factField(d *lineDecoder, name []byte) bool {
	f := &r.facts
	switch string(name) {
	case "balance":
		return d.strPtr(&f.Balance, &r.strs[4])
	case "allowed_amounts":
		return d.strings(&f.AllowedAmounts, &r.lists[0])
	case "currency":
		return d.strVal(&f.Currency)
	case "opted_out_channels":
		return d.strings(&f.OptedOutChannels, &r.lists[1])
	case "cease":
		return d.boolean(&f.Cease)
	case "attorney":
		return d.boolean(&f.Attorney)
	case "bankruptcy":
		return d.boolean(&f.Bankruptcy)
	case "disputed":
		return d.boolean(&f.Disputed)
	case "time_barred":
		return d.boolean(&f.TimeBarred)
	case "legal_action_approved":
		return d.boolean(&f.LegalActionApproved)
	case "calls_last_7d":
		return d.integer(&f.CallsLast7d)
	case "contacts_last_7d":
		return d.integer(&f.ContactsLast7d)
	case "last_phone_conversation_at":
		return d.strPtr(&f.LastPhoneConversationAt, &r.strs[5])
	case "connected_calls_today":
		return d.integer(&f.ConnectedCallsToday)
	case "other_borrower_names":
		return d.strings(&f.OtherBorrowerNames, &r.lists[2])
	case "lender":
		return d.strVal(&f.Lender)
	case "agency":
		return d.strVal(&f.Agency)
	case "granted_terms":
		return d.strings(&f.GrantedTerms, &r.lists[3])
	case "borrower_name":
		return d.strVal(&f.BorrowerName)
	case "other_borrower_emails":
		return d.strings(&f.OtherBorrowerEmails, &r.lists[4])
	case "link_hosts":
		return d.strings(&f.LinkHosts, &r.lists[5])
	}
	if known(name, factFields) {
		return false
	}
	return d.skip(0)
}
