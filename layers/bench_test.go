package layers

import (
	"fmt"
	"testing"

	"github.com/gohopfield/hopfield/internal/blas"
	"github.com/gohopfield/hopfield/lagrangian"
)

// BenchmarkTwoGroupStep is one Euler step of model B with N_f = 784
// feature and N_h = 10 000 memory neurons on a batch of 64 states: two
// matrix products of 2·B·N_f·N_h flops each, plus the softmax.
func BenchmarkTwoGroupStep(b *testing.B) {
	const nf, nh, batch = 784, 10_000, 64
	b.Run(fmt.Sprintf("float32/%s", blas.Backend().Name), func(b *testing.B) { benchTwoGroup[float32](b, nf, nh, batch) })
	b.Run(fmt.Sprintf("float64/%s", blas.Backend().Name), func(b *testing.B) { benchTwoGroup[float64](b, nf, nh, batch) })
}

func benchTwoGroup[T Float](b *testing.B, nf, nh, batch int) {
	xi := convert[T](patterns(1, nh, nf, false))
	m := TwoGroup[T]{Feature: lagrangian.NewIdentity[T](), Hidden: must(lagrangian.NewLogSumExp[T](1)), N: nf, Xi: xi, TauF: 1, TauH: 0.5}
	net := must(m.Network())
	s := net.NewState(batch)
	fill(s, 2, 1)
	b.ReportAllocs()
	for b.Loop() {
		if err := net.Step(s, 0.01); err != nil {
			b.Fatal(err)
		}
	}
	flops := 4 * float64(batch) * float64(nf) * float64(nh)
	b.ReportMetric(flops*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
}
