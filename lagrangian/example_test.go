package lagrangian_test

import (
	"fmt"

	"github.com/gohopfield/hopfield/lagrangian"
)

// The softmax Lagrangian: its activation is the softmax, its value the
// log-sum-exp, and its Legendre energy the negative entropy of g over β.
func ExampleLogSumExp() {
	l, err := lagrangian.NewLogSumExp[float64](1)
	if err != nil {
		panic(err)
	}
	x := []float64{1, 2, 3}
	g := make([]float64, len(x))
	l.ActivationTo(g, x)
	fmt.Printf("L(x) = %.4f\n", l.Value(x))
	fmt.Printf("g    = %.4f\n", g)
	fmt.Printf("E    = %.4f\n", lagrangian.Energy[float64](l, x, g))
	// Output:
	// L(x) = 3.4076
	// g    = [0.0900 0.2447 0.6652]
	// E    = -0.8324
}

// The energy of a group of graded neurons, x·g − L(x), for the tanh
// Lagrangian in float32.
func ExampleEnergy() {
	l := lagrangian.Must(lagrangian.NewTanh[float32](2))
	x := []float32{0.5, -0.25, 0}
	g := lagrangian.Activation[float32](l, x)
	fmt.Printf("g = %.4f\n", g)
	fmt.Printf("E = %.4f\n", lagrangian.Energy[float32](l, x, g))
	// Output:
	// g = [0.7616 -0.4621 0.0000]
	// E = 0.2194
}

// Energy descent needs a positive semi-definite Hessian. Σx⁴ has one
// everywhere; Σx³ does not where some x < 0.
func ExampleCheckConvexity() {
	x := []float64{0.5, -1, 2}
	for _, n := range []int{3, 4} {
		l := lagrangian.Must(lagrangian.NewPowerSum[float64](n))
		c, err := lagrangian.CheckConvexity[float64](l, x, 1e-12)
		if err != nil {
			panic(err)
		}
		fmt.Printf("%v: PSD %v, eigenvalues in [%.1f, %.1f]\n", l, c.PSD, c.MinEigenvalue, c.MaxEigenvalue)
	}
	// Output:
	// power-sum(n=3): PSD false, eigenvalues in [-6.0, 12.0]
	// power-sum(n=4): PSD true, eigenvalues in [3.0, 48.0]
}

// A batch of states, one per row, normalised by the layer-norm Lagrangian.
func ExampleActivationsTo() {
	l := lagrangian.Must(lagrangian.NewLayerNorm[float64](1, nil, 0))
	x := []float64{
		1, 2, 3, 4,
		10, 10, 10, 14,
	}
	g := make([]float64, len(x))
	lagrangian.ActivationsTo(g, l, x, 4)
	fmt.Printf("%.3f\n%.3f\n", g[:4], g[4:])
	// Output:
	// [-1.342 -0.447 0.447 1.342]
	// [-0.577 -0.577 -0.577 1.732]
}
