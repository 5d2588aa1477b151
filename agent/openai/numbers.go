package openai

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// ungrounded returns the numbers written in out, as digits or in words
// (English or Chinese), that none of the sources states. A lone "one" or
// "一" is not counted: both are everyday words ("one of our team", "一起").
func ungrounded(out string, sources ...string) []string {
	have := map[string]bool{}
	for _, s := range sources {
		for _, n := range numbersIn(s) {
			have[n] = true
		}
	}
	var missing []string
	for _, n := range numbersIn(out) {
		if !have[n] {
			missing = append(missing, n)
		}
	}
	return missing
}

var digitGroup = regexp.MustCompile(`[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?`)

// numbersIn lists the values of the numbers in s, canonical: "1,200.50"
// and "1200.5" are both "1200.5"; "fifty" is "50"; "一百五十" is "150".
func numbersIn(s string) []string {
	s = foldDigits(s)
	var out []string
	for _, m := range digitGroup.FindAllString(s, -1) {
		out = append(out, canonical(strings.ReplaceAll(m, ",", "")))
	}
	out = append(out, englishNumbers(s)...)
	out = append(out, chineseNumbers(s)...)
	return out
}

// canonical drops leading zeros and a zero fraction.
func canonical(d string) string {
	whole, frac, _ := strings.Cut(d, ".")
	whole = strings.TrimLeft(whole, "0")
	if whole == "" {
		whole = "0"
	}
	frac = strings.TrimRight(frac, "0")
	if frac == "" {
		return whole
	}
	return whole + "." + frac
}

var (
	units = map[string]int64{
		"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
		"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
		"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
		"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	}
	scales = map[string]int64{"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
)

// englishNumbers reads runs of number words ("one hundred and fifty",
// "twenty-five", "a thousand") into values.
func englishNumbers(s string) []string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r)
	})
	var out []string
	var total, cur int64
	n := 0 // number words in the current run
	flush := func() {
		if n > 0 && !(n == 1 && total+cur == 1) {
			out = append(out, strconv.FormatInt(total+cur, 10))
		}
		total, cur, n = 0, 0, 0
	}
	for _, w := range words {
		if v, ok := units[w]; ok {
			cur += v
			n++
			continue
		}
		if v, ok := scales[w]; ok {
			if cur == 0 {
				cur = 1
			}
			if v == 100 {
				cur *= v
			} else {
				total += cur * v
				cur = 0
			}
			n++
			continue
		}
		if w == "and" && n > 0 {
			continue
		}
		flush()
	}
	flush()
	return out
}

var (
	hanDigits = map[rune]int64{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	hanUnits  = map[rune]int64{'十': 10, '百': 100, '千': 1000}
	hanBig    = map[rune]int64{'万': 10_000, '亿': 100_000_000}
	// hanIdioms contain numerals but state no number.
	hanIdioms = strings.NewReplacer("十分", "", "万一", "", "一一", "", "千万", "", "一些", "", "一下", "", "一起", "", "一定", "")
)

// chineseNumbers reads runs of Chinese numerals ("一百五十", "两千",
// "二〇二六") into values.
func chineseNumbers(s string) []string {
	s = hanIdioms.Replace(s)
	var out []string
	var run []rune
	flush := func() {
		if len(run) > 0 && !(len(run) == 1 && run[0] == '一') {
			out = append(out, strconv.FormatInt(hanValue(run), 10))
		}
		run = run[:0]
	}
	for _, r := range s {
		_, d := hanDigits[r]
		_, u := hanUnits[r]
		_, b := hanBig[r]
		if d || u || b {
			run = append(run, r)
			continue
		}
		flush()
	}
	flush()
	return out
}

func hanValue(run []rune) int64 {
	positional := true
	for _, r := range run {
		if _, ok := hanDigits[r]; !ok {
			positional = false
		}
	}
	if positional { // 二〇二六: digit by digit
		var v int64
		for _, r := range run {
			v = v*10 + hanDigits[r]
		}
		return v
	}
	var total, section, digit int64
	for _, r := range run {
		switch {
		case hanDigits[r] > 0 || r == '零' || r == '〇':
			digit = hanDigits[r]
		case hanUnits[r] > 0:
			if digit == 0 {
				digit = 1 // 十五 is fifteen
			}
			section += digit * hanUnits[r]
			digit = 0
		default:
			total += (section + digit) * hanBig[r]
			section, digit = 0, 0
		}
	}
	return total + section + digit
}
