package twilio

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	twiliogo "github.com/twilio/twilio-go"
	"github.com/twilio/twilio-go/client"

	"github.com/parley-collections/parley/agent"
)

// DefaultTimeout bounds one REST call when the caller's http.Client has none.
const DefaultTimeout = 10 * time.Second

// NewRestClient returns a twilio-go REST client for the settings' account.
// hc carries the transport (tests redirect it to a fake server, see
// twiliotest); nil means an http.Client with DefaultTimeout that does not
// follow redirects.
func NewRestClient(s Settings, hc *http.Client) *twiliogo.RestClient {
	if hc == nil {
		hc = &http.Client{
			Timeout:       DefaultTimeout,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		}
	}
	base := &client.Client{Credentials: client.NewCredentials(s.AccountSID, s.AuthToken), HTTPClient: hc}
	// twilio-go does not set the account sid when it is handed a client.
	base.SetAccountSid(s.AccountSID)
	return twiliogo.NewRestClientWithParams(twiliogo.ClientParams{Client: base})
}

// Classify turns an error of a twilio-go call into an *agent.SendError:
// retryable for 429, 5xx, network failures and unreadable answers;
// permanent for any other Twilio error (21211 invalid number, 21610 opted
// out, a rejected credential). op prefixes the message, e.g. "sms: send".
func Classify(op string, err error) error {
	if err == nil {
		return nil
	}
	var restErr *client.TwilioRestError
	if errors.As(err, &restErr) {
		return &agent.SendError{Retryable: retryableStatus(restErr.Status), Code: strconv.Itoa(restErr.Code), Err: wrap(op, err)}
	}
	var v1Err *client.RestErrorV1
	if errors.As(err, &v1Err) {
		return &agent.SendError{Retryable: retryableStatus(v1Err.HttpStatusCode), Code: strconv.Itoa(v1Err.Code), Err: wrap(op, err)}
	}
	// Transport failures, timeouts, a cancelled context and bodies twilio-go
	// could not decode (a proxy's HTML 502) are worth another attempt.
	return &agent.SendError{Retryable: true, Err: wrap(op, err)}
}

func retryableStatus(status int) bool {
	return status == http.StatusTooManyRequests || status >= 500
}

func wrap(op string, err error) error { return fmt.Errorf("%s: %w", op, err) }

// Do runs a twilio-go call, which takes no context, so that the caller can
// stop waiting when ctx ends; the abandoned call still ends within the HTTP
// client's timeout. Its error is classified with Classify.
func Do[T any](ctx context.Context, op string, call func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := call()
		done <- result{v, err}
	}()
	select {
	case res := <-done:
		return res.v, Classify(op, res.err)
	case <-ctx.Done():
		var zero T
		return zero, Classify(op, ctx.Err())
	}
}
