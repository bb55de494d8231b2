// Package dense implements binary dense associative memories: Hopfield
// networks of N units σᵢ ∈ {−1, +1} whose energy is a sum of a rapidly
// growing function F of the overlaps with K stored patterns ξμ,
//
//	E(σ) = −Σμ F(mμ),   mμ = ξμ·σ = Σᵢ ξμᵢσᵢ,
//
// after Krotov & Hopfield (2016) and Demircigil et al. (2017). Three
// interaction functions are provided:
//
//	F(x) = xⁿ, n ≥ 2                      (Polynomial)
//	F(x) = xⁿ for x ≥ 0, else 0           (RectifiedPolynomial)
//	F(x) = e^{βx}, β > 0                  (Exponential)
//
// With F(x) = x² the energy is −Σ_{ij} W_ij σᵢσⱼ for the Hebbian weights
// W_ij = Σμ ξμᵢξμⱼ, the network of Hopfield (1982); larger powers store
// far more patterns than units.
//
// # Update rule
//
// A unit is updated asynchronously by Eq. 4 of Krotov & Hopfield (2016),
//
//	σᵢ ← Sign[ Σμ F(ξμᵢ + Σ_{j≠i} ξμⱼσⱼ) − F(−ξμᵢ + Σ_{j≠i} ξμⱼσⱼ) ],
//
// whose bracket is ΔEᵢ = E(σ with σᵢ=−1) − E(σ with σᵢ=+1), exposed as
// State.EnergyDiff. On ΔEᵢ = 0 the unit keeps its value, so every flip
// strictly lowers the energy and asynchronous dynamics always converge.
// Because the sums exclude j = i there is no self-coupling: with F = x²,
// ΔEᵢ = 4hᵢ where hᵢ = Σ_{j≠i} W_ij σⱼ is the field of the zero-diagonal
// Hebbian network, so decisions and fixed points are exactly that
// network's.
//
// A State keeps the K overlaps. If unit i flips, each overlap changes by
// −2ξμᵢσᵢ (σᵢ the old value), an O(K) update; deciding unit i costs O(K), and
// a sweep over all units O(N·K). Writing xμ = ξμᵢσᵢ, flipping unit i moves
// mμ to mμ − 2xμ, so
//
//	flip iff Σμ F(mμ − 2xμ) − F(mμ) > 0.
//
// Overlaps are integers in [−N, N], so for the polynomial kinds the two
// possible terms F(m∓2) − F(m) are tabulated for every m, computed exactly
// with math/big; the decision is then one table lookup and one add per
// pattern, exact while the sums stay below 2⁵³ (for example n = 3,
// N = 784, K up to 10⁹). Degrees with (N+2)ⁿ > 2¹⁰⁰⁰ are rejected.
//
// # The exponential in the log domain
//
// For F = e^{βx} the terms reach e^{βN}, beyond float64 for βN ≳ 709, and
// the difference of Eq. 4 is a difference of two such sums. With M the
// largest overlap and weights wμ = e^{β(mμ−M)} ≤ 1, split into W₊ (patterns
// with xμ = +1) and W₋ (xμ = −1), flipping lowers the energy iff
//
//	W₊e^{−2β} + W₋e^{2β} > W₊ + W₋  ⇔  W₊ < e^{2β} W₋,
//
// a comparison of quantities of order K, and log|ΔEᵢ| = βM +
// log|W₋(e^{2β}−1) − W₊(1−e^{−2β})| is formed from logarithms
// (State.LogEnergyDiff, State.LogEnergy). Nothing overflows and the sign is
// never lost, for any N.
//
// # Storage
//
// Patterns are bit-packed by unit: unit i owns a column of K bits, bit μ
// set when ξμᵢ = −1, so a pattern costs N/8 bytes and the per-unit pass
// reads one contiguous column while it walks the overlaps in order. XOR
// with σᵢ's sign turns the column into the bits xμ = −1. Overlaps are
// computed from scratch (State.Reset) with bit-sliced counters: the
// disagreement words of all units are added into ⌈log₂(N+1)⌉ bit planes,
// 64 patterns at a time.
//
// # Uses
//
// Classifier stores labelled examples as patterns (features, one-hot ±1
// label) and classifies by clamping the features and making one Eq. 4
// decision per label unit from the state with all labels at −1 (Eq. 9 of
// Krotov & Hopfield 2016). The XOR example reproduces their §3: odd powers
// solve XOR with three units, F = x² gives ΔE = 0 exactly, and the
// rectified x² solves it.
//
// Capacity measures, in parallel and reproducibly from a seed, the
// fraction of random stored patterns that are fixed points and that are
// recalled exactly from a copy with some units flipped. For F = xⁿ
// Krotov & Hopfield estimate the error-free capacity
//
//	K_max ≈ N^{n−1} / (2 (2n−3)!! ln N),
//
// and Demircigil et al. prove that F = eˣ stores exponentially many
// patterns in N.
//
// # Concurrency
//
// Memory.Store and Classifier.Store mutate; all other methods of Memory
// and Classifier only read and may run concurrently. A State belongs to
// one goroutine and must be Reset after a Store into its Memory.
//
// # References
//
//   - J. J. Hopfield, Neural networks and physical systems with emergent
//     collective computational abilities, PNAS 79, 2554 (1982).
//   - D. Krotov and J. J. Hopfield, Dense associative memory for pattern
//     recognition, NIPS 2016, arXiv:1606.01164.
//   - M. Demircigil, J. Heusel, M. Löwe, S. Upgang and F. Vermet, On a model
//     of associative memory with huge storage capacity, J. Stat. Phys. 168,
//     288 (2017), arXiv:1702.01929.
package dense
