package classical_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/gohopfield/hopfield/classical"
)

// Store random patterns, corrupt one and recall it.
func ExampleNetwork_Recall() {
	rng := rand.New(rand.NewPCG(1, 2))
	patterns, _ := classical.RandomPatterns(5, 200, rng)
	net, _ := classical.New(200, classical.Bipolar)
	_ = net.StoreHebbian(patterns)

	noisy, _ := classical.NoisyCopy(nil, patterns[0], 40, rng) // 20% of bits
	final := make([]int8, 200)
	res, _ := net.Recall(final, noisy, &classical.RecallSettings{Rand: rng})
	fmt.Printf("overlap before %.2f, after %.2f: %v\n",
		classical.Overlap(noisy, patterns[0]), classical.Overlap(final, patterns[0]), res.Status)
	// Output:
	// overlap before 0.60, after 1.00: Converged
}

// The maximum cut of the complete graph on 6 vertices splits it 3 + 3.
func ExampleMaxCut() {
	const n = 6
	adj := make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if i != j {
				adj[i*n+j] = 1
			}
		}
	}
	p, _, _ := classical.MaxCut(n, adj)
	res, _ := classical.Minimize(p, &classical.MinimizeSettings{Restarts: 10, Seed: 1})
	fmt.Println("cut:", classical.CutValue(n, adj, res.State))
	// Output:
	// cut: 9
}

// A continuous network built from patterns settles near a stored pattern.
func ExampleNewContinuousFromPatterns() {
	patterns := [][]float64{{1, -1, 1, -1}, {1, 1, -1, -1}}
	net, _ := classical.NewContinuousFromPatterns(patterns, classical.Tanh{Lambda: 5})
	u := []float64{0.3, -0.1, 0.2, -0.2} // closest to the first pattern
	res, _ := net.Run(u, &classical.DynamicsSettings{Method: classical.Adaptive})
	v := net.ActivationTo(nil, u)
	fmt.Printf("%v V = [%.2f %.2f %.2f %.2f]\n", res.Status, v[0], v[1], v[2], v[3])
	// Output:
	// Converged V = [1.00 -1.00 1.00 -1.00]
}

// Hebbian retrieval at N = 200: near perfect at P = 0.05N, below the
// critical load 0.138N, and mostly lost at 0.25N, above it (Amit, Gutfreund
// & Sompolinsky 1985). The sampled fractions are printed against those
// bounds rather than as figures.
func ExampleCapacity() {
	pts, _ := classical.Capacity(200, []int{10, 50}, &classical.CapacitySettings{Trials: 2, Noise: 0.1, Seed: 1})
	for _, p := range pts {
		fmt.Printf("P=%d (α=%.2f): most patterns retrieved: %v\n", p.P, float64(p.P)/200, p.RetrievedFraction > 0.5)
	}
	// Output:
	// P=10 (α=0.05): most patterns retrieved: true
	// P=50 (α=0.25): most patterns retrieved: false
}
