//go:build !amd64

package vmath

var useAVX2 = false

func expAVX2(dst, src *float32, n int, a, c float32, table *[14][8]float32) {
	panic("vmath: no AVX2 kernel on this architecture")
}

func dotRowsAVX2(dst, x *float32, rows, ld int, q *float32, n int) {
	panic("vmath: no AVX2 kernel on this architecture")
}

func addWeightedRowsAVX2(acc, x *float32, rows, ld int, w *float32, n int) {
	panic("vmath: no AVX2 kernel on this architecture")
}

func maxAVX2(x *float32, n int) (float32, bool) {
	panic("vmath: no AVX2 kernel on this architecture")
}

func sumAVX2(x *float32, n int) float64 {
	panic("vmath: no AVX2 kernel on this architecture")
}
