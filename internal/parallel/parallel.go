// Package parallel splits index ranges across goroutines for batch kernels.
//
// Work below a caller-chosen grain runs on the calling goroutine, so small
// calls pay no goroutine start-up.
package parallel

import (
	"runtime"
	"sync"
)

// For calls fn(lo, hi) on disjoint ranges that cover [0, n) exactly once.
// Each range holds at least grain indices, except where n < grain; when
// only one range results, fn runs on the calling goroutine. The number of
// ranges is at most GOMAXPROCS. For returns when every call has returned.
func For(n, grain int, fn func(lo, hi int)) {
	if n <= 0 {
		return
	}
	if grain < 1 {
		grain = 1
	}
	workers := min(runtime.GOMAXPROCS(0), n/grain)
	if workers <= 1 {
		fn(0, n)
		return
	}
	var wg sync.WaitGroup
	wg.Add(workers - 1)
	for w := 1; w < workers; w++ {
		lo, hi := w*n/workers, (w+1)*n/workers
		go func() {
			defer wg.Done()
			fn(lo, hi)
		}()
	}
	fn(0, n/workers)
	wg.Wait()
}
