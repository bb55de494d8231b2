package lagrangian

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	G "gorgonia.org/gorgonia"
	"gorgonia.org/tensor"
)

// entry is one catalogue Lagrangian under test, with the same L written as
// a Gorgonia expression so that automatic differentiation gives an
// independent gradient.
type entry[T Float] struct {
	l Lagrangian[T]
	// graph builds L(x) for a vector node x of length dim.
	graph func(b *builder, x *G.Node) *G.Node
	// kink is a point (other than none) where L is not twice
	// differentiable; finite-difference tests keep away from it.
	kink bool
	// growth is the rate r where L grows like e^{r·x}: values overflow
	// for x > log(max T)/r. 0 for sub-exponential growth.
	growth float64
	// convex reports that the Hessian is PSD everywhere.
	convex bool
	// constHessian reports a Hessian independent of x.
	constHessian bool
	// coupled reports that each activation depends on every x.
	coupled bool
}

const dim = 7

// catalogue returns every catalogue entry, with parameters away from 1 so
// that a misplaced β or γ shows.
func catalogue[T Float]() []entry[T] {
	rng := rand.New(rand.NewPCG(7, 7))
	delta := make([]T, dim)
	for i := range delta {
		delta[i] = T(rng.NormFloat64() * 0.3)
	}
	return []entry[T]{
		{l: NewIdentity[T](), convex: true, constHessian: true,
			graph: func(b *builder, x *G.Node) *G.Node { return b.scale(0.5, b.sum(b.sq(x))) }},
		{l: NewReLU[T](), kink: true, convex: true,
			graph: func(b *builder, x *G.Node) *G.Node { return b.scale(0.5, b.sum(b.sq(b.relu(x)))) }},
		{l: Must(NewRePU[T](3)), kink: true, convex: true,
			graph: func(b *builder, x *G.Node) *G.Node { return b.scale(1.0/3, b.sum(b.powi(b.relu(x), 3))) }},
		{l: Must(NewRePU[T](2.5)), kink: true, convex: true,
			graph: func(b *builder, x *G.Node) *G.Node { return b.scale(1/2.5, b.sum(b.pow(b.relu(x), 2.5))) }},
		{l: Must(NewExponential[T](1.3)), growth: 1.3, convex: true,
			graph: func(b *builder, x *G.Node) *G.Node { return b.scale(1/1.3, b.sum(b.exp(b.scale(1.3, x)))) }},
		{l: Must(NewRectifiedExponential[T](0.7)), kink: true, growth: 0.7, convex: true,
			graph: func(b *builder, x *G.Node) *G.Node {
				r := b.relu(x)
				return b.sum(b.sub(b.scale(1/0.7, b.exp(b.scale(0.7, r))), r))
			}},
		{l: Must(NewTanh[T](1.7)), convex: true,
			graph: func(b *builder, x *G.Node) *G.Node {
				bx := b.scale(1.7, x)
				cosh := b.scale(0.5, b.add(b.exp(bx), b.exp(b.scale(-1, bx))))
				return b.scale(1/1.7, b.sum(b.log(cosh)))
			}},
		{l: Must(NewSigmoid[T](0.6)), convex: true,
			graph: func(b *builder, x *G.Node) *G.Node {
				return b.scale(1/0.6, b.sum(b.log1p(b.exp(b.scale(0.6, x)))))
			}},
		{l: Must(NewLogSumExp[T](2.2)), convex: true, coupled: true,
			graph: func(b *builder, x *G.Node) *G.Node {
				return b.scale(1/2.2, b.log(b.sum(b.exp(b.scale(2.2, x)))))
			}},
		{l: Must(NewGhostmax[T](1)), convex: true, coupled: true,
			graph: func(b *builder, x *G.Node) *G.Node {
				return b.log1p(b.sum(b.exp(x)))
			}},
		{l: Must(NewLayerNorm[T](1.4, delta, 0.05)), convex: true, coupled: true,
			graph: func(b *builder, x *G.Node) *G.Node {
				c := b.sub(x, b.mean(x))
				s := b.sqrt(b.addConst(b.mean(b.sq(c)), 0.05))
				return b.add(b.scale(1.4*dim, s), b.sum(b.mulVec(x, delta)))
			}},
		{l: Must(NewLayerNorm[T](0.9, nil, 1e-5)), convex: true, coupled: true,
			graph: func(b *builder, x *G.Node) *G.Node {
				c := b.sub(x, b.mean(x))
				return b.scale(0.9*dim, b.sqrt(b.addConst(b.mean(b.sq(c)), 1e-5)))
			}},
		{l: Must(NewSphericalNorm[T](1.6, delta, 0.02)), convex: true, coupled: true,
			graph: func(b *builder, x *G.Node) *G.Node {
				s := b.sqrt(b.addConst(b.sum(b.sq(x)), 0.02))
				return b.add(b.scale(1.6, s), b.sum(b.mulVec(x, delta)))
			}},
		{l: Must(NewSphericalNorm[T](1, nil, 0)), convex: true, coupled: true,
			graph: func(b *builder, x *G.Node) *G.Node { return b.sqrt(b.sum(b.sq(x))) }},
		{l: NewAbs[T](), kink: true, convex: true, constHessian: true,
			graph: func(b *builder, x *G.Node) *G.Node { return b.sum(b.abs(x)) }},
		{l: Must(NewPowerSum[T](2)), convex: true, constHessian: true,
			graph: func(b *builder, x *G.Node) *G.Node { return b.sum(b.powi(x, 2)) }},
		{l: Must(NewPowerSum[T](3)),
			graph: func(b *builder, x *G.Node) *G.Node { return b.sum(b.powi(x, 3)) }},
		{l: Must(NewPowerSum[T](4)), convex: true,
			graph: func(b *builder, x *G.Node) *G.Node { return b.sum(b.powi(x, 4)) }},
		{l: Must(NewRectifiedPowerSum[T](3)), kink: true, convex: true,
			graph: func(b *builder, x *G.Node) *G.Node { return b.sum(b.powi(b.relu(x), 3)) }},
		{l: Must(NewExpSum[T](0.8)), growth: 0.8, convex: true,
			graph: func(b *builder, x *G.Node) *G.Node { return b.sum(b.exp(b.scale(0.8, x))) }},
	}
}

// builder writes Gorgonia expressions without error plumbing; any
// construction error is a bug in the test and panics.
type builder struct {
	g  *G.ExprGraph
	dt tensor.Dtype
}

func must(n *G.Node, err error) *G.Node {
	if err != nil {
		panic(err)
	}
	return n
}

func (b *builder) k(v float64) *G.Node {
	if b.dt == tensor.Float32 {
		return G.NewConstant(float32(v))
	}
	return G.NewConstant(v)
}

func (b *builder) scale(c float64, a *G.Node) *G.Node { return must(G.Mul(b.k(c), a)) }
func (b *builder) addConst(a *G.Node, c float64) *G.Node {
	return must(G.Add(a, b.k(c)))
}
func (b *builder) add(a, c *G.Node) *G.Node { return must(G.Add(a, c)) }
func (b *builder) sub(a, c *G.Node) *G.Node { return must(G.Sub(a, c)) }
func (b *builder) sum(a *G.Node) *G.Node    { return must(G.Sum(a)) }
func (b *builder) mean(a *G.Node) *G.Node   { return must(G.Mean(a)) }
func (b *builder) sq(a *G.Node) *G.Node     { return must(G.Square(a)) }
func (b *builder) sqrt(a *G.Node) *G.Node   { return must(G.Sqrt(a)) }
func (b *builder) exp(a *G.Node) *G.Node    { return must(G.Exp(a)) }
func (b *builder) log(a *G.Node) *G.Node    { return must(G.Log(a)) }
func (b *builder) log1p(a *G.Node) *G.Node  { return must(G.Log1p(a)) }
func (b *builder) relu(a *G.Node) *G.Node   { return must(G.Rectify(a)) }
func (b *builder) abs(a *G.Node) *G.Node    { return must(G.Abs(a)) }
func (b *builder) pow(a *G.Node, p float64) *G.Node {
	return must(G.Pow(a, b.k(p)))
}

// powi is aⁿ by repeated Hadamard products, exact for negative a.
func (b *builder) powi(a *G.Node, n int) *G.Node {
	r := a
	for range n - 1 {
		r = must(G.HadamardProd(r, a))
	}
	return r
}

func (b *builder) mulVec(a *G.Node, v any) *G.Node {
	var back any
	switch v := v.(type) {
	case []float32:
		back = append([]float32(nil), v...)
	case []float64:
		back = append([]float64(nil), v...)
	}
	c := G.NewConstant(tensor.New(tensor.WithBacking(back), tensor.WithShape(a.Shape()...)))
	return must(G.HadamardProd(a, c))
}

func dtypeOf[T Float]() tensor.Dtype {
	var z T
	if _, ok := any(z).(float32); ok {
		return tensor.Float32
	}
	return tensor.Float64
}

// autodiff evaluates the Gorgonia expression of an entry at x and returns
// L(x) and ∂L/∂x from reverse-mode differentiation.
func autodiff[T Float](build func(b *builder, x *G.Node) *G.Node, x []T) (T, []T, error) {
	b := &builder{g: G.NewGraph(), dt: dtypeOf[T]()}
	xn := G.NewVector(b.g, b.dt, G.WithShape(len(x)), G.WithName("x"))
	if err := G.Let(xn, tensor.New(tensor.WithBacking(append([]T(nil), x...)))); err != nil {
		return 0, nil, err
	}
	loss := build(b, xn)
	grads, err := G.Grad(loss, xn)
	if err != nil {
		return 0, nil, err
	}
	m := G.NewTapeMachine(b.g)
	defer m.Close()
	if err := m.RunAll(); err != nil {
		return 0, nil, err
	}
	val := loss.Value().Data().(T)
	grad := append([]T(nil), grads[0].Value().Data().([]T)...)
	return val, grad, nil
}

// point returns a random x of length dim, each |xᵢ| in [0.15, 1.5] so that
// kinks at 0 are at least 0.15 away.
func point[T Float](rng *rand.Rand) []T {
	x := make([]T, dim)
	for i := range x {
		v := 0.15 + 1.35*rng.Float64()
		if rng.IntN(2) == 0 {
			v = -v
		}
		x[i] = T(v)
	}
	return x
}

// tolerances for comparisons of derivatives: float64 results are exact to
// rounding, float32 ones are rounded once or twice from float64.
func tol[T Float](f64, f32 float64) float64 {
	if dtypeOf[T]() == tensor.Float32 {
		return f32
	}
	return f64
}

// closeTo reports |a − b| ≤ tol·max(1, |b|).
func closeTo(a, b, tol float64) bool {
	return math.Abs(a-b) <= tol*math.Max(1, math.Abs(b))
}

func checkVec[T Float](t *testing.T, what string, got, want []T, tol float64) {
	t.Helper()
	for i := range want {
		if !closeTo(float64(got[i]), float64(want[i]), tol) {
			t.Errorf("%s[%d] = %.10g, want %.10g (tol %g)", what, i, got[i], want[i], tol)
		}
	}
}

func forEachType(t *testing.T, f32, f64 func(t *testing.T)) {
	t.Run("float32", f32)
	t.Run("float64", f64)
}

func forEachEntry[T Float](t *testing.T, fn func(t *testing.T, e entry[T])) {
	for _, e := range catalogue[T]() {
		t.Run(fmt.Sprint(e.l), func(t *testing.T) { fn(t, e) })
	}
}
