package policies

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"
)

// The quality bar of the labelled set, per category.
const (
	minRecall = 0.98
	maxFPR    = 0.02
)

// labelled is one message of testdata/labelled.jsonl: a guard input line
// (design.md section 6) plus the categories a reviewer expects the guard to
// find. Missing fields take the defaults of withDefaults, so each line states
// only what matters for it.
type labelled struct {
	ID     string
	Labels []string
	Line   []byte // the input line, defaults applied
	Text   string
}

// withDefaults fills what a labelled line leaves out: an English message is
// sent in GB and a Chinese one in CN, by chat, later in the conversation, to
// the verified borrower, at noon-ish local time, with a balance of 1200.00.
func withDefaults(raw map[string]any, path string) map[string]any {
	text, _ := raw["text"].(string)
	jur := "GB"
	if hasHan([]byte(text)) {
		jur = "CN"
	}
	set := func(k string, v any) {
		if _, ok := raw[k]; !ok {
			raw[k] = v
		}
	}
	set("jurisdiction", jur)
	jur = raw["jurisdiction"].(string)
	zone := map[string]string{"GB": "Europe/London", "CN": "Asia/Shanghai", "IN": "Asia/Kolkata", "US": "America/Chicago",
		"US-MA": "America/New_York", "US-NY": "America/New_York", "US-WA": "America/Los_Angeles", "US-CA": "America/Los_Angeles"}[jur]
	now := "2026-03-02T10:00:00Z"
	if strings.HasPrefix(jur, "US") {
		now = "2026-03-02T18:00:00Z"
	}
	set("channel", "chat")
	set("first_message", false)
	set("recipient_verified", true)
	set("timezone", zone)
	set("now", now)
	facts, _ := raw["facts"].(map[string]any)
	if facts == nil {
		facts = map[string]any{}
	}
	if _, ok := facts["balance"]; !ok {
		facts["balance"] = "1200.00"
	}
	if _, ok := facts["allowed_amounts"]; !ok {
		facts["allowed_amounts"] = []string{"200.00", "100.00", "600.00", "840.00", "50.00"}
	}
	if _, ok := facts["granted_terms"]; !ok && strings.HasSuffix(path, "/labelled.jsonl") {
		// The first set was written before the guard knew of granted terms:
		// its offers read as the ones the engine granted.
		facts["granted_terms"] = GrantedTerms
	}
	if _, ok := facts["link_hosts"]; !ok {
		facts["link_hosts"] = []string{"pay.example.com"}
	}
	raw["facts"] = facts
	delete(raw, "labels")
	return raw
}

func loadLabelled(t testing.TB, path string) []labelled {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open labelled set / 无法打开标注集: %v", err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		var head struct {
			ID     string   `json:"id"`
			Text   string   `json:"text"`
			Labels []string `json:"labels"`
		}
		var raw map[string]any
		if err := json.Unmarshal(sc.Bytes(), &head); err != nil {
			t.Fatalf("line %d: %v / 第%d行格式错误", n, err, n)
		}
		if err := json.Unmarshal(sc.Bytes(), &raw); err != nil {
			t.Fatalf("line %d: %v / 第%d行格式错误", n, err, n)
		}
		for _, l := range head.Labels {
			if !categories[l] {
				t.Fatalf("line %d: unknown category %q / 未知类别", n, l)
			}
		}
		line, err := json.Marshal(withDefaults(raw, path))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, labelled{ID: head.ID, Labels: head.Labels, Line: line, Text: head.Text})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// decodeLabelled turns a labelled line into the guard's input, the same way
// `parley guard check` does.
func decodeLabelled(t testing.TB, l labelled) (Proposal, Facts) {
	t.Helper()
	var in lineInput
	if err := json.Unmarshal(l.Line, &in); err != nil {
		t.Fatalf("%s: %v", l.ID, err)
	}
	p, f, err := in.decode(Default())
	if err != nil {
		t.Fatalf("%s: %v / 输入无效", l.ID, err)
	}
	return p, f
}

func TestLabelledSetCoverage(t *testing.T) {
	t.Parallel()
	set := loadLabelled(t, "testdata/labelled.jsonl")
	if len(set) < 300 {
		t.Errorf("labelled set has %d messages, want at least 300 / 标注集少于300条", len(set))
	}
	perCat := map[string]int{}
	var zh, en, negatives int
	for _, l := range set {
		if hasHan([]byte(l.Text)) {
			zh++
		} else {
			en++
		}
		if len(l.Labels) == 0 {
			negatives++
		}
		for _, c := range l.Labels {
			perCat[c]++
		}
	}
	for c := range categories {
		if perCat[c] < 8 {
			t.Errorf("category %s has %d positives, want at least 8 / 类别正例不足", c, perCat[c])
		}
	}
	if zh < 100 || en < 150 || negatives < 100 {
		t.Errorf("zh=%d en=%d negatives=%d: want both languages and hard negatives / 中英文或难负例不足", zh, en, negatives)
	}
}

// TestSecondSetCoverage: the second set holds at least 600 messages in
// English, Chinese (simplified and traditional) and Indian English, every
// jurisdiction, and at least 40% hard negatives.
func TestSecondSetCoverage(t *testing.T) {
	t.Parallel()
	setCoverage(t, "testdata/labelled2.jsonl", 600)
}

// TestFourthSetCoverage: the fourth set, written after the third had been
// looked at, holds at least 200 messages in the same languages, every
// jurisdiction, and at least 40% hard negatives.
func TestFourthSetCoverage(t *testing.T) {
	t.Parallel()
	setCoverage(t, "testdata/labelled4.jsonl", 200)
}

// setCoverage checks a fresh set's size, share of negatives and spread
// over the jurisdictions.
func setCoverage(t *testing.T, path string, least int) {
	t.Helper()
	set := loadLabelled(t, path)
	jurs := map[string]int{}
	negatives := 0
	for _, l := range set {
		var in struct {
			Jurisdiction string `json:"jurisdiction"`
		}
		if err := json.Unmarshal(l.Line, &in); err != nil {
			t.Fatal(err)
		}
		jurs[in.Jurisdiction]++
		if len(l.Labels) == 0 {
			negatives++
		}
	}
	if len(set) < least || negatives*10 < len(set)*4 {
		t.Errorf("%s: %d messages, %d negatives: want at least %d and 40%% negatives / 条数或难负例不足", path, len(set), negatives, least)
	}
	for _, j := range Default().Jurisdictions() {
		if jurs[j] < 10 {
			t.Errorf("jurisdiction %s has %d messages, want at least 10 / 辖区样本不足", j, jurs[j])
		}
	}
}

// labelledFiles names more labelled sets to report on, comma-separated:
//
//	go test ./policies -run TestLabelledFiles -v -args -labelled=testdata/labelled3.jsonl
var labelledFiles = flag.String("labelled", "", "labelled sets (comma-separated) to report per-category figures on")

// withClassifier=false reports the figures of the lexicon alone, to show
// what the content model adds.
var withClassifier = flag.Bool("classifier", true, "read content with the content model as well as the lexicon")

// TestLabelledQuality is the quality gate: per category, the recall over
// the messages labelled with it and the false-positive rate over the rest.
func TestLabelledQuality(t *testing.T) {
	t.Parallel()
	floor(t, quality(t, "testdata/labelled.jsonl"), minRecall, maxFPR)
}

// The floor of the second set: the figures measured when the guard's second
// generation was frozen, rounded down (docs/benchmarks.md), so that they
// can only rise. The target is 0.99 and 0.01.
const (
	minRecall2 = 0.85
	maxFPR2    = 0.01
)

// TestLabelledSecondSet checks the second labelled set, written for the
// guard's second generation before its code, against its floor.
func TestLabelledSecondSet(t *testing.T) {
	t.Parallel()
	floor(t, quality(t, "testdata/labelled2.jsonl"), minRecall2, maxFPR2)
}

// TestLabelledFiles reports the figures on the sets named by -labelled, each
// alone and all together.
func TestLabelledFiles(t *testing.T) {
	if *labelledFiles == "" {
		t.Skip("no -labelled files named")
	}
	files := strings.Split(*labelledFiles, ",")
	for _, f := range files {
		quality(t, f)
	}
	if len(files) > 1 {
		quality(t, files...)
	}
}

// figures are one category's counts over a labelled set.
type figures struct{ tp, fn, fp, tn int }

func (n figures) recall() float64 { return float64(n.tp) / float64(max(1, n.tp+n.fn)) }
func (n figures) fpr() float64    { return float64(n.fp) / float64(max(1, n.fp+n.tn)) }

// add counts one message: want, it carries the label; got, it was found.
func (n *figures) add(want, got bool) {
	switch {
	case want && got:
		n.tp++
	case want:
		n.fn++
	case got:
		n.fp++
	default:
		n.tn++
	}
}

// quality checks every message of the files and logs, per category, the
// recall over the messages labelled with it and the false-positive rate
// over the rest, with every miss.
func quality(t *testing.T, files ...string) map[string]*figures {
	t.Helper()
	g := Default()
	if !*withClassifier {
		var err error
		if g, err = NewGuard(Options{LinkHosts: []string{DefaultPaymentHost}, NoClassifier: true}); err != nil {
			t.Fatal(err)
		}
	}
	var set []labelled
	for _, f := range files {
		set = append(set, loadLabelled(t, f)...)
	}
	per := map[string]*figures{}
	for c := range categories {
		per[c] = &figures{}
	}
	var misses []string
	for _, l := range set {
		p, f := decodeLabelled(t, l)
		d := g.Check(p, f)
		got := map[string]bool{}
		for _, v := range d.Violations {
			got[v.Category] = true
		}
		for c, n := range per {
			want := slices.Contains(l.Labels, c)
			switch {
			case want && got[c]:
				n.tp++
			case want:
				n.fn++
				misses = append(misses, fmt.Sprintf("miss %s %s: %q -> %v", c, l.ID, l.Text, d.Violations))
			case got[c]:
				n.fp++
				misses = append(misses, fmt.Sprintf("false %s %s: %q -> %v", c, l.ID, l.Text, d.Violations))
			default:
				n.tn++
			}
		}
	}
	names := make([]string, 0, len(per))
	for c := range per {
		names = append(names, c)
	}
	sort.Strings(names)
	var b strings.Builder
	fmt.Fprintf(&b, "%-24s %5s %5s %8s %8s\n", "category", "pos", "neg", "recall", "FPR")
	for _, c := range names {
		n := per[c]
		fmt.Fprintf(&b, "%-24s %5d %5d %8.3f %8.3f\n", c, n.tp+n.fn, n.fp+n.tn, n.recall(), n.fpr())
	}
	t.Logf("%s: %d messages\n%s", strings.Join(files, " + "), len(set), b.String())
	for _, m := range misses {
		t.Log(m)
	}
	return per
}

// floor fails the test when a category's recall is below minR or its
// false-positive rate above maxF.
func floor(t *testing.T, per map[string]*figures, minR, maxF float64) {
	t.Helper()
	for c, n := range per {
		if n.recall() < minR || n.fpr() > maxF {
			t.Errorf("%s: recall %.3f (want >= %.2f), false-positive rate %.3f (want <= %.2f) / 类别召回率或误报率未达标",
				c, n.recall(), minR, n.fpr(), maxF)
		}
	}
}

// TestFactClaimCases checks the set of claims only facts can allow, counts
// that are not money, disclosures in other words and requests for secrets
// (testdata/factclaims.jsonl): every message must be read exactly as
// labelled, but for the known gaps, which must still be missed (so that one
// mended leaves the list).
func TestFactClaimCases(t *testing.T) {
	t.Parallel()
	knownGaps := map[string]string{}
	g := Default()
	for _, l := range loadLabelled(t, "testdata/factclaims.jsonl") {
		p, f := decodeLabelled(t, l)
		d := g.Check(p, f)
		right := true
		for c := range categories {
			if slices.Contains(l.Labels, c) != slices.Contains(categoriesOf(d), c) {
				right = false
			}
		}
		switch why, gap := knownGaps[l.ID]; {
		case gap && right:
			t.Errorf("%s: known gap (%s) now read as labelled: take it off the list", l.ID, why)
		case !gap && !right:
			t.Errorf("%s: %q labelled %v, found %v", l.ID, l.Text, l.Labels, d.Violations)
		}
	}
}
