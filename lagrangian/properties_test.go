package lagrangian

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// maxFinite is the largest value of T, as a float64.
func maxFinite[T Float]() float64 {
	if dtypeOf[T]() == dtypeOf[float32]() {
		return math.MaxFloat32
	}
	return math.MaxFloat64
}

// For β from 1e-3 to 1e3 and |x| up to 1e4 nothing comes out NaN, and
// nothing comes out infinite unless the true value exceeds the range of T
// (only the exponentially growing entries can, and then they give +Inf).
func TestExtremeInputsStayFinite(t *testing.T) {
	forEachType(t, testExtremeInputs[float32], testExtremeInputs[float64])
}

func testExtremeInputs[T Float](t *testing.T) {
	inputs := [][]T{
		{1e4, -1e4, 0, 3, -7, 1e4, 0.5},
		{-1e4, -1e4, -1e4, -1e4, -1e4, -1e4, -1e4},
		{1e4, 1e4, 1e4, 1e4, 1e4, 1e4, 1e4},
		{1e-30, -1e-30, 0, 0, 1e-30, 0, 0},
		{-9999, 1e4, -3, 2, 9998, 0, 1},
	}
	for _, beta := range []float64{1e-3, 1, 1e3} {
		lags := []Lagrangian[T]{
			Must(NewExponential[T](beta)), Must(NewRectifiedExponential[T](beta)),
			Must(NewTanh[T](beta)), Must(NewSigmoid[T](beta)),
			Must(NewLogSumExp[T](beta)), Must(NewGhostmax[T](beta)), Must(NewExpSum[T](beta)),
		}
		growth := []float64{beta, beta, 0, 0, 0, 0, beta}
		for _, e := range catalogue[T]() {
			if _, hasBeta := e.l.(interface{ Beta() float64 }); !hasBeta {
				lags = append(lags, e.l)
				growth = append(growth, e.growth)
			}
		}
		for k, l := range lags {
			for _, x := range inputs {
				overflows := growth[k] > 0 && growth[k]*maxOf(x) > math.Log(maxFinite[T]())-math.Log(float64(len(x)))
				g := Activation(l, x)
				hv := make([]T, len(x))
				l.HessVecTo(hv, x, x)
				results := map[string][]T{
					"value":      {l.Value(x)},
					"activation": g,
					"energy":     {Energy(l, x, g)},
					"H·x":        hv,
				}
				for what, r := range results {
					for i, v := range r {
						f := float64(v)
						switch {
						case math.IsNaN(f):
							t.Errorf("%v: x=%v: %s[%d] is NaN", l, x, what, i)
						case math.IsInf(f, 0) && !overflows:
							t.Errorf("%v: x=%v: %s[%d] = %v, true value is finite", l, x, what, i, f)
						}
					}
				}
			}
		}
	}
}

// In the saturated regime the stable forms must also be right, not just
// finite: compare with the asymptotic closed forms.
func TestExtremeInputsAsymptotics(t *testing.T) {
	forEachType(t, testExtremeAsymptotics[float32], testExtremeAsymptotics[float64])
}

func testExtremeAsymptotics[T Float](t *testing.T) {
	x := []T{1e4, -1e4, 5e3, -2e3}
	const beta = 1e3
	tl := tol[T](1e-12, 1e-6)
	check := func(name string, got, want float64) {
		t.Helper()
		if !closeTo(got, want, tl) {
			t.Errorf("%s = %.12g, want %.12g", name, got, want)
		}
	}
	// log cosh(y) = |y| − log 2 + O(e^−2|y|).
	var absSum float64
	for _, v := range x {
		absSum += math.Abs(float64(v))
	}
	check("tanh L", float64(Must(NewTanh[T](beta)).Value(x)), absSum-4*math.Ln2/beta)
	checkVec(t, "tanh g", Activation[T](Must(NewTanh[T](beta)), x), []T{1, -1, 1, -1}, 0)
	// softplus(y) = relu(y) + O(e^−|y|).
	check("sigmoid L", float64(Must(NewSigmoid[T](beta)).Value(x)), 1.5e4)
	checkVec(t, "sigmoid g", Activation[T](Must(NewSigmoid[T](beta)), x), []T{1, 0, 1, 0}, 0)
	// log-sum-exp and ghostmax: the maximum, and a one-hot activation.
	check("logsumexp L", float64(Must(NewLogSumExp[T](beta)).Value(x)), 1e4)
	check("ghostmax L", float64(Must(NewGhostmax[T](beta)).Value(x)), 1e4)
	checkVec(t, "softmax g", Activation[T](Must(NewLogSumExp[T](beta)), x), []T{1, 0, 0, 0}, 0)
	neg := []T{-1e4, -5e3}
	check("ghostmax L, all negative", float64(Must(NewGhostmax[T](beta)).Value(neg)), 0)
	// Ties share the mass: two equal maxima give log 2/β extra and ½ each.
	tie := []T{1e4, 1e4, -1e4}
	check("logsumexp L, tie", float64(Must(NewLogSumExp[T](beta)).Value(tie)), 1e4+math.Ln2/beta)
	checkVec(t, "softmax g, tie", Activation[T](Must(NewLogSumExp[T](beta)), tie), []T{0.5, 0.5, 0}, 1e-7)
}

// A NaN in x comes out as NaN, never as a plausible number.
func TestNaNPropagates(t *testing.T) {
	forEachType(t, testNaNPropagates[float32], testNaNPropagates[float64])
}

func testNaNPropagates[T Float](t *testing.T) {
	forEachEntry(t, func(t *testing.T, e entry[T]) {
		x := point[T](rand.New(rand.NewPCG(9, 9)))
		x[2] = T(math.NaN())
		if v := e.l.Value(x); !math.IsNaN(float64(v)) {
			t.Errorf("Value = %v, want NaN", v)
		}
		g := Activation(e.l, x)
		if !math.IsNaN(float64(g[2])) {
			t.Errorf("activation[2] = %v, want NaN", g[2])
		}
		if e.coupled && !math.IsNaN(float64(g[0])) {
			t.Errorf("activation[0] = %v, want NaN: every output depends on x[2]", g[0])
		}
		if !e.constHessian {
			hv := make([]T, len(x))
			e.l.HessVecTo(hv, x, point[T](rand.New(rand.NewPCG(1, 1))))
			if !math.IsNaN(float64(hv[2])) {
				t.Errorf("(Hv)[2] = %v, want NaN", hv[2])
			}
		}
	})
}

// Batched forms give exactly what a loop over rows gives, on small batches
// (one goroutine) and on batches large enough to be split.
func TestBatchedEqualsLooped(t *testing.T) {
	forEachType(t, testBatchedEqualsLooped[float32], testBatchedEqualsLooped[float64])
}

func testBatchedEqualsLooped[T Float](t *testing.T) {
	forEachEntry(t, func(t *testing.T, e entry[T]) {
		rng := rand.New(rand.NewPCG(11, 12))
		for _, rows := range []int{1, 5, 3000} {
			x := make([]T, 0, rows*dim)
			for range rows {
				x = append(x, point[T](rng)...)
			}
			vals, acts, ens := make([]T, rows), make([]T, len(x)), make([]T, rows)
			ValuesTo(vals, e.l, x, dim)
			ActivationsTo(acts, e.l, x, dim)
			EnergiesTo(ens, e.l, x, acts, dim)
			for r := range rows {
				row := x[r*dim : (r+1)*dim]
				g := Activation(e.l, row)
				if vals[r] != e.l.Value(row) || ens[r] != Energy(e.l, row, g) {
					t.Fatalf("rows=%d: row %d: batched value/energy differ from the single-row call", rows, r)
				}
				for i := range g {
					if acts[r*dim+i] != g[i] {
						t.Fatalf("rows=%d: row %d: batched activation differs from the single-row call", rows, r)
					}
				}
			}
			// In place: dst = x.
			inPlace := append([]T(nil), x...)
			ActivationsTo(inPlace, e.l, inPlace, dim)
			for i := range inPlace {
				if inPlace[i] != acts[i] {
					t.Fatalf("rows=%d: in-place activation differs at %d", rows, i)
				}
			}
		}
	})
}

// float32 agrees with float64 on the same (float32-representable) inputs
// within 2e-6 relative to max(1, |float64 result|): every element is
// evaluated in float64 and rounded to float32 once or twice.
func TestFloat32AgreesWithFloat64(t *testing.T) {
	const tl = 2e-6
	l32, l64 := catalogue[float32](), catalogue[float64]()
	rng := rand.New(rand.NewPCG(13, 14))
	for k := range l32 {
		a, b := l32[k].l, l64[k].l
		t.Run(a.String(), func(t *testing.T) {
			for range 20 {
				x32, v32 := point[float32](rng), point[float32](rng)
				x64, v64 := widen(x32), widen(v32)
				if got, want := float64(a.Value(x32)), b.Value(x64); !closeTo(got, want, tl) {
					t.Errorf("Value: float32 %.9g, float64 %.9g", got, want)
				}
				g32, g64 := Activation(a, x32), Activation(b, x64)
				checkVec(t, "activation", widen(g32), g64, tl)
				if got, want := float64(Energy(a, x32, g32)), Energy(b, x64, g64); !closeTo(got, want, tl) {
					t.Errorf("Energy: float32 %.9g, float64 %.9g", got, want)
				}
				h32, h64 := make([]float32, dim), make([]float64, dim)
				a.HessVecTo(h32, x32, v32)
				b.HessVecTo(h64, x64, v64)
				checkVec(t, "H·v", widen(h32), h64, tl)
			}
		})
	}
}

func widen(x []float32) []float64 {
	y := make([]float64, len(x))
	for i, v := range x {
		y[i] = float64(v)
	}
	return y
}

// Invalid parameters are rejected at construction with a *ParamError that
// names the parameter.
func TestInvalidParametersRejected(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	cases := []struct {
		param string
		build func() error
	}{
		{"n", func() error { _, err := NewRePU[float64](0.5); return err }},
		{"n", func() error { _, err := NewRePU[float32](nan); return err }},
		{"n", func() error { _, err := NewRePU[float64](inf); return err }},
		{"beta", func() error { _, err := NewExponential[float64](0); return err }},
		{"beta", func() error { _, err := NewRectifiedExponential[float32](-1); return err }},
		{"beta", func() error { _, err := NewTanh[float64](nan); return err }},
		{"beta", func() error { _, err := NewSigmoid[float64](inf); return err }},
		{"beta", func() error { _, err := NewLogSumExp[float32](-1e-9); return err }},
		{"beta", func() error { _, err := NewGhostmax[float64](0); return err }},
		{"beta", func() error { _, err := NewExpSum[float64](nan); return err }},
		{"gamma", func() error { _, err := NewLayerNorm[float64](0, nil, 1e-5); return err }},
		{"eps", func() error { _, err := NewLayerNorm[float64](1, nil, -1e-5); return err }},
		{"delta", func() error { _, err := NewLayerNorm(1, []float64{0, nan}, 0); return err }},
		{"gamma", func() error { _, err := NewSphericalNorm[float32](inf, nil, 0); return err }},
		{"eps", func() error { _, err := NewSphericalNorm[float64](1, nil, nan); return err }},
		{"delta", func() error { _, err := NewSphericalNorm(1, []float32{float32(inf)}, 0); return err }},
		{"n", func() error { _, err := NewPowerSum[float64](0); return err }},
		{"n", func() error { _, err := NewRectifiedPowerSum[float64](0.99); return err }},
	}
	for _, c := range cases {
		err := c.build()
		var pe *ParamError
		if !errors.As(err, &pe) {
			t.Errorf("want a *ParamError for %s, got %v", c.param, err)
			continue
		}
		if pe.Param != c.param || !strings.Contains(err.Error(), c.param) || !strings.HasPrefix(err.Error(), "lagrangian: ") {
			t.Errorf("error %q does not name parameter %s", err, c.param)
		}
	}
	// Edge values that are valid.
	if _, err := NewRePU[float64](1); err != nil {
		t.Errorf("n = 1: %v", err)
	}
	if _, err := NewLayerNorm[float64](1, nil, 0); err != nil {
		t.Errorf("eps = 0: %v", err)
	}
}

// A length mismatch is a programmer error: it panics with a message that
// starts with the package name.
func TestLengthMismatchPanics(t *testing.T) {
	l := Must(NewTanh[float64](1))
	ln := Must(NewLayerNorm(1, []float64{1, 2, 3}, 0))
	cases := map[string]func(){
		"activation dst":  func() { l.ActivationTo(make([]float64, 2), make([]float64, 3)) },
		"hessvec v":       func() { l.HessVecTo(make([]float64, 3), make([]float64, 3), make([]float64, 4)) },
		"energy g":        func() { Energy[float64](l, make([]float64, 3), make([]float64, 2)) },
		"delta length":    func() { ln.Value(make([]float64, 4)) },
		"batch cols":      func() { ValuesTo[float64](make([]float64, 2), l, make([]float64, 7), 3) },
		"batch dst":       func() { ActivationsTo[float64](make([]float64, 5), l, make([]float64, 6), 3) },
		"hessian dst":     func() { HessianTo[float64](make([]float64, 8), l, make([]float64, 3)) },
		"batch zero cols": func() { ValuesTo[float64](nil, l, nil, 0) },
	}
	for name, f := range cases {
		t.Run(name, func(t *testing.T) {
			defer func() {
				r := recover()
				if s, ok := r.(string); !ok || !strings.HasPrefix(s, "lagrangian: ") {
					t.Errorf("recovered %v, want a panic with a \"lagrangian: \" message", r)
				}
			}()
			f()
		})
	}
}

// Every convex catalogue entry has a positive semi-definite Hessian at
// random points; the odd power sum does not where x < 0, and the reported
// eigenvalues match closed forms.
func TestConvexity(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	for _, e := range catalogue[float64]() {
		for range 5 {
			x := point[float64](rng)
			c, err := CheckConvexity(e.l, x, 1e-9)
			if err != nil {
				t.Fatalf("%v: %v", e.l, err)
			}
			if c.Asymmetry > 1e-12 {
				t.Errorf("%v: Hessian asymmetry %g", e.l, c.Asymmetry)
			}
			if e.convex && !c.PSD {
				t.Errorf("%v at %v: min eigenvalue %g, want PSD", e.l, x, c.MinEigenvalue)
			}
		}
	}

	// Σx³ has Hessian diag(6x): its smallest eigenvalue is 6·min(x).
	x := []float64{0.5, -0.8, 1.2}
	c, err := CheckConvexity[float64](Must(NewPowerSum[float64](3)), x, 1e-9)
	if err != nil {
		t.Fatal(err)
	}
	if c.PSD || math.Abs(c.MinEigenvalue-6*-0.8) > 1e-12 || math.Abs(c.MaxEigenvalue-6*1.2) > 1e-12 {
		t.Errorf("power-sum(3): %+v, want eigenvalues from −4.8 to 7.2 and not PSD", c)
	}
	// log-sum-exp is flat along (1, …, 1): its smallest eigenvalue is 0
	// and its largest at most β/2 (the spectrum of diag(p) − ppᵀ ⊂ [0, ½]).
	const beta = 2.5
	c, err = CheckConvexity[float64](Must(NewLogSumExp[float64](beta)), []float64{0.3, -1, 2, 0.1}, 1e-9)
	if err != nil {
		t.Fatal(err)
	}
	if !c.PSD || math.Abs(c.MinEigenvalue) > 1e-12 || c.MaxEigenvalue > beta/2 {
		t.Errorf("logsumexp: %+v, want PSD with eigenvalues in [0, β/2]", c)
	}
	// The identity's Hessian is I.
	h := make([]float64, 9)
	HessianTo[float64](h, NewIdentity[float64](), []float64{4, 5, 6})
	for i := range 3 {
		for j := range 3 {
			if want := float64(boolInt(i == j)); h[i*3+j] != want {
				t.Errorf("identity Hessian (%d, %d) = %v, want %v", i, j, h[i*3+j], want)
			}
		}
	}
	// The spherical norm (eps = 0) is flat along x: H·x = 0.
	sph := Must(NewSphericalNorm[float64](2, nil, 0))
	y := []float64{0.3, -1.1, 0.7}
	hx := make([]float64, 3)
	sph.HessVecTo(hx, y, y)
	for i, v := range hx {
		if math.Abs(v) > 1e-15 {
			t.Errorf("spherical H·x[%d] = %g, want 0", i, v)
		}
	}
	if _, err := CheckConvexity[float64](sph, y, -1); err == nil {
		t.Error("tol = −1 accepted")
	}
	if _, err := CheckConvexity[float64](sph, []float64{0, 0}, 0); err == nil {
		t.Error("a Hessian of NaN at the non-differentiable point was accepted")
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// The special cases the doc comments state.
func TestSpecialCases(t *testing.T) {
	// sign(0) = +1, and the Legendre energy of abs is 0.
	abs := NewAbs[float64]()
	x := []float64{0, -2, 3, math.Copysign(0, -1)}
	g := Activation[float64](abs, x)
	if fmt.Sprint(g) != "[1 -1 1 1]" || Energy[float64](abs, x, g) != 0 {
		t.Errorf("abs: sign(%v) = %v, energy %v", x, g, Energy[float64](abs, x, g))
	}
	// RePU with n = 1 is the Heaviside step, 0 at x = 0.
	if g := Activation[float64](Must(NewRePU[float64](1)), []float64{-1, 0, 2}); fmt.Sprint(g) != "[0 0 1]" {
		t.Errorf("repu(1) activation = %v, want the step [0 0 1]", g)
	}
	// Layer norm and spherical norm at their non-differentiable point
	// return the bias δ.
	delta := []float64{0.1, -0.2, 0.3}
	ln := Must(NewLayerNorm(1, delta, 0))
	if g := Activation[float64](ln, []float64{5, 5, 5}); fmt.Sprint(g) != fmt.Sprint(delta) {
		t.Errorf("layernorm at constant x, eps = 0: activation %v, want δ = %v", g, delta)
	}
	sph := Must(NewSphericalNorm(1, delta, 0))
	if g := Activation[float64](sph, []float64{0, 0, 0}); fmt.Sprint(g) != fmt.Sprint(delta) {
		t.Errorf("spherical at 0, eps = 0: activation %v, want δ = %v", g, delta)
	}
	// The layer-norm activation with δ = 0 has mean 0 and variance
	// γ²·Var/(Var + eps).
	ln2 := Must(NewLayerNorm[float64](2, nil, 0))
	y := Activation[float64](ln2, []float64{1, 2, 3, 10})
	var m, v float64
	for _, yi := range y {
		m += yi / 4
	}
	for _, yi := range y {
		v += (yi - m) * (yi - m) / 4
	}
	if math.Abs(m) > 1e-15 || math.Abs(v-4) > 1e-13 {
		t.Errorf("layernorm activation has mean %g and variance %g, want 0 and γ² = 4", m, v)
	}
	// Softmax with +Inf logits shares the mass among them; all −Inf is
	// uniform; L of an empty vector is −Inf.
	lse := Must(NewLogSumExp[float64](1))
	if g := Activation[float64](lse, []float64{math.Inf(1), 0, math.Inf(1)}); fmt.Sprint(g) != "[0.5 0 0.5]" {
		t.Errorf("softmax with two +Inf = %v", g)
	}
	if g := Activation[float64](lse, []float64{math.Inf(-1), math.Inf(-1)}); fmt.Sprint(g) != "[0.5 0.5]" {
		t.Errorf("softmax of all −Inf = %v", g)
	}
	if v := lse.Value(nil); !math.IsInf(float64(v), -1) {
		t.Errorf("logsumexp of nothing = %v, want −Inf", v)
	}
	// Ghostmax activations sum to less than 1: 1 − Σg = 1/(1 + Σeˣ).
	gm := Must(NewGhostmax[float64](1))
	z := []float64{0.2, -0.4, 1.1}
	var se, sg float64
	for i, gi := range Activation[float64](gm, z) {
		se += math.Exp(z[i])
		sg += gi
	}
	if math.Abs((1-sg)-1/(1+se)) > 1e-15 {
		t.Errorf("ghostmax: 1 − Σg = %g, want 1/(1 + Σeˣ) = %g", 1-sg, 1/(1+se))
	}
	// Dim reports the length a bias vector fixes.
	if Dim[float64](ln) != 3 || Dim[float64](ln2) != 0 || Dim[float64](lse) != 0 {
		t.Errorf("Dim: %d %d %d, want 3 0 0", Dim[float64](ln), Dim[float64](ln2), Dim[float64](lse))
	}
}

// The float32 exponential family stays within 2e-6 of float64 up to
// |βx| = 15, where rounding β and βx to float32 costs 2|βx|·2⁻²⁴
// relative. β = 1.1 is not a float32, so its rounding counts too.
func TestFloat32ExponentialsUpToFifteen(t *testing.T) {
	const beta = 1.1
	rng := rand.New(rand.NewPCG(17, 18))
	x32 := make([]float32, 4096)
	for i := range x32 {
		x32[i] = float32((30*rng.Float64() - 15) / beta)
	}
	x64 := widen(x32)
	for _, pair := range []struct {
		a Lagrangian[float32]
		b Lagrangian[float64]
	}{
		{Must(NewExponential[float32](beta)), Must(NewExponential[float64](beta))},
		{Must(NewExpSum[float32](beta)), Must(NewExpSum[float64](beta))},
		{Must(NewTanh[float32](beta / 2)), Must(NewTanh[float64](beta / 2))},
		{Must(NewSigmoid[float32](beta)), Must(NewSigmoid[float64](beta))},
	} {
		g32, g64 := Activation(pair.a, x32), Activation(pair.b, x64)
		for i := range g64 {
			if d := math.Abs(float64(g32[i]) - g64[i]); d > 2e-6*math.Abs(g64[i]) && d > 1e-45 {
				t.Errorf("%v at x = %v: float32 %.9g, float64 %.9g (relative %.2g)", pair.a, x32[i], g32[i], g64[i], d/math.Abs(g64[i]))
				break
			}
		}
	}
}
