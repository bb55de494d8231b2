//go:build linux && (amd64 || arm64)

package blas

import (
	"fmt"
	"math"
	"sync"
	"unsafe"

	"github.com/ebitengine/purego"
)

// openblasLib is the soname of OpenBLAS with 32-bit integers, which Debian's
// libopenblas0-pthread, libopenblas0-openmp and libopenblas0-serial provide.
const openblasLib = "libopenblas.so.0"

// openblas calls OpenBLAS through its Fortran entry points (sgemm_, ...)
// rather than CBLAS. Every Fortran argument is a pointer, so the calls go
// through purego.SyscallN, which allocates nothing; cblas_sgemm takes α and β
// by value in float registers, which SyscallN cannot place next to integer
// arguments, and purego's reflective RegisterFunc allocates on every call.
// Fortran is column-major: a row-major matrix read column-major is its
// transpose, so each call swaps operands or flips flags as written below.
type openblas struct {
	fsgemm, fdgemm, fsgemv, fdgemv, fssyrk, fdsyrk uintptr
}

// fortranArgs holds the scalars passed by reference for one call. It comes
// from a pool so that pointers to it, which escape into the C call, cost no
// allocation.
type fortranArgs struct {
	c1, c2                 byte
	i1, i2, i3, i4, i5, i6 int32
	s                      [2]float32
	d                      [2]float64
}

var argsPool = sync.Pool{New: func() any { return new(fortranArgs) }}

var (
	openblasOnce sync.Once
	openblasImpl *openblas
	openblasInfo BackendInfo
	openblasErr  error
)

// loadOpenBLAS opens the library once per process; later calls return the
// first outcome.
func loadOpenBLAS() (backend, BackendInfo, error) {
	openblasOnce.Do(func() {
		openblasImpl, openblasInfo, openblasErr = dlopenOpenBLAS()
	})
	if openblasErr != nil {
		return nil, BackendInfo{}, openblasErr
	}
	return openblasImpl, openblasInfo, nil
}

func dlopenOpenBLAS() (*openblas, BackendInfo, error) {
	h, err := purego.Dlopen(openblasLib, purego.RTLD_NOW|purego.RTLD_LOCAL)
	if err != nil {
		return nil, BackendInfo{}, fmt.Errorf("cannot load %s: %v", openblasLib, err)
	}
	o := new(openblas)
	syms := []struct {
		name string
		p    *uintptr
	}{
		{"sgemm_", &o.fsgemm}, {"dgemm_", &o.fdgemm},
		{"sgemv_", &o.fsgemv}, {"dgemv_", &o.fdgemv},
		{"ssyrk_", &o.fssyrk}, {"dsyrk_", &o.fdsyrk},
	}
	for _, s := range syms {
		if *s.p, err = purego.Dlsym(h, s.name); err != nil {
			purego.Dlclose(h)
			return nil, BackendInfo{}, fmt.Errorf("%s lacks %s: %v", openblasLib, s.name, err)
		}
	}
	info := BackendInfo{Name: "openblas", Reason: openblasLib, Config: openblasConfig(h)}
	return o, info, nil
}

// openblasConfig describes the build and thread count, when the library
// exports the OpenBLAS extensions that tell.
func openblasConfig(h uintptr) string {
	var cfg string
	if _, err := purego.Dlsym(h, "openblas_get_config"); err == nil {
		var getConfig func() string
		purego.RegisterLibFunc(&getConfig, h, "openblas_get_config")
		cfg = getConfig()
	}
	if _, err := purego.Dlsym(h, "openblas_get_num_threads"); err == nil {
		var getThreads func() int32
		purego.RegisterLibFunc(&getThreads, h, "openblas_get_num_threads")
		cfg += fmt.Sprintf(" threads=%d", getThreads())
	}
	return cfg
}

func fortranTrans(t Transpose) byte {
	if t == NoTrans {
		return 'N'
	}
	return 'T'
}

// flip is the Fortran flag for op(X)ᵀ.
func flip(t Transpose) byte {
	if t == NoTrans {
		return 'T'
	}
	return 'N'
}

// fits reports whether every size and stride fits OpenBLAS's 32-bit int.
func fits(v ...int) bool {
	for _, x := range v {
		if x > math.MaxInt32 || x < -math.MaxInt32 {
			return false
		}
	}
	return true
}

// Row-major C = op(A)·op(B) is column-major Cᵀ = op(B)ᵀ·op(A)ᵀ: the same
// flags with the operands and m, n swapped.
func (o *openblas) sgemm(tA, tB Transpose, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) {
	if !fits(m, n, k, lda, ldb, ldc) {
		gonumBackend{}.sgemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
		return
	}
	p := argsPool.Get().(*fortranArgs)
	p.c1, p.c2 = fortranTrans(tB), fortranTrans(tA)
	p.i1, p.i2, p.i3 = int32(n), int32(m), int32(k)
	p.i4, p.i5, p.i6 = int32(ldb), int32(lda), int32(ldc)
	p.s = [2]float32{alpha, beta}
	purego.SyscallN(o.fsgemm,
		uintptr(unsafe.Pointer(&p.c1)), uintptr(unsafe.Pointer(&p.c2)),
		uintptr(unsafe.Pointer(&p.i1)), uintptr(unsafe.Pointer(&p.i2)), uintptr(unsafe.Pointer(&p.i3)),
		uintptr(unsafe.Pointer(&p.s[0])),
		uintptr(unsafe.Pointer(unsafe.SliceData(b))), uintptr(unsafe.Pointer(&p.i4)),
		uintptr(unsafe.Pointer(unsafe.SliceData(a))), uintptr(unsafe.Pointer(&p.i5)),
		uintptr(unsafe.Pointer(&p.s[1])),
		uintptr(unsafe.Pointer(unsafe.SliceData(c))), uintptr(unsafe.Pointer(&p.i6)))
	argsPool.Put(p)
}

func (o *openblas) dgemm(tA, tB Transpose, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) {
	if !fits(m, n, k, lda, ldb, ldc) {
		gonumBackend{}.dgemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
		return
	}
	p := argsPool.Get().(*fortranArgs)
	p.c1, p.c2 = fortranTrans(tB), fortranTrans(tA)
	p.i1, p.i2, p.i3 = int32(n), int32(m), int32(k)
	p.i4, p.i5, p.i6 = int32(ldb), int32(lda), int32(ldc)
	p.d = [2]float64{alpha, beta}
	purego.SyscallN(o.fdgemm,
		uintptr(unsafe.Pointer(&p.c1)), uintptr(unsafe.Pointer(&p.c2)),
		uintptr(unsafe.Pointer(&p.i1)), uintptr(unsafe.Pointer(&p.i2)), uintptr(unsafe.Pointer(&p.i3)),
		uintptr(unsafe.Pointer(&p.d[0])),
		uintptr(unsafe.Pointer(unsafe.SliceData(b))), uintptr(unsafe.Pointer(&p.i4)),
		uintptr(unsafe.Pointer(unsafe.SliceData(a))), uintptr(unsafe.Pointer(&p.i5)),
		uintptr(unsafe.Pointer(&p.d[1])),
		uintptr(unsafe.Pointer(unsafe.SliceData(c))), uintptr(unsafe.Pointer(&p.i6)))
	argsPool.Put(p)
}

// Row-major m×n A read column-major is the n×m matrix Aᵀ, so op flips and
// the Fortran shape is n×m.
func (o *openblas) sgemv(tA Transpose, m, n int, alpha float32, a []float32, lda int, x []float32, incX int, beta float32, y []float32, incY int) {
	if !fits(m, n, lda, incX, incY) {
		gonumBackend{}.sgemv(tA, m, n, alpha, a, lda, x, incX, beta, y, incY)
		return
	}
	p := argsPool.Get().(*fortranArgs)
	p.c1 = flip(tA)
	p.i1, p.i2, p.i3, p.i4, p.i5 = int32(n), int32(m), int32(lda), int32(incX), int32(incY)
	p.s = [2]float32{alpha, beta}
	purego.SyscallN(o.fsgemv,
		uintptr(unsafe.Pointer(&p.c1)),
		uintptr(unsafe.Pointer(&p.i1)), uintptr(unsafe.Pointer(&p.i2)),
		uintptr(unsafe.Pointer(&p.s[0])),
		uintptr(unsafe.Pointer(unsafe.SliceData(a))), uintptr(unsafe.Pointer(&p.i3)),
		uintptr(unsafe.Pointer(unsafe.SliceData(x))), uintptr(unsafe.Pointer(&p.i4)),
		uintptr(unsafe.Pointer(&p.s[1])),
		uintptr(unsafe.Pointer(unsafe.SliceData(y))), uintptr(unsafe.Pointer(&p.i5)))
	argsPool.Put(p)
}

func (o *openblas) dgemv(tA Transpose, m, n int, alpha float64, a []float64, lda int, x []float64, incX int, beta float64, y []float64, incY int) {
	if !fits(m, n, lda, incX, incY) {
		gonumBackend{}.dgemv(tA, m, n, alpha, a, lda, x, incX, beta, y, incY)
		return
	}
	p := argsPool.Get().(*fortranArgs)
	p.c1 = flip(tA)
	p.i1, p.i2, p.i3, p.i4, p.i5 = int32(n), int32(m), int32(lda), int32(incX), int32(incY)
	p.d = [2]float64{alpha, beta}
	purego.SyscallN(o.fdgemv,
		uintptr(unsafe.Pointer(&p.c1)),
		uintptr(unsafe.Pointer(&p.i1)), uintptr(unsafe.Pointer(&p.i2)),
		uintptr(unsafe.Pointer(&p.d[0])),
		uintptr(unsafe.Pointer(unsafe.SliceData(a))), uintptr(unsafe.Pointer(&p.i3)),
		uintptr(unsafe.Pointer(unsafe.SliceData(x))), uintptr(unsafe.Pointer(&p.i4)),
		uintptr(unsafe.Pointer(&p.d[1])),
		uintptr(unsafe.Pointer(unsafe.SliceData(y))), uintptr(unsafe.Pointer(&p.i5)))
	argsPool.Put(p)
}

// Row-major A·Aᵀ (A n×k) is column-major A'ᵀ·A' with A' = Aᵀ the k×n
// column-major view, so op flips; the upper triangle of a row-major matrix
// is the lower triangle of its column-major view.
func (o *openblas) ssyrk(ul Uplo, tA Transpose, n, k int, alpha float32, a []float32, lda int, beta float32, c []float32, ldc int) {
	if !fits(n, k, lda, ldc) {
		gonumBackend{}.ssyrk(ul, tA, n, k, alpha, a, lda, beta, c, ldc)
		return
	}
	p := argsPool.Get().(*fortranArgs)
	p.c1, p.c2 = fortranUplo(ul), flip(tA)
	p.i1, p.i2, p.i3, p.i4 = int32(n), int32(k), int32(lda), int32(ldc)
	p.s = [2]float32{alpha, beta}
	purego.SyscallN(o.fssyrk,
		uintptr(unsafe.Pointer(&p.c1)), uintptr(unsafe.Pointer(&p.c2)),
		uintptr(unsafe.Pointer(&p.i1)), uintptr(unsafe.Pointer(&p.i2)),
		uintptr(unsafe.Pointer(&p.s[0])),
		uintptr(unsafe.Pointer(unsafe.SliceData(a))), uintptr(unsafe.Pointer(&p.i3)),
		uintptr(unsafe.Pointer(&p.s[1])),
		uintptr(unsafe.Pointer(unsafe.SliceData(c))), uintptr(unsafe.Pointer(&p.i4)))
	argsPool.Put(p)
}

func (o *openblas) dsyrk(ul Uplo, tA Transpose, n, k int, alpha float64, a []float64, lda int, beta float64, c []float64, ldc int) {
	if !fits(n, k, lda, ldc) {
		gonumBackend{}.dsyrk(ul, tA, n, k, alpha, a, lda, beta, c, ldc)
		return
	}
	p := argsPool.Get().(*fortranArgs)
	p.c1, p.c2 = fortranUplo(ul), flip(tA)
	p.i1, p.i2, p.i3, p.i4 = int32(n), int32(k), int32(lda), int32(ldc)
	p.d = [2]float64{alpha, beta}
	purego.SyscallN(o.fdsyrk,
		uintptr(unsafe.Pointer(&p.c1)), uintptr(unsafe.Pointer(&p.c2)),
		uintptr(unsafe.Pointer(&p.i1)), uintptr(unsafe.Pointer(&p.i2)),
		uintptr(unsafe.Pointer(&p.d[0])),
		uintptr(unsafe.Pointer(unsafe.SliceData(a))), uintptr(unsafe.Pointer(&p.i3)),
		uintptr(unsafe.Pointer(&p.d[1])),
		uintptr(unsafe.Pointer(unsafe.SliceData(c))), uintptr(unsafe.Pointer(&p.i4)))
	argsPool.Put(p)
}

func fortranUplo(ul Uplo) byte {
	if ul == Upper {
		return 'L'
	}
	return 'U'
}
