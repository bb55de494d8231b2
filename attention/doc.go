// Package attention is a retrieval engine for continuous modern Hopfield
// networks (Ramsauer et al. 2021), whose update rule is the attention of
// transformers.
//
// A Memory stores M patterns xᵢ ∈ ℝᴰ (the keys; optionally each with a
// value vᵢ ∈ ℝᴰᵛ for hetero-association). A state ξ has the energy
//
//	E(ξ) = −lse(β, Xᵀξ) + ½ ξᵀξ + β⁻¹ log M + ½ max ‖xᵢ‖²
//	lse(β, z) = β⁻¹ log Σᵢ exp(β zᵢ)
//
// and the update
//
//	ξ ← X softmax(β Xᵀξ)
//
// which never raises E (Ramsauer et al., Theorem 1: it is a
// concave–convex procedure) and, for well separated patterns, retrieves a
// pattern in one step. With queries Q, keys K and values V the same
// update reads Z = softmax(β Q Kᵀ) V: attention with β = 1/√D. The
// gradient ∇E(ξ) = ξ − X softmax(βXᵀξ) (EnergyGrad) is the step the
// update takes. In the terms of Krotov & Hopfield (2021) this is model B:
// feature neurons with L = ½Σv² and memory neurons with the log-sum-exp
// Lagrangian, the memory neurons integrated out.
//
// # Engine
//
// Retrieve processes a batch of B queries in one streaming pass over the
// stored patterns per update step: for each chunk of 256 patterns it
// computes the scores, keeps each query's running maximum and normaliser
// of exp(β·score) and accumulates the weighted sum of values, rescaling
// when the maximum grows (the streaming softmax of flash attention). The
// patterns are read from memory once per step whatever B is, no B×M
// matrix is formed, and extreme β cannot overflow since every exponent is
// taken relative to the running maximum. Large passes are split over
// ranges of patterns across GOMAXPROCS goroutines and the partial maxima,
// normalisers and sums merged; small ones run on the calling goroutine
// and, with a reused Result, allocate nothing. float32 scores, weights
// and sums use AVX2/FMA kernels where the processor has them.
//
// Each query stops on its own once a step moves it by less than
// Settings.Tol. On request Retrieve reports energies, Weights writes the
// full association matrix, TopK the k largest weights per query, and
// Settings.Exclude removes given patterns from a retrieval. Store grows a
// memory without copying what it holds. FromDense and ToDense pass data to
// and from gorgonia.org/tensor without copying where the layout allows.
//
// # Concurrency
//
// Retrieve, EnergyGrad, Weights and TopK may run from many goroutines at
// once; Store waits for them and holds new ones until it is done.
//
// # References
//
//   - H. Ramsauer, B. Schäfl, J. Lehner, P. Seidl, M. Widrich, T. Adler,
//     L. Gruber, M. Holzleitner, M. Pavlović, G. K. Sandve, V. Greiff,
//     D. Kreil, M. Kopp, G. Klambauer, J. Brandstetter, S. Hochreiter.
//     Hopfield networks is all you need. ICLR 2021. arXiv:2008.02217.
//   - D. Krotov, J. J. Hopfield. Large associative memory problem in
//     neurobiology and machine learning. ICLR 2021. arXiv:2008.06996.
//   - T. Dao, D. Y. Fu, S. Ermon, A. Rudra, C. Ré. FlashAttention. NeurIPS
//     2022. arXiv:2205.14135 (the streaming softmax).
package attention
