package main

import (
	"fmt"
	"html/template"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/parley-collections/parley/agent"
)

// demoSetup is what demo mode set up at start.
type demoSetup struct {
	on           bool
	added        int    // demo accounts added by this start; the rest were there already
	password     string // the demo supervisor's password, when this start set it
	passwordKept bool   // the supervisor user existed and keeps its password
}

// welcome prints, once the port is bound and the server is about to serve,
// where everything is and, in demo mode, how to sign in and what each demo
// borrower proves who they are with, in the order the agent asks.
func (a *app) welcome(w io.Writer, addr net.Addr) {
	base := "http://" + browsable(addr)
	fmt.Fprintf(w, "\nParley is ready at %s/\n", base)
	fmt.Fprintf(w, "  chat (as a borrower):     %s/chat/\n", base)
	switch {
	case a.demo.password != "":
		fmt.Fprintf(w, "  console (as supervisor):  %s/console/   user supervisor, password %s\n", base, a.demo.password)
	case a.demo.passwordKept:
		fmt.Fprintf(w, "  console (as supervisor):  %s/console/   user supervisor, password unchanged since it was set\n", base)
	default:
		fmt.Fprintf(w, "  console:                  %s/console/   (add a user with 'parley user add')\n", base)
	}
	fmt.Fprintf(w, "  health:                   %s/healthz\n", base)
	if !a.demo.on {
		fmt.Fprintln(w)
		return
	}
	accounts := agent.DemoAccounts(time.Now())
	fmt.Fprintf(w, "\nDemo portfolio: %d accounts (%d added now, %d already there). A borrower proves who they are with:\n",
		len(accounts), a.demo.added, len(accounts)-a.demo.added)
	fmt.Fprintf(w, "  %-20s %-14s %-6s %s\n", "ACCOUNT", "PHONE", "LOCALE", "FACTS, IN THE ORDER ASKED")
	for _, acct := range accounts {
		phone := ""
		if len(acct.Borrower.Phones) > 0 {
			phone = acct.Borrower.Phones[0]
		}
		fmt.Fprintf(w, "  %-20s %-14s %-6s %s\n", acct.ID, phone, acct.Borrower.Locale, demoFacts(acct))
	}
	fmt.Fprintln(w)
}

// demoFacts lists an account's identity facts in the order the agent asks
// for them: where a national ID is what people quote (CN, IN), its last
// four digits come before the postcode.
func demoFacts(acct agent.Account) string {
	id := agent.DemoIdentity[acct.ID]
	dob := "date of birth " + id.DOB
	post := "postcode " + id.Postcode
	last4 := "ID last four " + id.IDLast4
	switch acct.Borrower.Jurisdiction {
	case "CN", "IN":
		return dob + ", " + last4 + ", " + post
	}
	return dob + ", " + post + ", " + last4
}

// browsable is the address as a browser on this machine reaches it.
func browsable(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return addr.String()
	}
	switch host {
	case "", "::", "0.0.0.0":
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}

var startPage = template.Must(template.New("start").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parley</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1d2733}
a{color:#0b5cad}li{margin:.5rem 0}</style></head>
<body><main><h1>Parley</h1>
<p>A conversational collections agent.</p>
<ul>
<li><a href="/chat/">Chat</a>: talk to the agent as a borrower.</li>
<li><a href="/console/">Console</a>: watch, take over and review conversations as a supervisor.</li>
<li><a href="/healthz">Health</a>: is the server up.</li>
</ul></main></body></html>
`))

// serveStart is the small page / redirects to: links to the chat, the
// console and the health check.
func serveStart(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	_ = startPage.Execute(w, nil)
}
