package blas

import (
	"os"
	"strings"
	"sync"
)

// EnvVar names the environment variable that forces a backend: "gonum" or
// "openblas" (letter case ignored). It is read once, at the first product.
const EnvVar = "HOPFIELD_BLAS"

// backend is one implementation of the routines, called after the shapes
// have been checked and the degenerate cases (m, n or k zero, α = 0) handled.
type backend interface {
	sgemm(tA, tB Transpose, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int)
	dgemm(tA, tB Transpose, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int)
	sgemv(tA Transpose, m, n int, alpha float32, a []float32, lda int, x []float32, incX int, beta float32, y []float32, incY int)
	dgemv(tA Transpose, m, n int, alpha float64, a []float64, lda int, x []float64, incX int, beta float64, y []float64, incY int)
	ssyrk(ul Uplo, tA Transpose, n, k int, alpha float32, a []float32, lda int, beta float32, c []float32, ldc int)
	dsyrk(ul Uplo, tA Transpose, n, k int, alpha float64, a []float64, lda int, beta float64, c []float64, ldc int)
}

// BackendInfo says which implementation runs the products and why.
type BackendInfo struct {
	// Name is "openblas" or "gonum".
	Name string
	// Reason is the library that was loaded, or why gonum is in use.
	Reason string
	// Config is OpenBLAS's own description of its build (version, kernel,
	// thread limit); empty for gonum.
	Config string
}

// String returns, for example, "openblas (libopenblas.so.0)" or
// "gonum (HOPFIELD_BLAS=gonum)".
func (b BackendInfo) String() string {
	return b.Name + " (" + b.Reason + ")"
}

var (
	selectOnce sync.Once
	active     backend
	activeInfo BackendInfo
)

// Backend reports the implementation in use, selecting it if no product has
// run yet.
func Backend() BackendInfo {
	selectOnce.Do(selectBackend)
	return activeInfo
}

func current() backend {
	selectOnce.Do(selectBackend)
	return active
}

func selectBackend() {
	active, activeInfo = choose(os.Getenv(EnvVar), loadOpenBLAS)
}

// choose applies the selection rule: OpenBLAS when it loads, gonum
// otherwise, unless env forces one. A forced OpenBLAS that fails to load
// falls back to gonum and says why.
func choose(env string, load func() (backend, BackendInfo, error)) (backend, BackendInfo) {
	fallback := func(reason string) (backend, BackendInfo) {
		return gonumBackend{}, BackendInfo{Name: "gonum", Reason: reason}
	}
	env = strings.TrimSpace(env)
	switch strings.ToLower(env) {
	case "gonum":
		return fallback(EnvVar + "=gonum")
	case "openblas":
		b, info, err := load()
		if err != nil {
			return fallback(EnvVar + "=openblas, but " + err.Error())
		}
		info.Reason += ", " + EnvVar + "=openblas"
		return b, info
	}
	note := ""
	if env != "" {
		note = "; " + EnvVar + "=" + env + " not recognised"
	}
	b, info, err := load()
	if err != nil {
		return fallback(err.Error() + note)
	}
	info.Reason += note
	return b, info
}
