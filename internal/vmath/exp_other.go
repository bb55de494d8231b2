//go:build !amd64

package vmath

const useAVX2 = false

func expAVX2(dst, src *float32, n int, a, c float32, table *[14][8]float32) {
	panic("vmath: no AVX2 kernel on this architecture")
}
