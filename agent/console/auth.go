package console

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parley-collections/parley/agent"
	"golang.org/x/crypto/bcrypt"
)

// Cookie and header names.
const (
	// SessionCookie holds the plain session token; the store keeps its digest.
	SessionCookie = "parley_session"
	// CSRFHeader carries the session's CSRF token on every state change.
	CSRFHeader = "X-CSRF-Token"
)

// Password length limits: bcrypt reads at most 72 bytes.
const (
	MinPasswordLen = 8
	MaxPasswordLen = 72
)

// ErrBadUser reports a user that cannot be added: an empty or malformed
// name, an unknown role, or a password out of bounds.
var ErrBadUser = errors.New("bad user")

// badUser is an ErrBadUser whose message is the reason alone, so that the
// command line says it once ("a name is ...", not "add user: bad user: ...").
type badUser string

func (e badUser) Error() string        { return string(e) }
func (e badUser) Is(target error) bool { return target == ErrBadUser }

// AddUser hashes password with bcrypt and stores a console user. A taken
// name is agent.ErrConflict.
func AddUser(ctx context.Context, st agent.AccessStore, name string, role agent.Role, password string) (agent.User, error) {
	if !validName(name) {
		return agent.User{}, badUser("a name is 1 to 64 letters, digits, '.', '_' or '-'")
	}
	switch role {
	case agent.RoleSupervisor, agent.RoleQA, agent.RoleAdmin:
	default:
		return agent.User{}, badUser(fmt.Sprintf("role %q is not supervisor, qa or admin", role))
	}
	if len(password) < MinPasswordLen || len(password) > MaxPasswordLen {
		return agent.User{}, badUser(fmt.Sprintf("a password is %d to %d bytes", MinPasswordLen, MaxPasswordLen))
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		return agent.User{}, fmt.Errorf("add user: %w", err)
	}
	u, err := st.AddUser(ctx, agent.User{Name: name, Role: role, PasswordHash: string(hash)})
	if err != nil {
		return agent.User{}, fmt.Errorf("add user: %w", err)
	}
	return u, nil
}

// SetPassword hashes password with bcrypt and makes it the password of
// the user called name, ending their sessions. An unknown name is
// agent.ErrNotFound.
func SetPassword(ctx context.Context, st agent.PasswordStore, name, password string) error {
	if len(password) < MinPasswordLen || len(password) > MaxPasswordLen {
		return fmt.Errorf("set password: %w: a password is %d to %d bytes", ErrBadUser, MinPasswordLen, MaxPasswordLen)
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		return fmt.Errorf("set password: %w", err)
	}
	if err := st.SetPassword(ctx, name, string(hash)); err != nil {
		return fmt.Errorf("set password: %w", err)
	}
	return nil
}

func validName(s string) bool {
	if s == "" || len(s) > 64 || s == agent.OwnerAI {
		return false
	}
	for _, r := range s {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-'
		if !ok {
			return false
		}
	}
	return true
}

// dummyHash is compared against when the name is unknown, so a wrong name
// takes as long as a wrong password and names cannot be probed by timing.
// It is made once, by New, not when the package loads: every command of
// the binary loads it, and a bcrypt hash costs tens of milliseconds.
var dummyHash = sync.OnceValue(func() []byte {
	h, _ := bcrypt.GenerateFromPassword([]byte("parley-no-such-user"), bcrypt.DefaultCost)
	return h
})

// randomToken returns 32 random bytes, base64url.
func randomToken() (string, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b[:]), nil
}

// digest is what the store keeps of a session token.
func digest(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// caller is the signed-in user of a request.
type caller struct {
	user    agent.User
	session agent.Session
}

func (c caller) canAct() bool {
	return c.user.Role == agent.RoleSupervisor || c.user.Role == agent.RoleAdmin
}

type callerKey struct{}

func callerOf(r *http.Request) caller {
	c, _ := r.Context().Value(callerKey{}).(caller)
	return c
}

// errNoSession reports a request without a live session.
var errNoSession = errors.New("no session")

// authenticate finds the session of the request's cookie.
func (h *Handler) authenticate(r *http.Request) (caller, error) {
	ck, err := r.Cookie(SessionCookie)
	if err != nil || ck.Value == "" {
		return caller{}, errNoSession
	}
	ctx := r.Context()
	se, err := h.cfg.Store.Session(ctx, digest(ck.Value), h.cfg.Clock.Now())
	if errors.Is(err, agent.ErrNotFound) {
		return caller{}, errNoSession
	}
	if err != nil {
		return caller{}, fmt.Errorf("session: %w", err)
	}
	u, err := h.cfg.Store.User(ctx, se.UserID)
	if errors.Is(err, agent.ErrNotFound) {
		return caller{}, errNoSession
	}
	if err != nil {
		return caller{}, fmt.Errorf("session user: %w", err)
	}
	return caller{user: u, session: se}, nil
}

// api guards a JSON route: a cross-site state change is 403, no session is
// 401, a missing or wrong CSRF token is 403, and QA acting is 403.
func (h *Handler) api(need access, fn http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		changes := need == write || need == act
		if changes && !sameOrigin(r) {
			writeError(w, http.StatusForbidden, "cross-site request refused")
			return
		}
		c, err := h.authenticate(r)
		if errors.Is(err, errNoSession) {
			writeError(w, http.StatusUnauthorized, "sign in first")
			return
		}
		if err != nil {
			h.internal(w, r, err)
			return
		}
		if changes && subtle.ConstantTimeCompare([]byte(r.Header.Get(CSRFHeader)), []byte(c.session.CSRF)) != 1 {
			writeError(w, http.StatusForbidden, "missing or wrong CSRF token")
			return
		}
		if need == act && !c.canAct() {
			writeError(w, http.StatusForbidden, "your role may read, not act")
			return
		}
		if need == administer && c.user.Role != agent.RoleAdmin {
			writeError(w, http.StatusForbidden, "only an admin may do this")
			return
		}
		fn(w, r.WithContext(context.WithValue(r.Context(), callerKey{}, c)))
	})
}

// page guards a console page: without a session it redirects to the login page.
func (h *Handler) page(fn http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		c, err := h.authenticate(r)
		if errors.Is(err, errNoSession) {
			http.Redirect(w, r, "/console/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		if err != nil {
			h.log.Error("console: page session", "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		fn(w, r.WithContext(context.WithValue(r.Context(), callerKey{}, c)))
	})
}

// sameOrigin reports whether a state-changing request comes from the
// console's own origin. Browsers send Origin on cross-site POSTs; when it is
// absent Referer decides; a client that sends neither is not a browser and
// still needs the CSRF token.
func sameOrigin(r *http.Request) bool {
	src := r.Header.Get("Origin")
	if src == "" {
		src = r.Header.Get("Referer")
	}
	if src == "" {
		return true
	}
	u, err := url.Parse(src)
	if err != nil || u.Host == "" {
		return false
	}
	return strings.EqualFold(u.Host, r.Host)
}

type loginRequest struct {
	Name     string `json:"name"`
	Password string `json:"password"`
}

// meResponse is who is signed in and the CSRF token their page sends back.
type meResponse struct {
	Name      string     `json:"name"`
	Role      agent.Role `json:"role"`
	CanAct    bool       `json:"can_act"`
	CSRF      string     `json:"csrf_token"`
	ExpiresAt time.Time  `json:"expires_at"`
}

func newMe(c caller) meResponse {
	return meResponse{Name: c.user.Name, Role: c.user.Role, CanAct: c.canAct(), CSRF: c.session.CSRF, ExpiresAt: c.session.ExpiresAt}
}

const loginFailed = "wrong name or password"

// login checks a name and password and starts a session.
func (h *Handler) login(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	if !sameOrigin(r) {
		writeError(w, http.StatusForbidden, "cross-site request refused")
		return
	}
	var req loginRequest
	if !decode(w, r, &req) {
		return
	}
	now := h.cfg.Clock.Now()
	addr := h.clientAddr(r)
	wait, err := h.throttle.wait(r.Context(), req.Name, addr, now)
	if err != nil {
		h.internal(w, r, err)
		return
	}
	if wait > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		writeError(w, http.StatusTooManyRequests, "too many failed logins; try again later")
		return
	}
	u, err := h.cfg.Store.UserByName(r.Context(), req.Name)
	if err != nil && !errors.Is(err, agent.ErrNotFound) {
		h.internal(w, r, err)
		return
	}
	hash := dummyHash()
	if err == nil {
		hash = []byte(u.PasswordHash)
	}
	if bcrypt.CompareHashAndPassword(hash, []byte(req.Password)) != nil || err != nil {
		if err := h.throttle.failed(r.Context(), req.Name, addr, now); err != nil {
			h.internal(w, r, err)
			return
		}
		h.log.Info("console: login failed")
		writeError(w, http.StatusUnauthorized, loginFailed)
		return
	}
	token, err := randomToken()
	if err != nil {
		h.internal(w, r, err)
		return
	}
	csrf, err := randomToken()
	if err != nil {
		h.internal(w, r, err)
		return
	}
	se := agent.Session{TokenHash: digest(token), UserID: u.ID, CSRF: csrf, ExpiresAt: now.Add(h.cfg.SessionTTL), CreatedAt: now}
	if err := h.cfg.Store.CreateSession(r.Context(), se); err != nil {
		h.internal(w, r, err)
		return
	}
	if err := h.throttle.succeeded(r.Context(), req.Name); err != nil {
		h.log.Warn("console: clearing login failures", "err", err)
	}
	http.SetCookie(w, &http.Cookie{
		Name: SessionCookie, Value: token, Path: "/", Expires: se.ExpiresAt, MaxAge: int(h.cfg.SessionTTL.Seconds()),
		HttpOnly: true, Secure: h.secure(r), SameSite: http.SameSiteStrictMode,
	})
	h.log.Info("console: login", "user", u.Name, "role", u.Role)
	writeJSON(w, http.StatusOK, newMe(caller{user: u, session: se}))
}

// logout ends the session and clears the cookie.
func (h *Handler) logout(w http.ResponseWriter, r *http.Request) {
	c := callerOf(r)
	if err := h.cfg.Store.DeleteSession(r.Context(), c.session.TokenHash); err != nil {
		h.internal(w, r, err)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, Secure: h.secure(r), SameSite: http.SameSiteStrictMode})
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handler) me(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, newMe(callerOf(r)))
}
