package lagrangian

import (
	"math/rand/v2"
	"testing"

	G "gorgonia.org/gorgonia"
	"gorgonia.org/tensor"
)

// Benchmarks of the activation g = ∇L(x) in float32, for one state of
// D = 784 neurons and for a batch of 256 such states, reporting ns per
// element. BenchmarkGorgoniaActivation runs the same activations as
// reverse-mode gradients of a Gorgonia graph, the way a user of Gorgonia
// alone would get them:
//
//	go test ./lagrangian -run '^$' -bench Activation -count 5

const (
	benchD     = 784
	benchBatch = 256
)

var benchSizes = []struct {
	name string
	rows int
}{{"D784", 1}, {"B256xD784", benchBatch}}

func benchInput(n int) []float32 {
	rng := rand.New(rand.NewPCG(21, 22))
	x := make([]float32, n)
	for i := range x {
		x[i] = float32(rng.NormFloat64())
	}
	return x
}

func benchCatalogue() []Lagrangian[float32] {
	return []Lagrangian[float32]{
		NewIdentity[float32](), NewReLU[float32](), Must(NewRePU[float32](3)),
		Must(NewExponential[float32](1)), Must(NewRectifiedExponential[float32](1)),
		Must(NewTanh[float32](1)), Must(NewSigmoid[float32](1)),
		Must(NewLogSumExp[float32](1)), Must(NewGhostmax[float32](1)),
		Must(NewLayerNorm[float32](1, nil, 1e-5)), Must(NewSphericalNorm[float32](1, nil, 1e-5)),
		NewAbs[float32](), Must(NewPowerSum[float32](3)), Must(NewRectifiedPowerSum[float32](3)),
		Must(NewExpSum[float32](1)),
	}
}

func BenchmarkActivation(b *testing.B) {
	for _, l := range benchCatalogue() {
		for _, size := range benchSizes {
			b.Run(l.String()+"/"+size.name, func(b *testing.B) {
				x := benchInput(size.rows * benchD)
				g := make([]float32, len(x))
				b.ReportAllocs()
				for b.Loop() {
					ActivationsTo(g, l, x, benchD)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(x)), "ns/elem")
			})
		}
	}
}

// gorgoniaActivation is a compiled Gorgonia graph for L over a rows×D
// input whose gradient is the activation.
type gorgoniaActivation struct {
	vm   G.VM
	in   []float32 // the backing array of the input tensor
	grad *G.Node
}

func newGorgoniaActivation(rows int, build func(b *builder, x *G.Node) *G.Node) (*gorgoniaActivation, error) {
	bl := &builder{g: G.NewGraph(), dt: tensor.Float32}
	x := G.NewMatrix(bl.g, tensor.Float32, G.WithShape(rows, benchD), G.WithName("x"))
	in := make([]float32, rows*benchD)
	if err := G.Let(x, tensor.New(tensor.WithShape(rows, benchD), tensor.WithBacking(in))); err != nil {
		return nil, err
	}
	grads, err := G.Grad(build(bl, x), x)
	if err != nil {
		return nil, err
	}
	return &gorgoniaActivation{vm: G.NewTapeMachine(bl.g), in: in, grad: grads[0]}, nil
}

func (a *gorgoniaActivation) run(dst, x []float32) error {
	copy(a.in, x)
	if err := a.vm.RunAll(); err != nil {
		return err
	}
	copy(dst, a.grad.Value().Data().([]float32))
	a.vm.Reset()
	return nil
}

func BenchmarkGorgoniaActivation(b *testing.B) {
	cases := []struct {
		l     Lagrangian[float32]
		graph func(b *builder, x *G.Node) *G.Node
	}{
		{Must(NewTanh[float32](1)), func(b *builder, x *G.Node) *G.Node {
			cosh := b.scale(0.5, b.add(b.exp(x), b.exp(b.scale(-1, x))))
			return b.sum(b.log(cosh))
		}},
		{NewReLU[float32](), func(b *builder, x *G.Node) *G.Node {
			return b.scale(0.5, b.sum(b.sq(b.relu(x))))
		}},
		// Row-wise log-sum-exp: inputs are standard normal, so no
		// overflow without the max shift.
		{Must(NewLogSumExp[float32](1)), func(b *builder, x *G.Node) *G.Node {
			return b.sum(b.log(must(G.Sum(b.exp(x), 1))))
		}},
	}
	for _, c := range cases {
		for _, size := range benchSizes {
			b.Run(c.l.String()+"/"+size.name, func(b *testing.B) {
				ga, err := newGorgoniaActivation(size.rows, c.graph)
				if err != nil {
					b.Fatal(err)
				}
				defer ga.vm.Close()
				x := benchInput(size.rows * benchD)
				g, want := make([]float32, len(x)), make([]float32, len(x))
				ActivationsTo(want, c.l, x, benchD)
				if err := ga.run(g, x); err != nil {
					b.Fatal(err)
				}
				for i := range g {
					if !closeTo(float64(g[i]), float64(want[i]), 1e-5) {
						b.Fatalf("graph activation[%d] = %v, closed form %v", i, g[i], want[i])
					}
				}
				b.ReportAllocs()
				for b.Loop() {
					if err := ga.run(g, x); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(x)), "ns/elem")
			})
		}
	}
}
