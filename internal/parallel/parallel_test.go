package parallel

import (
	"runtime"
	"sync/atomic"
	"testing"
)

func TestForCoversEveryIndexOnce(t *testing.T) {
	for _, procs := range []int{1, 2, 3, 8} {
		old := runtime.GOMAXPROCS(procs)
		for _, n := range []int{0, 1, 2, 7, 100, 1001} {
			for _, grain := range []int{0, 1, 3, 50, 2000} {
				counts := make([]int32, n)
				var calls atomic.Int32
				For(n, grain, func(lo, hi int) {
					calls.Add(1)
					if lo >= hi {
						t.Errorf("empty range [%d, %d)", lo, hi)
					}
					for i := lo; i < hi; i++ {
						atomic.AddInt32(&counts[i], 1)
					}
				})
				for i, c := range counts {
					if c != 1 {
						t.Fatalf("procs=%d n=%d grain=%d: index %d visited %d times", procs, n, grain, i, c)
					}
				}
				if int(calls.Load()) > procs {
					t.Errorf("procs=%d n=%d grain=%d: %d ranges, more than GOMAXPROCS", procs, n, grain, calls.Load())
				}
				if g := max(grain, 1); n >= 2*g && procs > 1 && calls.Load() < 2 {
					t.Errorf("procs=%d n=%d grain=%d: work was not split", procs, n, grain)
				}
			}
		}
		runtime.GOMAXPROCS(old)
	}
}
