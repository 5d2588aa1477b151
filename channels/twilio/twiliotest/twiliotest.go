// Package twiliotest is a fake Twilio for tests: a REST server over httptest
// that records Messages.json and Calls.json requests and can be scripted to
// fail, an http.Client that redirects twilio-go to it, and a signer that
// computes X-Twilio-Signature the way Twilio does.
//
// It must never be imported outside tests and never talks to Twilio.
package twiliotest

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-collections/parley/channels/twilio"
)

// Credentials the fake server accepts; twilio-go refuses non-alphanumeric ones.
const (
	AccountSID = "AC123"
	AuthToken  = "token123"
)

// Sign computes Twilio's X-Twilio-Signature: the URL, then every parameter
// sorted by name as name+value (the first value of a repeated name),
// HMAC-SHA1 keyed by the auth token, base64.
func Sign(authToken, rawURL string, params url.Values) string {
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(rawURL)
	for _, k := range keys {
		b.WriteString(k)
		b.WriteString(params.Get(k))
	}
	mac := hmac.New(sha1.New, []byte(authToken))
	mac.Write([]byte(b.String()))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// SignedForm returns a POST of form to publicURL+target, signed with
// authToken as Twilio would sign it. Send it with an http.Client when
// publicURL is a test server's URL, or hand it to a handler directly.
// It panics on a malformed URL.
func SignedForm(authToken, publicURL, target string, form url.Values) *http.Request {
	r, err := http.NewRequest(http.MethodPost, publicURL+target, strings.NewReader(form.Encode()))
	if err != nil {
		panic("twiliotest: " + err.Error())
	}
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set(twilio.SignatureHeader, Sign(authToken, publicURL+target, form))
	return r
}

// Request is one REST call the fake server received.
type Request struct {
	Method   string
	Path     string
	Username string // the Basic auth user: the account sid
	Form     url.Values
}

// Server is a fake Twilio REST API. It answers Messages.json and Calls.json
// with 201 and realistic JSON, 401 for wrong credentials, and whatever
// failures were scripted with FailNext.
type Server struct {
	srv *httptest.Server

	mu       sync.Mutex
	requests []Request
	faults   []fault
	seq      int
}

type fault struct {
	status int
	code   int
}

// NewServer starts a fake Twilio on 127.0.0.1 and stops it when the test ends.
func NewServer(t testing.TB) *Server {
	t.Helper()
	s := &Server{}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

// Settings returns live settings for the fake: its credentials, a sender
// number and publicURL for callbacks.
func (s *Server) Settings(publicURL string) twilio.Settings {
	return twilio.Settings{AccountSID: AccountSID, AuthToken: AuthToken, From: "+15550001111", PublicURL: publicURL}
}

// HTTPClient returns a client whose transport sends every request, whatever
// its host (api.twilio.com), to the fake server.
func (s *Server) HTTPClient() *http.Client {
	target, _ := url.Parse(s.srv.URL)
	return &http.Client{Transport: rewrite{target: target}, Timeout: 5 * time.Second}
}

// FailNext makes the next n requests answer status with Twilio error code.
func (s *Server) FailNext(n, status, code int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for range n {
		s.faults = append(s.faults, fault{status: status, code: code})
	}
}

// Requests returns every request received so far, failed ones included.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

type rewrite struct{ target *url.URL }

func (r rewrite) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.URL.Scheme, req.URL.Host = r.target.Scheme, r.target.Host
	return http.DefaultTransport.RoundTrip(req)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	form, _ := url.ParseQuery(string(body))
	user, pass, _ := r.BasicAuth()

	s.mu.Lock()
	s.requests = append(s.requests, Request{Method: r.Method, Path: r.URL.Path, Username: user, Form: form})
	var f *fault
	if len(s.faults) > 0 {
		f = &s.faults[0]
		s.faults = s.faults[1:]
	}
	s.seq++
	seq := s.seq
	s.mu.Unlock()

	w.Header().Set("Content-Type", "application/json")
	switch {
	case user != AccountSID || pass != AuthToken:
		writeError(w, http.StatusUnauthorized, 20003, "Authenticate")
	case f != nil:
		writeError(w, f.status, f.code, http.StatusText(f.status))
	case r.Method != http.MethodPost:
		writeError(w, http.StatusMethodNotAllowed, 20004, "Method not allowed")
	case r.URL.Path == "/2010-04-01/Accounts/"+user+"/Messages.json":
		writeCreated(w, resource("SM", seq, user, form, map[string]any{"body": form.Get("Body"), "num_segments": "1", "num_media": "0",
			"messaging_service_sid": nullable(form.Get("MessagingServiceSid"))}))
	case r.URL.Path == "/2010-04-01/Accounts/"+user+"/Calls.json":
		writeCreated(w, resource("CA", seq, user, form, map[string]any{"parent_call_sid": nil, "duration": nil, "answered_by": nil}))
	default:
		writeError(w, http.StatusNotFound, 20404, "The requested resource was not found")
	}
}

func resource(prefix string, seq int, account string, form url.Values, extra map[string]any) map[string]any {
	sid := fmt.Sprintf("%s%032x", prefix, seq)
	kind := map[string]string{"SM": "Messages", "CA": "Calls"}[prefix]
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC).Format(time.RFC1123Z)
	m := map[string]any{
		"sid": sid, "account_sid": account, "to": form.Get("To"), "from": nullable(form.Get("From")),
		"status": "queued", "direction": "outbound-api", "api_version": "2010-04-01",
		"date_created": now, "date_updated": now, "date_sent": nil, "price": nil, "price_unit": "USD",
		"error_code": nil, "error_message": nil,
		"uri": "/2010-04-01/Accounts/" + account + "/" + kind + "/" + sid + ".json",
	}
	for k, v := range extra {
		m[k] = v
	}
	return m
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func writeCreated(w http.ResponseWriter, v map[string]any) {
	w.WriteHeader(http.StatusCreated)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status, code int, msg string) {
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"code": code, "message": msg, "status": status,
		"more_info": fmt.Sprintf("https://www.twilio.com/docs/errors/%d", code),
	})
}

// Do sends r with the default client and returns the response with its
// body read; it fails the test on a transport error.
func Do(t testing.TB, r *http.Request) (*http.Response, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(r)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}
