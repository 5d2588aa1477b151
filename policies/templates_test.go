package policies

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// renderings returns every borrower-facing text the agent's own templates
// produce in the repository's golden files: each case of
// prompts/testdata/*.golden, and each agent message of the golden
// transcripts (evals/testdata/transcripts.golden), by file and position.
func renderings(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	files, err := filepath.Glob("../prompts/testdata/*.golden")
	if err != nil || len(files) == 0 {
		t.Fatalf("no template goldens found (%v) / 未找到模板样例", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var cur []string
		n := 0
		flush := func() {
			if txt := strings.TrimSpace(strings.Join(cur, "\n")); txt != "" {
				out[fmt.Sprintf("%s#%d", f, n)] = txt
				n++
			}
			cur = cur[:0]
		}
		for line := range strings.SplitSeq(string(data), "\n") {
			if strings.HasPrefix(line, "--- case ") {
				flush()
				continue
			}
			cur = append(cur, line)
		}
		flush()
	}
	data, err := os.ReadFile("../evals/testdata/transcripts.golden")
	if err != nil {
		t.Fatal(err)
	}
	var cur []string
	k := 0
	flush := func() {
		if len(cur) > 0 {
			out[fmt.Sprintf("transcripts.golden#%04d", k)] = strings.TrimSpace(strings.Join(cur, "\n"))
			k++
		}
		cur = nil
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		switch {
		case strings.HasPrefix(line, "agent ["):
			flush()
			if i := strings.Index(line, "]: "); i > 0 {
				cur = append(cur, line[i+3:])
			}
		case strings.HasPrefix(line, "borrower:"), strings.HasPrefix(line, "system "), strings.HasPrefix(line, "==="), line == "":
			flush()
		default:
			if cur != nil {
				cur = append(cur, line)
			}
		}
	}
	flush()
	return out
}

// TestTemplatesPassWithClassifier: no text the agent's own templates render
// is refused for what it says, with the content model on. The facts are
// those the agent sends such a text under: a verified borrower, at noon,
// every amount and link host in the text the engine's own, every term
// granted; the only violations left would be the guard reading the words.
func TestTemplatesPassWithClassifier(t *testing.T) {
	t.Parallel()
	g := Default()
	if g.cls == nil {
		t.Fatal("the default guard has no content model / 默认守卫未启用分类器")
	}
	texts := renderings(t)
	if len(texts) < 200 {
		t.Fatalf("%d renderings found, want the goldens' 200 or more / 模板样例过少", len(texts))
	}
	for name, text := range texts {
		base := foldBase(nil, text)
		jur := "GB"
		if hasHan(base) {
			jur = "CN"
		}
		f := Facts{Jurisdiction: jur, Now: time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC), Timezone: "Europe/London",
			RecipientVerified: true, GrantedTerms: GrantedTerms}
		if jur == "CN" {
			f.Now, f.Timezone = time.Date(2026, 3, 2, 4, 0, 0, 0, time.UTC), "Asia/Shanghai"
		}
		// What the agent says about a lawsuit it says only on the account's
		// facts: approved legal action, or a debt too old to sue on.
		if strings.Contains(name, "suit.") || strings.Contains(text, "legal action") || strings.Contains(text, "起诉") {
			f.LegalActionApproved = strings.Contains(text, "approved legal action")
			f.TimeBarred = !f.LegalActionApproved
		}
		findAmounts(base, func(m money) bool {
			f.AllowedAmounts = append(f.AllowedAmounts, m.value)
			if m.currency != "" {
				f.Currency = m.currency // the account's currency, whatever the jurisdiction
			}
			return true
		})
		eachLinkHost(base, func(host []byte) bool {
			f.LinkHosts = append(f.LinkHosts, string(host))
			return true
		})
		d := g.Check(Proposal{ID: name, Text: text, Channel: "chat"}, f)
		for _, v := range d.Violations {
			if v.Category != CatDisclosureMissing {
				t.Errorf("%s: %q -> %s %s (%s) / 模板文本被拦截", name, text, v.Category, v.Detail, d.Action)
			}
		}
	}
}
