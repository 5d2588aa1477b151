package openai

import (
	"strings"
	"testing"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/policies"
)

// TestRestrictPlaces: the restrict_contact tool declares the home and
// the workplace as places, reads either, and refuses any other.
func TestRestrictPlaces(t *testing.T) {
	t.Parallel()
	var schema string
	for _, tl := range tools {
		if tl.intent == agent.IntentRestrictContact {
			schema = tl.props
		}
	}
	if !strings.Contains(schema, `"home"`) || !strings.Contains(schema, `"work"`) {
		t.Errorf("restrict_contact places: %s", schema)
	}
	p := &parser{}
	for place, ok := range map[string]bool{"home": true, policies.PlaceWork: true, "garden": false} {
		c, err := p.parseCall(goopenai.ToolCall{Function: goopenai.FunctionCall{Name: string(agent.IntentRestrictContact), Arguments: `{"place":"` + place + `"}`}})
		if !ok {
			if err == nil {
				t.Errorf("place %q read as %+v", place, c.Restrictions)
			}
			continue
		}
		if err != nil || len(c.Restrictions) != 1 || c.Restrictions[0].Kind != policies.RestrictPlace || c.Restrictions[0].Place != place {
			t.Errorf("place %q: %+v, %v", place, c.Restrictions, err)
		}
	}
}
