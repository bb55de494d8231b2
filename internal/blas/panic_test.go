package blas

import (
	"strings"
	"testing"
)

func TestPanics(t *testing.T) {
	f := make([]float32, 12)
	d := make([]float64, 12)
	tests := []struct {
		name string
		want string
		call func()
	}{
		{"gemm bad transpose", errBadTranspose, func() { Sgemm('X', NoTrans, 2, 2, 2, 1, f, 2, f, 2, 0, f, 2) }},
		{"gemm m<0", errMLT0, func() { Sgemm(NoTrans, NoTrans, -1, 2, 2, 1, f, 2, f, 2, 0, f, 2) }},
		{"gemm n<0", errNLT0, func() { Dgemm(NoTrans, NoTrans, 2, -1, 2, 1, d, 2, d, 2, 0, d, 2) }},
		{"gemm k<0", errKLT0, func() { Sgemm(NoTrans, NoTrans, 2, 2, -1, 1, f, 2, f, 2, 0, f, 2) }},
		{"gemm lda", errBadLdA, func() { Sgemm(NoTrans, NoTrans, 2, 2, 3, 1, f, 2, f, 2, 0, f, 2) }},
		{"gemm lda trans", errBadLdA, func() { Sgemm(Trans, NoTrans, 3, 2, 2, 1, f, 2, f, 2, 0, f, 2) }},
		{"gemm ldb", errBadLdB, func() { Dgemm(NoTrans, Trans, 2, 3, 2, 1, d, 2, d, 1, 0, d, 3) }},
		{"gemm ldc", errBadLdC, func() { Sgemm(NoTrans, NoTrans, 2, 3, 2, 1, f, 2, f, 3, 0, f, 2) }},
		{"gemm ld zero on empty", errBadLdC, func() { Sgemm(NoTrans, NoTrans, 0, 0, 0, 1, nil, 1, nil, 1, 0, nil, 0) }},
		{"gemm short a", errShortA, func() { Sgemm(NoTrans, NoTrans, 4, 2, 4, 1, f, 4, f, 2, 0, f, 2) }},
		{"gemm short b", errShortB, func() { Dgemm(NoTrans, NoTrans, 2, 3, 5, 1, d, 5, d, 3, 0, d, 3) }},
		{"gemm short c", errShortC, func() { Sgemm(NoTrans, NoTrans, 3, 5, 2, 1, f, 2, f, 5, 0, f, 5) }},
		{"gemm short c by one", errShortC, func() { Sgemm(NoTrans, NoTrans, 2, 2, 1, 1, f, 1, f, 2, 0, f[:5], 4) }},
		{"gemv bad transpose", errBadTranspose, func() { Sgemv(0, 2, 2, 1, f, 2, f, 1, 0, f, 1) }},
		{"gemv m<0", errMLT0, func() { Sgemv(NoTrans, -2, 2, 1, f, 2, f, 1, 0, f, 1) }},
		{"gemv n<0", errNLT0, func() { Dgemv(NoTrans, 2, -2, 1, d, 2, d, 1, 0, d, 1) }},
		{"gemv lda", errBadLdA, func() { Sgemv(NoTrans, 2, 3, 1, f, 2, f, 1, 0, f, 1) }},
		{"gemv incX", errZeroIncX, func() { Sgemv(NoTrans, 2, 2, 1, f, 2, f, 0, 0, f, 1) }},
		{"gemv incY", errZeroIncY, func() { Dgemv(NoTrans, 2, 2, 1, d, 2, d, 1, 0, d, 0) }},
		{"gemv short a", errShortA, func() { Sgemv(NoTrans, 5, 3, 1, f, 3, f, 1, 0, f, 1) }},
		{"gemv short x", errShortX, func() { Sgemv(NoTrans, 2, 3, 1, f, 3, f[:2], 1, 0, f, 1) }},
		{"gemv short x stride", errShortX, func() { Sgemv(NoTrans, 2, 3, 1, f, 3, f[:4], -2, 0, f, 1) }},
		{"gemv short y trans", errShortY, func() { Dgemv(Trans, 2, 3, 1, d, 3, d, 1, 0, d[:2], 1) }},
		{"syrk bad uplo", errBadUplo, func() { Ssyrk(0, NoTrans, 2, 2, 1, f, 2, 0, f, 2) }},
		{"syrk bad transpose", errBadTranspose, func() { Ssyrk(Upper, 'Q', 2, 2, 1, f, 2, 0, f, 2) }},
		{"syrk n<0", errNLT0, func() { Dsyrk(Upper, NoTrans, -1, 2, 1, d, 2, 0, d, 2) }},
		{"syrk k<0", errKLT0, func() { Ssyrk(Lower, NoTrans, 2, -1, 1, f, 2, 0, f, 2) }},
		{"syrk lda", errBadLdA, func() { Ssyrk(Upper, Trans, 3, 2, 1, f, 2, 0, f, 3) }},
		{"syrk ldc", errBadLdC, func() { Dsyrk(Upper, NoTrans, 3, 2, 1, d, 2, 0, d, 2) }},
		{"syrk short a", errShortA, func() { Ssyrk(Upper, NoTrans, 4, 4, 1, f, 4, 0, f, 4) }},
		{"syrk short c", errShortC, func() { Dsyrk(Lower, NoTrans, 4, 1, 1, d, 1, 0, d, 4) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				r := recover()
				msg, ok := r.(string)
				if !ok || !strings.HasPrefix(msg, "blas: ") || msg != tc.want {
					t.Errorf("panic %v, want %q", r, tc.want)
				}
			}()
			tc.call()
		})
	}
}
