package policies

import "bytes"

// noProcessYet are statements that no legal process has been started on
// the account ("No claim has been issued", 目前没有任何诉讼, 我哋未有入禀).
// A message that makes one explains the law where it names legal process
// elsewhere ("wages can be taken only with a court order"); what it says
// the sender will do is still read (legalStatusDenies).
var noProcessYet = [][]byte{
	[]byte("nothing has been filed"), []byte("nothing like that has been filed"), []byte("nothing has been started"),
	[]byte("nothing like that exists"), []byte("no claim has been"), []byte("no lawsuit has been"), []byte("no case has been"),
	[]byte("no proceedings have been"), []byte("no court action has been"), []byte("no legal action has been"),
	[]byte("not filed any"), []byte("haven't filed"), []byte("have not filed"), []byte("has not been filed"), []byte("hasn't been filed"),
	[]byte("not started any"), []byte("have not started"), []byte("haven't started"), []byte("has not started"), []byte("hasn't started"),
	[]byte("no decision has been made"), []byte("there isn't one at the moment"), []byte("there is none at the moment"),
	[]byte("no such notice has been"), []byte("we haven't applied"), []byte("we have not applied"),
	[]byte("no enforcement action is planned"), []byte("no legal action is planned"), []byte("not been sued"), []byte("nobody has sued"),
	[]byte("no one has sued"), []byte("not taken any legal"), []byte("not taken legal"),
	[]byte("尚未起诉"), []byte("还没有起诉"), []byte("没有起诉"), []byte("未起诉"), []byte("目前尚未"), []byte("目前还没有"),
	[]byte("目前没有任何"), []byte("没有任何诉讼"), []byte("没有这种情况"), []byte("没有进到这一步"), []byte("远没到那一步"), []byte("不沾边"),
	[]byte("没有这个安排"), []byte("尚未进行任何"), []byte("冇入禀"), []byte("未入禀"), []byte("未有入禀"), []byte("仲未入禀"),
	[]byte("没有立案"), []byte("尚未立案"), []byte("并没有这类程序"), []byte("没有这类程序"),
	// Nothing found on the account.
	[]byte("nothing like that has started"), []byte("nothing like that has happened"), []byte("can't see any lawsuit"),
	[]byte("cannot see any lawsuit"), []byte("don't see any lawsuit"), []byte("do not see any lawsuit"), []byte("no lawsuit on"),
	[]byte("no record of any lawsuit"), []byte("no record of any court"), []byte("查不到任何诉讼"), []byte("没有查到任何诉讼"),
	[]byte("没有诉讼记录"), []byte("无诉讼记录"), []byte("查不到诉讼"), []byte("没有查到诉讼"),
}

// noProcessLater mark a statement of noProcessYet that looks ahead to
// process after all ("No claim has been issued yet", 尚未起诉，但…): it
// explains nothing. They count within noProcessReach bytes after it.
var noProcessLater = [][]byte{[]byte(" yet"), []byte(" so far"), []byte("but "), []byte("however"), []byte("但"), []byte("不过"),
	[]byte("可是"), []byte("然而")}

// noProcessReach is how far after a statement of noProcessYet a mark of
// noProcessLater is looked for, in bytes.
const noProcessReach = 30

// legalStatusDenies reports whether the text states that no legal process
// has been started, in words that do not look ahead to one.
func legalStatusDenies(norm []byte) bool {
	for _, p := range noProcessYet {
		for from := 0; ; {
			k := bytes.Index(norm[from:], p)
			if k < 0 {
				break
			}
			end := from + k + len(p)
			from = end
			later := false
			for _, l := range noProcessLater {
				if bytes.Contains(norm[end:min(len(norm), end+noProcessReach)], l) {
					later = true
				}
			}
			if !later {
				return true
			}
		}
	}
	return false
}

// intentInClause reports whether a statement of the sender's intention
// ("we will", "you will be", "我们会") starts in the clause before pos.
func (c *checker) intentInClause(clause, pos int32) bool {
	for _, e := range c.s.intents {
		if e < pos && c.s.clause[e] == clause {
			return true
		}
	}
	return false
}

// legalStatus is legalStatusDenies of the folded text, read once a check.
func (c *checker) legalStatus() bool {
	if c.status == 0 {
		c.status = 2
		if legalStatusDenies(c.s.norm) {
			c.status = 1
		}
	}
	return c.status == 1
}
