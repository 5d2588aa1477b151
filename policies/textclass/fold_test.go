package textclass

import (
	"testing"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

func TestFold(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, want string }{
		// Case, width, spaces.
		{"STOP Texting Me", "stop texting me"},
		{"  ＳＴＯＰ　ｔｅｘｔｉｎｇ  ", "stop texting"},
		{"pay\u200bment\u00ad due", "payment due"},
		{"line one  \n\n  line two", "line one\nline two"},
		{"“quoted” ‘word’ – dash", "\"quoted\" 'word' - dash"},
		// Confusables: Cyrillic, Greek, mathematical and accented letters.
		{"\u0430rr\u0435st", "arrest"},         // Cyrillic а, е
		{"\u0455\u0435\u0456z\u0435", "seize"}, // Cyrillic ѕ е і е
		{"\u03c1ay n\u03bfw", "pay now"},       // Greek ρ ο
		{"𝐣𝐚𝐢𝐥", "jail"},                       // mathematical bold
		{"CAFÉ Déjà Vu", "cafe deja vu"},
		{"İ ı", "i i"},
		// Leetspeak between letters, never in amounts or ordinals.
		{"c0nsequences", "consequences"},
		{"y0ur fam1ly", "your family"},
		{"a$$", "ass"},
		{"st0p c@lling", "stop calling"},
		{"pay $1,200 by 10am on the 2nd", "pay $1,200 by 10am on the 2nd"},
		{"call 555 0100", "call 555 0100"},
		{"stupid!", "stupid!"},
		{"h!m", "him"},
		// Spaced letters joined, neighbours kept apart.
		{"we will a r r e s t you", "we will arrest you"},
		{"s t o p texting", "stop texting"},
		{"tell your f.a.m.i.l.y now", "tell your family now"},
		{"a b", "a b"},
		{"1 2 3 go", "1 2 3 go"},
		{"I am ok", "i am ok"},
		// Traditional to simplified, characters and phrases.
		{"請停止發簡訊給我", "请停止发简讯给我"},
		{"我還沒準備好還錢", "我还没准备好还钱"},
		{"這筆債務不是我的，請提供證明。", "这笔债务不是我的,请提供证明."},
		{"乾乾淨淨", "干干净净"},
		{"一目瞭然", "一目了然"},
		{"乾隆", "乾隆"},
		{"裡面 裏面", "里面里面"},
		// Chinese spacing and full-width digits.
		{"还 钱 了 吗", "还钱了吗"},
		{"欠款１２００元", "欠款1200元"},
		{"我要 stop 了", "我要 stop 了"},
	}
	for _, tc := range cases {
		if got := string(Fold(nil, tc.in)); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFoldAppends(t *testing.T) {
	t.Parallel()
	dst := []byte("prefix|")
	if got := string(Fold(dst, "Ｈｉ  Ｔｈｅｒｅ")); got != "prefix|hi there" {
		t.Errorf("Fold with prefix = %q", got)
	}
	base := FoldBase([]byte("x"), " A  B ")
	if string(base) != "xa b" {
		t.Errorf("FoldBase with prefix = %q", base)
	}
}

func TestFoldRune(t *testing.T) {
	t.Parallel()
	cases := map[rune]rune{
		'Q': 'q', '７': '7', '\u0410': 'a', '\u03a1': 'p', '\u200b': -1, '。': '.',
		'後': '后', '臺': '台', '钱': '钱', '€': '€', '¥': '¥', '£': '£', 'ß': 'ß', 'Ж': 'ж',
	}
	for in, want := range cases {
		if got := FoldRune(in); got != want {
			t.Errorf("FoldRune(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFoldMatchesOpenCC checks the generated tables against the library
// they were generated from: every traditional character on its own, and
// sentences. The tables take each character's first candidate in the
// dictionary; the library's own matching picks another candidate for a few
// characters (麼 as 幺, not the 么 of 什么), listed in libraryPicks.
func TestFoldMatchesOpenCC(t *testing.T) {
	t.Parallel()
	cc, err := opencc.New("tw2s")
	if err != nil {
		t.Fatal(err)
	}
	convert := func(s string) string {
		out, err := cc.Convert(s)
		if err != nil {
			t.Fatal(err)
		}
		return string(FoldBase(nil, out)) // punctuation and spaces fold too
	}
	libraryPicks := map[rune]bool{'麼': true, '麽': true, '薴': true, '顎': true, '鯰': true}
	for _, p := range t2sChars {
		if p[0] >= 0x4E00 && p[0] < 0xA000 && !libraryPicks[p[0]] {
			if got, want := string(FoldBase(nil, string(p[0]))), convert(string(p[0])); got != want {
				t.Errorf("FoldBase(%q) = %q, OpenCC says %q", p[0], got, want)
			}
		}
	}
	for _, s := range []string{
		"您好，我是王小姐的先生，她現在住院了，請不要再打電話來。",
		"我已經還清了，為何還一直傳訊息？我要投訴你們。",
		"這個月薪水還沒發，下個禮拜一定匯款給你們，拜託再寬限幾天。",
		"如果你們再打到我公司，我就找律師處理。乾脆直接寄書面證明給我。",
	} {
		if got, want := string(FoldBase(nil, s)), convert(s); got != want {
			t.Errorf("FoldBase(%q) = %q, OpenCC says %q", s, got, want)
		}
	}
}

func TestFoldAllocatesNothing(t *testing.T) {
	msg := "Ｗｅ ｗｉｌｌ a r r e s t you, c0nsequences! 請停止發簡訊給我，這筆債務不是我的。 \u0430rr\u0435st"
	buf := make([]byte, 0, 4*len(msg))
	if n := testing.AllocsPerRun(100, func() { buf = Fold(buf[:0], msg) }); n != 0 {
		t.Errorf("Fold allocates %.1f times per call, want 0", n)
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"a r r e s t", "請停止發簡訊", "c0nsequences", "ＳＴＯＰ", "乾乾淨淨"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Fold(nil, s)
		if !utf8.Valid(out) && utf8.ValidString(s) {
			t.Fatalf("Fold(%q) = %q: invalid UTF-8", s, out)
		}
		if base := FoldBase(nil, s); len(out) > len(base) {
			t.Fatalf("Fold(%q) = %q, longer than its base %q", s, out, base)
		}
	})
}

func BenchmarkFold200(b *testing.B) {
	msg := "Hi, this is about your account ending 4821. You owe $1,240.50; please c@ll us back by Friday or reply STOP to opt out. 您好，請盡快還款，謝謝。"
	buf := make([]byte, 0, 4*len(msg))
	b.ReportAllocs()
	b.SetBytes(int64(len(msg)))
	for b.Loop() {
		buf = Fold(buf[:0], msg)
	}
}

// TestDecodeRune holds decodeRune to utf8.DecodeRuneInString on every
// sequence of a first byte that is not ASCII and two bytes after it, at
// the end of a text and within one.
func TestDecodeRune(t *testing.T) {
	t.Parallel()
	for b0 := 0x80; b0 < 0x100; b0++ {
		for b1 := 0; b1 < 0x100; b1++ {
			for _, b2 := range []int{0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xE4, 0xFF} {
				for _, s := range []string{string([]byte{byte(b0), byte(b1), byte(b2)}), string([]byte{'a', byte(b0), byte(b1), byte(b2), 0xBF})} {
					i := len(s) - 3
					if len(s) == 5 {
						i = 1
					}
					r, n := decodeRune(s, i)
					wr, wn := utf8.DecodeRuneInString(s[i:])
					if r != wr || n != wn {
						t.Fatalf("decodeRune(% x) = %U, %d, want %U, %d", s[i:], r, n, wr, wn)
					}
				}
			}
		}
	}
}
