package dense

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
)

func TestStoreRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	for _, n := range []int{1, 3, 63, 64, 65, 130} {
		m, err := New(n, Polynomial(3))
		if err != nil {
			t.Fatal(err)
		}
		var all [][]int8
		// Batches of uneven sizes cross the 64-pattern word boundaries and
		// force the columns to be re-laid out several times.
		for _, b := range []int{1, 5, 60, 1, 70, 3, 200} {
			p := randomPatterns(rng, b, n)
			if err := m.Store(p...); err != nil {
				t.Fatal(err)
			}
			all = append(all, p...)
			if m.Len() != len(all) {
				t.Fatalf("N=%d: Len = %d, want %d", n, m.Len(), len(all))
			}
		}
		for mu, want := range all {
			if got := m.Pattern(nil, mu); !slices.Equal(got, want) {
				t.Fatalf("N=%d: Pattern(%d) = %v, want %v", n, mu, got, want)
			}
		}
	}
}

func TestOverlapsMatchDirect(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 2))
	for _, f := range []Function{Polynomial(2), Exponential(0.5)} {
		for _, n := range []int{1, 7, 64, 100, 1000} {
			for _, k := range []int{1, 63, 64, 65, 300} {
				pats := randomPatterns(rng, k, n)
				m := mustMemory(t, n, f, pats)
				s, err := m.NewState(randomState(rng, n))
				if err != nil {
					t.Fatal(err)
				}
				// Check after the initial count and after flips, which
				// update the overlaps incrementally.
				for round := range 3 {
					sigma := s.Sigma(nil)
					for mu, xi := range pats {
						if got, want := s.Overlap(mu), dot(xi, sigma); got != want {
							t.Fatalf("%v N=%d K=%d round %d: Overlap(%d) = %d, want %d", f, n, k, round, mu, got, want)
						}
					}
					for range 5 {
						s.Flip(rng.IntN(n))
					}
				}
			}
		}
	}
}

func TestBadInput(t *testing.T) {
	for _, c := range []struct {
		units int
		f     Function
		want  string
	}{
		{0, Polynomial(2), "units"},
		{-3, Polynomial(2), "units"},
		{10, Polynomial(1), "f.Degree"},
		{10, Polynomial(0), "f.Degree"},
		{10, RectifiedPolynomial(1), "f.Degree"},
		{1000, Polynomial(200), "f.Degree"},
		{10, Exponential(0), "f.Beta"},
		{10, Exponential(-1), "f.Beta"},
		{10, Exponential(nan()), "f.Beta"},
		{10, Exponential(inf()), "f.Beta"},
		{10, Function{}, "f.Kind"},
	} {
		_, err := New(c.units, c.f)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("New(%d, %+v) error = %v, want one naming %s", c.units, c.f, err, c.want)
		}
	}

	rng := rand.New(rand.NewPCG(3, 3))
	n := 70
	pats := randomPatterns(rng, 65, n)
	m := mustMemory(t, n, Polynomial(3), pats)
	before := slices.Clone(m.cols)
	bad := randomState(rng, n)
	bad[68] = 0
	for _, c := range []struct {
		p    [][]int8
		want string
	}{
		{nil, "K = 0"},
		{[][]int8{randomState(rng, n), randomState(rng, n-1)}, "patterns[1] has length 69"},
		{[][]int8{randomState(rng, n), randomState(rng, n), bad}, "patterns[2][68] = 0"},
		{[][]int8{randomState(rng, n+1)}, "patterns[0] has length 71"},
	} {
		err := m.Store(c.p...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Store error = %v, want one containing %q", err, c.want)
		}
		if m.Len() != len(pats) || !slices.Equal(m.cols, before) {
			t.Fatalf("failed Store changed the memory")
		}
	}
	for mu, want := range pats {
		if !slices.Equal(m.Pattern(nil, mu), want) {
			t.Fatalf("pattern %d changed by a failed Store", mu)
		}
	}

	empty := mustMemory(t, n, Polynomial(3), nil)
	if _, err := empty.NewState(randomState(rng, n)); err == nil || !strings.Contains(err.Error(), "K = 0") {
		t.Errorf("NewState on empty memory: error = %v", err)
	}
	dst := make([]int8, n)
	if _, err := m.Retrieve(dst, bad, nil); err == nil || !strings.Contains(err.Error(), "probe[68]") {
		t.Errorf("Retrieve bad probe: error = %v", err)
	}
	if _, err := m.Retrieve(dst[:3], pats[0], nil); err == nil || !strings.Contains(err.Error(), "dst") {
		t.Errorf("Retrieve short dst: error = %v", err)
	}
	if _, err := m.Retrieve(dst, pats[0], &Settings{Clamped: make([]bool, 3)}); err == nil || !strings.Contains(err.Error(), "Clamped") {
		t.Errorf("Retrieve short Clamped: error = %v", err)
	}
	if _, err := m.Retrieve(dst, pats[0], &Settings{MaxSweeps: -1}); err == nil || !strings.Contains(err.Error(), "MaxSweeps") {
		t.Errorf("Retrieve negative MaxSweeps: error = %v", err)
	}

	// A State survives a failed Reset unchanged.
	s, err := m.NewState(pats[4])
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Reset(bad); err == nil {
		t.Fatal("Reset accepted a bad probe")
	}
	if !slices.Equal(s.Sigma(nil), pats[4]) || s.Overlap(4) != n {
		t.Fatal("failed Reset changed the state")
	}
}

func TestStateAfterStorePanics(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	m := mustMemory(t, 10, Polynomial(2), randomPatterns(rng, 3, 10))
	s, err := m.NewState(randomState(rng, 10))
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Store(randomState(rng, 10)); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if recover() == nil {
			t.Fatal("Update on a stale State did not panic")
		}
	}()
	s.Update(0)
}

// TestPatternBytes measures the heap the patterns take: N/8 bytes per
// pattern plus a constant for the tables (the padding of K to a multiple of
// 64 is zero here).
func TestPatternBytes(t *testing.T) {
	const n, k = 1024, 4096
	rng := rand.New(rand.NewPCG(5, 5))
	pats := randomPatterns(rng, k, n)
	m, err := New(n, Polynomial(3))
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	if err := m.Store(pats...); err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	grown := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	perPattern := float64(grown) / k
	if want := float64(n) / 8; perPattern > want*1.02 || perPattern < want*0.98 {
		t.Errorf("heap grew %d bytes for %d patterns of %d units: %.1f bytes each, want about N/8 = %.0f", grown, k, n, perPattern, want)
	}
	if m.PatternBytes() != n*k/8 {
		t.Errorf("PatternBytes = %d, want %d", m.PatternBytes(), n*k/8)
	}
	runtime.KeepAlive(m)
	runtime.KeepAlive(pats)
}
