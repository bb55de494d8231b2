package attention_test

import (
	"fmt"

	"github.com/gohopfield/hopfield/attention"
)

// Store three patterns, then retrieve the one nearest a corrupted query.
func ExampleMemory_Retrieve() {
	keys := []float32{
		1, 1, 1, -1, -1, -1,
		1, -1, 1, -1, 1, -1,
		-1, -1, 1, 1, 1, 1,
	}
	mem, err := attention.NewMemory(6, keys, nil)
	if err != nil {
		panic(err)
	}
	query := []float32{1, 0.2, 1, -1, -0.9, -1}
	out := make([]float32, 6)
	var res attention.Result
	if err := mem.Retrieve(out, query, 4, &attention.Settings{Steps: 10, Tol: 1e-6, Energy: true}, &res); err != nil {
		panic(err)
	}
	fmt.Printf("retrieved %.3f\n", out)
	fmt.Printf("steps %d, converged %v, energy %.3f\n", res.Steps[0], res.Converged[0], res.Energy[0])
	// Output:
	// retrieved [1.000 1.000 1.000 -1.000 -1.000 -1.000]
	// steps 3, converged true, energy 0.275
}

// Keys and values apart: attention softmax(β q Kᵀ) V for one query.
func ExampleNewMemory_heteroAssociation() {
	keys := []float64{
		1, 0,
		0, 1,
	}
	values := []float64{
		10, 0, 0,
		0, 0, 10,
	}
	mem, err := attention.NewMemory(2, keys, values)
	if err != nil {
		panic(err)
	}
	out := make([]float64, 3)
	if err := mem.Retrieve(out, []float64{1, 0}, 1, nil, nil); err != nil {
		panic(err)
	}
	fmt.Printf("%.4f\n", out)
	// Output:
	// [7.3106 0.0000 2.6894]
}
