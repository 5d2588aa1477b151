package sms_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/parley-collections/parley/channels/twilio/twiliotest"
)

// FuzzWebhook posts arbitrary bodies, signed and unsigned, to the inbound
// webhook: it never panics and answers only with the statuses of the
// contract (200, 400, 403, 413, 503).
func FuzzWebhook(f *testing.F) {
	f.Add([]byte(inboundForm("SMfuzz1").Encode()), true)
	f.Add([]byte("MessageSid=SM1&Body=%ZZ"), true)
	f.Add([]byte("Body="+string(bytes.Repeat([]byte("a"), 70000))), false)
	f.Add([]byte{0xff, 0xfe, '&', '='}, false)
	f.Fuzz(func(t *testing.T, body []byte, sign bool) {
		b := setup(t, nil)
		req := httptest.NewRequest(http.MethodPost, b.url+"/twilio/sms", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if sign {
			if form, err := url.ParseQuery(string(body)); err == nil {
				req.Header.Set("X-Twilio-Signature", twiliotest.Sign(token, b.url+"/twilio/sms", form))
			}
		}
		rec := httptest.NewRecorder()
		b.h.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK, http.StatusBadRequest, http.StatusForbidden, http.StatusRequestEntityTooLarge, http.StatusServiceUnavailable:
		default:
			t.Fatalf("status %d for body %q", rec.Code, body)
		}
	})
}
