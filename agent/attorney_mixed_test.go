package agent

import "testing"

// TestAttorneyNameLatinBeforeHan: an English given name written before a
// Chinese name after 他叫 or 她叫 is part of the name, also when a verb
// follows the English word for a lawyer before it (lawyer 会联系).
func TestAttorneyNameLatinBeforeHan(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]string{
		"我请了 lawyer，他叫 David 陈国栋，电话 13811112222，以后找他": "David 陈国栋",
		"律师叫 Amy 周晓梅，你们找她":                            "Amy 周晓梅",
		"我的 attorney 会跟你们联系，她叫 Linda 吴佩珊":             "Linda 吴佩珊",
		"我的 lawyer 要联系你们，他叫 Eric 郑家豪，电话 13700001111":  "Eric 郑家豪",
	} {
		if got := readAttorneyDetails(text).Name; got != want {
			t.Errorf("%q: name %q, want %q", text, got, want)
		}
	}
}
