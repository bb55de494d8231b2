package classical

import (
	"runtime"
	"strings"
	"testing"
)

// The qualitative picture at small N, fast enough for -short and -race:
// Hebbian retrieval is near perfect at α = 0.05 and mostly lost at α = 0.25;
// Storkey does better than Hebbian at α = 0.16; pseudo-inverse patterns are
// all fixed points at α = 0.8.
func TestCapacityShape(t *testing.T) {
	const n = 200
	heb, err := Capacity(n, []int{10, 50}, &CapacitySettings{Trials: 3, Noise: 0.1, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if heb[0].MeanOverlap < 0.99 || heb[0].FixedFraction < 0.95 {
		t.Errorf("Hebbian P=0.05N: %+v, want near-perfect retrieval", heb[0])
	}
	if heb[1].RetrievedFraction > 0.3 || heb[1].MeanOverlap > 0.7 {
		t.Errorf("Hebbian P=0.25N: %+v, want retrieval mostly lost", heb[1])
	}
	hs, _ := Capacity(n, []int{32}, &CapacitySettings{Trials: 3, Noise: 0.1, Seed: 2})
	st, err := Capacity(n, []int{32}, &CapacitySettings{Rule: Storkey, Trials: 3, Noise: 0.1, Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !(st[0].FixedFraction > hs[0].FixedFraction && st[0].MeanOverlap >= hs[0].MeanOverlap) {
		t.Errorf("P=0.16N: Storkey %+v does not beat Hebbian %+v", st[0], hs[0])
	}
	pi, err := Capacity(n, []int{160}, &CapacitySettings{Rule: PseudoInverse, Trials: 1, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if pi[0].FixedFraction != 1 {
		t.Errorf("pseudo-inverse P=0.8N: fixed fraction %v, want 1", pi[0].FixedFraction)
	}
}

// The same seed gives the same figures whatever the number of workers.
func TestCapacityReproducible(t *testing.T) {
	set := CapacitySettings{Trials: 4, Noise: 0.15, Seed: 7, Workers: 1}
	a, err := Capacity(100, []int{8, 14}, &set)
	if err != nil {
		t.Fatal(err)
	}
	set.Workers = 3
	b, _ := Capacity(100, []int{8, 14}, &set)
	for i := range a {
		if a[i] != b[i] {
			t.Errorf("P=%d: 1 worker %+v, 3 workers %+v", a[i].P, a[i], b[i])
		}
	}
}

func TestCapacityBadInput(t *testing.T) {
	for _, c := range []struct {
		n    int
		ps   []int
		set  *CapacitySettings
		want string
	}{
		{0, []int{1}, nil, "n = 0"},
		{10, nil, nil, "ps is empty"},
		{10, []int{3, 0}, nil, "ps[1] = 0"},
		{10, []int{3, 10}, &CapacitySettings{Rule: PseudoInverse}, "ps[1] = 10"},
		{10, []int{3}, &CapacitySettings{Noise: 1.5}, "Noise"},
	} {
		if _, err := Capacity(c.n, c.ps, c.set); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Capacity(%d, %v): %v, want error with %q", c.n, c.ps, err, c.want)
		}
	}
}

// The figures at N = 1000 with 10% noise. About 15 s on 2 cores;
// skipped with -short and under the race detector.
func TestCapacityN1000(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("N=1000 capacity sweep: long; runs without -short and without -race")
	}
	const n = 1000
	heb, err := Capacity(n, []int{100, 138, 200}, &CapacitySettings{Trials: 2, Noise: 0.1, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range heb {
		t.Logf("Hebbian N=%d P=%d: fixed %.3f retrieved %.3f mean overlap %.4f", n, p.P, p.FixedFraction, p.RetrievedFraction, p.MeanOverlap)
	}
	if heb[0].MeanOverlap < 0.97 {
		t.Errorf("Hebbian P=100: mean overlap %.4f, want ≥ 0.97", heb[0].MeanOverlap)
	}
	if heb[2].RetrievedFraction > 0.2 || heb[2].MeanOverlap > 0.6 {
		t.Errorf("Hebbian P=0.2N: %+v, want retrieval mostly lost", heb[2])
	}
	st, err := Capacity(n, []int{138, 200}, &CapacitySettings{Rule: Storkey, Trials: 1, Noise: 0.1, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range st {
		t.Logf("Storkey N=%d P=%d: fixed %.3f retrieved %.3f mean overlap %.4f", n, p.P, p.FixedFraction, p.RetrievedFraction, p.MeanOverlap)
		h := heb[i+1]
		if p.RetrievedFraction <= h.RetrievedFraction || p.MeanOverlap <= h.MeanOverlap {
			t.Errorf("P=%d: Storkey %+v does not beat Hebbian %+v", p.P, p, h)
		}
	}
	pi, err := Capacity(n, []int{500, 900}, &CapacitySettings{Rule: PseudoInverse, Trials: 1, Noise: 0.1, Seed: 1, Workers: runtime.GOMAXPROCS(0)})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pi {
		t.Logf("pseudo-inverse N=%d P=%d: fixed %.3f retrieved %.3f mean overlap %.4f", n, p.P, p.FixedFraction, p.RetrievedFraction, p.MeanOverlap)
		if p.FixedFraction != 1 {
			t.Errorf("pseudo-inverse P=%d: fixed fraction %v, want 1", p.P, p.FixedFraction)
		}
	}
}
