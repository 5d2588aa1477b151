package numread

import (
	"strings"
	"testing"
)

// FuzzScan reads arbitrary text: numbers come out in order, inside the
// text, and each one's canonical form reads back as the same value.
func FuzzScan(f *testing.F) {
	for _, s := range []string{
		"$1,200.50", "fifteen hundred dollars", "1.5k", "一千二", "壹仟贰佰圆整", "两万五", "1.2万", "2万5千",
		"Rs 5,000/-", "1,20,000", "1.2 lakh", "₹१,२००", "١٢٣٤٫٥", "二〇二六", "a hundred and fifty", "1,2345",
		"9:30 12/03 555-0100", "一亿二千万", "𝟒𝟓", "4111111111111111111111", "\xff\xfe1", "万万万",
		"0.0000000000000000000001", "00000000000000000000.5",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		ScanString(s, func(n Number) bool {
			if n.Start < last || n.End <= n.Start || n.End > len(s) {
				t.Fatalf("Scan(%q): span [%d,%d) after %d", s, n.Start, n.End, last)
			}
			last = n.End
			c := n.String()
			if c == "" || strings.Trim(c, "0123456789.") != "" || strings.HasSuffix(c, ".") {
				t.Fatalf("Scan(%q): canonical %q", s, c)
			}
			back, ok := ReadString(c, 0)
			if !ok || back.String() != c || back.End != len(c) {
				t.Fatalf("Scan(%q): %q reads back as %q (end %d), %v", s, c, back.String(), back.End, ok)
			}
			if h, ok := n.Hundredths(); ok {
				if h2, ok2 := back.Hundredths(); !ok2 || h2 != h {
					t.Fatalf("Scan(%q): hundredths %d, read back %d", s, h, h2)
				}
			}
			return true
		})
		for i := 0; i < len(s); i++ {
			if n, ok := ReadString(s, i); ok && (n.Start != i || n.End <= i || n.End > len(s)) {
				t.Fatalf("Read(%q, %d): span [%d,%d)", s, i, n.Start, n.End)
			}
		}
	})
}
