package openai

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies"
)

// tool is one intent offered to the model as a function, with the parser
// that validates its arguments strictly.
type tool struct {
	intent agent.Intent
	desc   string
	// props is the JSON-schema "properties" object, "" for none.
	props string
	parse func(p *parser, args []byte) (agent.Command, error)
}

// parser carries what argument validation needs from the turn.
type parser struct {
	tc        agent.TurnContext
	maxAmount int64
}

var tools = []tool{
	{agent.IntentVerifyIdentity, "The borrower gives identity details to prove who they are.",
		`{"dob":{"type":"string","description":"date of birth, YYYY-MM-DD"},` +
			`"postcode":{"type":"string","description":"postcode or ZIP code"},` +
			`"id_last4":{"type":"string","description":"last four digits of an ID number"}}`, parseIdentity},
	{agent.IntentAskBalance, "Asks how much they owe.", "", noArgs},
	{agent.IntentAskDueDate, "Asks when a payment is due.", "", noArgs},
	{agent.IntentAskCreditor, "Asks who the creditor is or who is contacting them.", "", noArgs},
	{agent.IntentAskPurpose, "Asks what the debt is for.", "", noArgs},
	{agent.IntentAskHowToPay, "Asks how to make a payment.", "", noArgs},
	{agent.IntentAskFees, "Asks about fees or interest.", "", noArgs},
	{agent.IntentAskBot, "Asks whether they are talking to a bot or a person.", "", noArgs},
	{agent.IntentAskLegit, "Asks whether this contact is genuine or a scam, or how to check it.", "", noArgs},
	{agent.IntentAskWho, "Asks who the assistant is.", "", noArgs},
	{agent.IntentAskCredit, "Asks how the debt or payments affect their credit record.", "", noArgs},
	{agent.IntentAskAdvice, "Asks where to get free debt advice.", "", noArgs},
	{agent.IntentAskLowest, "Asks for the lowest amount or the longest plan the creditor would accept, naming no amount.", "", noArgs},
	{agent.IntentAskArrest, "Asks whether they can be arrested, jailed or charged with a crime over the debt.", "", noArgs},
	{agent.IntentAskSuit, "Asks whether they will be sued, taken to court or face legal action over the debt.", "", noArgs},
	{agent.IntentAskTimeBarred, "Asks whether the debt is too old to collect or past the statute of limitations.", "", noArgs},
	{agent.IntentAskValidation, "Asks for the validation notice or for proof of the debt in writing.", "", noArgs},
	{agent.IntentProposePlan, "Proposes or asks for a payment plan, possibly with an amount per installment, a frequency and a number of installments.",
		`{"amount":{"type":"string","description":"amount per installment, plain decimal"},` +
			`"frequency":{"type":"string","enum":["weekly","biweekly","monthly","once"]},` +
			`"count":{"type":"integer","minimum":1,"description":"number of installments"}}`, parsePlan},
	{agent.IntentAcceptOffer, "Accepts an offer on the table.",
		`{"offer_id":{"type":"string","description":"the id of the accepted offer; empty for the last one"}}`, parseAccept},
	{agent.IntentRejectOffer, "Rejects the offer on the table.", "", noArgs},
	{agent.IntentPayInFull, "Wants to pay the whole balance.", "", noArgs},
	{agent.IntentPromiseToPay, "Promises to pay on a date, possibly an amount.",
		`{"date":{"type":"string","description":"YYYY-MM-DD"},"amount":{"type":"string","description":"plain decimal"}}`, parsePromise},
	{agent.IntentDispute, "Disputes the debt: not theirs, wrong amount, already paid, fraud.", "", noArgs},
	{agent.IntentHardship, "Describes financial hardship: job loss, illness, cannot afford.", "", noArgs},
	{agent.IntentVulnerable, "Expresses crisis, self-harm or serious distress.", "", noArgs},
	{agent.IntentVulnerability, "Describes a vulnerability that is not a crisis: a recent bereavement, a serious illness, a breathing-space moratorium.", "", noArgs},
	{agent.IntentDeceased, "Says the borrower has died.", "", noArgs},
	{agent.IntentCancelPlan, "Withdraws from an agreed plan, or says they did not agree to it.", "", noArgs},
	{agent.IntentOptOut, "Asks to stop messages on a channel.",
		`{"channel":{"type":"string","enum":["sms","chat","voice","email"],"description":"omit for the current channel"}}`, parseChannel},
	{agent.IntentOptIn, "Asks to receive messages on a channel again.",
		`{"channel":{"type":"string","enum":["sms","chat","voice","email"],"description":"omit for the current channel"}}`, parseChannel},
	{agent.IntentHelp, "Sends the HELP keyword or asks what they can do here.", "", noArgs},
	{agent.IntentCease, "Asks that all contact about the debt stop.", "", noArgs},
	{agent.IntentRestrictContact, "Limits when, where or how they may be contacted, without asking that contact stop: not at work, not at home (the house phone or landline), not before or after a time, only by one channel, not on some days.",
		`{"place":{"type":"string","enum":["work","home"],"description":"a place not to contact them, with its phone or number"},` +
			`"not_before":{"type":"string","description":"HH:MM, 24-hour, their local time: no contact before it"},` +
			`"not_after":{"type":"string","description":"HH:MM, 24-hour, their local time: no contact from it"},` +
			`"only_channel":{"type":"string","enum":["sms","chat","voice","email"],"description":"the one channel they allow"},` +
			`"not_days":{"type":"array","items":{"type":"string","enum":["monday","tuesday","wednesday","thursday","friday","saturday","sunday"]}}}`,
		parseRestrict},
	{agent.IntentAttorney, "Says a lawyer or attorney represents them.", "", noArgs},
	{agent.IntentBankruptcy, "Says they have filed for bankruptcy.", "", noArgs},
	{agent.IntentRequestHuman, "Asks to speak to a person.", "", noArgs},
	{agent.IntentThirdParty, "The writer says they are someone other than the borrower.",
		`{"relation":{"type":"string","description":"spouse, parent, friend, ..."}}`, parseRelation},
	{agent.IntentQuestion, "Asks any other question worth answering from the knowledge base.",
		`{"text":{"type":"string","description":"the question, briefly"}}`, parseQuestion},
	{agent.IntentGreeting, "Greets.", "", noArgs},
	{agent.IntentThanks, "Thanks.", "", noArgs},
	{agent.IntentGoodbye, "Says goodbye.", "", noArgs},
	{agent.IntentAffirm, "Says yes or agrees.", "", noArgs},
	{agent.IntentDeny, "Says no or disagrees.", "", noArgs},
	{agent.IntentUnknown, "Nothing else fits.", "", noArgs},
}

var toolsByName = func() map[string]tool {
	m := make(map[string]tool, len(tools))
	for _, t := range tools {
		m[string(t.intent)] = t
	}
	return m
}()

// openaiTools renders the tools for the request, once.
var openaiTools = func() []goopenai.Tool {
	out := make([]goopenai.Tool, len(tools))
	for i, t := range tools {
		props := t.props
		if props == "" {
			props = "{}"
		}
		schema := json.RawMessage(`{"type":"object","properties":` + props + `,"additionalProperties":false}`)
		if !json.Valid(schema) {
			panic("openai: bad schema for " + t.intent)
		}
		out[i] = goopenai.Tool{Type: goopenai.ToolTypeFunction, Function: &goopenai.FunctionDefinition{
			Name: string(t.intent), Description: t.desc, Parameters: schema,
		}}
	}
	return out
}()

// errInvalid marks a tool call that failed validation.
var errInvalid = errors.New("invalid tool call")

func invalidf(format string, a ...any) error {
	return fmt.Errorf("%w: %s", errInvalid, fmt.Sprintf(format, a...))
}

// parseCall validates one tool call into a command.
func (p *parser) parseCall(tc goopenai.ToolCall) (agent.Command, error) {
	if tc.Type != "" && tc.Type != goopenai.ToolTypeFunction {
		return agent.Command{}, invalidf("tool type")
	}
	t, ok := toolsByName[tc.Function.Name]
	if !ok {
		return agent.Command{}, invalidf("unknown tool")
	}
	args := bytes.TrimSpace([]byte(tc.Function.Arguments))
	if len(args) == 0 {
		args = []byte("{}")
	}
	if len(args) > 4096 || !json.Valid(args) {
		return agent.Command{}, invalidf("%s: arguments are not JSON", t.intent)
	}
	c, err := t.parse(p, args)
	if err != nil {
		return agent.Command{}, err
	}
	c.Intent = t.intent
	return c, nil
}

// decode reads args into v, refusing unknown fields and trailing data.
func decode(args []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(args))
	d.DisallowUnknownFields()
	if err := d.Decode(v); err != nil {
		return invalidf("arguments")
	}
	if d.More() {
		return invalidf("trailing arguments")
	}
	return nil
}

func noArgs(p *parser, args []byte) (agent.Command, error) {
	var v struct{}
	if err := decode(args, &v); err != nil {
		return agent.Command{}, err
	}
	return agent.Command{}, nil
}

// amount accepts a JSON string or number holding a plain decimal.
type amount string

func (a *amount) UnmarshalJSON(b []byte) error {
	var s string
	if len(b) > 0 && b[0] == '"' {
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
	} else {
		var n json.Number
		if err := json.Unmarshal(b, &n); err != nil {
			return err
		}
		s = n.String()
	}
	*a = amount(s)
	return nil
}

var plainDecimal = regexp.MustCompile(`^[0-9]{1,3}(,?[0-9]{3})*(\.[0-9]{1,2})?$|^[0-9]+(\.[0-9]{1,2})?$`)

// optionalMoney parses an amount argument; a missing or blank one is nil.
func (p *parser) optionalMoney(a *amount) (*agent.Money, error) {
	if a == nil || strings.TrimSpace(string(*a)) == "" {
		return nil, nil
	}
	s := strings.TrimSpace(string(*a))
	if !plainDecimal.MatchString(s) {
		return nil, invalidf("amount is not a plain positive decimal")
	}
	m, err := agent.ParseMoney(s, p.tc.Currency)
	if err != nil || m.Minor <= 0 || m.Minor > p.maxAmount {
		return nil, invalidf("amount out of range")
	}
	return &m, nil
}

func parseIdentity(p *parser, args []byte) (agent.Command, error) {
	var v struct {
		DOB      string `json:"dob"`
		Postcode string `json:"postcode"`
		IDLast4  string `json:"id_last4"`
	}
	if err := decode(args, &v); err != nil {
		return agent.Command{}, err
	}
	var c agent.Command
	if s := strings.TrimSpace(v.DOB); s != "" {
		dates := normalizeDOB(s, p.tc.Now)
		if len(dates) == 0 {
			return agent.Command{}, invalidf("date of birth")
		}
		c.Identity = append(c.Identity, agent.IdentityClaim{Kind: agent.IdentityDOB, Values: dates})
	}
	if s := agent.NormalizePostcode(v.Postcode); s != "" {
		if len(s) < 3 || len(s) > 10 || !isAlnum(s) {
			return agent.Command{}, invalidf("postcode")
		}
		c.Identity = append(c.Identity, agent.IdentityClaim{Kind: agent.IdentityPostcode, Values: []string{s}})
	}
	if s := strings.ReplaceAll(strings.TrimSpace(v.IDLast4), " ", ""); s != "" {
		if len(s) != 4 || !isDigits(s) {
			return agent.Command{}, invalidf("id last four")
		}
		c.Identity = append(c.Identity, agent.IdentityClaim{Kind: agent.IdentityIDLast4, Values: []string{s}})
	}
	if len(c.Identity) == 0 {
		return agent.Command{}, invalidf("no identity facts")
	}
	return c, nil
}

func parsePlan(p *parser, args []byte) (agent.Command, error) {
	var v struct {
		Amount    *amount `json:"amount"`
		Frequency string  `json:"frequency"`
		Count     int     `json:"count"`
	}
	if err := decode(args, &v); err != nil {
		return agent.Command{}, err
	}
	var c agent.Command
	var err error
	if c.Amount, err = p.optionalMoney(v.Amount); err != nil {
		return agent.Command{}, err
	}
	switch f := agent.Frequency(v.Frequency); f {
	case "", agent.Weekly, agent.Biweekly, agent.Monthly, agent.Once:
		c.Frequency = f
	default:
		return agent.Command{}, invalidf("frequency")
	}
	if v.Count < 0 || v.Count > 120 {
		return agent.Command{}, invalidf("count out of range")
	}
	c.Count = v.Count
	return c, nil
}

func parseAccept(p *parser, args []byte) (agent.Command, error) {
	id, err := stringArg(args, "offer_id")
	if err != nil {
		return agent.Command{}, err
	}
	if id != "" && !slices.ContainsFunc(p.tc.OpenOffers, func(o agent.Plan) bool { return o.ID == id }) {
		return agent.Command{}, invalidf("offer id not on the table")
	}
	return agent.Command{OfferID: id}, nil
}

func parsePromise(p *parser, args []byte) (agent.Command, error) {
	var v struct {
		Date   string  `json:"date"`
		Amount *amount `json:"amount"`
	}
	if err := decode(args, &v); err != nil {
		return agent.Command{}, err
	}
	var c agent.Command
	if s := strings.TrimSpace(v.Date); s != "" {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return agent.Command{}, invalidf("date")
		}
		today := day(p.tc.Now)
		if d.Before(today.AddDate(0, 0, -1)) || d.After(today.AddDate(1, 0, 0)) {
			return agent.Command{}, invalidf("date out of range")
		}
		c.Date = d
	}
	var err error
	c.Amount, err = p.optionalMoney(v.Amount)
	return c, err
}

func parseChannel(p *parser, args []byte) (agent.Command, error) {
	s, err := stringArg(args, "channel")
	if err != nil {
		return agent.Command{}, err
	}
	switch ch := agent.Channel(s); ch {
	case "", agent.ChannelSMS, agent.ChannelChat, agent.ChannelVoice, agent.ChannelEmail:
		return agent.Command{Channel: ch}, nil
	}
	return agent.Command{}, invalidf("channel")
}

func parseRestrict(p *parser, args []byte) (agent.Command, error) {
	var v struct {
		Place       string   `json:"place"`
		NotBefore   string   `json:"not_before"`
		NotAfter    string   `json:"not_after"`
		OnlyChannel string   `json:"only_channel"`
		NotDays     []string `json:"not_days"`
	}
	if err := decode(args, &v); err != nil {
		return agent.Command{}, err
	}
	var rs []agent.ContactRestriction
	switch v.Place {
	case "":
	case policies.PlaceWork, policies.PlaceHome:
		rs = append(rs, agent.ContactRestriction{Kind: policies.RestrictPlace, Place: v.Place})
	default:
		return agent.Command{}, invalidf("place")
	}
	if v.NotBefore != "" || v.NotAfter != "" {
		r := agent.ContactRestriction{Kind: policies.RestrictTime}
		for _, x := range []struct {
			s   string
			dst *int
		}{{v.NotBefore, &r.NotBefore}, {v.NotAfter, &r.NotAfter}} {
			if x.s == "" {
				continue
			}
			t, err := time.Parse("15:04", strings.TrimSpace(x.s))
			if err != nil {
				return agent.Command{}, invalidf("time of day")
			}
			*x.dst = t.Hour()*60 + t.Minute()
		}
		rs = append(rs, r)
	}
	switch ch := agent.Channel(v.OnlyChannel); ch {
	case "":
	case agent.ChannelSMS, agent.ChannelChat, agent.ChannelVoice, agent.ChannelEmail:
		rs = append(rs, agent.ContactRestriction{Kind: policies.RestrictChannel, Channels: []string{string(ch)}})
	default:
		return agent.Command{}, invalidf("channel")
	}
	if len(v.NotDays) > 0 {
		r := agent.ContactRestriction{Kind: policies.RestrictDays}
		for d := time.Sunday; d <= time.Saturday; d++ {
			if slices.Contains(v.NotDays, strings.ToLower(d.String())) {
				r.Days = append(r.Days, d)
			}
		}
		if len(r.Days) != len(v.NotDays) {
			return agent.Command{}, invalidf("day")
		}
		rs = append(rs, r)
	}
	return agent.Command{Restrictions: rs}, nil
}

func parseRelation(p *parser, args []byte) (agent.Command, error) {
	r, err := stringArg(args, "relation")
	if err != nil {
		return agent.Command{}, err
	}
	if utf8.RuneCountInString(r) > 40 || strings.ContainsAny(r, "0123456789\n") {
		return agent.Command{}, invalidf("relation")
	}
	return agent.Command{Relation: strings.ToLower(r)}, nil
}

func parseQuestion(p *parser, args []byte) (agent.Command, error) {
	t, err := stringArg(args, "text")
	if err != nil {
		return agent.Command{}, err
	}
	if t == "" || utf8.RuneCountInString(t) > 500 {
		return agent.Command{}, invalidf("question text")
	}
	return agent.Command{Text: t}, nil
}

// stringArg reads arguments holding at most the one string field name,
// trimmed.
func stringArg(args []byte, name string) (string, error) {
	var m map[string]json.RawMessage
	if err := decode(args, &m); err != nil {
		return "", err
	}
	var s string
	for k, raw := range m {
		if k != name {
			return "", invalidf("unknown argument")
		}
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", invalidf("argument type")
		}
	}
	return strings.TrimSpace(s), nil
}

func day(t time.Time) time.Time {
	if t.IsZero() {
		t = time.Now()
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func isAlnum(s string) bool {
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}
