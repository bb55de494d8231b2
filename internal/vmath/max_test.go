package vmath

import (
	"math"
	"math/rand/v2"
	"testing"
)

// Max agrees with a plain loop for every length around the 32-element
// blocks, with the maximum anywhere, and reports NaN wherever it is.
func TestMax(t *testing.T) {
	withEachPath(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(5, 6))
		for n := range 100 {
			x := randSlice(rng, n)
			want := float32(math.Inf(-1))
			for _, v := range x {
				want = max(want, v)
			}
			if m, nan := Max(x); m != want || nan {
				t.Fatalf("n=%d: Max = %v (nan %v), want %v", n, m, nan, want)
			}
			for i := range x {
				y := append([]float32(nil), x...)
				y[i] = 1e30
				if m, _ := Max(y); m != 1e30 {
					t.Fatalf("n=%d: maximum at %d missed: %v", n, i, m)
				}
				y[i] = float32(math.NaN())
				if _, nan := Max(y); !nan {
					t.Fatalf("n=%d: NaN at %d missed", n, i)
				}
			}
		}
		if m, nan := Max([]float32{float32(math.Inf(-1))}); !math.IsInf(float64(m), -1) || nan {
			t.Errorf("Max(−Inf) = %v, %v", m, nan)
		}
	})
}

// Sum agrees with a float64 loop to float64 rounding.
func TestSum(t *testing.T) {
	withEachPath(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(7, 8))
		for n := range 100 {
			x := randSlice(rng, n)
			var want, mag float64
			for _, v := range x {
				want += float64(v)
				mag += math.Abs(float64(v))
			}
			if got := Sum(x); math.Abs(got-want) > float64(n+1)*0x1p-52*mag {
				t.Fatalf("n=%d: Sum = %v, want %v", n, got, want)
			}
		}
	})
}
