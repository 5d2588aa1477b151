package voice

import (
	"encoding/json"
	"net/http"
	"net/url"

	"github.com/twilio/twilio-go/twiml"
)

// HandoffQueue names, in handoffData, where a handed-over call goes: the
// team behind PARLEY_VOICE_HANDOFF_NUMBER.
const HandoffQueue = "human"

// reasonFailed is the farewell reason when the relay session failed and
// the AI can no longer speak: a person is the caller's best next step.
const reasonFailed = "session-failed"

// action answers Twilio's <Connect action> callback, posted when a relay
// session ends, with the TwiML the call goes on with: a handed-over call
// (or one whose session failed) is put through to HandoffNumber, or told
// that a person will follow up; any other call ends.
func (h *Handler) action(w http.ResponseWriter, r *http.Request) {
	form, ok := h.readForm(w, r)
	if !ok {
		return
	}
	sid, status := form.Get("CallSid"), form.Get("SessionStatus")
	var d handoffData
	if raw := form.Get("HandoffData"); raw != "" {
		if err := json.Unmarshal([]byte(raw), &d); err != nil {
			// Not ours: nothing says a person was asked for.
			h.cfg.Log.Warn("voice: action: handoffData is not Parley's", "call", sid)
			d = handoffData{}
		}
	}
	reason := d.ReasonCode
	if status == "failed" && reason == "" {
		reason = reasonFailed
		h.cfg.Log.Error("voice: relay session failed", "call", sid, "code", form.Get("ErrorCode"), "error", form.Get("ErrorMessage"))
	}
	var verbs []twiml.Element
	switch {
	case reason != ReasonHandoff && reason != reasonFailed:
		verbs = []twiml.Element{&twiml.VoiceHangup{}}
	case h.cfg.HandoffNumber != "":
		verbs = []twiml.Element{&twiml.VoiceDial{Number: h.cfg.HandoffNumber}}
	default:
		verbs = h.farewell(r, FarewellRequest{CallSid: sid, ConversationID: d.ConversationID, Phone: borrowerOf(form), Reason: reason})
	}
	doc, err := twiml.Voice(verbs)
	if err != nil {
		h.cfg.Log.Error("voice: twiml", "call", sid, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h.cfg.Log.Info("voice: relay session ended", "call", sid, "status", status, "reason", reason,
		"to_person", h.cfg.HandoffNumber != "" && (reason == ReasonHandoff || reason == reasonFailed))
	w.Header().Set("Content-Type", "text/xml")
	_, _ = w.Write([]byte(doc))
}

// farewell is what a call a person should take, and no one can, hears
// before it ends.
func (h *Handler) farewell(r *http.Request, req FarewellRequest) []twiml.Element {
	end := []twiml.Element{&twiml.VoiceHangup{}}
	if h.cfg.Farewell == nil {
		return end
	}
	g, err := h.cfg.Farewell(r.Context(), req)
	if err != nil {
		h.cfg.Log.Error("voice: farewell", "call", req.CallSid, "err", err)
		return end
	}
	if g.Text == "" {
		return end
	}
	return append([]twiml.Element{&twiml.VoiceSay{Message: g.Text, Language: relayLanguage(g.Language)}}, end...)
}

// borrowerOf is the far end of a call: the caller of an inbound call, the
// called number of one Parley placed.
func borrowerOf(form url.Values) string {
	if dir := form.Get("Direction"); dir != "" && dir != "inbound" {
		return form.Get("To")
	}
	return form.Get("From")
}
