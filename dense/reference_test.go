package dense

import (
	"math"
	"math/big"
	"math/rand/v2"
)

// This file is the slow, direct reference the tests compare against: it
// works on unpacked ±1 patterns, recomputes every overlap from its
// definition, and evaluates Eq. 4 of Krotov & Hopfield (2016) term by term,
// exactly with math/big for the polynomial kinds and with a plain
// log-sum-exp for the exponential.

func randomPatterns(rng *rand.Rand, k, n int) [][]int8 {
	p := make([][]int8, k)
	for mu := range p {
		p[mu] = randomState(rng, n)
	}
	return p
}

func randomState(rng *rand.Rand, n int) []int8 {
	x := make([]int8, n)
	for i := range x {
		x[i] = int8(2*rng.IntN(2) - 1)
	}
	return x
}

// noisy returns a copy of x with k distinct units flipped.
func noisy(rng *rand.Rand, x []int8, k int) []int8 {
	y := append([]int8(nil), x...)
	for _, i := range rng.Perm(len(x))[:k] {
		y[i] = -y[i]
	}
	return y
}

func dot(a, b []int8) int {
	s := 0
	for i := range a {
		s += int(a[i]) * int(b[i])
	}
	return s
}

// refF returns F(x) exactly for the polynomial kinds.
func refF(f Function, x int) *big.Int {
	if f.Kind == RectifiedPower && x < 0 {
		return new(big.Int)
	}
	r := big.NewInt(1)
	for range f.Degree {
		r.Mul(r, big.NewInt(int64(x)))
	}
	return r
}

// refDiffPoly returns the bracket of Eq. 4 for unit i exactly:
// Σμ F(ξμᵢ + Σ_{j≠i} ξμⱼσⱼ) − F(−ξμᵢ + Σ_{j≠i} ξμⱼσⱼ).
func refDiffPoly(f Function, pats [][]int8, sigma []int8, i int) *big.Int {
	sum := new(big.Int)
	for _, xi := range pats {
		r := 0
		for j := range sigma {
			if j != i {
				r += int(xi[j]) * int(sigma[j])
			}
		}
		sum.Add(sum, refF(f, int(xi[i])+r))
		sum.Sub(sum, refF(f, -int(xi[i])+r))
	}
	return sum
}

func logSumExp(x []float64) float64 {
	m := math.Inf(-1)
	for _, v := range x {
		m = max(m, v)
	}
	var s float64
	for _, v := range x {
		s += math.Exp(v - m)
	}
	return m + math.Log(s)
}

// refDiffExp returns the sign and log magnitude of the Eq. 4 bracket for
// F(x) = e^{βx}, from the log-sum-exps of its two sides.
func refDiffExp(beta float64, pats [][]int8, sigma []int8, i int) (int, float64) {
	var up, down []float64
	for _, xi := range pats {
		r := 0
		for j := range sigma {
			if j != i {
				r += int(xi[j]) * int(sigma[j])
			}
		}
		up = append(up, beta*float64(int(xi[i])+r))
		down = append(down, beta*float64(-int(xi[i])+r))
	}
	a, b := logSumExp(up), logSumExp(down)
	switch {
	case a > b:
		return 1, a + math.Log(-math.Expm1(b-a))
	case a < b:
		return -1, b + math.Log(-math.Expm1(a-b))
	}
	return 0, math.Inf(-1)
}

// refSign returns the sign of the Eq. 4 bracket.
func refSign(f Function, pats [][]int8, sigma []int8, i int) int {
	if f.Kind == Exp {
		s, _ := refDiffExp(f.Beta, pats, sigma, i)
		return s
	}
	return refDiffPoly(f, pats, sigma, i).Sign()
}

// refUpdate applies Eq. 4 to unit i in place, keeping σᵢ on a tie.
func refUpdate(f Function, pats [][]int8, sigma []int8, i int) bool {
	s := refSign(f, pats, sigma, i)
	if s == 0 || int8(s) == sigma[i] {
		return false
	}
	sigma[i] = int8(s)
	return true
}

// refEnergy returns −Σμ F(ξμ·σ) exactly for the polynomial kinds.
func refEnergy(f Function, pats [][]int8, sigma []int8) *big.Int {
	e := new(big.Int)
	for _, xi := range pats {
		e.Sub(e, refF(f, dot(xi, sigma)))
	}
	return e
}

func bigFloat(x *big.Int) float64 {
	v, _ := new(big.Float).SetInt(x).Float64()
	return v
}

func mustMemory(t interface{ Fatal(...any) }, n int, f Function, pats [][]int8) *Memory {
	m, err := New(n, f)
	if err != nil {
		t.Fatal(err)
	}
	if len(pats) > 0 {
		if err := m.Store(pats...); err != nil {
			t.Fatal(err)
		}
	}
	return m
}
