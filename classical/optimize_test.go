package classical

import (
	"math"
	"strings"
	"testing"
)

// allStates calls f with every ±1 state of length n.
func allStates(n int, f func(s []int8)) {
	s := make([]int8, n)
	for m := 0; m < 1<<n; m++ {
		for i := range s {
			s[i] = int8(2*(m>>i&1) - 1)
		}
		f(s)
	}
}

func bruteIsingMin(p *Ising) float64 {
	best := math.Inf(1)
	allStates(p.N, func(s []int8) { best = math.Min(best, p.Energy(s)) })
	return best
}

func TestQUBOMatchesBruteForce(t *testing.T) {
	rng := newRand(70)
	const n = 7
	q := make([]float64, n*n)
	c := make([]float64, n)
	for i := range q {
		q[i] = rng.NormFloat64()
	}
	for i := range c {
		c[i] = rng.NormFloat64()
	}
	p, offset, err := QUBO(n, q, c)
	if err != nil {
		t.Fatal(err)
	}
	allStates(n, func(s []int8) {
		var f float64
		for i := 0; i < n; i++ {
			xi := float64(s[i]+1) / 2
			f += c[i] * xi
			for j := 0; j < n; j++ {
				f += q[i*n+j] * xi * float64(s[j]+1) / 2
			}
		}
		if e := p.Energy(s) + offset; math.Abs(e-f) > 1e-9 {
			t.Fatalf("state %v: f(x) = %v, E(s)+offset = %v", s, f, e)
		}
	})
	if _, _, err := QUBO(2, []float64{1, math.NaN(), 0, 0}, nil); err == nil || !strings.Contains(err.Error(), "q[1]") {
		t.Errorf("NaN in q: %v", err)
	}
}

func complete(n int) []float64 {
	a := make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if i != j {
				a[i*n+j] = 1
			}
		}
	}
	return a
}

func fromEdges(n int, edges [][2]int) []float64 {
	a := make([]float64, n*n)
	for _, e := range edges {
		a[e[0]*n+e[1]], a[e[1]*n+e[0]] = 1, 1
	}
	return a
}

func cycle(n int) []float64 {
	var e [][2]int
	for i := 0; i < n; i++ {
		e = append(e, [2]int{i, (i + 1) % n})
	}
	return fromEdges(n, e)
}

// Max-cut on graphs whose optimum is known in closed form (complete graphs
// ⌊n/2⌋⌈n/2⌉, odd cycles n−1, bipartite graphs every edge, the Petersen
// graph 12) and on random weighted graphs against brute force.
func TestMaxCutKnownOptima(t *testing.T) {
	petersen := fromEdges(10, [][2]int{{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 0}, {0, 5}, {1, 6}, {2, 7}, {3, 8}, {4, 9}, {5, 7}, {7, 9}, {9, 6}, {6, 8}, {8, 5}})
	var kb [][2]int
	for i := 0; i < 3; i++ {
		for j := 3; j < 8; j++ {
			kb = append(kb, [2]int{i, j})
		}
	}
	cases := []struct {
		name string
		n    int
		adj  []float64
		want float64
	}{
		{"K7", 7, complete(7), 12},
		{"K8", 8, complete(8), 16},
		{"C9", 9, cycle(9), 8},
		{"C10", 10, cycle(10), 10},
		{"K3,5", 8, fromEdges(8, kb), 15},
		{"Petersen", 10, petersen, 12},
	}
	rng := newRand(71)
	for k := 0; k < 3; k++ {
		const n = 12
		a := make([]float64, n*n)
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				if rng.Float64() < 0.5 {
					w := float64(1 + rng.IntN(5))
					a[i*n+j], a[j*n+i] = w, w
				}
			}
		}
		best := 0.0
		allStates(n, func(s []int8) { best = math.Max(best, CutValue(n, a, s)) })
		cases = append(cases, struct {
			name string
			n    int
			adj  []float64
			want float64
		}{"random", n, a, best})
	}
	for _, c := range cases {
		p, total, err := MaxCut(c.n, c.adj)
		if err != nil {
			t.Fatal(err)
		}
		// cut = total − ½E on a few states.
		s := randomState(c.n, rng)
		if got := total - 0.5*p.Energy(s); math.Abs(got-CutValue(c.n, c.adj, s)) > 1e-9 {
			t.Errorf("%s: total − ½E = %v, cut %v", c.name, got, CutValue(c.n, c.adj, s))
		}
		for _, d := range []Descent{BinaryDescent, ContinuousDescent} {
			res, err := Minimize(p, &MinimizeSettings{Descent: d, Restarts: 40, Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			if cut := CutValue(c.n, c.adj, res.State); cut != c.want {
				t.Errorf("%s descent %d: best cut %v, optimum %v", c.name, d, cut, c.want)
			}
			if math.Abs(res.Energy-p.Energy(res.State)) > 1e-9 {
				t.Errorf("%s: reported energy %v, state's %v", c.name, res.Energy, p.Energy(res.State))
			}
		}
	}
}

// Every restart ends in a single-flip local minimum, the best energy is at
// least the brute-force minimum, and the same seed gives the same run.
func TestMinimizeLocalMinima(t *testing.T) {
	rng := newRand(72)
	const n = 10
	p := &Ising{N: n, W: make([]float64, n*n), B: make([]float64, n)}
	for i := 0; i < n; i++ {
		p.B[i] = rng.NormFloat64()
		for j := i; j < n; j++ {
			v := rng.NormFloat64()
			p.W[i*n+j], p.W[j*n+i] = v, v
		}
	}
	brute := bruteIsingMin(p)
	for _, d := range []Descent{BinaryDescent, ContinuousDescent} {
		res, err := Minimize(p, &MinimizeSettings{Descent: d, Restarts: 30, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		if res.Energy < brute-1e-9 {
			t.Errorf("descent %d: energy %v below the brute-force minimum %v", d, res.Energy, brute)
		}
		if math.Abs(res.Energy-brute) > 1e-9 {
			t.Errorf("descent %d: 30 restarts found %v, global minimum %v", d, res.Energy, brute)
		}
		s := append([]int8(nil), res.State...)
		e := p.Energy(s)
		for i := range s {
			s[i] = -s[i]
			if p.Energy(s) < e-1e-9 {
				t.Errorf("descent %d: flipping unit %d lowers the best state", d, i)
			}
			s[i] = -s[i]
		}
		again, _ := Minimize(p, &MinimizeSettings{Descent: d, Restarts: 30, Seed: 3})
		for r := range res.Energies {
			if res.Energies[r] != again.Energies[r] {
				t.Fatalf("descent %d: restart %d not reproducible", d, r)
			}
		}
	}
	p.W[1] += 1
	if _, err := Minimize(p, nil); err == nil || !strings.Contains(err.Error(), "not symmetric") {
		t.Errorf("asymmetric W: %v", err)
	}
}
