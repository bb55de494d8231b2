package attention

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// The gradient is ξ − X softmax(βXᵀξ) and matches central finite
// differences of the energy; the energy matches the direct formula.
func TestEnergyGradMatchesFiniteDifferences(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	const m, d, beta = 400, 12, 3.0
	keys := gaussian(rng, m*d, 0.4)
	for _, hetero := range []bool{false, true} {
		var values []float64
		if hetero {
			values = gaussian(rng, m*5, 1)
		}
		mem, err := NewMemory(d, keys, values)
		if err != nil {
			t.Fatal(err)
		}
		xi := gaussian(rng, d, 1)
		grad := make([]float64, d)
		e, err := mem.EnergyGrad(grad, xi, beta, nil)
		if err != nil {
			t.Fatal(err)
		}
		if want := referenceEnergy(keys, d, xi, beta); math.Abs(e-want) > 1e-12*math.Max(1, math.Abs(want)) {
			t.Errorf("hetero=%v: energy %.15g, want %.15g", hetero, e, want)
		}
		if e2, _ := mem.EnergyGrad(nil, xi, beta, nil); e2 != e {
			t.Errorf("energy without gradient %v differs from %v", e2, e)
		}
		const h = 1e-5
		for j := range d {
			plus, minus := slices.Clone(xi), slices.Clone(xi)
			plus[j] += h
			minus[j] -= h
			ep, _ := mem.EnergyGrad(nil, plus, beta, nil)
			em, _ := mem.EnergyGrad(nil, minus, beta, nil)
			if fd := (ep - em) / (2 * h); math.Abs(fd-grad[j]) > 1e-7 {
				t.Errorf("hetero=%v: ∂E/∂ξ[%d] = %.10g, finite difference %.10g", hetero, j, grad[j], fd)
			}
		}
	}
}

// Weights equal the direct softmax, rows sum to 1, excluded patterns get
// exactly 0; TopK returns the k largest of those weights in order.
func TestWeightsAndTopK(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 24))
	const m, d, b, beta = 5000, 16, 3, 4.0
	keys := gaussian(rng, m*d, 0.5)
	mem, err := NewMemory(d, keys, nil)
	if err != nil {
		t.Fatal(err)
	}
	q := gaussian(rng, b*d, 1)
	exclude := []int{5, 4999, 17}
	s := &Settings{Exclude: exclude}
	w := make([]float64, b*m)
	if err := mem.Weights(w, q, beta, s); err != nil {
		t.Fatal(err)
	}
	const k = 7
	idx, top := make([]int, b*k), make([]float64, b*k)
	if err := mem.TopK(idx, top, q, beta, k, s); err != nil {
		t.Fatal(err)
	}
	for i := range b {
		row := w[i*m : (i+1)*m]
		z := make([]float64, m)
		zmax := math.Inf(-1)
		for p := range m {
			for j := range d {
				z[p] += keys[p*d+j] * q[i*d+j]
			}
			if !slices.Contains(exclude, p) {
				zmax = math.Max(zmax, z[p])
			}
		}
		var sum float64
		for p := range m {
			if !slices.Contains(exclude, p) {
				sum += math.Exp(beta * (z[p] - zmax))
			}
		}
		var total float64
		for p := range m {
			want := 0.0
			if !slices.Contains(exclude, p) {
				want = math.Exp(beta*(z[p]-zmax)) / sum
			}
			if math.Abs(row[p]-want) > 1e-12 {
				t.Fatalf("query %d: weight[%d] = %g, want %g", i, p, row[p], want)
			}
			total += row[p]
		}
		if math.Abs(total-1) > 1e-12 {
			t.Errorf("query %d: weights sum to %v", i, total)
		}
		order := make([]int, m)
		for p := range order {
			order[p] = p
		}
		slices.SortStableFunc(order, func(a, c int) int {
			switch {
			case row[a] > row[c]:
				return -1
			case row[a] < row[c]:
				return 1
			}
			return 0
		})
		for j := range k {
			if idx[i*k+j] != order[j] || math.Abs(top[i*k+j]-row[order[j]]) > 1e-12 {
				t.Errorf("query %d: top %d = (%d, %g), want (%d, %g)", i, j, idx[i*k+j], top[i*k+j], order[j], row[order[j]])
			}
		}
	}
}
