package policies

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxLineBytes bounds one input line of CheckLines; a longer line is answered
// with an error decision, and the run goes on.
const MaxLineBytes = 1 << 20

// lineInput is one line of `parley guard check` input (design.md section 6).
// Pointers tell a missing field from a zero one.
type lineInput struct {
	ID                *string    `json:"id"`
	Text              *string    `json:"text"`
	Channel           string     `json:"channel"`
	Jurisdiction      string     `json:"jurisdiction"`
	Now               *string    `json:"now"`
	Timezone          string     `json:"timezone"`
	InitiatedBy       string     `json:"initiated_by"`
	WrittenBy         string     `json:"written_by"`
	RecipientVerified *bool      `json:"recipient_verified"`
	FirstMessage      *bool      `json:"first_message"`
	Purpose           string     `json:"purpose"`
	Draft             *string    `json:"draft"`
	Facts             *lineFacts `json:"facts"`
}

type lineFacts struct {
	Balance                 *string  `json:"balance"`
	AllowedAmounts          []string `json:"allowed_amounts"`
	Currency                string   `json:"currency"`
	OptedOutChannels        []string `json:"opted_out_channels"`
	Cease                   bool     `json:"cease"`
	Attorney                bool     `json:"attorney"`
	Bankruptcy              bool     `json:"bankruptcy"`
	Disputed                bool     `json:"disputed"`
	TimeBarred              bool     `json:"time_barred"`
	LegalActionApproved     bool     `json:"legal_action_approved"`
	CallsLast7d             int      `json:"calls_last_7d"`
	ContactsLast7d          int      `json:"contacts_last_7d"`
	LastPhoneConversationAt *string  `json:"last_phone_conversation_at"`
	ConnectedCallsToday     int      `json:"connected_calls_today"`
	OtherBorrowerNames      []string `json:"other_borrower_names"`
	Lender                  string   `json:"lender"`
	Agency                  string   `json:"agency"`
	GrantedTerms            []string `json:"granted_terms"`
	BorrowerName            string   `json:"borrower_name"`
	OtherBorrowerEmails     []string `json:"other_borrower_emails"`
	LinkHosts               []string `json:"link_hosts"`
}

// CheckLines reads proposals as JSON Lines from r and writes one decision
// per line to w, in order (design.md section 6). A line that cannot be read
// is answered with a block decision carrying the error, and the run goes on;
// blank lines are skipped. The error returned is an I/O error only.
//
// A missing field takes the strictest reading the check can make: no time
// zone means every zone of the jurisdiction, no verification means not
// verified, no first_message means a first message (the fullest disclosure),
// no initiated_by means the agent, no channel means every channel's rules,
// no now means the time is unknown (an agent's message is blocked), no
// balance means no amount is backed but the allowed ones. Status flags
// (cease, attorney, bankruptcy, disputed, time_barred) and counters read as
// false and zero when missing: they report records, and no record is on file.
// legal_action_approved missing is false.
//
// Besides the fields of section 6, a line may carry "purpose" (the Purpose
// constants) and, in facts, "currency", "other_borrower_names", "lender" and
// "agency" (see Facts).
func CheckLines(g *Guard, r io.Reader, w io.Writer) error {
	_, err := CheckLinesReport(g, r, w)
	return err
}

// LinesReport counts what CheckLinesReport read.
type LinesReport struct {
	Lines     int   // non-blank lines answered
	Malformed []int // numbers (from 1) of the lines that could not be read or held an invalid value
}

// maxReportedLines bounds LinesReport.Malformed; Lines counts on.
const maxReportedLines = 1000

// CheckLinesReport is CheckLines, reporting which lines were malformed: the
// answer to such a line is a block decision whose error names its line
// number ("line 7: malformed JSON: ..."). Output is flushed whenever the
// input has no more buffered lines, so an interactive caller sees each
// answer at once and a stream is written in large blocks.
func CheckLinesReport(g *Guard, r io.Reader, w io.Writer) (LinesReport, error) {
	var rep LinesReport
	br := bufio.NewReaderSize(r, 64<<10)
	bw := bufio.NewWriterSize(w, 64<<10)
	var buf, out []byte
	var lr lineReader
	for n := 1; ; n++ {
		line, tooLong, err := readLine(br, buf[:0])
		buf = line
		if len(bytes.TrimSpace(line)) > 0 || tooLong {
			rep.Lines++
			var bad bool
			if tooLong {
				bad = true
				out = appendLineError(out[:0], lineID(line), fmt.Sprintf("line %d: line longer than %d bytes", n, MaxLineBytes))
			} else {
				out, bad = checkLine(g, &lr, line, n, out[:0])
			}
			if bad && len(rep.Malformed) < maxReportedLines {
				rep.Malformed = append(rep.Malformed, n)
			}
			if _, werr := bw.Write(out); werr != nil {
				return rep, fmt.Errorf("guard: write: %w", werr)
			}
			if br.Buffered() == 0 {
				if werr := bw.Flush(); werr != nil {
					return rep, fmt.Errorf("guard: write: %w", werr)
				}
			}
		}
		if errors.Is(err, io.EOF) {
			return rep, bw.Flush()
		}
		if err != nil {
			bw.Flush()
			return rep, fmt.Errorf("guard: read: %w", err)
		}
	}
}

// readLine appends the next line (without its newline) to buf; a line over
// MaxLineBytes is cut there and reported, and the rest of it skipped.
func readLine(br *bufio.Reader, buf []byte) ([]byte, bool, error) {
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > MaxLineBytes {
				tooLong = true
				buf = append(buf, chunk[:max(0, MaxLineBytes-len(buf))]...)
			} else {
				buf = append(buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		buf = bytes.TrimSuffix(buf, []byte("\n"))
		buf = bytes.TrimSuffix(buf, []byte("\r"))
		return buf, tooLong, err
	}
}

// checkLine decodes one line (number n) with lr, or encoding/json when lr
// gives it up, checks it and appends the answer to out; bad reports a line
// that could not be read.
func checkLine(g *Guard, lr *lineReader, line []byte, n int, out []byte) ([]byte, bool) {
	in, ok := lr.parse(line)
	if !ok {
		in = new(lineInput)
		if err := json.Unmarshal(line, in); err != nil {
			return appendLineError(out, lineID(line), fmt.Sprintf("line %d: malformed JSON: %v", n, err)), true
		}
	}
	id := ""
	if in.ID != nil {
		id = *in.ID
	}
	p, f, err := in.decodeInto(g, lr.amounts)
	if err != nil {
		return appendLineError(out, id, fmt.Sprintf("line %d: %v", n, err)), true
	}
	if cap(f.AllowedAmounts) > cap(lr.amounts) {
		lr.amounts = f.AllowedAmounts
	}
	d := g.Check(p, f)
	return appendDecision(out, id, d), false
}

// appendLineError writes the answer to a line that could not be read.
func appendLineError(out []byte, id, msg string) []byte {
	out = append(out, `{"id":`...)
	out = appendJSONString(out, id)
	out = append(out, `,"decision":"block","error":`...)
	out = appendJSONString(out, msg)
	return append(out, "}\n"...)
}

// appendDecision writes one decision as a line of output (design.md
// section 6), without reflection: the output is the same as encoding/json
// makes of the decision with HTML escaping off.
func appendDecision(out []byte, id string, d Decision) []byte {
	out = append(out, `{"id":`...)
	out = appendJSONString(out, id)
	out = append(out, `,"decision":`...)
	out = appendJSONString(out, string(d.Action))
	out = append(out, `,"violations":[`...)
	for i, v := range d.Violations {
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, `{"rule":`...)
		out = appendJSONString(out, v.Rule)
		out = append(out, `,"category":`...)
		out = appendJSONString(out, v.Category)
		out = append(out, `,"detail":`...)
		out = appendJSONString(out, v.Detail)
		out = append(out, `,"citation":`...)
		out = appendJSONString(out, v.Citation)
		out = append(out, '}')
	}
	out = append(out, ']')
	if d.Sendable() {
		out = append(out, `,"text":`...)
		out = appendJSONString(out, d.Text)
	}
	if d.Action == Defer {
		out = append(out, `,"send_at":"`...)
		out = d.SendAt.UTC().AppendFormat(out, time.RFC3339)
		out = append(out, '"')
	}
	if d.Error != "" {
		out = append(out, `,"error":`...)
		out = appendJSONString(out, d.Error)
	}
	return append(out, "}\n"...)
}

// appendJSONString writes s as a JSON string: quotes, backslashes and
// control characters escaped, invalid UTF-8 as U+FFFD, U+2028 and U+2029
// escaped, everything else as it is.
func appendJSONString(out []byte, s string) []byte {
	const hex = "0123456789abcdef"
	out = append(out, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			out = append(out, s[start:i]...)
			switch c {
			case '"', '\\':
				out = append(out, '\\', c)
			case '\n':
				out = append(out, '\\', 'n')
			case '\r':
				out = append(out, '\\', 'r')
			case '\t':
				out = append(out, '\\', 't')
			default:
				out = append(out, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			out = append(out, s[start:i]...)
			out = append(out, `\ufffd`...)
			i += n
			start = i
			continue
		}
		if r == 0x2028 || r == 0x2029 {
			out = append(out, s[start:i]...)
			out = append(out, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += n
			start = i
			continue
		}
		i += n
	}
	out = append(out, s[start:]...)
	return append(out, '"')
}

// lineID digs the id out of a line that did not decode, reading JSON tokens
// up to the first error, so that even a cut line's answer can be matched to
// its question.
func lineID(line []byte) string {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return ""
	}
	depth, key := 1, true
	for depth > 0 {
		tok, err := dec.Token()
		if err != nil {
			return ""
		}
		switch v := tok.(type) {
		case json.Delim:
			if v == '{' || v == '[' {
				depth++
			} else {
				depth--
			}
			if depth == 1 {
				key = true
			}
			continue
		case string:
			if depth == 1 && key && v == "id" {
				id, err := dec.Token()
				if err != nil {
					return ""
				}
				switch x := id.(type) {
				case string:
					return x
				case json.Number:
					return x.String()
				}
				return ""
			}
		}
		if depth == 1 {
			key = !key
		}
	}
	return ""
}

// decode turns a line into a proposal and facts, checking every value; g
// knows the time zones.
func (in *lineInput) decode(g *Guard) (Proposal, Facts, error) {
	return in.decodeInto(g, nil)
}

// decodeInto is decode, the allowed amounts appended to amounts[:0] when
// there are any.
func (in *lineInput) decodeInto(g *Guard, amounts []Amount) (Proposal, Facts, error) {
	var p Proposal
	var f Facts
	if in.ID == nil {
		return p, f, errors.New("id is required")
	}
	if in.Text == nil {
		return p, f, errors.New("text is required")
	}
	p.ID, p.Text, p.Purpose = *in.ID, *in.Text, in.Purpose
	if in.Draft != nil {
		p.Draft, p.Reworded = *in.Draft, true
	}
	switch in.Channel {
	case "", "sms", "chat", "voice", "email":
		p.Channel = in.Channel
	default:
		return p, f, fmt.Errorf("unknown channel %q", in.Channel)
	}
	switch in.InitiatedBy {
	case "", "agent", "borrower":
		p.InitiatedBy = in.InitiatedBy
	default:
		return p, f, fmt.Errorf("unknown initiated_by %q", in.InitiatedBy)
	}
	switch in.WrittenBy {
	case "", WrittenByAgent, WrittenByPerson:
		p.WrittenBy = in.WrittenBy
	default:
		return p, f, fmt.Errorf("unknown written_by %q", in.WrittenBy)
	}
	switch p.Purpose {
	case PurposeCollection, PurposeOptOutConfirmation, PurposeDisputeAck, PurposeHelp, PurposeHandoff, PurposeIdentity,
		PurposeStopNotice:
	default:
		return p, f, fmt.Errorf("unknown purpose %q", p.Purpose)
	}
	p.FirstMessage = in.FirstMessage == nil || *in.FirstMessage
	f.Jurisdiction = in.Jurisdiction
	f.Timezone = in.Timezone
	if f.Timezone != "" && g.zones.get(f.Timezone) == nil {
		return p, f, fmt.Errorf("unknown time zone %q", f.Timezone)
	}
	f.RecipientVerified = in.RecipientVerified != nil && *in.RecipientVerified
	if in.Now != nil {
		t, err := time.Parse(time.RFC3339, *in.Now)
		if err != nil {
			return p, f, fmt.Errorf("now: not an RFC 3339 time: %q", *in.Now)
		}
		f.Now = t
	}
	if in.Facts == nil {
		return p, f, nil
	}
	x := in.Facts
	if x.Balance != nil {
		v, err := parseDecimal(*x.Balance)
		if err != nil {
			return p, f, fmt.Errorf("facts.balance: %w", err)
		}
		f.HasBalance, f.Balance = true, v
	}
	if len(x.AllowedAmounts) > 0 {
		f.AllowedAmounts = amounts[:0]
	}
	for i, a := range x.AllowedAmounts {
		v, err := parseDecimal(a)
		if err != nil {
			return p, f, fmt.Errorf("facts.allowed_amounts[%d]: %w", i, err)
		}
		f.AllowedAmounts = append(f.AllowedAmounts, v)
	}
	for _, ch := range x.OptedOutChannels {
		if !channels[ch] {
			return p, f, fmt.Errorf("facts.opted_out_channels: unknown channel %q", ch)
		}
	}
	if x.CallsLast7d < 0 || x.ContactsLast7d < 0 || x.ConnectedCallsToday < 0 {
		return p, f, errors.New("facts: counters must not be negative")
	}
	if x.LastPhoneConversationAt != nil {
		t, err := time.Parse(time.RFC3339, *x.LastPhoneConversationAt)
		if err != nil {
			return p, f, fmt.Errorf("facts.last_phone_conversation_at: not an RFC 3339 time: %q", *x.LastPhoneConversationAt)
		}
		f.LastPhoneConversationAt = t
	}
	f.Currency = strings.ToUpper(x.Currency)
	f.OptedOutChannels = x.OptedOutChannels
	f.Cease, f.Attorney, f.Bankruptcy, f.Disputed = x.Cease, x.Attorney, x.Bankruptcy, x.Disputed
	f.TimeBarred, f.LegalActionApproved = x.TimeBarred, x.LegalActionApproved
	f.CallsLast7d, f.ContactsLast7d, f.ConnectedCallsToday = x.CallsLast7d, x.ContactsLast7d, x.ConnectedCallsToday
	f.OtherBorrowerNames, f.Lender, f.Agency = x.OtherBorrowerNames, x.Lender, x.Agency
	for _, t := range x.GrantedTerms {
		if !slices.Contains(GrantedTerms, t) {
			return p, f, fmt.Errorf("facts.granted_terms: unknown term %q", t)
		}
	}
	f.GrantedTerms, f.BorrowerName, f.OtherBorrowerEmails = x.GrantedTerms, x.BorrowerName, x.OtherBorrowerEmails
	f.LinkHosts = x.LinkHosts
	return p, f, nil
}

// parseDecimal reads a decimal string such as "1200", "1200.5" or
// "1,200.00" into minor units (two decimals).
func parseDecimal(s string) (int64, error) {
	t := strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	whole, frac, hasFrac := strings.Cut(t, ".")
	if whole == "" || hasFrac && (len(frac) == 0 || len(frac) > 2) {
		return 0, fmt.Errorf("not a decimal amount: %q", s)
	}
	for len(frac) < 2 {
		frac += "0"
	}
	w, err1 := strconv.ParseUint(whole, 10, 63)
	f, err2 := strconv.ParseUint(frac, 10, 63)
	if err1 != nil || err2 != nil || w > 1<<53 {
		return 0, fmt.Errorf("not a decimal amount: %q", s)
	}
	return int64(w*100 + f), nil
}
