package classical

import (
	"runtime"
	"testing"
)

// BenchmarkAsyncRecall: N = 1000, P = 100 Hebbian patterns, recall from a
// copy with 10% of bits flipped to a fixed point.
func BenchmarkAsyncRecall(b *testing.B) {
	const n, p = 1000, 100
	rng := newRand(100)
	net := mustNet(b, n, Bipolar)
	pats := mustPatterns(b, p, n, rng)
	if err := net.StoreHebbian(pats); err != nil {
		b.Fatal(err)
	}
	probes := make([][]int8, 64)
	for i := range probes {
		probes[i], _ = NoisyCopy(nil, pats[i%p], n/10, rng)
	}
	dst := make([]int8, n)
	set := &RecallSettings{Rand: rng}
	_, _ = net.Recall(dst, probes[0], set) // warm the workspace pool
	b.ReportAllocs()
	i, flips := 0, 0
	for b.Loop() {
		res, _ := net.Recall(dst, probes[i%len(probes)], set)
		flips += res.Flips
		i++
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(i), "ns/recall")
	b.ReportMetric(float64(flips)/float64(i), "flips/recall")
}

// BenchmarkHebbianStore: P = 100 patterns of N = 1000 as one matrix product.
func BenchmarkHebbianStore(b *testing.B) {
	const n, p = 1000, 100
	rng := newRand(101)
	net := mustNet(b, n, Bipolar)
	pats := mustPatterns(b, p, n, rng)
	b.ReportAllocs()
	k := 0
	for b.Loop() {
		_ = net.StoreHebbian(pats)
		k++
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(k*p)/sec, "patterns/s")
	b.ReportMetric(float64(k)*2*p*n*n/sec/1e9, "GFLOP/s")
}

// BenchmarkStorkeyStore: P = 100 patterns of N = 1000, O(N²) per pattern.
func BenchmarkStorkeyStore(b *testing.B) {
	const n, p = 1000, 100
	rng := newRand(102)
	pats := mustPatterns(b, p, n, rng)
	b.ReportAllocs()
	k := 0
	for b.Loop() {
		net := mustNet(b, n, Bipolar)
		_ = net.StoreStorkey(pats)
		k++
	}
	b.ReportMetric(float64(k*p)/b.Elapsed().Seconds(), "patterns/s")
}

// retainedBytes returns the live heap held by a network of n units after
// storing 10 patterns and one recall.
func retainedBytes(tb testing.TB, n int) (uint64, *Network) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	rng := newRand(103)
	net := mustNet(tb, n, Bipolar)
	pats := mustPatterns(tb, 10, n, rng)
	if err := net.StoreHebbian(pats); err != nil {
		tb.Fatal(err)
	}
	dst := make([]int8, n)
	if _, err := net.Recall(dst, pats[0], nil); err != nil {
		tb.Fatal(err)
	}
	pats, dst = nil, nil
	runtime.GC()
	runtime.ReadMemStats(&after)
	return after.HeapAlloc - before.HeapAlloc, net
}

// A network holds one N×N float32 matrix and O(N) beside it: at N = 2000 the
// retained heap is 4N² bytes plus at most 64N + 64 KiB.
func TestMemoryOneFloat32Matrix(t *testing.T) {
	const n = 2000
	got, net := retainedBytes(t, n)
	limit := uint64(4*n*n + 64*n + 64<<10)
	if got < 4*n*n || got > limit {
		t.Errorf("N=%d: retained %d bytes, want between 4N² = %d and %d", n, got, 4*n*n, limit)
	}
	runtime.KeepAlive(net)
}

// BenchmarkMemoryN10000 reports the retained heap of a network of N = 10 000
// units (400 MB of weights) in bytes per N².
func BenchmarkMemoryN10000(b *testing.B) {
	const n = 10000
	for b.Loop() {
		got, net := retainedBytes(b, n)
		b.ReportMetric(float64(got), "bytes")
		b.ReportMetric(float64(got)/(n*n), "bytes/N²")
		b.ReportMetric(float64(got-4*n*n)/n, "extra-bytes/N")
		runtime.KeepAlive(net)
	}
}
