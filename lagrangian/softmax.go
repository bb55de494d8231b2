package lagrangian

import "math"

// LogSumExp is the softmax Lagrangian
//
//	L(x) = (1/β) log Σᵢ e^{βxᵢ},  g = softmax(βx),  H = β (diag(g) − g gᵀ)
//
// the Lagrangian of the memory neurons of model B, whose one-step
// dynamics is the attention update (Krotov & Hopfield 2021, §3;
// Ramsauer et al. 2021). The maximum m is subtracted before
// exponentiating, L = m + (1/β) log Σ e^{β(xᵢ−m)}, so no finite input
// overflows. For an empty x, L = −Inf. The Hessian is singular along
// (1, …, 1): L(x + c) = L(x) + c.
type LogSumExp[T Float] struct{ beta float64 }

// NewLogSumExp returns the log-sum-exp (softmax) Lagrangian. It fails
// unless β is positive and finite.
func NewLogSumExp[T Float](beta float64) (*LogSumExp[T], error) {
	if err := positive("logsumexp", "beta", beta); err != nil {
		return nil, err
	}
	return &LogSumExp[T]{beta: beta}, nil
}

// Beta returns β.
func (l *LogSumExp[T]) Beta() float64 { return l.beta }

func (l *LogSumExp[T]) String() string { return "logsumexp(β=" + fmtParam(l.beta) + ")" }

// Value returns (1/β) log Σ e^{βxᵢ}.
func (l *LogSumExp[T]) Value(x []T) T {
	return T(shiftedLSE(l.beta, x, math.Inf(-1)))
}

// ActivationTo writes softmax(βx) into dst.
func (l *LogSumExp[T]) ActivationTo(dst, x []T) {
	checkLen("dst", len(dst), "x", len(x))
	softmaxTo(dst, l.beta, x, math.Inf(-1))
}

// HessVecTo writes β (g ⊙ v − g (g·v)) into dst, g = softmax(βx).
func (l *LogSumExp[T]) HessVecTo(dst, x, v []T) {
	checkHessVec(dst, x, v)
	softmaxTo(dst, l.beta, x, math.Inf(-1))
	softmaxHessVec(dst, l.beta, v)
}

// Ghostmax is the log-sum-exp with an extra logit fixed at zero,
//
//	L(x) = (1/β) log(1 + Σᵢ e^{βxᵢ}),  gᵢ = e^{βxᵢ} / (1 + Σⱼ e^{βxⱼ})
//
// so the activations sum to less than one and can all be small when no
// input stands out (Hoover et al.'s HAMUX catalogue; β = 1 gives
// log(1 + Σeˣ)). The Hessian β (diag(g) − g gᵀ) is positive definite.
// Evaluated with the maximum of 0 and x subtracted.
type Ghostmax[T Float] struct{ beta float64 }

// NewGhostmax returns the ghostmax Lagrangian. It fails unless β is
// positive and finite.
func NewGhostmax[T Float](beta float64) (*Ghostmax[T], error) {
	if err := positive("ghostmax", "beta", beta); err != nil {
		return nil, err
	}
	return &Ghostmax[T]{beta: beta}, nil
}

// Beta returns β.
func (l *Ghostmax[T]) Beta() float64 { return l.beta }

func (l *Ghostmax[T]) String() string { return "ghostmax(β=" + fmtParam(l.beta) + ")" }

// Value returns (1/β) log(1 + Σ e^{βxᵢ}).
func (l *Ghostmax[T]) Value(x []T) T {
	return T(shiftedLSE(l.beta, x, 0))
}

// ActivationTo writes e^{βx} / (1 + Σ e^{βx}) into dst.
func (l *Ghostmax[T]) ActivationTo(dst, x []T) {
	checkLen("dst", len(dst), "x", len(x))
	softmaxTo(dst, l.beta, x, 0)
}

// HessVecTo writes β (g ⊙ v − g (g·v)) into dst.
func (l *Ghostmax[T]) HessVecTo(dst, x, v []T) {
	checkHessVec(dst, x, v)
	softmaxTo(dst, l.beta, x, 0)
	softmaxHessVec(dst, l.beta, v)
}

// The log-sum-exp family shares one evaluation. ghost is the extra logit
// (in units of x): −Inf for none, 0 for ghostmax.

// shiftedLSE returns (1/β) log(e^{β·ghost} + Σ e^{βxᵢ}).
func shiftedLSE[T Float](beta float64, x []T, ghost float64) float64 {
	m := math.Max(maxOf(x), ghost)
	if math.IsNaN(m) || math.IsInf(m, 0) {
		return m
	}
	s := math.Exp(beta * (ghost - m))
	for _, xi := range x {
		s += math.Exp(beta * (float64(xi) - m))
	}
	return m + math.Log(s)/beta
}

// softmaxTo writes e^{βxᵢ} / (e^{β·ghost} + Σ e^{βxⱼ}) into dst. dst may
// be x. A NaN in x makes every element NaN; +Inf elements share the mass
// equally; when every logit is −Inf the weights are uniform.
func softmaxTo[T Float](dst []T, beta float64, x []T, ghost float64) {
	m := math.Max(maxOf(x), ghost)
	switch {
	case math.IsNaN(m):
		fillNaN(dst)
		return
	case math.IsInf(m, 1):
		var k float64
		for _, xi := range x {
			if math.IsInf(float64(xi), 1) {
				k++
			}
		}
		for i, xi := range x {
			dst[i] = 0
			if math.IsInf(float64(xi), 1) {
				dst[i] = T(1 / k)
			}
		}
		return
	case math.IsInf(m, -1):
		// Every logit is −Inf: the limit of equal logits, uniform weights.
		for i := range dst {
			dst[i] = T(1 / float64(len(dst)))
		}
		return
	}
	if x32, ok := asFloat32(x); ok {
		softmaxTo32(any(dst).([]float32), beta, x32, ghost, m)
		return
	}
	s := math.Exp(beta * (ghost - m))
	for i, xi := range x {
		e := math.Exp(beta * (float64(xi) - m))
		s += e
		dst[i] = T(e)
	}
	inv := 1 / s
	for i := range dst {
		dst[i] = T(float64(dst[i]) * inv)
	}
}

// softmaxHessVec turns g (held in dst) into β (g ⊙ v − g (g·v)).
func softmaxHessVec[T Float](dst []T, beta float64, v []T) {
	var gv float64
	for i, g := range dst {
		gv += float64(g) * float64(v[i])
	}
	for i, g := range dst {
		dst[i] = T(beta * float64(g) * (float64(v[i]) - gv))
	}
}
