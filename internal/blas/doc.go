// Package blas is the one path by which the library's matrix products run:
// row-major general products (Sgemm, Dgemm, Gemm), matrix–vector products
// (Sgemv, Dgemv, Gemv) and symmetric rank-k updates (Ssyrk, Dsyrk, Syrk),
//
//	C = α·op(A)·op(B) + β·C      gemm
//	y = α·op(A)·x + β·y          gemv
//	C = α·A·Aᵀ + β·C             syrk (one triangle; the Hebbian sum Σ ξξᵀ)
//
// with the argument order and meaning of reference BLAS (Dongarra et al.
// 1990) in gonum's row-major convention: every matrix is a flat slice whose
// rows start ld elements apart. When β = 0 the output is not read, so NaN or
// Inf left in it does not reach the result; a product with an empty inner
// dimension (k = 0, or no columns of op(A) in gemv) scales the output by β.
//
// # Backends
//
// Two implementations sit behind these functions, and the first call picks
// one for the life of the process:
//
//   - OpenBLAS, loaded at run time from libopenblas.so.0 (Debian and Ubuntu
//     package libopenblas0-pthread, pulled in by libopenblas0) through
//     github.com/ebitengine/purego, so the library builds with
//     CGO_ENABLED=0 and needs neither a C compiler nor OpenBLAS to compile.
//     It runs single-precision products about ten times faster than gonum on
//     the machines we measure (see DESIGN.md, "Speed").
//   - gonum (gonum.org/v1/gonum/blas/gonum), pure Go, when OpenBLAS cannot be
//     loaded.
//
// The environment variable HOPFIELD_BLAS forces a choice: "gonum" always
// uses gonum; "openblas" uses OpenBLAS, and falls back to gonum with the
// reason recorded when the library does not load. Backend reports the
// choice and why, for example "openblas (libopenblas.so.0)" or
// "gonum (HOPFIELD_BLAS=gonum)"; nothing is printed or logged.
//
// OpenBLAS runs its own thread pool (sized by OPENBLAS_NUM_THREADS, else one
// thread per core) next to Go's; gonum splits large products over GOMAXPROCS
// goroutines. The two give results equal within floating-point rounding but
// not bit for bit.
//
// OpenBLAS is loaded only on linux/amd64 and linux/arm64, the platforms where
// it is tested; elsewhere gonum runs every product.
//
// # Misuse
//
// Shapes and slice lengths are checked in Go before any backend runs, so a
// bad call panics with a "blas: " message, worded as gonum's, and can never
// make the C library read or write outside the slices.
//
// # Concurrency
//
// Every function may be called from many goroutines at once. They write only
// to their output argument, which callers must not share between concurrent
// calls.
//
// # Gorgonia
//
// Implementation is a complete gonum BLAS whose Sgemm, Dgemm, Sgemv, Dgemv,
// Ssyrk and Dsyrk run on the selected backend, so
//
//	tensor.Use(blas.Implementation{})   // gorgonia.org/tensor
//	gorgonia.Use(blas.Implementation{}) // gorgonia.org/gorgonia
//
// moves Gorgonia's matrix products onto OpenBLAS as well. Both are global
// settings of those packages; keep the previous value (tensor.WhichBLAS,
// gorgonia.WhichBLAS) to restore it.
package blas
