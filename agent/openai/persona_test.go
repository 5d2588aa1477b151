package openai

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
	goopenai "github.com/sashabaranov/go-openai"

	"github.com/parley-collections/parley/prompts/system"
)

func TestPersonaNext(t *testing.T) {
	t.Parallel()
	who := system.Persona{Name: "Maria Lopez", DOB: "1985-04-12", Postcode: "60601", Language: "en"}
	tests := []struct {
		name      string
		lines     []Line
		reply     string
		want      string
		wantRoles []string
	}{
		{"opening", nil, "hi, who is this?", "hi, who is this?", []string{"system", "user"}},
		{"answers the agent", []Line{{Borrower: true, Text: "hi"}, {Text: "Hello."}, {Text: "Your date of birth?"}},
			`"1985-04-12, zip 60601"`, "1985-04-12, zip 60601", []string{"system", "assistant", "user"}},
		{"agent silent", []Line{{Text: "Hello."}, {Borrower: true, Text: "hi"}}, "anyone there?", "anyone there?",
			[]string{"system", "user", "assistant", "user"}},
		{"the end", []Line{{Text: "Your plan is agreed."}}, "[END]", "", []string{"system", "user"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFake(t, func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) { writeContent(w, tt.reply) })
			p, err := NewPersona(f.config())
			if err != nil {
				t.Fatal(err)
			}
			got, err := p.Next(context.Background(), who, 42, tt.lines)
			if err != nil || got != tt.want {
				t.Fatalf("Next = %q, %v; want %q", got, err, tt.want)
			}
			req := f.lastRequest()
			var roles []string
			for _, m := range req.Messages {
				roles = append(roles, m.Role)
			}
			if diff := cmp.Diff(tt.wantRoles, roles); diff != "" {
				t.Errorf("roles (-want +got):\n%s", diff)
			}
			if req.Seed == nil || *req.Seed != 42 || req.Messages[0].Content == "" {
				t.Errorf("request seed %v, system prompt %q", req.Seed, req.Messages[0].Content)
			}
		})
	}
}

func TestPersonaFailure(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(w http.ResponseWriter, _ goopenai.ChatCompletionRequest, _ int) { writeError(w, 500) })
	p, err := NewPersona(f.config())
	if err != nil {
		t.Fatal(err)
	}
	_, err = p.Next(context.Background(), system.Persona{Name: "X", Language: "en"}, 0, nil)
	var fl *Failure
	if !errors.As(err, &fl) || fl.Reason != ReasonServerError || f.count() != 2 {
		t.Errorf("err = %v after %d calls, want a server error after one retry", err, f.count())
	}
}
