package policies

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"time"
	_ "time/tzdata" // zone rules inside the binary: the guard must not depend on the host's
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

//go:embed profiles/*.yaml
var embeddedProfiles embed.FS

// profileFile is one jurisdiction profile as written in YAML or JSON.
type profileFile struct {
	Jurisdiction string           `yaml:"jurisdiction"`
	Parent       string           `yaml:"parent"`
	Name         string           `yaml:"name"`
	Currency     string           `yaml:"currency"`
	Timezones    []string         `yaml:"timezones"`
	FixedZones   []string         `yaml:"fixed_zones"`
	Window       *windowFile      `yaml:"window"`
	UnknownZone  *ref             `yaml:"unknown_zone"`
	Caps         []capFile        `yaml:"caps"`
	Cooldown     *cooldownFile    `yaml:"cooldown"`
	Disclosures  []disclosureFile `yaml:"disclosures"`
	Rules        map[string]ref   `yaml:"rules"`
}

type windowFile struct {
	Start    string `yaml:"start"`
	End      string `yaml:"end"`
	Rule     string `yaml:"rule"`
	Citation string `yaml:"citation"`
}

type capFile struct {
	Counter  string   `yaml:"counter"`
	Max      int      `yaml:"max"`
	Action   string   `yaml:"action"` // block (the default) or escalate, where the law sets no number
	Channels []string `yaml:"channels"`
	Rule     string   `yaml:"rule"`
	Citation string   `yaml:"citation"`
}

type cooldownFile struct {
	Days     int      `yaml:"days"`
	Channels []string `yaml:"channels"`
	Rule     string   `yaml:"rule"`
	Citation string   `yaml:"citation"`
}

type disclosureFile struct {
	Kind         string   `yaml:"kind"`
	Channels     []string `yaml:"channels"`
	Text         string   `yaml:"text"`
	TextZh       string   `yaml:"text_zh"`
	TextDirect   string   `yaml:"text_direct"`    // lender_identity when no agency is named
	TextDirectZh string   `yaml:"text_direct_zh"` // the same in Chinese
	Match        []string `yaml:"match"`
	RevealsDebt  bool     `yaml:"reveals_debt"`
	Rule         string   `yaml:"rule"`
	Citation     string   `yaml:"citation"`
}

// ref names a rule and its citation.
type ref struct {
	Rule     string `yaml:"rule"`
	Citation string `yaml:"citation"`
}

// Counters a cap may limit, named as in the JSON facts.
const (
	counterCalls7d    = "calls_7d"
	counterContacts7d = "contacts_7d"
	counterCallsToday = "connected_calls_today"
)

// Disclosure kinds.
const (
	discFirst  = "first_message"   // the initial communication (US mini-Miranda)
	discLater  = "subsequent"      // every later communication ("from a debt collector")
	discOptOut = "opt_out"         // how to opt out, on the channels named
	discLender = "lender_identity" // lender and agency, first message, when the facts name them
	discAI     = "ai_identity"     // an automated agent says so, first message, on the channels named
)

var channels = map[string]bool{"sms": true, "chat": true, "voice": true, "email": true}

// profile is a jurisdiction's rules after merging with its parent.
type profile struct {
	jurisdiction string
	family       string // the root of the parent chain: US for US-MA
	name         string
	currency     string
	zoneNames    []string
	zones        []*time.Location // candidates when the recipient's zone is unknown
	fixed        []*time.Location // zones the window must hold in whatever the recipient's
	start, end   int              // window, minutes after local midnight, [start, end)
	window       ref
	unknownZone  ref
	caps         []limit
	cooldown     *cooldown
	disclosures  []disclosure
	rules        map[string]ref // family name -> rule, overriding the lexicon's default
}

type limit struct {
	counter  string
	max      int
	action   Action
	channels []string
	ref
}

type cooldown struct {
	days     int
	channels []string
	ref
}

type disclosure struct {
	kind        string
	channels    []string
	text        string
	textZh      string
	direct      string
	directZh    string
	match       [][]byte // folded
	revealsDebt bool
	ref
}

// parseProfiles reads every YAML (or JSON) document in data.
func parseProfiles(data []byte, source string) ([]profileFile, error) {
	var out []profileFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	for {
		var p profileFile
		err := dec.Decode(&p)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("profile %s: %w", source, err)
		}
		if p.Jurisdiction == "" {
			return nil, fmt.Errorf("profile %s: jurisdiction is required", source)
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("profile %s: no profile", source)
	}
	return out, nil
}

// loadEmbedded returns the embedded profile files by jurisdiction.
func loadEmbedded() (map[string]profileFile, error) {
	files := map[string]profileFile{}
	err := fs.WalkDir(embeddedProfiles, "profiles", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := embeddedProfiles.ReadFile(path)
		if err != nil {
			return err
		}
		ps, err := parseProfiles(data, path)
		if err != nil {
			return err
		}
		for _, p := range ps {
			if _, dup := files[p.Jurisdiction]; dup {
				return fmt.Errorf("profile %s: jurisdiction %s defined twice", path, p.Jurisdiction)
			}
			files[p.Jurisdiction] = p
		}
		return nil
	})
	return files, err
}

// resolve merges every profile with its parents and validates the result.
func resolve(files map[string]profileFile, lx *lexicon) (map[string]*profile, error) {
	out := map[string]*profile{}
	for name := range files {
		chain := []profileFile{}
		seen := map[string]bool{}
		for n := name; n != ""; n = files[n].Parent {
			if seen[n] {
				return nil, fmt.Errorf("profile %s: parent cycle through %s", name, n)
			}
			seen[n] = true
			f, ok := files[n]
			if !ok {
				return nil, fmt.Errorf("profile %s: unknown parent %s", name, n)
			}
			chain = append(chain, f)
		}
		p := &profile{jurisdiction: name, family: chain[len(chain)-1].Jurisdiction, rules: map[string]ref{}}
		for i := len(chain) - 1; i >= 0; i-- {
			if err := p.merge(chain[i], lx); err != nil {
				return nil, fmt.Errorf("profile %s: %w", chain[i].Jurisdiction, err)
			}
		}
		if err := p.complete(); err != nil {
			return nil, fmt.Errorf("profile %s: %w", name, err)
		}
		out[name] = p
	}
	return out, nil
}

// merge lays f over p, the strictest value winning: the narrower window, every
// cap of both, the longer cool-down, the child's wording of a disclosure.
func (p *profile) merge(f profileFile, lx *lexicon) error {
	if f.Name != "" {
		p.name = f.Name
	}
	if f.Currency != "" {
		p.currency = strings.ToUpper(f.Currency)
	}
	if len(f.Timezones) > 0 {
		zs, err := loadZones(f.Timezones)
		if err != nil {
			return err
		}
		p.zones, p.zoneNames = zs, f.Timezones
	}
	fixed, err := loadZones(f.FixedZones)
	if err != nil {
		return err
	}
	p.fixed = append(p.fixed, fixed...)
	if w := f.Window; w != nil {
		start, err1 := parseClock(w.Start)
		end, err2 := parseClock(w.End)
		if err := errors.Join(err1, err2); err != nil {
			return fmt.Errorf("window: %w", err)
		}
		if start >= end {
			return fmt.Errorf("window: start %s is not before end %s", w.Start, w.End)
		}
		r := ref{w.Rule, w.Citation}
		if err := r.check("window"); err != nil {
			return err
		}
		if p.window.Rule == "" {
			p.start, p.end, p.window = start, end, r
		} else {
			if start >= p.start && end <= p.end {
				p.window = r // at least as strict on both ends: cite the child
			}
			p.start, p.end = max(p.start, start), min(p.end, end)
		}
	}
	if f.UnknownZone != nil {
		if err := f.UnknownZone.check("unknown_zone"); err != nil {
			return err
		}
		p.unknownZone = *f.UnknownZone
	}
	for _, c := range f.Caps {
		switch c.Counter {
		case counterCalls7d, counterContacts7d, counterCallsToday:
		default:
			return fmt.Errorf("cap: unknown counter %q", c.Counter)
		}
		if c.Max < 1 {
			return fmt.Errorf("cap %s: max must be at least 1", c.Counter)
		}
		action := Block
		switch c.Action {
		case "", "block":
		case "escalate":
			action = Escalate
		default:
			return fmt.Errorf("cap %s: action must be block or escalate, not %q", c.Counter, c.Action)
		}
		r := ref{c.Rule, c.Citation}
		if err := errors.Join(r.check("cap "+c.Counter), checkChannels(c.Channels)); err != nil {
			return err
		}
		p.caps = append(p.caps, limit{counter: c.Counter, max: c.Max, action: action, channels: c.Channels, ref: r})
	}
	if c := f.Cooldown; c != nil {
		r := ref{c.Rule, c.Citation}
		if err := errors.Join(r.check("cooldown"), checkChannels(c.Channels)); err != nil {
			return err
		}
		if c.Days < 1 {
			return fmt.Errorf("cooldown: days must be at least 1")
		}
		if p.cooldown == nil || c.Days >= p.cooldown.days {
			p.cooldown = &cooldown{days: c.Days, channels: c.Channels, ref: r}
		}
	}
	for _, d := range f.Disclosures {
		dd, err := parseDisclosure(d)
		if err != nil {
			return err
		}
		p.disclosures = slices.DeleteFunc(p.disclosures, func(o disclosure) bool { return o.kind == dd.kind })
		p.disclosures = append(p.disclosures, dd)
	}
	for fam, r := range f.Rules {
		if _, ok := lx.index[fam]; !ok {
			return fmt.Errorf("rules: unknown family %q", fam)
		}
		if err := r.check("rules." + fam); err != nil {
			return err
		}
		p.rules[fam] = r
	}
	return nil
}

// complete checks that a merged profile has what a check needs.
func (p *profile) complete() error {
	switch {
	case p.window.Rule == "":
		return fmt.Errorf("no window")
	case len(p.zones) == 0:
		return fmt.Errorf("no timezones")
	case len(p.currency) != 3:
		return fmt.Errorf("currency must be a three-letter code")
	}
	if p.unknownZone.Rule == "" {
		p.unknownZone = p.window
	}
	return nil
}

func parseDisclosure(d disclosureFile) (disclosure, error) {
	switch d.Kind {
	case discFirst, discLater, discOptOut, discAI:
		if len(d.Match) == 0 {
			return disclosure{}, fmt.Errorf("disclosure %s: match is required", d.Kind)
		}
	case discLender:
		if !strings.Contains(d.Text, "{lender}") || !strings.Contains(d.TextDirect, "{lender}") {
			return disclosure{}, fmt.Errorf("disclosure %s: text and text_direct must contain {lender}", d.Kind)
		}
	default:
		return disclosure{}, fmt.Errorf("disclosure: unknown kind %q", d.Kind)
	}
	if strings.TrimSpace(d.Text) == "" || !utf8.ValidString(d.Text) {
		return disclosure{}, fmt.Errorf("disclosure %s: text is required", d.Kind)
	}
	r := ref{d.Rule, d.Citation}
	if err := errors.Join(r.check("disclosure "+d.Kind), checkChannels(d.Channels)); err != nil {
		return disclosure{}, err
	}
	out := disclosure{kind: d.Kind, channels: d.Channels, text: d.Text, textZh: d.TextZh, direct: d.TextDirect, directZh: d.TextDirectZh, revealsDebt: d.RevealsDebt, ref: r}
	for _, m := range d.Match {
		f := foldBase(nil, m)
		if len(f) == 0 {
			return disclosure{}, fmt.Errorf("disclosure %s: empty match", d.Kind)
		}
		out.match = append(out.match, f)
	}
	return out, nil
}

func (r ref) check(what string) error {
	if strings.TrimSpace(r.Rule) == "" || strings.TrimSpace(r.Citation) == "" {
		return fmt.Errorf("%s: rule and citation are required", what)
	}
	return nil
}

func checkChannels(cs []string) error {
	for _, c := range cs {
		if !channels[c] {
			return fmt.Errorf("unknown channel %q", c)
		}
	}
	return nil
}

func loadZones(names []string) ([]*time.Location, error) {
	out := make([]*time.Location, 0, len(names))
	for _, n := range names {
		loc, err := time.LoadLocation(n)
		if err != nil || n == "" || n == "Local" {
			return nil, fmt.Errorf("unknown time zone %q", n)
		}
		out = append(out, loc)
	}
	return out, nil
}

// parseClock reads "HH:MM" as minutes after midnight.
func parseClock(s string) (int, error) {
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, fmt.Errorf("bad time of day %q", s)
	}
	return t.Hour()*60 + t.Minute(), nil
}

// appliesTo reports whether a rule limited to chans covers channel; an
// unknown channel is covered by every rule, the strictest reading.
func appliesTo(chans []string, channel string) bool {
	return len(chans) == 0 || channel == "" || slices.Contains(chans, channel)
}
