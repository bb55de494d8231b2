package classical

import (
	"math/rand/v2"
	"testing"
)

// Slow, direct implementations used as independent references in tests.

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 1)) }

// refEnergy is the double sum −½ΣᵢⱼwᵢⱼSᵢSⱼ + ΣᵢθᵢSᵢ in float64.
func refEnergy(w []float32, theta []float64, s []int8) float64 {
	n := len(s)
	var e float64
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			e -= 0.5 * float64(w[i*n+j]) * float64(s[i]) * float64(s[j])
		}
		e += theta[i] * float64(s[i])
	}
	return e
}

// refFixedPoint checks Sᵢ = +1 iff Σⱼ wᵢⱼSⱼ ≥ θᵢ with fresh sums.
func refFixedPoint(w []float32, theta []float64, s []int8) bool {
	n := len(s)
	for i := 0; i < n; i++ {
		var h float64
		for j := 0; j < n; j++ {
			h += float64(w[i*n+j]) * float64(s[j])
		}
		want := int8(-1)
		if h >= theta[i] {
			want = 1
		}
		if want != s[i] {
			return false
		}
	}
	return true
}

// refHebbian is wᵢⱼ = (1/N) Σμ ξᵢξⱼ for i ≠ j, one pattern and one pair at a time.
func refHebbian(patterns [][]int8, n int) []float64 {
	w := make([]float64, n*n)
	for _, p := range patterns {
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				if i != j {
					w[i*n+j] += float64(p[i]) * float64(p[j]) / float64(n)
				}
			}
		}
	}
	return w
}

// refStorkey applies the formula literally, with hᵢⱼ = Σ_{k≠i,j} wᵢₖξₖ
// summed afresh for every pair from the weights before the pattern.
func refStorkey(w []float64, patterns [][]int8, n int) []float64 {
	w = append([]float64(nil), w...)
	for _, p := range patterns {
		old := append([]float64(nil), w...)
		hh := func(i, j int) float64 {
			var s float64
			for k := 0; k < n; k++ {
				if k != i && k != j {
					s += old[i*n+k] * float64(p[k])
				}
			}
			return s
		}
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				if i == j {
					continue
				}
				xi, xj := float64(p[i]), float64(p[j])
				w[i*n+j] = old[i*n+j] + (xi*xj-xi*hh(j, i)-hh(i, j)*xj)/float64(n)
			}
		}
	}
	return w
}

func randomSymmetric(n int, rng *rand.Rand) []float32 {
	w := make([]float32, n*n)
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			v := float32(rng.NormFloat64())
			w[i*n+j], w[j*n+i] = v, v
		}
	}
	return w
}

func randomState(n int, rng *rand.Rand) []int8 {
	s := make([]int8, n)
	for i := range s {
		s[i] = randSpin(rng)
	}
	return s
}

func mustNet(t testing.TB, n int, conv Convention) *Network {
	t.Helper()
	net, err := New(n, conv)
	if err != nil {
		t.Fatal(err)
	}
	return net
}

func mustPatterns(t testing.TB, p, n int, rng *rand.Rand) [][]int8 {
	t.Helper()
	ps, err := RandomPatterns(p, n, rng)
	if err != nil {
		t.Fatal(err)
	}
	return ps
}
