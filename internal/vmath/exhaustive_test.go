package vmath

import (
	"math"
	"os"
	"testing"
)

// TestExpExhaustive checks the AVX2 exponential against math.Exp at every
// float32 argument where e^y is a non-zero finite float32 (2.24e9 of
// them, about a minute). It runs only when VMATH_EXHAUSTIVE=1:
//
//	VMATH_EXHAUSTIVE=1 go test ./internal/vmath -run Exhaustive -v -timeout 30m
func TestExpExhaustive(t *testing.T) {
	if os.Getenv("VMATH_EXHAUSTIVE") != "1" {
		t.Skip("set VMATH_EXHAUSTIVE=1 to check every float32 argument")
	}
	if !useAVX2 {
		t.Skip("no AVX2+FMA on this machine")
	}
	const block = 1 << 20
	ys := make([]float32, 0, block)
	got := make([]float32, block)
	var worst int64
	var worstY float32
	count := 0
	flush := func() {
		ExpTo(got[:len(ys)], ys, 1, 0)
		for i, y := range ys {
			if d := ulps(got[i], float32(math.Exp(float64(y)))); d > worst {
				worst, worstY = d, y
			}
		}
		count += len(ys)
		ys = ys[:0]
	}
	for _, sign := range []uint32{0, 1 << 31} {
		for bits := uint32(0); ; bits++ {
			y := math.Float32frombits(bits | sign)
			if y > expHi || y < expLo {
				break
			}
			if ys = append(ys, y); len(ys) == block {
				flush()
			}
		}
	}
	flush()
	t.Logf("%d arguments: max error %d ulp (at y = %g)", count, worst, worstY)
	if worst > 1 {
		t.Errorf("max error %d ulp at y = %g, stated bound 1", worst, worstY)
	}
}
