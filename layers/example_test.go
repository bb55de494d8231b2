package layers_test

import (
	"fmt"

	"github.com/gohopfield/hopfield/lagrangian"
	"github.com/gohopfield/hopfield/layers"
)

// Pattern completion with a three-layer hierarchical network: 16 visible
// tanh neurons, 3 memory neurons with a softmax, and 3 linear label
// neurons. Half of the visible neurons are clamped to the first half of a
// stored pattern; the other half settle to the rest of it, and the label
// layer names the pattern.
func Example_patternCompletion() {
	stored := []string{
		"++++----++++----",
		"+-+-+-+-+-+-+-+-",
		"++--++--++--++--",
	}
	const n, k = 16, 3
	xi := make([]float64, k*n) // memory μ ↔ visible i
	for mu, p := range stored {
		for i, c := range p {
			xi[mu*n+i] = -1
			if c == '+' {
				xi[mu*n+i] = 1
			}
		}
	}
	label := []float64{0.5, 0, 0, 0, 0.5, 0, 0, 0, 0.5} // label j ↔ memory μ
	net, err := layers.NewHierarchical([]layers.Group[float64]{
		{Name: "visible", Size: n, L: lagrangian.Must(lagrangian.NewTanh[float64](1)), Tau: 1},
		{Name: "memory", Size: k, L: lagrangian.Must(lagrangian.NewLogSumExp[float64](1)), Tau: 0.1},
		{Name: "label", Size: k, L: lagrangian.NewIdentity[float64](), Tau: 0.5},
	}, [][]float64{xi, label})
	if err != nil {
		fmt.Println(err)
		return
	}

	s := net.NewState(1)
	clamp := make([]bool, n)
	for i := range n / 2 { // clamp the first half to pattern 2
		clamp[i] = true
		s.X[0][i] = 2 * xi[2*n+i]
	}
	s.Clamp = [][]bool{clamp, nil, nil}

	var res layers.Result
	if err := net.Run(s, &layers.Settings{Method: layers.Adaptive}, &res); err != nil {
		fmt.Println(err)
		return
	}
	completed := make([]byte, n)
	for i, g := range s.G[0] {
		completed[i] = '-'
		if g > 0 {
			completed[i] = '+'
		}
	}
	best := 0
	for j, x := range s.X[2] {
		if x > s.X[2][best] {
			best = j
		}
	}
	fmt.Println("status:   ", res.Status)
	fmt.Println("completed:", string(completed))
	fmt.Println("stored:   ", stored[2])
	fmt.Println("label:    ", best)
	// Output:
	// status:    Converged
	// completed: ++--++--++--++--
	// stored:    ++--++--++--++--
	// label:     2
}
