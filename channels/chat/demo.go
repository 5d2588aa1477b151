package chat

import (
	"bytes"
	"embed"
	"html/template"
	"net/http"
	"net/url"
	"strings"
)

//go:embed assets/widget.js assets/page.html
var assets embed.FS

var (
	widgetJS = mustRead("assets/widget.js")
	pageTmpl = template.Must(template.New("page.html").ParseFS(assets, "assets/page.html"))
)

func mustRead(name string) []byte {
	b, err := assets.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return b
}

// serveWidget serves the embeddable widget script.
func (h *Handler) serveWidget(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=300")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	_, _ = w.Write(widgetJS)
}

// pageData fills page.html.
type pageData struct {
	Lang     string // the chosen borrower's locale: the page speaks it
	Demo     bool   // demo accounts are offered
	Accounts []DemoAccount
	Chosen   *DemoAccount
	Token    string
	Text     pageText
	// LinkHosts are the hosts whose links the widget makes clickable.
	LinkHosts string
}

// pageText is what a borrower reads on the page, in the account's language.
type pageText struct {
	Title, Intro, Back string
}

var pageTexts = map[string]pageText{
	"en": {Title: "Chat with us", Intro: "You are signed in as {name}. Ask about your account, a payment plan or anything else.", Back: "Choose another borrower"},
	"zh": {Title: "在线沟通", Intro: "您已作为 {name} 登录。您可以咨询账户、还款计划或其他问题。", Back: "选择其他借款人"},
}

// serveDemo shows the demo borrowers and, for the chosen one, the widget with
// a freshly minted short-lived token. Without demo accounts it shows how to
// embed the widget.
func (h *Handler) serveDemo(w http.ResponseWriter, r *http.Request) {
	d := pageData{Lang: "en", LinkHosts: strings.Join(h.cfg.LinkHosts, ",")}
	if h.cfg.DemoAccounts != nil {
		accounts, err := h.cfg.DemoAccounts(r.Context())
		if err != nil {
			h.log.Error("chat: demo accounts", "err", err)
			http.Error(w, "demo accounts unavailable", http.StatusServiceUnavailable)
			return
		}
		d.Demo, d.Accounts = true, accounts
		if id := r.URL.Query().Get("account"); id != "" {
			for i := range accounts {
				if accounts[i].ID == id {
					d.Chosen = &accounts[i]
				}
			}
			if d.Chosen == nil {
				http.Error(w, "no such demo account", http.StatusNotFound)
				return
			}
			tok, err := MintToken(h.cfg.Secret, d.Chosen.ID, h.cfg.DemoTokenTTL, h.cfg.Clock.Now())
			if err != nil {
				h.log.Error("chat: demo token", "err", err)
				http.Error(w, "demo unavailable", http.StatusInternalServerError)
				return
			}
			d.Token = tok
			if strings.HasPrefix(d.Chosen.Locale, "zh") {
				d.Lang = "zh"
			}
		}
	}
	d.Text = pageTexts[d.Lang]
	if d.Chosen != nil {
		d.Text.Intro = strings.ReplaceAll(d.Text.Intro, "{name}", d.Chosen.Name)
	}
	var buf bytes.Buffer
	if err := pageTmpl.Execute(&buf, d); err != nil {
		h.log.Error("chat: demo page", "err", err)
		http.Error(w, "demo unavailable", http.StatusInternalServerError)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", "text/html; charset=utf-8")
	// The page may carry a token: never cache it, never frame it.
	hd.Set("Cache-Control", "no-store")
	hd.Set("X-Frame-Options", "DENY")
	hd.Set("Referrer-Policy", "no-referrer")
	hd.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; "+
		"connect-src "+connectSrc(h.cfg.PublicURL)+"; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	_, _ = w.Write(buf.Bytes())
}

// connectSrc is the CSP source list the demo page may open its socket at:
// 'self', and the public URL's host as ws or wss when one is configured.
// A host that is not a plain host[:port] is left out.
func connectSrc(publicURL string) string {
	u, err := url.Parse(publicURL)
	if publicURL == "" || err != nil || u.Host == "" || strings.ContainsAny(u.Host, " ;,'\"") {
		return "'self'"
	}
	scheme := "ws://"
	if u.Scheme == "https" {
		scheme = "wss://"
	}
	return "'self' " + scheme + u.Host
}
