// Package system holds the system prompts Parley gives a language model:
// the prompt that turns a borrower's message into tool calls, and the
// prompts that reword a drafted reply or answer a question from knowledge
// passages, per locale and channel, the prompt that asks a model for a
// second reading of a message the guard passed (the judge), and the prompt
// that has a model play a simulated borrower in evals. Each prompt is an embedded, versioned
// text/template file (system.v1.en.sms.tmpl) rendered from a typed struct,
// and every rendering reports the version the caller stores with the turn.
//
// # What it must not do
//
// It imports nothing else of this module, and its prompts never carry
// identity facts, balances or any other debt detail: the model chooses
// words, never numbers. The one exception is the persona prompt, which
// has a model play a simulated borrower in evals: it carries that
// fictional borrower's own test facts, never a real account's.
package system

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"text/template"
)

//go:embed templates/*.tmpl
var files embed.FS

// Task is what a phrasing prompt asks of the model.
type Task string

// The phrasing tasks.
const (
	TaskReword Task = "reword" // reword a drafted reply, keeping every fact
	TaskAnswer Task = "answer" // answer a question from knowledge passages only
)

// Prompt is a rendered system prompt and the version that produced it,
// e.g. "system.v1.en.sms".
type Prompt struct {
	Text    string
	Version string
}

// Phrase is the data of a phrasing prompt.
type Phrase struct {
	Task     Task
	MaxChars int // the longest reply the channel takes; 0 = the channel's default
}

// Understand is the data of the understanding prompt. It carries no
// account facts: only the date for resolving "next Friday", the currency
// amounts are in, and the ids of the offers on the table, in order.
type Understand struct {
	Today    string // YYYY-MM-DD in the borrower's time zone
	Currency string // ISO 4217 code
	OfferIDs []string
}

// PersonaEnd is what a persona answers when its conversation is over.
const PersonaEnd = "[END]"

// Persona is the data of the persona prompt: a simulated borrower of an
// eval case, played by a model. Every field is the case's fictional data.
type Persona struct {
	Name              string
	DOB               string // YYYY-MM-DD; "" when the case has none
	Postcode          string // the ZIP or postcode
	AffordableMonthly string // "150.00"; "" when the case says nothing
	Currency          string
	Description       string // the case's persona, free text
	Language          string // en or zh
	Disputes          bool
	Hardship          bool
	OptsOut           bool
	Hostile           bool
}

// End is PersonaEnd, for the template.
func (Persona) End() string { return PersonaEnd }

// RenderPersona renders the newest persona prompt.
func RenderPersona(d Persona) (Prompt, error) {
	if strings.TrimSpace(d.Name) == "" {
		return Prompt{}, fmt.Errorf("system: render persona: no name")
	}
	return render("persona", "", d)
}

// JudgeCategory is one category of rule the judge prompt asks about: its
// name as the guard reports it, and what it means in a sentence.
type JudgeCategory struct {
	Name    string
	Meaning string
}

// Judge is the data of the judge prompt, which asks a model for a second
// reading of a message the guard passed.
type Judge struct {
	Categories []JudgeCategory
}

// JudgeCategories are the categories the judge prompt names, with the
// guard's category names.
var JudgeCategories = []JudgeCategory{
	{"threat", "threatens harm, arrest, jail, deportation, seizing property, or visits to home or work, or hints at them"},
	{"harassment", "insults, mocks, demeans, swears at or shames the borrower"},
	{"false_representation", "poses as the police, a court, a lawyer or an official, speaks of a suit or court process when legal action is not approved, denies being a debt collector or being automated, or misstates what will happen"},
	{"pressure", "pushes the borrower to borrow, sell belongings, use money for rent, food or medicine, or pay through guilt, shame or a false deadline"},
	{"third_party_disclosure", "tells or threatens to tell an employer, family, neighbours, friends, a church or social media about the debt, or speaks of another person's debt"},
	{"pii", "asks for a full card number, security code, PIN, password, one-time code, social security or national identity number, or bank login"},
	{"ungrounded_amount", "promises a settlement, waiver, interest change or due-date change not among the granted terms, or new credit, a gift or credit-report removal"},
}

// RenderJudge renders the newest judge prompt; with no categories given
// it names JudgeCategories.
func RenderJudge(d Judge) (Prompt, error) {
	if len(d.Categories) == 0 {
		d.Categories = JudgeCategories
	}
	return render("judge", "", d)
}

// MaxChars is the default reply limit of a channel (after Channel's
// mapping): 320 characters for SMS, 400 for voice, 800 for chat.
func MaxChars(channel string) int {
	switch Channel(channel) {
	case "sms":
		return 320
	case "voice":
		return 400
	}
	return 800
}

// RenderPhrase renders the newest phrasing prompt for locale (en, zh;
// anything else falls back to en) and channel (sms, chat, voice; email and
// console read as chat).
func RenderPhrase(locale, channel string, d Phrase) (Prompt, error) {
	if d.Task != TaskReword && d.Task != TaskAnswer {
		return Prompt{}, fmt.Errorf("system: render phrase: unknown task %q", d.Task)
	}
	ch := Channel(channel)
	if d.MaxChars <= 0 {
		d.MaxChars = MaxChars(ch)
	}
	return render("system", Locale(locale)+"."+ch, d)
}

// RenderUnderstand renders the newest understanding prompt.
func RenderUnderstand(d Understand) (Prompt, error) {
	if d.Currency == "" {
		return Prompt{}, fmt.Errorf("system: render understand: no currency")
	}
	return render("understand", "", d)
}

// Locale reduces a locale to the language a prompt exists in: zh for any
// Chinese locale, else en.
func Locale(locale string) string {
	if strings.HasPrefix(strings.ToLower(locale), "zh") {
		return "zh"
	}
	return "en"
}

// Channel maps a channel name to the prompt family written for it.
func Channel(channel string) string {
	switch channel {
	case "sms", "voice":
		return channel
	}
	return "chat"
}

// Versions lists the newest version of every prompt, such as
// "system.v1.en.sms" and "understand.v1".
func Versions() []string {
	var out []string
	for key, v := range newest {
		name, variant, _ := strings.Cut(key, "|")
		out = append(out, version(name, v, variant))
	}
	return out
}

var (
	fileName = regexp.MustCompile(`^([a-z]+)\.v([0-9]+)((?:\.[a-z]+)*)\.tmpl$`)
	// newest maps "name|variant" to the highest version on file; parsed
	// holds every version's template. Both are fixed at start-up, so a
	// broken prompt file fails every test rather than one borrower's turn.
	newest, parsed = load()
)

var funcs = template.FuncMap{"inc": func(i int) int { return i + 1 }}

func load() (map[string]int, map[string]*template.Template) {
	m := map[string]int{}
	ts := map[string]*template.Template{}
	entries, err := fs.ReadDir(files, "templates")
	if err != nil {
		panic(err)
	}
	for _, e := range entries {
		p := fileName.FindStringSubmatch(e.Name())
		if p == nil {
			panic("system: badly named prompt file " + e.Name())
		}
		v, _ := strconv.Atoi(p[2])
		variant := strings.TrimPrefix(p[3], ".")
		key := p[1] + "|" + variant
		m[key] = max(m[key], v)
		ver := version(p[1], v, variant)
		src, err := files.ReadFile("templates/" + e.Name())
		if err != nil {
			panic(err)
		}
		ts[ver] = template.Must(template.New(ver).Funcs(funcs).Option("missingkey=error").Parse(string(src)))
	}
	return m, ts
}

func version(name string, v int, variant string) string {
	s := fmt.Sprintf("%s.v%d", name, v)
	if variant != "" {
		s += "." + variant
	}
	return s
}

func render(name, variant string, data any) (Prompt, error) {
	v, ok := newest[name+"|"+variant]
	if !ok {
		return Prompt{}, fmt.Errorf("system: render: no prompt %s for %q", name, variant)
	}
	ver := version(name, v, variant)
	var b bytes.Buffer
	if err := parsed[ver].Execute(&b, data); err != nil {
		return Prompt{}, fmt.Errorf("system: render %s: %w", ver, err)
	}
	return Prompt{Text: strings.TrimSpace(b.String()) + "\n", Version: ver}, nil
}
