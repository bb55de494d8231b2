package vmath

import "golang.org/x/sys/cpu"

var useAVX2 = cpu.X86.HasAVX2 && cpu.X86.HasFMA

// expAVX2 writes e^{a·(x[i] − c)} for the first n elements (n a positive
// multiple of 8) from src to dst.
//
//go:noescape
func expAVX2(dst, src *float32, n int, a, c float32, table *[14][8]float32)
