// Package classical implements the classical Hopfield networks that the rest
// of the library generalises: the binary network of 1982, the graded-response
// (continuous) network of 1984, and optimisation by energy descent on them
// (Ising/QUBO, max-cut, and the Hopfield–Tank travelling salesman).
//
// # Binary network
//
// N units with states Sᵢ = ±1 (or Vᵢ ∈ {0, 1} at the API with Binary01,
// Sᵢ = 2Vᵢ − 1), symmetric weights wᵢⱼ with zero diagonal and thresholds θᵢ
// (Amari 1972; Little 1974; Hopfield 1982). A unit is updated by
//
//	Sᵢ ← +1 if hᵢ = Σⱼ wᵢⱼSⱼ ≥ θᵢ, else −1,
//
// and the energy is
//
//	E(S) = −½ Σᵢⱼ wᵢⱼSᵢSⱼ + Σᵢ θᵢSᵢ.
//
// The threshold enters E with a plus sign: flipping unit i changes E by
// −ΔSᵢ(hᵢ − θᵢ) (with wᵢᵢ = 0), which is never positive under the rule
// above. Texts that write −ΣθS pair it with the rule hᵢ + θᵢ ≥ 0.
// Asynchronous (serial) updates therefore reach a fixed point; synchronous
// updates reach a fixed point or a 2-cycle (Bruck 1990, whose U(k) and
// pseudo-cut are BruckU and PseudoCut). Recall keeps the fields hᵢ
// incrementally, O(N) per flip, and reports a Status with sweeps and flips.
// With an inverse temperature β it runs Glauber dynamics,
// P(Sᵢ = +1) = 1/(1 + e^{−2β(hᵢ−θᵢ)}).
//
// Learning rules, with ξ^μ the ±1 patterns:
//
//	Hebbian      wᵢⱼ = (1/N) Σμ ξᵢ^μ ξⱼ^μ, wᵢᵢ = 0           (Hopfield 1982)
//	Storkey      wᵢⱼ += (1/N)(ξᵢξⱼ − ξᵢhⱼᵢ − hᵢⱼξⱼ),
//	             hᵢⱼ = Σ_{k≠i,j} wᵢₖξₖ, per pattern            (Storkey 1997)
//	projection   W = X(XᵀX)⁻¹Xᵀ, optionally wᵢᵢ = 0          (Personnaz et al. 1985;
//	                                                         Kanter & Sompolinsky 1987)
//
// Hebbian storage is incremental and reversible (ForgetHebbian) and is one
// float32 matrix product. Random patterns are retrieved by the Hebbian rule
// up to P ≈ 0.138N (Amit, Gutfreund & Sompolinsky 1985); beyond it retrieval
// collapses. Storkey's rule stores more; the projection rule makes every
// linearly independent pattern a fixed point for P < N. Capacity measures
// this in parallel with fixed seeds. Below capacity the other stable states
// are negations and odd mixtures sgn(±ξ¹ ± ξ² ± ξ³) of stored patterns, and
// spurious states; Classify tells them apart.
//
// Weights are one flat row-major N×N float32 slice; with thresholds and a
// pooled recall workspace a network of N units holds 4N² bytes plus O(N)
// (400 MB plus about 40 bytes per unit at N = 10 000).
//
// # Continuous network
//
// Continuous is Hopfield's (1984) graded-response network,
//
//	τ du/dt = −u + T V + I,   V = g(u),
//
// with the gains Tanh (V = tanh λu) and Logistic (V = 1/(1 + e^{−λu})), and
// the Lyapunov function
//
//	E(V) = −½ VᵀTV − IᵀV + Σᵢ ∫₀^{Vᵢ} g⁻¹(x) dx,
//
// whose integral is (1/λ)[V artanh V + ½ ln(1 − V²)] for tanh and
// (1/λ)[V ln V + (1 − V) ln(1 − V)] for the logistic gain. For symmetric T,
// dE/dt = −τ Σ g′(uᵢ)(duᵢ/dt)² ≤ 0; at high gain the minima approach the
// binary network's stable corners. Run integrates with fixed-step Euler or
// the adaptive Bogacki–Shampine 3(2) pair and reports a Status.
// NewContinuousFromPatterns builds T = Σμ ξ^μ ξ^μᵀ, the classical limit of the
// modern two-layer associative memory (Krotov & Hopfield 2016, 2021).
//
// # Optimisation
//
// Minimize searches the Ising energy −½sᵀWs − bᵀs by binary or continuous
// descent from seeded restarts; QUBO and MaxCut map those problems onto it.
// TSP is the Hopfield & Tank (1985) network: neuron V_Xi says city X is at
// position i, and the energy adds row, column and global penalties with
// constants A, B, C to D times the tour length, with V = ½(1 + tanh(u/u₀)).
// Its valid-tour rate is low and sensitive to the constants (Wilson & Pawley
// 1988); Solve reports it.
//
// # Errors, concurrency and randomness
//
// Data passed in (patterns of the wrong length, values other than ±1 or 0/1,
// NaN or Inf, P = 0 or N = 0) returns an error naming the argument and index,
// and a failed call changes nothing. Methods that store or set mutate and
// must not run concurrently; Recall, Energy and the other reading methods may.
// Everything random takes a *rand.Rand from math/rand/v2 or a seed. Nothing
// is printed.
//
// # References
//
//   - S. Amari (1972). Learning patterns and pattern sequences by
//     self-organizing nets of threshold elements. IEEE Trans. Computers C-21.
//   - W. A. Little (1974). The existence of persistent states in the brain.
//     Math. Biosci. 19.
//   - J. J. Hopfield (1982). Neural networks and physical systems with
//     emergent collective computational abilities. PNAS 79, 2554–2558.
//   - J. J. Hopfield (1984). Neurons with graded response have collective
//     computational properties like those of two-state neurons. PNAS 81,
//     3088–3092.
//   - J. J. Hopfield & D. W. Tank (1985). "Neural" computation of decisions
//     in optimization problems. Biol. Cybern. 52, 141–152.
//   - D. J. Amit, H. Gutfreund & H. Sompolinsky (1985). Storing infinite
//     numbers of patterns in a spin-glass model of neural networks. Phys.
//     Rev. Lett. 55, 1530–1533.
//   - L. Personnaz, I. Guyon & G. Dreyfus (1985). Information storage and
//     retrieval in spin-glass like neural networks. J. Physique Lett. 46.
//   - I. Kanter & H. Sompolinsky (1987). Associative recall of memory without
//     errors. Phys. Rev. A 35, 380–392.
//   - G. V. Wilson & G. S. Pawley (1988). On the stability of the travelling
//     salesman problem algorithm of Hopfield and Tank. Biol. Cybern. 58.
//   - P. Bogacki & L. F. Shampine (1989). A 3(2) pair of Runge–Kutta
//     formulas. Appl. Math. Lett. 2, 321–325.
//   - J. Bruck (1990). On the convergence properties of the Hopfield model.
//     Proc. IEEE 78, 1579–1585.
//   - A. J. Storkey (1997). Increasing the capacity of a Hopfield network
//     without sacrificing functionality. ICANN'97, LNCS 1327, 451–456.
//   - D. Krotov & J. J. Hopfield (2016). Dense associative memory for pattern
//     recognition. NeurIPS 29.
//   - D. Krotov & J. J. Hopfield (2021). Large associative memory problem in
//     neurobiology and machine learning. ICLR.
package classical
