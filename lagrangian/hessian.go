package lagrangian

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// HessianTo writes the full D×D Hessian ∇²L(x), row-major, into dst
// (len(dst) = D², D = len(x)), one Hessian-vector product per column. It
// costs D products and D² memory: meant for small D and for checks.
func HessianTo[T Float](dst []T, l Lagrangian[T], x []T) {
	d := len(x)
	checkLen("dst", len(dst), "x squared", d*d)
	e := make([]T, d)
	col := make([]T, d)
	for j := range d {
		e[j] = 1
		l.HessVecTo(col, x, e)
		e[j] = 0
		for i, c := range col {
			dst[i*d+j] = c
		}
	}
}

// Convexity describes the Hessian of a Lagrangian at one point.
type Convexity struct {
	// MinEigenvalue and MaxEigenvalue bound the spectrum of the
	// symmetric part (H + Hᵀ)/2.
	MinEigenvalue, MaxEigenvalue float64
	// Asymmetry is max |Hᵢⱼ − Hⱼᵢ|; a true Hessian has none beyond
	// rounding.
	Asymmetry float64
	// PSD reports MinEigenvalue ≥ −tol·max(1, |MaxEigenvalue|): the
	// Hessian is positive semi-definite at x within tol, the condition
	// under which the network dynamics descend the energy.
	PSD bool
}

// CheckConvexity builds the Hessian of l at x (see HessianTo), and reports
// its extreme eigenvalues and whether it is positive semi-definite within
// the relative tolerance tol. It returns an error for tol < 0, a Hessian
// with NaN or Inf entries, or an eigen-decomposition that fails.
func CheckConvexity[T Float](l Lagrangian[T], x []T, tol float64) (Convexity, error) {
	if !(tol >= 0) {
		return Convexity{}, fmt.Errorf("lagrangian: tol = %v, must be non-negative", tol)
	}
	d := len(x)
	if d == 0 {
		return Convexity{PSD: true}, nil
	}
	h := make([]T, d*d)
	HessianTo(h, l, x)
	sym := mat.NewSymDense(d, nil)
	var c Convexity
	for i := range d {
		for j := i; j < d; j++ {
			a, b := float64(h[i*d+j]), float64(h[j*d+i])
			if math.IsNaN(a) || math.IsInf(a, 0) || math.IsNaN(b) || math.IsInf(b, 0) {
				return Convexity{}, fmt.Errorf("lagrangian: %v: Hessian entry (%d, %d) is not finite at x", l, i, j)
			}
			c.Asymmetry = math.Max(c.Asymmetry, math.Abs(a-b))
			sym.SetSym(i, j, (a+b)/2)
		}
	}
	var eig mat.EigenSym
	if !eig.Factorize(sym, false) {
		return Convexity{}, fmt.Errorf("lagrangian: %v: eigen-decomposition of the Hessian failed", l)
	}
	vals := eig.Values(nil)
	c.MinEigenvalue, c.MaxEigenvalue = vals[0], vals[0]
	for _, v := range vals[1:] {
		c.MinEigenvalue = math.Min(c.MinEigenvalue, v)
		c.MaxEigenvalue = math.Max(c.MaxEigenvalue, v)
	}
	c.PSD = c.MinEigenvalue >= -tol*math.Max(1, math.Abs(c.MaxEigenvalue))
	return c, nil
}
