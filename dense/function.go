package dense

import (
	"fmt"
	"math"
	"math/big"
)

// Kind names the family of the interaction function F.
type Kind int

const (
	// Power is F(x) = xⁿ with integer n ≥ 2 (Krotov & Hopfield 2016).
	Power Kind = iota + 1
	// RectifiedPower is F(x) = xⁿ for x ≥ 0 and 0 for x < 0, n ≥ 2.
	RectifiedPower
	// Exp is F(x) = e^{βx} with β > 0 (Demircigil et al. 2017).
	Exp
)

func (k Kind) String() string {
	switch k {
	case Power:
		return "Power"
	case RectifiedPower:
		return "RectifiedPower"
	case Exp:
		return "Exp"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Function is the interaction function F of a dense associative memory,
// whose energy is E(σ) = −Σμ F(ξμ·σ). Build one with Polynomial,
// RectifiedPolynomial or Exponential; a Function is a small value and is
// checked when a Memory is made.
type Function struct {
	Kind Kind
	// Degree is n for Power and RectifiedPower; unused for Exp.
	Degree int
	// Beta is the inverse temperature β of Exp; unused otherwise.
	Beta float64
}

// Polynomial returns F(x) = xⁿ.
func Polynomial(n int) Function { return Function{Kind: Power, Degree: n} }

// RectifiedPolynomial returns F(x) = xⁿ for x ≥ 0 and 0 otherwise.
func RectifiedPolynomial(n int) Function { return Function{Kind: RectifiedPower, Degree: n} }

// Exponential returns F(x) = e^{βx}. Demircigil et al. use β = 1.
func Exponential(beta float64) Function { return Function{Kind: Exp, Beta: beta} }

func (f Function) String() string {
	switch f.Kind {
	case Power:
		return fmt.Sprintf("x^%d", f.Degree)
	case RectifiedPower:
		return fmt.Sprintf("max(x,0)^%d", f.Degree)
	case Exp:
		return fmt.Sprintf("exp(%gx)", f.Beta)
	}
	return f.Kind.String()
}

// maxPowerBits bounds log₂ F(N+2) for the polynomial kinds so that sums over
// any realistic K stay finite in float64.
const maxPowerBits = 1000

// validate checks f for a memory of n units.
func (f Function) validate(n int) error {
	switch f.Kind {
	case Power, RectifiedPower:
		if f.Degree < 2 {
			return fmt.Errorf("dense: f.Degree = %d, want n ≥ 2", f.Degree)
		}
		if float64(f.Degree)*math.Log2(float64(n+2)) > maxPowerBits {
			return fmt.Errorf("dense: f.Degree = %d too large for %d units: (N+2)ⁿ exceeds 2^%d; use Exponential", f.Degree, n, maxPowerBits)
		}
	case Exp:
		if !(f.Beta > 0) || math.IsInf(f.Beta, 1) {
			return fmt.Errorf("dense: f.Beta = %v, want finite β > 0", f.Beta)
		}
	default:
		return fmt.Errorf("dense: f.Kind = %v is not Power, RectifiedPower or Exp", f.Kind)
	}
	return nil
}

// bigF returns F(x) exactly for the polynomial kinds.
func (f Function) bigF(x int) *big.Int {
	if f.Kind == RectifiedPower && x < 0 {
		return new(big.Int)
	}
	return new(big.Int).Exp(big.NewInt(int64(x)), big.NewInt(int64(f.Degree)), nil)
}

// tables holds what the update needs about F over the integer overlap range
// m ∈ [−N, N], so that the inner loop is a lookup and an add.
type tables struct {
	// flip[2(m+N)+b] = F(m−2x) − F(m) with x = +1 when b = 0 and x = −1 when
	// b = 1: the change of one pattern's term when a unit whose sign agrees
	// (b = 0) or disagrees (b = 1) with the pattern flips. The two entries
	// after the range are zero, for padding. Polynomial kinds only; exact
	// while the values are below 2⁵³.
	flip []float64
	// f[m+N] = F(m) for the polynomial kinds.
	f []float64
	// decay[j] = e^{−2βj} for j ≤ N and 0 beyond, up to 2N+2: the weight
	// e^{β(m−M)} of an overlap m = M − 2j below the largest overlap M. Exp only.
	decay []float64
	// logGain = log(e^{2β} − 1) and logLoss = log(1 − e^{−2β}), Exp only.
	logGain, logLoss float64
	// ratio = e^{2β}, possibly +Inf. Exp only.
	ratio float64
}

func newTables(f Function, n int) tables {
	var t tables
	switch f.Kind {
	case Power, RectifiedPower:
		vals := make([]*big.Int, 2*n+5) // F(x) for x in [−N−2, N+2]
		for x := -n - 2; x <= n+2; x++ {
			vals[x+n+2] = f.bigF(x)
		}
		at := func(x int) *big.Int { return vals[x+n+2] }
		t.flip = make([]float64, 2*(2*n+1)+2)
		t.f = make([]float64, 2*n+1)
		d := new(big.Int)
		for m := -n; m <= n; m++ {
			t.f[m+n], _ = new(big.Float).SetInt(at(m)).Float64()
			d.Sub(at(m-2), at(m))
			t.flip[2*(m+n)], _ = new(big.Float).SetInt(d).Float64()
			d.Sub(at(m+2), at(m))
			t.flip[2*(m+n)+1], _ = new(big.Float).SetInt(d).Float64()
		}
	case Exp:
		t.decay = make([]float64, 2*n+3)
		for j := 0; j <= n; j++ {
			t.decay[j] = math.Exp(-2 * f.Beta * float64(j))
		}
		t.ratio = math.Exp(2 * f.Beta)
		t.logLoss = math.Log(-math.Expm1(-2 * f.Beta))
		t.logGain = 2*f.Beta + t.logLoss
	}
	return t
}
