package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"

	"github.com/parley-collections/parley/channels/chat"
	"github.com/parley-collections/parley/channels/twilio"
)

// wsFrame is the union of the chat and ConversationRelay frames the bench reads.
type wsFrame struct {
	Type     string `json:"type"`
	Author   string `json:"author"`
	ClientID string `json:"client_id"`
	Code     string `json:"code"`
	Token    string `json:"token"`
	Last     bool   `json:"last"`
}

// wsReader reads frames on one goroutine (gorilla allows one reader) and
// hands them over a channel, closed when the socket ends.
func wsReader(ws *websocket.Conn) <-chan wsFrame {
	ch := make(chan wsFrame, 64)
	go func() {
		defer close(ch)
		for {
			_, data, err := ws.ReadMessage()
			if err != nil {
				return
			}
			var f wsFrame
			if json.Unmarshal(data, &f) == nil {
				ch <- f
			}
		}
	}()
	return ch
}

func wsURL(base *url.URL, path string) string {
	u := *base
	u.Scheme = strings.Replace(u.Scheme, "http", "ws", 1)
	return u.String() + path
}

// wsRun holds what the websocket benches share: sessions, bounds, results.
type wsRun struct {
	c        benchCommon
	sessions int
	think    time.Duration
	text     string
	lat      latencies // reply (chat) or first token (voice)
	full     latencies // voice: until last=true
	errs     errorCounts
	turns    atomic.Int64
	budget   atomic.Int64 // messages left under --max-requests
}

func (r *wsRun) bind(fs *flag.FlagSet) {
	r.c.bind(fs)
	fs.IntVar(&r.sessions, "sessions", 8, "concurrent sessions (at most 2000)")
	fs.DurationVar(&r.think, "think", 0, "pause between a reply and the next message")
	fs.StringVar(&r.text, "text", "what do I owe?", "message text")
}

// parse parses and checks the flags and resolves the accounts.
func (r *wsRun) parse(fs *flag.FlagSet, args []string) (*url.URL, []benchTarget, error) {
	if err := parseFlags(fs, args); err != nil {
		return nil, nil, err
	}
	base, err := r.c.validate()
	if err != nil {
		return nil, nil, err
	}
	if err := r.validate(); err != nil {
		return nil, nil, err
	}
	targets, err := resolveTargets(r.c)
	if err != nil {
		return nil, nil, err
	}
	return base, targets, nil
}

func (r *wsRun) validate() error {
	if r.sessions <= 0 || r.sessions > benchMaxSessions {
		return usagef("--sessions must be between 1 and %d", benchMaxSessions)
	}
	if r.think < 0 || r.think > time.Minute {
		return usagef("--think must be between 0 and 1m")
	}
	r.budget.Store(int64(r.c.MaxRequests))
	return nil
}

// take claims one message from the budget.
func (r *wsRun) take() bool { return r.budget.Add(-1) >= 0 }

func (r *wsRun) pause(ctx context.Context) bool {
	if r.think == 0 {
		return ctx.Err() == nil
	}
	select {
	case <-ctx.Done():
		return false
	case <-time.After(r.think):
		return true
	}
}

// benchChat opens one chat socket per account (replies reach every socket
// of an account, so sharing one would confuse whose reply is whose), sends
// a message, waits for its ack and then the agent's reply, and repeats.
func benchChat(ctx context.Context, sio IO, args []string) error {
	r := &wsRun{}
	secret := sio.Getenv("PARLEY_CHAT_SECRET")
	fs := newFlags(sio, "bench chat", "[--url U] [--sessions N] [--duration D] --chat-secret S [--accounts IDS|--portfolio F --accounts all]")
	r.bind(fs)
	fs.StringVar(&secret, "chat-secret", secret, "the server's PARLEY_CHAT_SECRET, to mint tokens (env PARLEY_CHAT_SECRET)")
	base, targets, err := r.parse(fs, args)
	if err != nil {
		return err
	}
	if len(secret) < chat.MinSecretLen {
		return usagef("--chat-secret must be the server's secret, at least %d bytes", chat.MinSecretLen)
	}
	if r.sessions > len(targets) {
		return usagef("--sessions %d needs as many accounts; --accounts names %d", r.sessions, len(targets))
	}
	endpoint := wsURL(base, "/chat/ws")
	ctx, cancel := context.WithTimeout(ctx, r.c.Duration)
	defer cancel()
	start := time.Now()
	var wg sync.WaitGroup
	for i := range r.sessions {
		if targets[i].AccountID == "" {
			return usagef("chat needs account ids, not phone numbers")
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.chatSession(ctx, endpoint, []byte(secret), targets[i].AccountID, i)
		}()
	}
	wg.Wait()
	return r.report(sio, "chat", endpoint, "reply latency (message sent to agent reply)", time.Since(start))
}

func (r *wsRun) chatSession(ctx context.Context, endpoint string, secret []byte, accountID string, n int) {
	token, err := chat.MintToken(secret, accountID, r.c.Duration+time.Minute, time.Now())
	if err != nil {
		r.errs.add("token")
		return
	}
	dialer := websocket.Dialer{HandshakeTimeout: r.c.Timeout}
	ws, resp, err := dialer.DialContext(ctx, endpoint+"?token="+url.QueryEscape(token), nil)
	if err != nil {
		if resp != nil {
			r.errs.add("dial " + strconv.Itoa(resp.StatusCode))
		} else {
			r.errs.add("dial " + errLabel(err))
		}
		return
	}
	defer ws.Close()
	frames := wsReader(ws)
	// Let the transcript replay pass before the first message.
	if !quiet(ctx, frames, 300*time.Millisecond) {
		return
	}
	for i := 0; ctx.Err() == nil && r.take(); i++ {
		cid := fmt.Sprintf("bench-%d-%d-%d", n, i, time.Now().UnixNano())
		msg, _ := json.Marshal(map[string]string{"type": "message", "text": r.text, "client_id": cid})
		sent := time.Now()
		_ = ws.SetWriteDeadline(sent.Add(r.c.Timeout))
		if err := ws.WriteMessage(websocket.TextMessage, msg); err != nil {
			r.errs.add("write " + errLabel(err))
			return
		}
		acked := false
		timeout := time.NewTimer(r.c.Timeout)
	wait:
		for {
			select {
			case <-ctx.Done():
				timeout.Stop()
				return
			case <-timeout.C:
				r.errs.add("reply timeout")
				return
			case f, ok := <-frames:
				if !ok {
					r.errs.add("closed")
					timeout.Stop()
					return
				}
				switch {
				case f.Type == "ack" && f.ClientID == cid:
					acked = true
				case f.Type == "error":
					r.errs.add("error " + f.Code)
				case f.Type == "message" && acked && f.Author == "agent":
					r.lat.add(time.Since(sent))
					r.turns.Add(1)
					break wait
				}
			}
		}
		timeout.Stop()
		// A turn may answer with more than one message; let them pass.
		if !quiet(ctx, frames, 50*time.Millisecond) || !r.pause(ctx) {
			return
		}
	}
}

// quiet reads frames until none arrives for d; false when the socket or
// the run ended.
func quiet(ctx context.Context, frames <-chan wsFrame, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return false
		case <-t.C:
			return true
		case _, ok := <-frames:
			if !ok {
				return false
			}
			t.Reset(d)
		}
	}
}

// benchVoice runs ConversationRelay sessions: setup, then prompts, reading
// text tokens until last=true; it measures the time to the first token.
func benchVoice(ctx context.Context, sio IO, args []string) error {
	r := &wsRun{}
	authToken := sio.Getenv("TWILIO_AUTH_TOKEN")
	var publicURL string
	fs := newFlags(sio, "bench voice", "[--url U] [--sessions N] [--duration D] [--accounts IDS]")
	r.bind(fs)
	fs.StringVar(&authToken, "auth-token", authToken, "Twilio auth token to sign the upgrade with (env TWILIO_AUTH_TOKEN); empty for PARLEY_TWILIO_INSECURE=1")
	fs.StringVar(&publicURL, "public-url", "", "the server's PARLEY_PUBLIC_URL, which signatures cover; default --url")
	base, targets, err := r.parse(fs, args)
	if err != nil {
		return err
	}
	endpoint := wsURL(base, "/twilio/voice/relay")
	header := http.Header{}
	if authToken != "" {
		signed := endpoint
		if publicURL != "" {
			signed = twilio.Settings{PublicURL: strings.TrimRight(publicURL, "/")}.WebsocketURL("/twilio/voice/relay")
		}
		header.Set(twilio.SignatureHeader, signTwilio(authToken, signed, nil))
	}
	ctx, cancel := context.WithTimeout(ctx, r.c.Duration)
	defer cancel()
	start := time.Now()
	var wg sync.WaitGroup
	for i := range r.sessions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for call := 0; ctx.Err() == nil && r.budget.Load() > 0; call++ {
				if !r.voiceCall(ctx, endpoint, header, targets[i%len(targets)], fmt.Sprintf("CAbench%d%04d%04d", start.UnixNano()%1e9, i, call)) {
					return
				}
			}
		}()
	}
	wg.Wait()
	err = r.report(sio, "voice", endpoint, "time to first token (prompt sent to first text token)", time.Since(start))
	printLatency(sio.Stdout, "time to last token", &r.full)
	return err
}

// voiceCall runs one call until the run ends or the agent ends the call; it
// returns false on a failure that should stop the session.
func (r *wsRun) voiceCall(ctx context.Context, endpoint string, header http.Header, t benchTarget, callSid string) bool {
	dialer := websocket.Dialer{HandshakeTimeout: r.c.Timeout}
	ws, resp, err := dialer.DialContext(ctx, endpoint, header)
	if err != nil {
		if resp != nil {
			r.errs.add("dial " + strconv.Itoa(resp.StatusCode))
		} else {
			r.errs.add("dial " + errLabel(err))
		}
		return false
	}
	defer ws.Close()
	frames := wsReader(ws)
	write := func(v any) error {
		b, _ := json.Marshal(v)
		_ = ws.SetWriteDeadline(time.Now().Add(r.c.Timeout))
		return ws.WriteMessage(websocket.TextMessage, b)
	}
	setup := map[string]any{"type": "setup", "callSid": callSid, "from": t.Phone, "to": "+15550000000", "direction": "inbound",
		"customParameters": map[string]string{}}
	if t.AccountID != "" {
		setup["customParameters"] = map[string]string{"accountId": t.AccountID}
	}
	if err := write(setup); err != nil {
		r.errs.add("write " + errLabel(err))
		return false
	}
	for ctx.Err() == nil && r.take() {
		sent := time.Now()
		if err := write(map[string]any{"type": "prompt", "voicePrompt": r.text, "lang": "en-US", "last": true}); err != nil {
			r.errs.add("write " + errLabel(err))
			return false
		}
		first := true
		timeout := time.NewTimer(r.c.Timeout)
	read:
		for {
			select {
			case <-ctx.Done():
				timeout.Stop()
				return false
			case <-timeout.C:
				r.errs.add("token timeout")
				return false
			case f, ok := <-frames:
				if !ok {
					timeout.Stop()
					r.errs.add("closed")
					return false
				}
				switch f.Type {
				case "text":
					if first && f.Token != "" {
						r.lat.add(time.Since(sent))
						first = false
					}
					if f.Last {
						r.full.add(time.Since(sent))
						r.turns.Add(1)
						break read
					}
				case "end":
					timeout.Stop()
					return true // the agent hung up; start another call
				}
			}
		}
		timeout.Stop()
		if first {
			r.errs.add("no token")
		}
		if !r.pause(ctx) {
			return false
		}
	}
	return false
}

func (r *wsRun) report(sio IO, mode, endpoint, what string, elapsed time.Duration) error {
	w := sio.Stdout
	fmt.Fprintf(w, "bench %s: %s, %d sessions for %s, load average %s (shared 2-core machine)\n", mode, endpoint, r.sessions, r.c.Duration, loadAverage())
	fmt.Fprintf(w, "turns %d in %s: %.1f turns/s\n", r.turns.Load(), elapsed.Round(time.Millisecond), float64(r.turns.Load())/elapsed.Seconds())
	printLatency(w, what, &r.lat)
	fmt.Fprintf(w, "errors: %s\n", r.errs.String())
	if r.errs.total() > 0 {
		return exitError{code: 1}
	}
	if r.turns.Load() == 0 {
		return errors.New("no turn completed")
	}
	return nil
}
