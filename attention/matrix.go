package attention

import (
	"math"

	"github.com/gohopfield/hopfield/internal/blas"
	"github.com/gohopfield/hopfield/internal/parallel"
)

// The matrix-product path of a pass, for batches large enough that the
// scores of a chunk of patterns for all queries are best computed as one
// product: for each chunk of up to matrixChunk patterns,
//
//	S = Q Kᵀ              (B × chunk, one GEMM)
//	per row: running max, S ← exp(β(S − max)), normaliser += ΣS
//	acc ← acc·rescale + S V  (B × Dv, one GEMM)
//
// the same streaming softmax as the fused path, with the products in
// BLAS. Scratch is B × chunk scores, never B × M.

// matrixChunk is the most patterns whose scores are held at once.
const matrixChunk = 4096

// matrixMinBatch is the smallest batch sent down the matrix path.
const matrixMinBatch = 32

// pathOverride forces a path in tests: 0 chooses by shape, 1 fused, 2
// matrix.
var pathOverride int

// useMatrix reports whether a pass over b states goes through the matrix
// products: only where a BLAS GEMM beats the fused kernels, that is with
// OpenBLAS for float32 (gonum's GEMM is slower than the AVX2 kernels) and
// with any backend for float64.
func (mem *Memory[T]) useMatrix(b int) bool {
	switch pathOverride {
	case 1:
		return false
	case 2:
		return isGemmType[T]()
	}
	if b < matrixMinBatch || !isGemmType[T]() {
		return false
	}
	if _, f32 := any(T(0)).(float32); f32 {
		return blas.Backend().Name == "openblas"
	}
	return true
}

// isGemmType reports whether T is float32 or float64 itself (named types
// with those underlying types take the fused path).
func isGemmType[T Float]() bool {
	switch any(T(0)).(type) {
	case float32, float64:
		return true
	}
	return false
}

// gemm runs C = α·op(A)·op(B) + β·C on slices of T, which must be float32
// or float64 (see isGemmType).
func gemm[T Float](tA, tB blas.Transpose, m, n, k int, alpha float64, a []T, lda int, b []T, ldb int, beta float64, c []T, ldc int) {
	switch a := any(a).(type) {
	case []float32:
		blas.Sgemm(tA, tB, m, n, k, float32(alpha), a, lda, any(b).([]float32), ldb, float32(beta), any(c).([]float32), ldc)
	case []float64:
		blas.Dgemm(tA, tB, m, n, k, alpha, a, lda, any(b).([]float64), ldb, beta, any(c).([]float64), ldc)
	}
}

// passMatrix is pass through matrix products; it fills p (reset for b
// states) exactly as passRange does over all patterns.
func (mem *Memory[T]) passMatrix(ws *workspace[T], p *partial[T], states []T, b int, beta float64, excl []bool, sums summand) {
	d, dv := mem.d, mem.dv
	s := ws.matrixScores(b * matrixChunk)
	row := 0
	for _, blk := range mem.blocks {
		for c := 0; c < blk.rows; c += matrixChunk {
			n := min(matrixChunk, blk.rows-c)
			keys := blk.keys[c*d : (c+n)*d]
			sc := s[:b*n]
			gemm(blas.NoTrans, blas.Trans, b, n, d, 1, states, d, keys, d, 0, sc, n)
			ex := excl
			if ex != nil {
				ex = excl[row+c : row+c+n]
			}
			parallel.For(b, max(1, 1<<15/n), func(i0, i1 int) {
				for i := i0; i < i1; i++ {
					si := sc[i*n : (i+1)*n]
					for k, e := range ex {
						if e {
							si[k] = T(math.Inf(-1))
						}
					}
					p.addWeights(i, si, beta)
				}
			})
			if sums == sumNone {
				continue
			}
			var vals []T
			width := dv
			switch {
			case sums == sumValues && mem.hetero:
				vals = blk.values[c*dv : (c+n)*dv]
			default:
				vals, width = keys, d
			}
			gemm(blas.NoTrans, blas.NoTrans, b, width, n, 1, sc, n, vals, width, 1, p.acc, width)
		}
		row += blk.rows
	}
}

// addWeights is add without the weighted sum: it turns the scores s of
// query i into weights e^{β(s − max)} in place, rescaling the running
// normaliser and sum when the maximum grows.
func (p *partial[T]) addWeights(i int, s []T, beta float64) {
	m := maxOf(s)
	if math.IsInf(m, -1) {
		clear(s) // every pattern of the chunk is excluded: weight 0
		return
	}
	if m > p.max[i] {
		p.rescale(i, math.Exp(beta*(p.max[i]-m)))
		p.max[i] = m
	}
	expShifted(s, s, beta, p.max[i])
	p.sum[i] += sumOf(s)
}
