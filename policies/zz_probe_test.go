package policies

import (
	"bufio"
	"fmt"
	"os"
	"testing"

	"github.com/parley-collections/parley/policies/textclass"
)

func TestZZProbe(t *testing.T) {
	m := textclass.Content()
	var buf textclass.Buffer
	sc := bufio.NewScanner(os.Stdin)
	f, _ := os.Open("/tmp/probe.txt")
	sc = bufio.NewScanner(f)
	for sc.Scan() {
		tx := sc.Text()
		jur, tz, now := "GB", "Europe/London", "2026-03-02T12:00:00Z"
		if hasHan([]byte(tx)) {
			jur, tz, now = "CN", "Asia/Shanghai", "2026-03-02T04:00:00Z"
		}
		d := Default().Check(Proposal{Text: tx, Channel: "chat"}, verified(jur, tz, now))
		s := m.Scores(tx, &buf)
		var top []string
		for i, l := range textclass.ContentLabels {
			if s[i] > 0.2 {
				top = append(top, fmt.Sprintf("%s=%.2f/%.2f", l, s[i], classThresholds[l]))
			}
		}
		fmt.Printf("%q\n   %v\n   %v\n", tx, top, categoriesOf(d))
	}
}
