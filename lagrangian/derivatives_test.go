package lagrangian

import (
	"math/rand/v2"
	"testing"
)

// The activation of every catalogue entry is the gradient of its
// Lagrangian, checked against Gorgonia's reverse-mode automatic
// differentiation of the same L written as a graph.
func TestActivationMatchesAutodiff(t *testing.T) {
	forEachType(t, testActivationMatchesAutodiff[float32], testActivationMatchesAutodiff[float64])
}

func testActivationMatchesAutodiff[T Float](t *testing.T) {
	// Gorgonia's float32 kernels round in float32 throughout, hence the
	// looser float32 tolerance.
	tl := tol[T](1e-11, 1e-6)
	forEachEntry(t, func(t *testing.T, e entry[T]) {
		rng := rand.New(rand.NewPCG(1, 2))
		for range 5 {
			x := point[T](rng)
			wantL, wantG, err := autodiff(e.graph, x)
			if err != nil {
				t.Fatalf("gorgonia: %v", err)
			}
			if got := e.l.Value(x); !closeTo(float64(got), float64(wantL), tl) {
				t.Errorf("L(%v) = %.10g, autodiff graph gives %.10g", x, got, wantL)
			}
			checkVec(t, "activation", Activation(e.l, x), wantG, tl)
		}
	})
}

// fdGrad returns the fourth-order central difference of f at x along
// coordinate i (or along direction v when v is not nil), with step h
// rounded to what T can represent.
func fdStencil[T Float](f func([]T) float64, x []T, v []T, h float64) float64 {
	at := func(s float64) float64 {
		y := append([]T(nil), x...)
		for i := range y {
			y[i] += T(s * float64(v[i]))
		}
		return f(y)
	}
	return (-at(2*h) + 8*at(h) - 8*at(-h) + at(-2*h)) / (12 * h)
}

func unit[T Float](n, i int) []T {
	e := make([]T, n)
	e[i] = 1
	return e
}

// fdStep is the finite-difference step: large enough that float32
// rounding of L stays below the tolerance, small enough (2h < 0.15) that
// the stencil never crosses a kink at 0.
func fdStep[T Float]() (h, tl float64) {
	var z T
	if _, ok := any(z).(float32); ok {
		return 1.0 / 32, 2e-4
	}
	return 1.0 / 1024, 1e-8
}

// The activation equals the central finite-difference gradient of L.
func TestActivationMatchesFiniteDifferences(t *testing.T) {
	forEachType(t, testActivationMatchesFD[float32], testActivationMatchesFD[float64])
}

func testActivationMatchesFD[T Float](t *testing.T) {
	h, tl := fdStep[T]()
	forEachEntry(t, func(t *testing.T, e entry[T]) {
		rng := rand.New(rand.NewPCG(3, 4))
		value := func(y []T) float64 { return float64(e.l.Value(y)) }
		for range 5 {
			x := point[T](rng)
			g := Activation(e.l, x)
			for i := range x {
				want := fdStencil(value, x, unit[T](len(x), i), h)
				if !closeTo(float64(g[i]), want, tl) {
					t.Errorf("x=%v: activation[%d] = %.10g, finite difference %.10g", x, i, g[i], want)
				}
			}
		}
	})
}

// HessVecTo equals the finite-difference derivative of the activation
// along v, and the Hessian it implies is symmetric: u·Hv = v·Hu.
func TestHessVecMatchesFiniteDifferences(t *testing.T) {
	forEachType(t, testHessVecMatchesFD[float32], testHessVecMatchesFD[float64])
}

func testHessVecMatchesFD[T Float](t *testing.T) {
	h, tl := fdStep[T]()
	forEachEntry(t, func(t *testing.T, e entry[T]) {
		rng := rand.New(rand.NewPCG(5, 6))
		for range 5 {
			x, u, v := point[T](rng), point[T](rng), point[T](rng)
			// Keep the stencil x ± 2h·v away from kinks: |vᵢ| ≤ 1.
			for i := range v {
				v[i] /= 1.5
			}
			hv := make([]T, len(x))
			e.l.HessVecTo(hv, x, v)
			for i := range x {
				gi := func(y []T) float64 { return float64(Activation(e.l, y)[i]) }
				want := fdStencil(gi, x, v, h)
				if !closeTo(float64(hv[i]), want, tl) {
					t.Errorf("x=%v v=%v: (Hv)[%d] = %.10g, finite difference %.10g", x, v, i, hv[i], want)
				}
			}
			hu := make([]T, len(x))
			e.l.HessVecTo(hu, x, u)
			uHv, vHu := dot(u, hv), dot(v, hu)
			if !closeTo(uHv, vHu, tol[T](1e-12, 1e-5)) {
				t.Errorf("u·Hv = %.10g, v·Hu = %.10g: Hessian not symmetric", uHv, vHu)
			}
		}
	})
}

// The Legendre identity ∂E/∂g = x, with E(x, g) = x·g − L(x) and g = ∇L(x).
// Through the chain rule, dE/dx = Hᵀ ∂E/∂g, so the identity says the total
// derivative of E(x) = x·∇L(x) − L(x) is H·x; that form holds (and is
// tested) also where ∇L is not invertible (softmax, abs, relu).
func TestLegendreIdentity(t *testing.T) {
	forEachType(t, testLegendreIdentity[float32], testLegendreIdentity[float64])
}

func testLegendreIdentity[T Float](t *testing.T) {
	h, tl := fdStep[T]()
	forEachEntry(t, func(t *testing.T, e entry[T]) {
		rng := rand.New(rand.NewPCG(7, 8))
		energy := func(y []T) float64 { return float64(Energy(e.l, y, Activation(e.l, y))) }
		for range 5 {
			x := point[T](rng)
			hx := make([]T, len(x))
			e.l.HessVecTo(hx, x, x)
			for i := range x {
				want := fdStencil(energy, x, unit[T](len(x), i), h)
				if !closeTo(float64(hx[i]), want, tl) {
					t.Errorf("x=%v: dE/dx[%d] = %.10g by finite differences, (H·x)[%d] = %.10g", x, i, want, i, hx[i])
				}
			}
		}
	})
}

func dot[T Float](a, b []T) float64 {
	var s float64
	for i := range a {
		s += float64(a[i]) * float64(b[i])
	}
	return s
}
