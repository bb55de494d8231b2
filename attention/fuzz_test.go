package attention

import (
	"math"
	"math/rand/v2"
	"testing"
)

// FuzzRetrieveMatchesFormula compares one float64 update step, on memories
// and queries generated from the fuzzed seed and sizes, with the direct
// formula; both paths are exercised.
//
//	go test ./attention -run '^$' -fuzz FuzzRetrieveMatchesFormula -fuzztime 30s
func FuzzRetrieveMatchesFormula(f *testing.F) {
	f.Add(uint64(1), uint16(10), uint8(4), uint8(1), 1.0)
	f.Add(uint64(2), uint16(700), uint8(33), uint8(40), 20.0)
	f.Add(uint64(3), uint16(1), uint8(1), uint8(2), 1e-3)
	f.Fuzz(func(t *testing.T, seed uint64, m16 uint16, d8, b8 uint8, beta float64) {
		m, d, b := int(m16%5000)+1, int(d8%64)+1, int(b8%48)+1
		if !(beta > 1e-6 && beta < 1e3) {
			t.Skip()
		}
		rng := rand.New(rand.NewPCG(seed, 7))
		keys := gaussian(rng, m*d, 1/math.Sqrt(float64(d)))
		q := gaussian(rng, b*d, 1)
		mem, err := NewMemory(d, keys, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer func() { pathOverride = 0 }()
		for path := 1; path <= 2; path++ {
			pathOverride = path
			out := make([]float64, b*d)
			if err := mem.Retrieve(out, q, beta, nil, nil); err != nil {
				t.Fatal(err)
			}
			for i := range b {
				want, _ := reference(keys, keys, d, d, q[i*d:(i+1)*d], beta, nil)
				for j := range d {
					if g := out[i*d+j]; math.Abs(g-want[j]) > 1e-9*math.Max(1, math.Abs(want[j])) {
						t.Fatalf("path %d, M=%d D=%d B=%d β=%g: state[%d][%d] = %v, formula %v", path, m, d, b, beta, i, j, g, want[j])
					}
				}
			}
		}
	})
}
