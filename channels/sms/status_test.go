package sms_test

import (
	"errors"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/channels/sms"
	"github.com/parley-collections/parley/channels/twilio/twiliotest"
)

func statusForm(status, errorCode string) url.Values {
	f := url.Values{"MessageSid": {"SMknown"}, "SmsSid": {"SMknown"}, "MessageStatus": {status}, "SmsStatus": {status},
		"AccountSid": {"AC123"}, "From": {"+15550001111"}, "To": {"+15551230001"}, "ApiVersion": {"2010-04-01"}}
	if errorCode != "" {
		f.Set("ErrorCode", errorCode)
	}
	return f
}

func TestStatusNeverRegresses(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		target   string
		sequence []string
		want     []agent.MessageStatus // statuses applied, in order
		final    agent.MessageStatus
	}{
		{
			name:     "in order, found by our id",
			target:   sms.StatusPath + "?mid=m_out",
			sequence: []string{"sending", "sent", "delivered"},
			want:     []agent.MessageStatus{agent.StatusSending, agent.StatusSent, agent.StatusDelivered},
			final:    agent.StatusDelivered,
		},
		{
			name:     "out of order, found by our id",
			target:   sms.StatusPath + "?mid=m_out",
			sequence: []string{"delivered", "sent", "sending", "queued"},
			want:     []agent.MessageStatus{agent.StatusDelivered},
			final:    agent.StatusDelivered,
		},
		{
			name:     "out of order, found by MessageSid",
			target:   sms.StatusPath,
			sequence: []string{"sent", "undelivered", "sent", "receiving"},
			want:     []agent.MessageStatus{agent.StatusSent, agent.StatusUndelivered},
			final:    agent.StatusUndelivered,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := setup(t, nil)
			for _, s := range tt.sequence {
				if resp, _ := b.post(t, tt.target, statusForm(s, "")); resp.StatusCode != http.StatusNoContent {
					t.Fatalf("%s: status %d, want 204", s, resp.StatusCode)
				}
			}
			b.store.mu.Lock()
			defer b.store.mu.Unlock()
			if diff := cmp.Diff(tt.want, b.store.applied); diff != "" {
				t.Errorf("applied (-want +got):\n%s", diff)
			}
			if m := b.store.messages["m_out"]; m.Status != tt.final || m.ProviderID != "SMknown" {
				t.Errorf("message status %q provider %q, want %q SMknown", m.Status, m.ProviderID, tt.final)
			}
		})
	}
}

func TestStatusOptedOutRecordsConsent(t *testing.T) {
	t.Parallel()
	b := setup(t, nil)
	if resp, _ := b.post(t, sms.StatusPath+"?mid=m_out", statusForm("failed", sms.OptedOutCode)); resp.StatusCode != http.StatusNoContent {
		t.Fatalf("status %d", resp.StatusCode)
	}
	b.store.mu.Lock()
	defer b.store.mu.Unlock()
	want := []agent.Consent{{AccountID: "DEMO-US-1", Channel: agent.ChannelSMS, OptedOut: true, Source: "twilio 21610",
		UpdatedAt: time.Date(2026, 11, 28, 15, 0, 0, 0, time.UTC)}}
	if diff := cmp.Diff(want, b.store.consents); diff != "" {
		t.Errorf("consents (-want +got):\n%s", diff)
	}
	if got := b.store.messages["m_out"].Status; got != agent.StatusFailed {
		t.Errorf("status %q, want failed", got)
	}
}

func TestStatusAnswers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		target   string
		form     url.Values
		storeErr error
		want     int
	}{
		{name: "unknown message", target: sms.StatusPath + "?mid=m_gone", form: statusForm("delivered", ""), want: http.StatusNoContent},
		{name: "store down", target: sms.StatusPath + "?mid=m_out", form: statusForm("delivered", ""), storeErr: errors.New("down"), want: http.StatusServiceUnavailable},
		{name: "no MessageSid", target: sms.StatusPath, form: url.Values{"MessageStatus": {"sent"}}, want: http.StatusBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := setup(t, nil)
			b.store.err = tt.storeErr
			if resp, _ := b.post(t, tt.target, tt.form); resp.StatusCode != tt.want {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.want)
			}
			if got := b.store.status("m_out"); got != agent.StatusQueued {
				t.Errorf("message moved to %q", got)
			}
		})
	}
}

func TestStatusSignedForAnotherMessageIsRejected(t *testing.T) {
	t.Parallel()
	b := setup(t, nil)
	// Signed for ?mid=m_other, sent to ?mid=m_out: the query is signed too.
	r := signedFor(b, sms.StatusPath+"?mid=m_other", sms.StatusPath+"?mid=m_out", statusForm("delivered", ""))
	if resp, _ := twiliotest.Do(t, r); resp.StatusCode != http.StatusForbidden {
		t.Errorf("status %d, want 403", resp.StatusCode)
	}
}
