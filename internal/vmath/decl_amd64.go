package vmath

import "golang.org/x/sys/cpu"

// useAVX2 selects the assembly kernels; tests switch it off to exercise
// the Go loops.
var useAVX2 = cpu.X86.HasAVX2 && cpu.X86.HasFMA

// expAVX2 writes e^{a·(x[i] − c)} for the first n elements (n a positive
// multiple of 8) from src to dst.
//
//go:noescape
func expAVX2(dst, src *float32, n int, a, c float32, table *[14][8]float32)

// dotRowsAVX2 writes the dot products of rows rows of x (stride ld
// elements) with q over the first n elements (n a positive multiple of 8).
//
//go:noescape
func dotRowsAVX2(dst, x *float32, rows, ld int, q *float32, n int)

// addWeightedRowsAVX2 adds Σᵢ w[i]·x[i·ld + j] to acc[j] for j < n (n a
// positive multiple of 8) and i < rows (rows ≥ 1).
//
//go:noescape
func addWeightedRowsAVX2(acc, x *float32, rows, ld int, w *float32, n int)

// maxAVX2 returns the largest of the first n elements of x (n a positive
// multiple of 32) and whether any of them is NaN.
//
//go:noescape
func maxAVX2(x *float32, n int) (m float32, nan bool)

// sumAVX2 returns the float64 sum of the first n elements of x (n a
// positive multiple of 16).
//
//go:noescape
func sumAVX2(x *float32, n int) float64
