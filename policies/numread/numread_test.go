package numread

import (
	"bufio"
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
)

// Row is one line of testdata/amounts.tsv.
type row struct {
	line           int
	value          string // decimal, in the currency's units
	currency, text string
}

func readTable(t *testing.T) []row {
	t.Helper()
	f, err := os.Open("testdata/amounts.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []row
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			t.Fatalf("amounts.tsv:%d: want 3 tab-separated fields, got %d", n, len(f))
		}
		rows = append(rows, row{n, f[0], f[1], f[2]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// hundredths converts a decimal written in the table to hundredths.
func hundredths(t *testing.T, s string) int64 {
	t.Helper()
	whole, frac, _ := strings.Cut(s, ".")
	frac = (frac + "00")[:2]
	v, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestAmountTable reads every amount of the shared table: each text holds
// exactly one number, with the table's value.
func TestAmountTable(t *testing.T) {
	t.Parallel()
	for _, r := range readTable(t) {
		var got []string
		var minor []int64
		ScanString(r.text, func(n Number) bool {
			got = append(got, n.String())
			h, _ := n.Hundredths()
			minor = append(minor, h)
			return true
		})
		if want := hundredths(t, r.value); len(got) != 1 || minor[0] != want {
			t.Errorf("amounts.tsv:%d: %q reads %q, want one number, %s", r.line, r.text, got, r.value)
		}
	}
}

func TestScan(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"no numbers here", nil},
		{"1,200.50", []string{"1200.5"}},
		{"1200.00", []string{"1200"}},
		{"0.5", []string{"0.5"}},
		{"007", []string{"7"}},
		{"1,20,000 and 12,34,567", []string{"120000", "1234567"}},
		{"1,2345", []string{"1"}},      // a broken grouping: the first group only
		{"1,200,00", []string{"1200"}}, // the grouping ends where it breaks
		{"version 1.2.3", []string{"1.2"}},
		{"call 555-0100 at 9:30 on 12/03", []string{"555", "100", "9", "30", "12", "3"}},
		{"1.234", []string{"1.234"}},
		{"1.5k and 2K", []string{"1500", "2000"}},
		{"5 km", []string{"5"}},
		{"3 thousand, 2 hundred", []string{"3000", "200"}},
		{"1.2 lakh, 1.25 crore, 3 lacs, 2 cr, 1.5 million, 2 bn", []string{"120000", "12500000", "300000", "20000000", "1500000", "2000000000"}},
		{"twelve", []string{"12"}},
		{"one hundred fifty", []string{"150"}},
		{"a hundred and fifty", []string{"150"}},
		{"fifteen hundred", []string{"1500"}},
		{"two thousand five hundred", []string{"2500"}},
		{"twenty five", []string{"25"}},
		{"twenty-five", []string{"25"}},
		{"Twenty-Five", []string{"25"}},
		{"two fifty", []string{"250"}},
		{"nine ninety nine", []string{"999"}},
		{"one two three", []string{"1", "2", "3"}},
		{"two lakh fifty thousand", []string{"250000"}},
		{"one crore twenty lakh", []string{"12000000"}},
		{"a grand", []string{"1000"}},
		{"a lot of often tone", nil},
		{"anyone someone oneself", nil},
		{"一千二", []string{"1200"}},
		{"一千二百", []string{"1200"}},
		{"一千零二", []string{"1002"}},
		{"三百五", []string{"350"}},
		{"两万五", []string{"25000"}},
		{"两万五千", []string{"25000"}},
		{"十五", []string{"15"}},
		{"二十", []string{"20"}},
		{"十万", []string{"100000"}},
		{"一万二千三百", []string{"12300"}},
		{"一万零五百", []string{"10500"}},
		{"一亿二", []string{"120000000"}},
		{"一亿二千万", []string{"120000000"}},
		{"一万亿", []string{"1000000000000"}},
		{"二〇二六", []string{"2026"}},
		{"二零二六年", []string{"2026"}},
		{"壹仟贰佰圆整", []string{"1200"}},
		{"伍仟陆佰柒拾捌", []string{"5678"}},
		{"一萬二千", []string{"12000"}},
		{"兩千", []string{"2000"}},
		{"千万别", nil}, // an idiom: a numeral does not start with 千
		{"万一", nil},  // 一 after a unit is part of the numeral
		{"1.2万", []string{"12000"}},
		{"2万5千", []string{"25000"}},
		{"2万5", []string{"25000"}},
		{"2万3000", []string{"23000"}},
		{"12万", []string{"120000"}},
		{"3千", []string{"3000"}},
		{"5百", []string{"500"}},
		{"分12期，每期100元", []string{"12", "100"}},
		{"١٢٣٤٫٥", []string{"1234.5"}},
		{"١٬٢٠٠", []string{"1200"}},
		{"१,२०,०००", []string{"120000"}},
		{"๑๒๓", []string{"123"}},
		{"𝟏𝟐", []string{"12"}},
		{"１２００", []string{"1200"}},
		{"4111111111111111111111", []string{"4111111111111111111111"}},
		{"0000000000000000000000.50", []string{"0.5"}},
		{"一三八〇〇一三八〇〇〇一三八〇〇一三八〇〇〇", []string{"1380013800013800138000"}},
		{"万万万万万万", nil},
	}
	for _, tc := range tests {
		var got []string
		ScanString(tc.in, func(n Number) bool { got = append(got, n.String()); return true })
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("Scan(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}

func TestRead(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in        string
		at        int
		want      string
		end       int
		form      Form
		grouped   bool
		point     bool
		mult      int64
		intDigits int
	}{
		{"pay 1,200.50 now", 4, "1200.5", 12, Digits, true, true, 0, 4},
		{"1.5k", 0, "1500", 4, Digits, false, true, 1000, 1},
		{"1.2 lakh rupees", 0, "120000", 8, Digits, false, true, 100000, 1},
		{"1.2万元", 0, "12000", 6, Digits, false, true, 10000, 1},
		{"2万5千块", 0, "25000", 8, Digits, false, false, 10000, 1},
		{"fifteen hundred dollars", 0, "1500", 15, Words, false, false, 0, 0},
		{"一千二百元", 0, "1200", 12, Han, false, false, 0, 0},
	}
	for _, tc := range tests {
		n, ok := ReadString(tc.in, tc.at)
		if !ok || n.String() != tc.want || n.End != tc.end || n.Form != tc.form || n.Grouped != tc.grouped ||
			n.Point != tc.point || n.Mult != tc.mult || n.IntDigits != tc.intDigits || n.Start != tc.at {
			t.Errorf("Read(%q, %d) = %+v (%s), %v", tc.in, tc.at, n, n, ok)
		}
	}
	for _, in := range []string{"", "x", "the", "千", "%"} {
		if n, ok := ReadString(in, 0); ok {
			t.Errorf("Read(%q) = %v, want nothing", in, n)
		}
	}
}

func TestHundredths(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]int64{"1,200.50": 120050, "7": 700, "0.05": 5, "1.5k": 150000} {
		n, _ := ReadString(in, 0)
		if got, ok := n.Hundredths(); !ok || got != want {
			t.Errorf("Hundredths(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"1.234", "99999999999999999999", "92233720368547758.07"} {
		n, _ := ReadString(in, 0)
		if got, ok := n.Hundredths(); ok {
			t.Errorf("Hundredths(%q) = %d, want none", in, got)
		}
	}
}

// TestDigit checks every decimal digit Unicode knows.
func TestDigit(t *testing.T) {
	t.Parallel()
	count := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		d := Digit(r)
		if !unicode.Is(unicode.Nd, r) {
			if d != -1 {
				t.Fatalf("Digit(%U) = %d, want -1", r, d)
			}
			continue
		}
		count++
		if d < 0 || Digit(r-rune(d)) != 0 || d < 9 && Digit(r+1) != d+1 {
			t.Fatalf("Digit(%U) = %d: not in a run from 0 to 9", r, d)
		}
	}
	if count%10 != 0 || count < 600 {
		t.Fatalf("%d decimal digits: want whole runs of ten", count)
	}
	for r, want := range map[rune]int{'7': 7, '٣': 3, '۷': 7, '३': 3, '৩': 3, '๓': 3, '３': 3, '𝟗': 9, '၅': 5, 'a': -1, '三': -1} {
		if got := Digit(r); got != want {
			t.Errorf("Digit(%q) = %d, want %d", r, got, want)
		}
	}
}

func TestNumberWords(t *testing.T) {
	t.Parallel()
	w := NumberWords()
	if len(w) != 29 || w[0] != "eight" || !strings.Contains(strings.Join(w, " "), "fourty") {
		t.Errorf("NumberWords() = %q", w)
	}
}

func TestReadWords(t *testing.T) {
	t.Parallel()
	words := strings.Fields("a hundred and fifty bucks")
	n, used, ok := ReadWords(func(k int) string {
		if k < len(words) {
			return words[k]
		}
		return ""
	})
	if !ok || used != 4 || n.String() != "150" {
		t.Errorf("ReadWords = %v, %d, %v", n, used, ok)
	}
}

// TestClassifyMatchesTables keeps the word switch and the word tables one.
func TestClassifyMatchesTables(t *testing.T) {
	t.Parallel()
	for kind, m := range map[wordKind]map[string]int64{wUnit: units, wTens: tens, wScale: scales} {
		for w, v := range m {
			want := wordInfo{kind, v}
			if kind == wScale && len(w) <= 2 {
				want = wordInfo{}
			}
			if got := classify([]byte(w)); got != want {
				t.Errorf("classify(%q) = %v, want %v", w, got, want)
			}
		}
	}
}

// TestWordMayStart: at a word at which Starts reports a number,
// WordMayStart reports one may start, in either case; and every word
// classify knows is one whose first two letters it accepts.
func TestWordMayStart(t *testing.T) {
	t.Parallel()
	words := append(NumberWords(), "a hundred", "hundred", "thousand", "grand", "lakh", "lakhs", "lac", "lacs",
		"million", "crore", "crores", "billion", "and", "cr", "mn", "bn", "the", "sixth", "tenth", "a", "a lot", "ten2")
	for _, w := range words {
		for _, v := range []string{w, strings.ToUpper(w), w + " thousand", "x " + w} {
			b := []byte(v)
			for i := range b {
				if isLetter(b[i]) && (i == 0 || !isLetter(b[i-1])) && Starts(b, i) && !WordMayStart(b, i) {
					t.Errorf("Starts(%q, %d) but not WordMayStart", v, i)
				}
			}
		}
	}
	letters := "abcdefghijklmnopqrstuvwxyz"
	for _, a := range letters {
		for _, b := range " " + letters {
			w := []byte{byte(a), byte(b)}
			if !WordMayStart(w, 0) && classify(bytes.TrimSpace(w)).kind != wOther {
				t.Errorf("WordMayStart(%q) is false, classify knows it", w)
			}
		}
	}
	// Every word of classify's vocabulary: each case of its switch.
	f, err := parser.ParseFile(token.NewFileSet(), "words.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	cases := 0
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.File:
			return true
		case *ast.FuncDecl:
			return n.Name.Name == "classify"
		case *ast.GenDecl:
			return false
		}
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			w, _ := strconv.Unquote(lit.Value)
			cases++
			if w == "" || !WordMayStart([]byte(w), 0) {
				t.Errorf("WordMayStart(%q) is false, a case of classify", w)
			}
		}
		return true
	})
	if cases < 40 {
		t.Errorf("%d cases read from classify", cases)
	}
}
