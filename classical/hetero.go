package classical

import (
	"fmt"

	hblas "github.com/gohopfield/hopfield/internal/blas"
)

// Hetero is a hetero-associative memory of pairs (ξ^μ, η^μ) of ±1 vectors of
// lengths In and Out (Kohonen 1972; Kosko's 1988 bidirectional memory):
//
//	M = (1/In) Σμ η^μ ξ^μᵀ   (Out×In),
//	η ← sgn(M ξ),   ξ ← sgn(Mᵀ η),
//
// so either member of a pair recalls the other. Ties (zero sums) give +1.
// Store mutates; recall methods may run concurrently.
type Hetero struct {
	in, out int
	m       []float32 // Out×In row-major
}

// NewHetero returns an empty memory for pairs of lengths in and out.
func NewHetero(in, out int) (*Hetero, error) {
	if err := checkSize("in", in); err != nil {
		return nil, err
	}
	if err := checkSize("out", out); err != nil {
		return nil, err
	}
	return &Hetero{in: in, out: out, m: make([]float32, in*out)}, nil
}

// Store adds the pairs (inputs[μ], outputs[μ]) by the Hebbian outer-product
// rule, as one matrix product. On error nothing is changed.
func (h *Hetero) Store(inputs, outputs [][]int8) error {
	if err := checkPatterns("inputs", inputs, h.in, Bipolar); err != nil {
		return err
	}
	if err := checkPatterns("outputs", outputs, h.out, Bipolar); err != nil {
		return err
	}
	if len(inputs) != len(outputs) {
		return fmt.Errorf("classical: %d inputs but %d outputs", len(inputs), len(outputs))
	}
	p := len(inputs)
	x := make([]float32, p*h.in)
	y := make([]float32, p*h.out)
	for mu := range inputs {
		for i, v := range inputs[mu] {
			x[mu*h.in+i] = float32(v)
		}
		for i, v := range outputs[mu] {
			y[mu*h.out+i] = float32(v)
		}
	}
	hblas.Sgemm(hblas.Trans, hblas.NoTrans, h.out, h.in, p, 1/float32(h.in), y, h.out, x, h.in, 1, h.m, h.in)
	return nil
}

// Recall writes sgn(M x) into dst: the output associated with input x.
func (h *Hetero) Recall(dst, x []int8) error {
	if err := checkState("x", x, h.in, Bipolar); err != nil {
		return err
	}
	if len(dst) != h.out {
		return fmt.Errorf("classical: dst has length %d, want %d", len(dst), h.out)
	}
	for o := range dst {
		row := h.m[o*h.in : (o+1)*h.in]
		var s float64
		for i, w := range row {
			s += float64(w) * float64(x[i])
		}
		dst[o] = sign(s, 0)
	}
	return nil
}

// RecallInput writes sgn(Mᵀ y) into dst: the input associated with output y.
func (h *Hetero) RecallInput(dst, y []int8) error {
	if err := checkState("y", y, h.out, Bipolar); err != nil {
		return err
	}
	if len(dst) != h.in {
		return fmt.Errorf("classical: dst has length %d, want %d", len(dst), h.in)
	}
	acc := make([]float64, h.in)
	for o, yo := range y {
		row := h.m[o*h.in : (o+1)*h.in]
		for i, w := range row {
			acc[i] += float64(w) * float64(yo)
		}
	}
	for i, v := range acc {
		dst[i] = sign(v, 0)
	}
	return nil
}
