package policies

import (
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed lexicon.yaml
var lexiconYAML []byte

// Gates: when a family's match is a violation.
const (
	gateAlways     = ""           // always
	gateLegal      = "legal"      // unless legal action is approved and the debt is not time-barred
	gateUnverified = "unverified" // only to an unverified recipient
	gateSignal     = "signal"     // never by itself: what the text does, read by other checks
	gateAutomated  = "automated"  // only when the agent wrote the text (Proposal.WrittenBy)
)

// family is one kind of violation: its category, default rule and citation,
// and, for content families, how many term groups must meet in a clause.
type family struct {
	name      string
	category  string
	detail    string
	rule      string
	citation  string
	gate      string
	negatable bool
	groups    int
	// sentence: the groups meet in one sentence, not one clause; what is
	// relayed or bought often follows its frame after a comma ("请转告您丈
	// 夫，他的借款已经逾期", "还清这笔，马上给你下一笔借款").
	sentence bool
	// message: the groups may stand anywhere in the text: a permit named
	// in a question and its review in the next sentence ("You're on an
	// H-1B, right? … when your extension gets reviewed").
	message    bool
	grants     []string // terms (Facts.GrantedTerms) any of which allows the claim
	yields     []int    // families whose granted match allows this one too
	defersTo   []int    // two-group families that read this family's term as their own where they match
	things     [][]byte // folded nouns right after which one of thingWords is aimed at a thing
	thingWords []string // the family's terms that may be aimed at a thing (adjectives: stupid, 垃圾)
}

// lexicon is the parsed lexicon.yaml: the families and one matcher over all
// of their terms, the negations and the clause breaks.
type lexicon struct {
	families   []family
	index      map[string]int
	m          *matcher
	conditions [256][][]byte // the folded conditions by their first byte
	typos      []string      // the typing slips read as key terms (typoVariants), for the tests
}

type lexiconFile struct {
	Negations    []string              `yaml:"negations"`
	ScopeEnds    []string              `yaml:"scope_ends"`
	Conditions   []string              `yaml:"conditions"`
	Disclaimers  []string              `yaml:"disclaimers"`
	DisclaimHi   []string              `yaml:"disclaimers_hi"`
	NotNegations []string              `yaml:"not_negations"`
	ClauseBreaks []string              `yaml:"clause_breaks"`
	Benign       []string              `yaml:"benign"`
	Notices      []string              `yaml:"notices"`
	Courtesies   []string              `yaml:"courtesies"`
	ReportVerbs  []string              `yaml:"report_verbs"`
	Retractions  []string              `yaml:"retractions"`
	FlatDenials  []string              `yaml:"flat_denials"`
	EchoDenials  []string              `yaml:"echo_denials"`
	IgnoreVerbs  []string              `yaml:"ignore_verbs"`
	Tellers      []string              `yaml:"tellers"`
	ZhAskers     []string              `yaml:"zh_askers"`
	Typos        []string              `yaml:"typos"`
	NotTypos     []string              `yaml:"not_typos"`
	Families     map[string]familyFile `yaml:"families"`
}

type familyFile struct {
	Category  string   `yaml:"category"`
	Detail    string   `yaml:"detail"`
	Rule      string   `yaml:"rule"`
	Citation  string   `yaml:"citation"`
	Gate      string   `yaml:"gate"`
	Negatable *bool    `yaml:"negatable"`
	Scope     string   `yaml:"scope"`
	Grants    []string `yaml:"grants"`
	Yields    []string `yaml:"yields"`
	DefersTo  []string `yaml:"defers_to"`
	Except    []string `yaml:"except"`
	Negations []string `yaml:"negations"`
	// Disclaimers deny the family's terms before them in the clause, as the
	// lexicon's disclaimers do for every family.
	Disclaimers []string `yaml:"disclaimers"`
	// Notices deny the family's terms anywhere in their sentence, as the
	// lexicon's notices do for legal terms: a condition under which the
	// term is no claim ("while you get debt advice").
	Notices []string `yaml:"notices"`
	// Things are nouns right after which one of the family's ThingWords
	// is aimed at a thing, not a person ("stupid autocorrect", 垃圾系统).
	Things     []string   `yaml:"things"`
	ThingWords []string   `yaml:"thing_words"`
	Groups     [][]string `yaml:"groups"`
}

var categories = map[string]bool{
	CatThreat: true, CatHarassment: true, CatFalseRepresentation: true, CatPressure: true,
	CatThirdPartyDisclosure: true, CatPII: true, CatContactTime: true, CatFrequency: true,
	CatConsent: true, CatDisclosureMissing: true, CatUngroundedAmount: true, CatTimeBarred: true,
}

// parseLexicon reads and validates a lexicon file.
func parseLexicon(data []byte) (*lexicon, error) {
	var f lexiconFile
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	lx := &lexicon{index: map[string]int{}}
	names := make([]string, 0, len(f.Families))
	for n := range f.Families {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) > 255 {
		return nil, fmt.Errorf("lexicon: too many families")
	}
	byText := map[string]int{}
	var terms []term
	add := func(raw string, use termUse) error {
		t, err := parseTerm(raw)
		if err != nil {
			return err
		}
		key := t.text
		if t.prefix {
			key += "*"
		}
		if !t.wordStart {
			key = "*" + key
		}
		i, ok := byText[key]
		if !ok {
			i = len(terms)
			byText[key] = i
			terms = append(terms, t)
		}
		for _, u := range terms[i].uses {
			if u == use {
				return nil
			}
		}
		terms[i].uses = append(terms[i].uses, use)
		return nil
	}
	for i, n := range names {
		ff := f.Families[n]
		if !categories[ff.Category] {
			return nil, fmt.Errorf("lexicon: family %s: unknown category %q", n, ff.Category)
		}
		if ff.Rule == "" || ff.Citation == "" || ff.Detail == "" {
			return nil, fmt.Errorf("lexicon: family %s: rule, citation and detail are required", n)
		}
		switch ff.Gate {
		case gateAlways, gateLegal, gateUnverified, gateSignal, gateAutomated:
		default:
			return nil, fmt.Errorf("lexicon: family %s: unknown gate %q", n, ff.Gate)
		}
		if ff.Scope != "" && (ff.Scope != "sentence" && ff.Scope != "message" || len(ff.Groups) != 2) {
			return nil, fmt.Errorf("lexicon: family %s: scope %q: only sentence or message, for two groups", n, ff.Scope)
		}
		if len(ff.Groups) > 2 {
			return nil, fmt.Errorf("lexicon: family %s: at most 2 groups", n)
		}
		fam := family{name: n, category: ff.Category, detail: ff.Detail, rule: ff.Rule, citation: ff.Citation,
			gate: ff.Gate, negatable: ff.Negatable == nil || *ff.Negatable, groups: len(ff.Groups), grants: ff.Grants,
			sentence: ff.Scope == "sentence", message: ff.Scope == "message"}
		for _, g := range ff.Grants {
			if !slices.Contains(GrantedTerms, g) {
				return nil, fmt.Errorf("lexicon: family %s: unknown granted term %q", n, g)
			}
		}
		for g, group := range ff.Groups {
			if len(group) == 0 {
				return nil, fmt.Errorf("lexicon: family %s: group %d is empty", n, g)
			}
			for _, raw := range group {
				if err := add(raw, termUse{kind: useFamily, family: uint8(i), group: uint8(g)}); err != nil {
					return nil, fmt.Errorf("lexicon: family %s: %w", n, err)
				}
			}
		}
		for _, raw := range ff.Negations {
			if err := add(raw, termUse{kind: useFamNeg, family: uint8(i)}); err != nil {
				return nil, fmt.Errorf("lexicon: family %s: negations: %w", n, err)
			}
		}
		for _, raw := range ff.Disclaimers {
			if err := add(raw, termUse{kind: useFamDisclaimer, family: uint8(i)}); err != nil {
				return nil, fmt.Errorf("lexicon: family %s: disclaimers: %w", n, err)
			}
		}
		for _, raw := range ff.Notices {
			if err := add(raw, termUse{kind: useFamNotice, family: uint8(i)}); err != nil {
				return nil, fmt.Errorf("lexicon: family %s: notices: %w", n, err)
			}
		}
		for _, raw := range ff.Except {
			if err := add(raw, termUse{kind: useExcept, family: uint8(i)}); err != nil {
				return nil, fmt.Errorf("lexicon: family %s: except: %w", n, err)
			}
		}
		if (len(ff.Things) == 0) != (len(ff.ThingWords) == 0) {
			return nil, fmt.Errorf("lexicon: family %s: things and thing_words go together", n)
		}
		for _, raw := range ff.ThingWords {
			fam.thingWords = append(fam.thingWords, string(foldBase(nil, raw)))
		}
		for _, raw := range ff.Things {
			w := foldBase(nil, raw)
			if len(w) == 0 {
				return nil, fmt.Errorf("lexicon: family %s: thing %q folds to nothing", n, raw)
			}
			fam.things = append(fam.things, w)
		}
		lx.index[n] = i
		lx.families = append(lx.families, fam)
	}
	for i, n := range names {
		for _, y := range f.Families[n].Yields {
			j, ok := lx.index[y]
			if !ok {
				return nil, fmt.Errorf("lexicon: family %s: yields to unknown family %q", n, y)
			}
			lx.families[i].yields = append(lx.families[i].yields, j)
		}
		for _, d := range f.Families[n].DefersTo {
			j, ok := lx.index[d]
			if !ok || lx.families[j].groups != 2 {
				return nil, fmt.Errorf("lexicon: family %s: defers to %q, which is no two-group family", n, d)
			}
			lx.families[i].defersTo = append(lx.families[i].defersTo, j)
		}
	}
	// The word lists that shape how family terms are read.
	for _, list := range []struct {
		name  string
		terms []string
		kind  uint8
	}{
		{"negations", f.Negations, useNegation},
		{"disclaimers", f.Disclaimers, useDisclaimer},
		{"disclaimers_hi", f.DisclaimHi, useDisclaimHi},
		{"not_negations", f.NotNegations, useNotNegation},
		{"clause_breaks", f.ClauseBreaks, useBreak},
		{"scope_ends", f.ScopeEnds, useScopeEnd},
		{"benign", f.Benign, useBenign},
		{"notices", f.Notices, useNotice},
		{"courtesies", f.Courtesies, useCourtesy},
		{"report_verbs", f.ReportVerbs, useReport},
		{"retractions", f.Retractions, useRetraction},
		{"flat_denials", f.FlatDenials, useFlatDenial},
		{"echo_denials", f.EchoDenials, useEchoDenial},
		{"ignore_verbs", f.IgnoreVerbs, useIgnore},
		{"tellers", f.Tellers, useTeller},
		{"zh_askers", f.ZhAskers, useZhAsker},
	} {
		for _, raw := range list.terms {
			if err := add(raw, termUse{kind: list.kind}); err != nil {
				return nil, fmt.Errorf("lexicon: %s: %w", list.name, err)
			}
		}
	}
	// Key terms typed with one slip read as the term, in every family
	// that has it.
	for _, raw := range f.Typos {
		t, err := parseTerm(raw)
		if err != nil {
			return nil, fmt.Errorf("lexicon: typos: %w", err)
		}
		key := t.text
		if t.prefix {
			key += "*"
		}
		i, ok := byText[key]
		if !ok || len(t.text) < minTypoTerm || strings.Trim(t.text, "abcdefghijklmnopqrstuvwxyz") != "" {
			return nil, fmt.Errorf("lexicon: typos: %q is no family term of %d or more letters", raw, minTypoTerm)
		}
		var uses []termUse
		for _, u := range terms[i].uses {
			if u.kind == useFamily {
				uses = append(uses, u)
			}
		}
		if len(uses) == 0 {
			return nil, fmt.Errorf("lexicon: typos: %q is no family term", raw)
		}
		for _, v := range typoVariants(t.text) {
			if slices.Contains(f.NotTypos, v) || t.prefix && strings.HasPrefix(t.text, v) {
				continue // a word of the language; a stem's own prefix reads more than the stem
			}
			vk := v
			if t.prefix {
				vk += "*"
			}
			if _, ok := byText[vk]; ok {
				continue // a term of its own
			}
			for _, u := range uses {
				if err := add(vk, u); err != nil {
					return nil, fmt.Errorf("lexicon: typos: %w", err)
				}
			}
			lx.typos = append(lx.typos, vk)
		}
	}
	for _, c := range f.Conditions {
		if c == "" {
			return nil, fmt.Errorf("lexicon: empty condition")
		}
		w := foldBase(nil, c)
		if len(w) == 0 {
			return nil, fmt.Errorf("lexicon: condition %q folds to nothing", c)
		}
		lx.conditions[w[0]] = append(lx.conditions[w[0]], w)
	}
	if near := nearStates(terms); near > rowTargets {
		return nil, fmt.Errorf("lexicon: %d distinct term beginnings of up to %d bytes, at most %d", near, denseDepth+1, rowTargets)
	}
	lx.m = newMatcher(terms)
	return lx, nil
}

// nearStates is the number of states of the matcher's trie over the terms
// that a row's transition may reach: the root and one state per distinct
// beginning of a term of up to denseDepth+1 bytes. Terms that share a
// beginning share its states; the matcher numbers these in 16 bits
// (rowTargets), the deeper ones in 32.
func nearStates(terms []term) int {
	texts := make([]string, len(terms))
	for i, t := range terms {
		texts[i] = t.text
	}
	slices.Sort(texts)
	states, prev := 1, ""
	for _, t := range texts {
		n := 0
		for n < len(t) && n < len(prev) && t[n] == prev[n] {
			n++
		}
		states += max(0, min(len(t), denseDepth+1)-n)
		prev = t
	}
	return states
}

// parseTerm folds a lexicon term the way texts are folded, so that a term
// written with capitals or full-width letters still matches.
func parseTerm(raw string) (term, error) {
	prefix := strings.HasSuffix(raw, "*") && len(raw) > 1
	if prefix {
		raw = raw[:len(raw)-1]
	}
	inside := strings.HasPrefix(raw, "*") && len(raw) > 1
	if inside {
		raw = raw[1:]
	}
	text := string(foldBase(nil, raw))
	if text == "" {
		return term{}, fmt.Errorf("empty term")
	}
	first, last := text[0], text[len(text)-1]
	return term{
		text:      text,
		prefix:    prefix,
		wordStart: isWordByte(first) && !inside,
		wordEnd:   isWordByte(last) && !prefix,
	}, nil
}

// family returns the index of the named family; it panics on a name the
// lexicon does not have, which the tests of the embedded files rule out.
func (lx *lexicon) family(name string) int {
	i, ok := lx.index[name]
	if !ok {
		panic("policies: no family " + name)
	}
	return i
}

// minTypoTerm is the length of the shortest key term whose slips are read:
// a shorter word is one slip from too many others.
const minTypoTerm = 6

// typoVariants lists the words one typing slip from w: a letter dropped
// (lawsut), two neighbours swapped (lawsiut), one vowel typed for another
// (warrent). A letter added or a consonant changed is not read: those
// slips make words of the language too often (warranty, poison).
func typoVariants(w string) []string {
	const vowels = "aeiou"
	var out []string
	seen := map[string]bool{w: true}
	put := func(v string) {
		if !seen[v] && len(v) >= minTypoTerm-1 {
			seen[v] = true
			out = append(out, v)
		}
	}
	for i := range len(w) {
		put(w[:i] + w[i+1:])
		if i+1 < len(w) && w[i] != w[i+1] {
			put(w[:i] + string(w[i+1]) + string(w[i]) + w[i+2:])
		}
		if strings.IndexByte(vowels, w[i]) >= 0 {
			for _, v := range []byte(vowels) {
				put(w[:i] + string(v) + w[i+1:])
			}
		}
	}
	return out
}
