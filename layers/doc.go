// Package layers builds general Lagrangian networks: groups of neurons,
// each described by a Lagrangian, coupled by symmetric synapses, with a
// total energy that their continuous-time dynamics never raise (Krotov &
// Hopfield 2021; Krotov 2021; Hoover et al. 2022).
//
// # Energy
//
// Group a has states x_a ∈ ℝ^{N_a}, a convex Lagrangian L_a, activations
// g_a = ∇L_a(x_a) and time constant τ_a. Synapses are scalar energies of
// activations: a dense weight W between groups A and B, a bias b on one
// group; input currents I enter like a bias that may differ per state.
// The total energy is
//
//	E = Σ_a [x_aᵀ g_a − L_a(x_a) − I_aᵀ g_a] − Σ_{A≠B} g_Aᵀ W g_B − Σ_{A=B} ½ g_Aᵀ W g_A − Σ bᵀ g
//
// The group term is the Legendre transform of L_a, whose derivative with
// respect to g_a is x_a, so
//
//	∂E/∂g_a = x_a − I_a − b_a − Σ_s (field of s on a),
//
// the field of a dense synapse being W g_B on A and Wᵀ g_A on B. The
// dynamics
//
//	τ_a dx_a/dt = −∂E/∂g_a = I_a + b_a + Σ W g − x_a
//
// give dE/dt = −Σ_a τ_a (dx_a/dt)ᵀ ∇²L_a (dx_a/dt) ≤ 0 whenever every
// Hessian ∇²L_a is positive semi-definite (lagrangian.CheckConvexity)
// and E is bounded below; a fixed point satisfies x_a = I_a + b_a + Σ W g.
// Symmetry of the couplings is what makes E a Lyapunov function: a
// self-coupling W must be symmetric unless Dense.AllowAsymmetric is set.
//
// # Models
//
// TwoGroup is the network of feature neurons v and memory neurons h
// coupled by the memories ξ (Krotov & Hopfield 2021):
//
//	E = [vᵀg_v − L_v] + [hᵀg_h − L_h] − g_hᵀ ξ g_v
//	τ_f dv/dt = ξᵀ g_h − v,   τ_h dh/dt = ξ g_v − h
//
// With τ_h ≪ τ_f (Group.Instant, TwoGroup.FastHidden) h = ξ g_v and the
// features descend E(v) = vᵀg_v − L_v(v) − L_h(ξ g_v). Model A
// (L_v = Σ|v|, L_h = ΣF(h)) is the binary dense associative memory
// E = −Σ_μ F(ξ^μ·σ) (Krotov & Hopfield 2016); model B (L_v = ½Σv²,
// L_h = (1/β) log Σ e^{βh}) takes, with dt = τ_f, the step
// v ← ξᵀ softmax(β ξ v) of attention (Ramsauer et al. 2021); model C
// uses the spherical normalisation L_v = |v|. With L_h = ½Σh² the hidden
// neurons integrate out to −½ g_vᵀ ξᵀξ g_v: the continuous network of
// Hopfield (1984) with T = ξᵀξ and gain g_v, whose energy
// −½ VᵀTV + Σ ∫₀^{Vᵢ} g⁻¹ equals E exactly when L_v(0) = 0.
//
// NewHierarchical builds the layered network of Krotov (2021), any number
// of layers with their own Lagrangians and τ and
//
//	τ_A dx_A/dt = W_{A−1} g_{A−1} + W_Aᵀ g_{A+1} − x_A,   g_{−1} = g_L = 0;
//
// NewFullyConnected the fully connected heterogeneous network with one
// global Lagrangian (Blocks makes one from additive and non-additive
// parts), symmetric W and a τ per neuron.
//
// # Dynamics
//
// Network.Step takes one Euler step; Network.Run integrates with Euler
// steps (dt/τ_a per group) or an adaptive step that never accepts a step
// raising a row's energy, until max |τ dx/dt| < Tol, a step limit, or a
// numerical failure, reported as a Status per row. It records the energy
// at a stride on request. Clamp masks in the State hold chosen neurons
// fixed (pattern completion, classification).
//
// # Conventions
//
// A State holds a batch of B independent rows: X[a] is B×N_a row-major.
// Rows never interact, and a batch follows exactly the trajectories of
// its rows run one at a time. Dense fields are matrix products of the
// whole batch (gonum's BLAS). Networks are immutable after NewNetwork,
// which copies weights; States are mutated by Energy (activations), Step
// and Run and must not be shared between goroutines during a call.
// Invalid arguments give errors that name them, and a call that fails
// changes nothing. No step allocates after a State is built.
//
// # References
//
//   - J. J. Hopfield. Neurons with graded response have collective
//     computational properties like those of two-state neurons. PNAS 81,
//     3088–3092, 1984.
//   - D. Krotov, J. J. Hopfield. Dense associative memory for pattern
//     recognition. NeurIPS 2016. arXiv:1606.01164.
//   - D. Krotov, J. J. Hopfield. Large associative memory problem in
//     neurobiology and machine learning. ICLR 2021. arXiv:2008.06996.
//   - D. Krotov. Hierarchical associative memory. 2021. arXiv:2107.06446.
//   - H. Ramsauer et al. Hopfield networks is all you need. ICLR 2021.
//     arXiv:2008.02217.
//   - B. Hoover, D. H. Chau, H. Strobelt, P. Ram, D. Krotov. A universal
//     abstraction for hierarchical Hopfield networks (HAMUX). NeurIPS 2022
//     workshop; github.com/bhoov/hamux.
package layers
