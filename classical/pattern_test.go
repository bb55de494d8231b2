package classical

import (
	"math"
	"testing"
)

func TestNoisyCopyExactlyKUniform(t *testing.T) {
	rng := newRand(20)
	const n, k, trials = 50, 7, 20000
	src := randomState(n, rng)
	dst := make([]int8, n)
	count := make([]int, n)
	for tr := 0; tr < trials; tr++ {
		if _, err := NoisyCopy(dst, src, k, rng); err != nil {
			t.Fatal(err)
		}
		if d := Hamming(dst, src); d != k {
			t.Fatalf("Hamming distance %d, want exactly %d", d, k)
		}
		for i := range dst {
			if dst[i] != src[i] {
				count[i]++
			}
		}
	}
	// Each position is flipped with probability k/n.
	p := float64(k) / n
	sigma := math.Sqrt(trials * p * (1 - p))
	for i, c := range count {
		if math.Abs(float64(c)-trials*p) > 5*sigma {
			t.Errorf("position %d flipped %d times, want %.0f ± %.0f", i, c, trials*p, 5*sigma)
		}
	}
	if _, err := NoisyCopy(dst, src, n+1, rng); err == nil {
		t.Error("k > n accepted")
	}
	if m := Overlap(src, src); m != 1 {
		t.Errorf("Overlap(s, s) = %v", m)
	}
	neg := make([]int8, n)
	for i, v := range src {
		neg[i] = -v
	}
	if m := Overlap(src, neg); m != -1 {
		t.Errorf("Overlap(s, −s) = %v", m)
	}
	if m := Overlap(src, dst); math.Abs(m-(1-2*float64(Hamming(src, dst))/n)) > 1e-12 {
		t.Errorf("Overlap %v inconsistent with Hamming: m = 1 − 2d/N", m)
	}
}

// Patterns around a common parent with correlation c have mean pairwise
// overlap c².
func TestCorrelatedPatternsOverlap(t *testing.T) {
	rng := newRand(21)
	for _, c := range []float64{0, 0.5, 0.8} {
		const p, n = 20, 2000
		pats, err := CorrelatedPatterns(p, n, c, rng)
		if err != nil {
			t.Fatal(err)
		}
		var sum float64
		pairs := 0
		for a := 0; a < p; a++ {
			for b := a + 1; b < p; b++ {
				sum += Overlap(pats[a], pats[b])
				pairs++
			}
		}
		mean := sum / float64(pairs)
		// Each overlap has variance ≤ 1/N; the mean of correlated pairs is
		// no tighter than one pair.
		if math.Abs(mean-c*c) > 5/math.Sqrt(n) {
			t.Errorf("c=%v: mean pairwise overlap %.4f, want %.4f", c, mean, c*c)
		}
	}
	if _, err := CorrelatedPatterns(3, 10, 1.5, rng); err == nil {
		t.Error("c = 1.5 accepted")
	}
	if _, err := RandomPatterns(0, 10, rng); err == nil {
		t.Error("p = 0 accepted")
	}
}

// refClassify tries every odd subset and every sign combination.
func refClassify(s []int8, pats [][]int8) Kind {
	for _, p := range pats {
		if Overlap(s, p) == 1 {
			return StoredPattern
		}
	}
	for _, p := range pats {
		if Overlap(s, p) == -1 {
			return Negation
		}
	}
	n := len(s)
	for mask := 1; mask < 1<<len(pats); mask++ {
		var members []int
		for mu := range pats {
			if mask>>mu&1 == 1 {
				members = append(members, mu)
			}
		}
		if len(members) < 3 || len(members)%2 == 0 {
			continue
		}
		for signs := 0; signs < 1<<len(members); signs++ {
			ok := true
			for i := 0; i < n && ok; i++ {
				sum := 0
				for a, mu := range members {
					v := int(pats[mu][i])
					if signs>>a&1 == 1 {
						v = -v
					}
					sum += v
				}
				ok = (sum > 0) == (s[i] > 0)
			}
			if ok {
				return Mixture
			}
		}
	}
	return Spurious
}

func TestClassifyAgainstExhaustiveSearch(t *testing.T) {
	rng := newRand(22)
	const n, p = 16, 6
	for trial := 0; trial < 200; trial++ {
		pats := mustPatterns(t, p, n, rng)
		var s []int8
		switch trial % 4 {
		case 0: // an exact 3- or 5-mixture with random signs
			k := 3 + 2*(trial/4%2)
			s = make([]int8, n)
			perm := rng.Perm(p)[:k]
			for i := range s {
				sum := 0
				for _, mu := range perm {
					sum += int(pats[mu][i]) * int(randSpin(rng))
				}
				s[i] = sign(float64(sum), 0)
			}
		case 1:
			s = append([]int8(nil), pats[rng.IntN(p)]...)
		case 2:
			s = append([]int8(nil), pats[rng.IntN(p)]...)
			for i := range s {
				s[i] = -s[i]
			}
		default:
			s = randomState(n, rng)
		}
		c, err := Classify(s, pats, &ClassifySettings{MaxOrder: 5})
		if err != nil {
			t.Fatal(err)
		}
		if want := refClassify(s, pats); c.Kind != want {
			t.Fatalf("trial %d: Classify = %v, exhaustive search %v", trial, c.Kind, want)
		}
		if c.Kind == Mixture {
			// The reported components and signs reproduce the state.
			for i := range s {
				sum := 0
				for a, mu := range c.Patterns {
					sum += int(c.Signs[a]) * int(pats[mu][i])
				}
				if sign(float64(sum), 0) != s[i] {
					t.Fatalf("trial %d: reported mixture %v %v does not give the state", trial, c.Patterns, c.Signs)
				}
			}
		}
	}
}

// With zero thresholds the symmetric 3-mixture of Hebbian patterns is a
// fixed point at low load (Amit, Gutfreund & Sompolinsky 1985), and Classify
// finds it.
func TestMixtureIsFixedPoint(t *testing.T) {
	rng := newRand(23)
	const n, p = 1000, 3
	pats := mustPatterns(t, p, n, rng)
	net := mustNet(t, n, Bipolar)
	_ = net.StoreHebbian(pats)
	mix := make([]int8, n)
	for i := range mix {
		mix[i] = sign(float64(pats[0][i]+pats[1][i]+pats[2][i]), 0)
	}
	final := make([]int8, n)
	if _, err := net.Recall(final, mix, nil); err != nil {
		t.Fatal(err)
	}
	c, _ := Classify(final, pats, nil)
	if c.Kind != Mixture || len(c.Patterns) != 3 {
		t.Errorf("final state from a 3-mixture classified as %v %v", c.Kind, c.Patterns)
	}
}

func TestHeteroRecallsPairs(t *testing.T) {
	rng := newRand(24)
	const in, out, p = 200, 120, 5
	xs := mustPatterns(t, p, in, rng)
	ys := mustPatterns(t, p, out, rng)
	h, err := NewHetero(in, out)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Store(xs, ys); err != nil {
		t.Fatal(err)
	}
	y := make([]int8, out)
	x := make([]int8, in)
	for mu := 0; mu < p; mu++ {
		noisy, _ := NoisyCopy(nil, xs[mu], 10, rng)
		if err := h.Recall(y, noisy); err != nil {
			t.Fatal(err)
		}
		if Hamming(y, ys[mu]) != 0 {
			t.Errorf("pair %d: forward recall off by %d bits", mu, Hamming(y, ys[mu]))
		}
		if err := h.RecallInput(x, ys[mu]); err != nil {
			t.Fatal(err)
		}
		if Hamming(x, xs[mu]) != 0 {
			t.Errorf("pair %d: backward recall off by %d bits", mu, Hamming(x, xs[mu]))
		}
		// Against the direct sum Σμ η ξᵀ x.
		for o := 0; o < out; o++ {
			var sum float64
			for nu := 0; nu < p; nu++ {
				var dot float64
				for i := 0; i < in; i++ {
					dot += float64(xs[nu][i]) * float64(noisy[i])
				}
				sum += float64(ys[nu][o]) * dot
			}
			if sign(sum, 0) != y[o] && math.Abs(sum) > 1e-9 {
				t.Fatalf("pair %d output %d: direct sum %v disagrees", mu, o, sum)
			}
		}
	}
	bad := mustPatterns(t, 2, in, rng)
	bad[1][3] = 2
	if err := h.Store(bad, ys[:2]); err == nil {
		t.Error("Store accepted value 2")
	}
	if err := h.Store(xs[:2], ys[:3]); err == nil {
		t.Error("Store accepted mismatched counts")
	}
}
