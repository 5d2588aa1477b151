package console

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies"
)

// pageData is what every page template receives; each page fills its part.
type pageData struct {
	Title    string
	Page     string // names the page for the script: login, list, conversation, queues, print
	Me       meResponse
	Next     string // login: where to go after signing in
	Now      time.Time
	States   []agent.ConversationState
	Channels []agent.Channel
	Filter   agent.ConversationFilter
	Flag     string
	List     []agent.ConversationSummary
	Detail   Detail
	Queues   Queues
	View     string // queues: all, mine or unassigned
}

// transcriptView feeds the transcript partial.
type transcriptView struct {
	Messages  []agent.Message
	Dismissed map[string]*agent.Event // by message id
	CanAct    bool
}

var states = []agent.ConversationState{
	agent.StateOpen, agent.StateVerified, agent.StateNegotiating, agent.StatePlanAccepted, agent.StateDisputed,
	agent.StateHardship, agent.StateHandoff, agent.StateStopped, agent.StateIdentityFailed, agent.StateClosed,
}

var channels = []agent.Channel{agent.ChannelSMS, agent.ChannelChat, agent.ChannelVoice, agent.ChannelEmail, agent.ChannelConsole}

var pageFuncs = template.FuncMap{
	"when": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format("2006-01-02 15:04:05Z")
	},
	// struck marks drafts that never reached the borrower.
	"struck":  func(s agent.MessageStatus) bool { return s == agent.StatusBlocked || s == agent.StatusDropped },
	"waiting": waiting,
	"iso": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format(time.RFC3339)
	},
	"urgent":  urgentCount,
	"display": agent.DisplayName,
	// author names who wrote a message: a team member by name, not role.
	"author": func(m agent.Message) string {
		switch m.Author {
		case agent.AuthorBorrower:
			return "Borrower"
		case agent.AuthorAgent:
			return "AI assistant"
		case agent.AuthorSupervisor:
			if m.AuthorName == "" {
				return "Team member"
			}
			return agent.DisplayName(m.AuthorName) + " (team)"
		case agent.AuthorSystem:
			if m.AuthorName == "" {
				return "Notice"
			}
			return "Notice (" + agent.DisplayName(m.AuthorName) + ")"
		}
		return string(m.Author)
	},
	// notes are a conversation's internal notes, oldest first.
	"notes": func(evs []agent.Event) []agent.Event {
		var out []agent.Event
		for _, e := range evs {
			if e.Kind == agent.EventNoteAdded {
				out = append(out, e)
			}
		}
		return out
	},
	"action": func(d *policies.Decision) string {
		if d == nil {
			return ""
		}
		return string(d.Action)
	},
	"owner": func(c agent.Conversation) string {
		if c.OwnedByAI() {
			return "AI"
		}
		return c.Owner
	},
	// transcript is what the transcript partial shows: the messages, which
	// blocked drafts were dismissed, and whether the reader may dismiss.
	"transcript": func(msgs []agent.Message, evs []agent.Event, canAct bool) transcriptView {
		v := transcriptView{Messages: msgs, Dismissed: map[string]*agent.Event{}, CanAct: canAct}
		for id, e := range dismissed(evs) {
			v.Dismissed[id] = &e
		}
		return v
	},
	"mine": func(c agent.Conversation, me meResponse) bool { return c.Owner == me.Name },
	"ai":   func(c agent.Conversation) bool { return c.OwnedByAI() },
	"dict": func(kv ...any) map[string]any {
		m := make(map[string]any, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			k, _ := kv[i].(string)
			m[k] = kv[i+1]
		}
		return m
	},
	"data": func(m map[string]string) string {
		parts := make([]string, 0, len(m))
		for k, v := range m {
			parts = append(parts, k+"="+v)
		}
		slices.Sort(parts)
		return strings.Join(parts, ", ")
	},
}

// render executes a page into a buffer first, so a template error is a
// clean 500 rather than half a page.
func (h *Handler) render(w http.ResponseWriter, r *http.Request, name string, d pageData) {
	d.Now = h.cfg.Clock.Now()
	var buf bytes.Buffer
	if err := h.pages.ExecuteTemplate(&buf, name, d); err != nil {
		h.log.Error("console: render", "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
	_, _ = buf.WriteTo(w)
}

func (h *Handler) loginPage(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	// Only a path inside the console: never an open redirect.
	if !strings.HasPrefix(next, "/console/") || strings.HasPrefix(next, "//") || strings.Contains(next, "\\") {
		next = "/console/"
	}
	h.render(w, r, "login.html", pageData{Title: "Sign in", Page: "login", Next: next})
}

func (h *Handler) listPage(w http.ResponseWriter, r *http.Request) {
	f, flag := listFilter(r)
	list, err := h.conversations(r.Context(), f, flag)
	if err == nil {
		err = h.recordListed(r, list)
	}
	if err != nil {
		h.pageError(w, r, err)
		return
	}
	h.render(w, r, "list.html", pageData{Title: "Conversations", Page: "list", Me: newMe(callerOf(r)), States: states, Channels: channels, Filter: f, Flag: flag, List: list})
}

func (h *Handler) queuesPage(w http.ResponseWriter, r *http.Request) {
	view := r.URL.Query().Get("view")
	q, err := h.loadQueues(r.Context(), view, callerOf(r).user.Name)
	if err == nil {
		err = h.recordListed(r, queued(q.Handoff), q.Blocked)
	}
	if err != nil {
		h.pageError(w, r, err)
		return
	}
	title := "Queues"
	if n := urgentCount(q.Handoff); n > 0 {
		title = fmt.Sprintf("(%d urgent) Queues", n)
	}
	h.render(w, r, "queues.html", pageData{Title: title, Page: "queues", Me: newMe(callerOf(r)), Queues: q, View: view})
}

func (h *Handler) conversationPage(w http.ResponseWriter, r *http.Request) {
	h.detailPage(w, r, "conversation.html", "conversation", agent.AccessRead)
}

// printPage is the printable audit record of a conversation.
func (h *Handler) printPage(w http.ResponseWriter, r *http.Request) {
	h.detailPage(w, r, "print.html", "print", agent.AccessPrint)
}

func (h *Handler) detailPage(w http.ResponseWriter, r *http.Request, tmpl, page string, action agent.AccessAction) {
	d, err := h.detail(r, action)
	if err != nil {
		h.pageError(w, r, err)
		return
	}
	title := "Conversation " + d.Conversation.ID
	if d.BorrowerName != "" {
		title = "Conversation with " + d.BorrowerName
	}
	h.render(w, r, tmpl, pageData{Title: title, Page: page, Me: newMe(callerOf(r)), Detail: d})
}

// pageError answers a page's error as text, with the same statuses as the
// API's.
func (h *Handler) pageError(w http.ResponseWriter, r *http.Request, err error) {
	if status, ok := statusOf[agent.KindOf(err)]; ok {
		http.Error(w, agent.MessageOf(err), status)
		return
	}
	h.log.Error("console: page failed", "path", r.URL.Path, "err", err)
	http.Error(w, "internal error", http.StatusInternalServerError)
}

// urgentCount counts the urgent conversations of a queue.
func urgentCount(q []QueueItem) int {
	n := 0
	for _, it := range q {
		if it.Urgent {
			n++
		}
	}
	return n
}
