// Package lagrangian is the core of the library: the Lagrangian of a group
// of neurons, its activation, its energy and its curvature.
//
// A neuron group with states x ∈ ℝᴰ is described by one convex scalar
// function, its Lagrangian L(x). Everything else follows from it (Krotov &
// Hopfield 2021; Krotov 2021):
//
//	activation      g = ∇L(x)
//	energy          E(x) = x·g − L(x)        (the Legendre transform of L)
//	curvature       H = ∇²L(x) = ∂g/∂x
//
// The energy is the convex conjugate L* evaluated at g, so ∂E/∂g = x: a
// synapse coupling groups through their activations adds an interaction
// energy, and the dynamics τ dx/dt = −∂E_total/∂g descend the total energy
// whenever every group's Hessian H is positive semi-definite, since
// dE/dt = −τ (dx/dt)ᵀ H (dx/dt) ≤ 0. CheckConvexity reports that
// condition at a point.
//
// # Catalogue
//
// Each entry is generic over float32 and float64 and built by a
// constructor that validates its parameters (β > 0 finite, n ≥ 1,
// eps ≥ 0, γ > 0, δ finite) and returns a *ParamError otherwise:
//
//	Identity               ½ Σ xᵢ²                              g = x
//	RePU(n), ReLU          (1/n) Σ relu(xᵢ)ⁿ                    g = relu(x)ⁿ⁻¹
//	Exponential(β)         (1/β) Σ e^{βxᵢ}                      g = e^{βx}
//	RectifiedExponential   Σ e^{β relu(xᵢ)}/β − relu(xᵢ)        g = e^{β relu(x)} − 1
//	Tanh(β)                (1/β) Σ log cosh(βxᵢ)                g = tanh(βx)
//	Sigmoid(β)             (1/β) Σ log(1 + e^{βxᵢ})             g = σ(βx)
//	LogSumExp(β)           (1/β) log Σ e^{βxᵢ}                  g = softmax(βx)
//	Ghostmax(β)            (1/β) log(1 + Σ e^{βxᵢ})             g = e^{βx}/(1 + Σe^{βx})
//	LayerNorm(γ,δ,eps)     γ D sqrt(Var(x) + eps) + δ·x         g = γ (x − x̄)/sqrt(Var + eps) + δ
//	SphericalNorm(γ,δ,eps) γ sqrt(Σxᵢ² + eps) + δ·x             g = γ x/sqrt(|x|² + eps) + δ
//	Abs                    Σ |xᵢ|                               g = sign(x)
//	PowerSum(n)            Σ xᵢⁿ                                g = n xⁿ⁻¹
//	RectifiedPowerSum(n)   Σ relu(xᵢ)ⁿ                          g = n relu(x)ⁿ⁻¹
//	ExpSum(β)              Σ e^{βxᵢ}                            g = β e^{βx}
//
// The last three are the interaction functions F of dense associative
// memories, F(x) = xⁿ, rectified xⁿ and e^{βx} (Krotov & Hopfield 2016;
// Demircigil et al. 2017), written as Lagrangians Σ F(xᵢ) so that F′ is
// the activation of a memory neuron. Identity with LogSumExp is model B
// (attention), Abs with a power or exponential sum is model A (the binary
// dense memory), and SphericalNorm is the feature Lagrangian of model C
// (Krotov & Hopfield 2021, §3). The catalogue follows HAMUX (Hoover et al.
// 2022). Each type's doc comment states its special cases: where L is not
// differentiable, which value is returned and why.
//
// # Numerics
//
// Every element is evaluated in float64 and rounded once to T, so float32
// results agree with float64 ones to about 2e-6 relative (a tested
// bound). The exception is the float32 activation of the exponential
// family (exponential, exp-sum, tanh, sigmoid, log-sum-exp, ghostmax),
// which runs eight exponentials at a time in float32 arithmetic (AVX2,
// within 1 ulp of the exponential of its float32 argument): rounding β
// and the argument y = βx to float32 adds up to 2|y|·2⁻²⁴ ≈ |y|·1.2e-7
// relative error (3|y|·2⁻²⁴ for softmax weights, whose y = β(x − max)),
// within the same 2e-6 for |βx| ≲ 15. Log-sum-exp and ghostmax subtract the maximum before
// exponentiating; softplus is max(y, 0) + log1p(e^−|y|); log cosh is
// |y| + log1p(e^−2|y|) − log 2; the logistic and sech² slopes are written
// in e^−|y|. Consequently, for β from 1e-3 to 1e3 and |x| up to 1e4 no
// result is NaN, and none is infinite unless its true value exceeds the
// range of T (only the exponentials can). NaN in x propagates to every
// result that depends on it.
//
// # Conventions
//
// Methods write into a destination given first (ActivationTo(dst, x)), as
// gonum does; slices of the wrong length are programmer errors and panic
// with a "lagrangian:" message. Batched forms (ValuesTo, ActivationsTo,
// EnergiesTo) treat a flat row-major slice with cols columns as a batch of
// states and split large batches across GOMAXPROCS goroutines. All
// Lagrangians are immutable and safe for concurrent use. Their methods
// and Energy allocate nothing; the batched forms allocate only when they
// start goroutines; Activation, HessianTo and CheckConvexity allocate
// their results.
//
// # References
//
//   - D. Krotov, J. J. Hopfield. Large associative memory problem in
//     neurobiology and machine learning. ICLR 2021. arXiv:2008.06996.
//   - D. Krotov. Hierarchical associative memory. 2021. arXiv:2107.06446.
//   - D. Krotov, J. J. Hopfield. Dense associative memory for pattern
//     recognition. NeurIPS 2016. arXiv:1606.01164.
//   - M. Demircigil, J. Heusel, M. Löwe, S. Upgang, F. Vermet. On a model
//     of associative memory with huge storage capacity. J. Stat. Phys.
//     168, 2017. arXiv:1702.01929.
//   - B. Hoover, D. H. Chau, H. Strobelt, P. Ram, D. Krotov. A universal
//     abstraction for hierarchical Hopfield networks (HAMUX). NeurIPS 2022
//     workshop; github.com/bhoov/hamux.
//   - H. Ramsauer et al. Hopfield networks is all you need. ICLR 2021.
//     arXiv:2008.02217.
package lagrangian
