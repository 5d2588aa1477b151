package policies

import "bytes"

// officialHosts are the services a message may always link to: free debt
// advice and the regulators of the jurisdictions the guard covers. A link
// to any other host needs Options.LinkHosts or Facts.LinkHosts.
var officialHosts = []string{
	"moneyhelper.org.uk", "stepchange.org", "citizensadvice.org.uk", "nationaldebtline.org", "gov.uk", "fca.org.uk",
	"consumerfinance.gov", "ftc.gov", "usa.gov", "nfcc.org", "rbi.org.in", "pbc.gov.cn", "nfra.gov.cn",
	"financial-ombudsman.org.uk", "actionfraud.police.uk", "cybercrime.gov.in", "dfpi.ca.gov", "dfs.ny.gov", "mass.gov", "dfi.wa.gov",
}

// linkTLDs are the endings that make a bare word with dots a web address
// ("bit.ly/x", "pay-now.example.net"); "www." and a scheme make any.
var linkTLDs = []string{
	"com", "net", "org", "io", "co", "in", "cn", "uk", "ly", "me", "top", "biz", "info", "ru", "xyz", "app", "site",
	"online", "help", "us", "gov", "edu", "tk", "cc", "ws", "link", "click", "shop", "store", "example", "hk", "tw",
	"sg", "de", "fr", "page", "live", "vip", "pro", "cloud", "club",
}

// eachLinkHost calls fn with the host of every web address in the folded
// text until fn returns false. An address is a scheme ("https://", also
// spelt out with spaces), "www.", or words joined by dots that end in a
// known top-level domain; an e-mail address is none.
func eachLinkHost(base []byte, fn func(host []byte) bool) {
	eachLink(base, func(_, hostStart, hostEnd, _ int) bool { return fn(base[hostStart:hostEnd]) })
}

// eachLink calls fn with the bounds of every web address in the folded
// text (as eachLinkHost finds them: where it starts, its host, and the end
// of its path, the next space or line end) until fn returns false.
func eachLink(base []byte, fn func(start, hostStart, hostEnd, end int) bool) {
	if !hasDottedLabel(base) {
		return // no host: most messages
	}
	for i := 0; i < len(base); i++ {
		c := base[i]
		if !isWordByte(c) || i > 0 && (isWordByte(base[i-1]) || base[i-1] == '-' || base[i-1] == '.' || base[i-1] == '@' || base[i-1] == '_') {
			continue
		}
		j := i
		if k := schemeEnd(base, i); k > 0 {
			j = k
		}
		e := readHost(base, j)
		if e == j {
			continue
		}
		host := base[j:e]
		scheme := j > i
		if !scheme && !bytes.HasPrefix(host, []byte("www.")) && !hasLinkTLD(host) {
			i = e - 1
			continue
		}
		if !scheme && e < len(base) && base[e] == '@' {
			i = e
			continue
		}
		end := e
		for end < len(base) && base[end] != ' ' && base[end] != '\n' {
			end++ // the path
		}
		if !fn(i, j, e, end) {
			return
		}
		i = end - 1
	}
}

// blankLinkPaths overwrites with spaces the path of every web address in
// the folded text: a payment link's random token can spell any word ("…_shit…",
// "…-dick-…", "…arrest…"), and what a path spells is not what the message
// says. The host stays, and the link rules read the text before this. It
// reports whether there was a path to blank.
func blankLinkPaths(norm []byte) bool {
	blanked := false
	eachLink(norm, func(_, _, hostEnd, end int) bool {
		for k := hostEnd; k < end; k++ {
			norm[k] = ' '
			blanked = true
		}
		return true
	})
	return blanked
}

// schemeEnd returns the index after "http://" or "https://" at b[i], the
// letters maybe spaced out ("h t t p s://"), or 0.
func schemeEnd(b []byte, i int) int {
	j := i
	var word [5]byte
	n := 0
	for j < len(b) && n < 5 {
		if isLetter(b[j]) {
			word[n] = b[j]
			n++
			j++
			if j < len(b) && b[j] == ' ' && j+1 < len(b) && isLetter(b[j+1]) && n < 5 && (j+2 >= len(b) || !isLetter(b[j+2])) {
				j++ // "h t t p s"
			}
			continue
		}
		break
	}
	w := string(word[:n])
	if (w == "http" || w == "https") && bytes.HasPrefix(b[j:], []byte("://")) {
		return j + 3
	}
	return 0
}

// hasDottedLabel reports whether b has a dot between a host label's last
// byte and a letter or digit ("a.b", "x-.y"), without which readHost finds
// no host.
func hasDottedLabel(b []byte) bool {
	for i := 1; i+1 < len(b); i++ {
		k := bytes.IndexByte(b[i:len(b)-1], '.')
		if k < 0 {
			return false
		}
		i += k
		if (isWordByte(b[i-1]) || b[i-1] == '-') && isWordByte(b[i+1]) {
			return true
		}
	}
	return false
}

// readHost reads a host name (two or more labels joined by dots) at b[i]
// and returns its end, or i when there is none.
func readHost(b []byte, i int) int {
	j, labels, last := i, 0, i
	for {
		s := j
		for j < len(b) && (isWordByte(b[j]) || b[j] == '-') {
			j++
		}
		if j == s {
			break
		}
		labels++
		last = j
		if j+1 < len(b) && b[j] == '.' && isWordByte(b[j+1]) {
			j++
			continue
		}
		break
	}
	if labels < 2 {
		return i
	}
	return last
}

func hasLinkTLD(host []byte) bool {
	k := bytes.LastIndexByte(host, '.')
	if k < 0 {
		return false
	}
	tld := host[k+1:]
	for _, t := range linkTLDs {
		if string(tld) == t {
			return true
		}
	}
	return false
}

// hostAllowed reports whether host is one of allowed or under one.
func hostAllowed(host []byte, lists ...[]string) bool {
	host = bytes.TrimPrefix(host, []byte("www."))
	for _, l := range lists {
		for _, a := range l {
			if len(a) == 0 || len(a) > len(host) {
				continue
			}
			if len(a) == len(host) && equalFoldASCII(host, a) {
				return true
			}
			if len(host) > len(a) && host[len(host)-len(a)-1] == '.' && equalFoldASCII(host[len(host)-len(a):], a) {
				return true
			}
		}
	}
	return false
}
