package console_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/parley-collections/parley/agent/console"
)

// An outreach that is stopped says why, account by account.
func TestOutreachStoppedSaysWhy(t *testing.T) {
	t.Parallel()
	b := setup(t)
	s := b.login(t, sup)
	for account, why := range map[string]string{
		"DEMO-US-ATTORNEY": "represented by an attorney",
		"DEMO-US-DISPUTED": "disputes the debt",
	} {
		res, body := s.do("POST", "/api/outreach", map[string]string{"account_id": account, "channel": "sms"})
		out := decodeJSON[console.OutreachResponse](t, body)
		if res.StatusCode != http.StatusConflict || out.Outcome != console.OutcomeStopped || !strings.Contains(out.Detail, why) {
			t.Errorf("%s: %d %+v, want stopped because %q", account, res.StatusCode, out, why)
		}
	}
}
