package memory_test

import (
	"testing"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/memory"
	"github.com/parley-collections/parley/agent/storetest"
)

func TestStore(t *testing.T) {
	t.Parallel()
	storetest.Run(t, func(t *testing.T) agent.Store {
		s := memory.New()
		t.Cleanup(func() { s.Close() })
		return s
	})
}
