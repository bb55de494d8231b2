package attention

import (
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unsafe"
)

// Bad input gets an error naming the argument, and changes nothing:
// neither the memory nor dst.
func TestBadInputErrorsAndChangesNothing(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	keys := []float64{1, 0, 0, 1, 0.5, 0.5}
	for _, c := range []struct {
		want string
		fn   func() error
	}{
		{"d = 0", func() error { _, err := NewMemory(0, keys, nil); return err }},
		{"keys is empty", func() error { _, err := NewMemory[float64](2, nil, nil); return err }},
		{"len(keys) = 5", func() error { _, err := NewMemory(2, keys[:5], nil); return err }},
		{"keys[1][0] = NaN", func() error { _, err := NewMemory(2, []float64{0, 0, nan, 1}, nil); return err }},
		{"len(values) = 4", func() error { _, err := NewMemory(2, keys, []float64{1, 2, 3, 4}); return err }},
		{"values[2][1] = +Inf", func() error { _, err := NewMemory(2, keys, []float64{1, 2, 3, 4, 5, inf}); return err }},
	} {
		if err := c.fn(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("got error %v, want one mentioning %q", err, c.want)
		}
	}

	mem, err := NewMemory(2, keys, nil)
	if err != nil {
		t.Fatal(err)
	}
	before := mem.Bytes()
	for _, c := range []struct {
		want string
		fn   func() error
	}{
		{"len(keys) = 3", func() error { return mem.Store([]float64{1, 2, 3}, nil) }},
		{"keys[1][1] = NaN", func() error { return mem.Store([]float64{1, 2, 3, nan}, nil) }},
		{"values given", func() error { return mem.Store([]float64{1, 2}, []float64{1, 2}) }},
	} {
		if err := c.fn(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Store: got error %v, want one mentioning %q", err, c.want)
		}
	}
	if mem.Len() != 3 || mem.Bytes() != before {
		t.Errorf("a failed Store changed the memory: %d patterns, %d bytes", mem.Len(), mem.Bytes())
	}

	dst := []float64{7, 7, 7, 7}
	for _, c := range []struct {
		want string
		fn   func() error
	}{
		{"len(queries) = 3", func() error { return mem.Retrieve(dst[:3], []float64{1, 2, 3}, 1, nil, nil) }},
		{"queries[1][0] = NaN", func() error { return mem.Retrieve(dst, []float64{1, 2, nan, 0}, 1, nil, nil) }},
		{"queries[0][1] = +Inf", func() error { return mem.Retrieve(dst, []float64{1, inf, 0, 0}, 1, nil, nil) }},
		{"beta = 0", func() error { return mem.Retrieve(dst, []float64{1, 2, 3, 4}, 0, nil, nil) }},
		{"beta = -1", func() error { return mem.Retrieve(dst, []float64{1, 2, 3, 4}, -1, nil, nil) }},
		{"beta = NaN", func() error { return mem.Retrieve(dst, []float64{1, 2, 3, 4}, nan, nil, nil) }},
		{"beta = +Inf", func() error { return mem.Retrieve(dst, []float64{1, 2, 3, 4}, inf, nil, nil) }},
		{"len(dst) = 3", func() error { return mem.Retrieve(dst[:3], []float64{1, 2, 3, 4}, 1, nil, nil) }},
		{"Exclude[1] = 3", func() error { return mem.Retrieve(dst, []float64{1, 2, 3, 4}, 1, &Settings{Exclude: []int{0, 3}}, nil) }},
		{"removes all 3", func() error {
			return mem.Retrieve(dst, []float64{1, 2, 3, 4}, 1, &Settings{Exclude: []int{2, 0, 1, 0}}, nil)
		}},
		{"Steps = -1", func() error { return mem.Retrieve(dst, []float64{1, 2, 3, 4}, 1, &Settings{Steps: -1}, nil) }},
		{"Tol = NaN", func() error { return mem.Retrieve(dst, []float64{1, 2, 3, 4}, 1, &Settings{Tol: nan}, nil) }},
		{"k = 4", func() error {
			return mem.TopK(make([]int, 4), make([]float64, 4), []float64{1, 2}, 1, 4, nil)
		}},
		{"k = 0", func() error { return mem.TopK(nil, nil, []float64{1, 2}, 1, 0, nil) }},
		{"len(state) = 4", func() error { _, err := mem.EnergyGrad(nil, []float64{1, 2, 3, 4}, 1, nil); return err }},
		{"len(dst) = 4", func() error { return mem.Weights(dst, []float64{1, 2}, 1, nil) }},
	} {
		if err := c.fn(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("got error %v, want one mentioning %q", err, c.want)
		}
		if !slices.Equal(dst, []float64{7, 7, 7, 7}) {
			t.Fatalf("a failed call (%s) wrote to dst: %v", c.want, dst)
		}
	}
	hetero, err := NewMemory(2, keys, []float64{1, 2, 3})
	if err != nil {
		t.Fatal(err)
	}
	if err := hetero.Retrieve(make([]float64, 1), []float64{1, 2}, 1, &Settings{Steps: 2}, nil); err == nil ||
		!strings.Contains(err.Error(), "Steps = 2") {
		t.Errorf("two steps on a hetero memory: %v", err)
	}
}

// Store appends without copying what is stored: the blocks holding the
// first patterns keep their backing arrays, and retrieval sees all
// patterns in order.
func TestStoreDoesNotCopy(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	const d = 8
	first := gaussian(rng, 100*d, 1)
	mem, err := NewMemory(d, first, nil)
	if err != nil {
		t.Fatal(err)
	}
	arrays := func() []*float64 {
		var p []*float64
		for _, b := range mem.blocks {
			p = append(p, unsafe.SliceData(b.keys))
		}
		return p
	}
	start := arrays()
	all := slices.Clone(first)
	for range 300 {
		x := gaussian(rng, d*(1+rng.IntN(40)), 1)
		if err := mem.Store(x, nil); err != nil {
			t.Fatal(err)
		}
		all = append(all, x...)
		now := arrays()
		if !slices.Equal(now[:len(start)], start) {
			t.Fatal("a block's backing array moved: stored patterns were copied")
		}
		start = now
	}
	if mem.Len() != len(all)/d {
		t.Fatalf("Len = %d, want %d", mem.Len(), len(all)/d)
	}
	got := make([]float64, d)
	for _, i := range []int{0, 99, 100, 1234, len(all)/d - 1} {
		if err := mem.Pattern(got, nil, i); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, all[i*d:(i+1)*d]) {
			t.Errorf("pattern %d = %v, want %v", i, got, all[i*d:(i+1)*d])
		}
	}
	// Retrieval over the grown memory equals a memory built in one call.
	once, _ := NewMemory(d, all, nil)
	q := gaussian(rng, 3*d, 1)
	a, b := make([]float64, 3*d), make([]float64, 3*d)
	if err := mem.Retrieve(a, q, 2, nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := once.Retrieve(b, q, 2, nil, nil); err != nil {
		t.Fatal(err)
	}
	closeVec(t, "grown vs built at once", a, b, 1e-12)
}

// A memory built at once holds exactly M·D·4 bytes of float32; one grown
// by small Stores holds at most a block's spare rows more.
func TestMemoryFootprint(t *testing.T) {
	const m, d = 10_000, 64
	keys := make([]float32, m*d)
	mem, err := NewMemory(d, keys, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := mem.Bytes(); got != m*d*4 {
		t.Errorf("Bytes = %d, want M·D·4 = %d", got, m*d*4)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	mem2, _ := NewMemory(d, keys, nil)
	runtime.GC()
	runtime.ReadMemStats(&after)
	if grew := int64(after.HeapAlloc) - int64(before.HeapAlloc); grew > m*d*4+64*(m+d)+1<<14 {
		t.Errorf("heap grew by %d bytes for a memory of %d bytes of patterns", grew, m*d*4)
	}
	runtime.KeepAlive(mem2)
	grown, _ := NewMemory(d, keys[:d], nil)
	for i := 1; i < m; i++ {
		if err := grown.Store(keys[i*d:(i+1)*d], nil); err != nil {
			t.Fatal(err)
		}
	}
	if got, limit := grown.Bytes(), (m+blockRows)*d*4; got > limit {
		t.Errorf("grown one pattern at a time: %d bytes, more than %d", got, limit)
	}
}

// Retrieval allocates nothing once its workspace exists (the pool keeps
// it), and a batch retrieval's scratch is O(B·(D + chunk)), never B×M, on
// either path (the matrix path holds B × matrixChunk scores).
func TestRetrievalAllocations(t *testing.T) {
	rng := rand.New(rand.NewPCG(33, 34))
	const d = 64
	small, _ := NewMemory(d, to32(gaussian(rng, 1024*d, 0.1)), nil)
	q := to32(gaussian(rng, d, 1))
	out := make([]float32, d)
	var res Result
	s := &Settings{Steps: 3}
	if err := small.Retrieve(out, q, 1, s, &res); err != nil {
		t.Fatal(err)
	}
	if n := testing.AllocsPerRun(100, func() { _ = small.Retrieve(out, q, 1, s, &res) }); n != 0 && !raceEnabled {
		t.Errorf("small retrieval: %v allocations per call, want 0", n)
	}

	const m, b = 20_000, 64
	big, _ := NewMemory(d, to32(gaussian(rng, m*d, 0.1)), nil)
	qs := to32(gaussian(rng, b*d, 1))
	outs := make([]float32, b*d)
	var ms0, ms1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms0)
	if err := big.Retrieve(outs, qs, 1, &Settings{Steps: 2, Energy: true}, &res); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&ms1)
	allocated := ms1.TotalAlloc - ms0.TotalAlloc
	if limit := uint64(4 * (8*b*(2*d+8) + b*matrixChunk + 8*chunkRows + 1<<14)); allocated > limit || allocated >= b*m*4 {
		t.Errorf("B=%d, M=%d: retrieval allocated %d bytes, limit %d (B×M floats would be %d)", b, m, allocated, limit, b*m*4)
	}
}

// Pattern returns keys and values, and a bad call writes nothing.
func TestPatternAccessor(t *testing.T) {
	mem, err := NewMemory(2, []float64{1, 2, 3, 4}, []float64{5, 6, 7, 8, 9, 10})
	if err != nil {
		t.Fatal(err)
	}
	k, v := make([]float64, 2), make([]float64, 3)
	if err := mem.Pattern(k, v, 1); err != nil || !slices.Equal(k, []float64{3, 4}) || !slices.Equal(v, []float64{8, 9, 10}) {
		t.Errorf("Pattern(1) = %v %v, %v", k, v, err)
	}
	k = []float64{-1, -1}
	for _, err := range []error{mem.Pattern(k, make([]float64, 2), 0), mem.Pattern(k, nil, 2), mem.Pattern(k[:1], nil, 0)} {
		if err == nil {
			t.Error("bad Pattern call accepted")
		}
	}
	if !slices.Equal(k, []float64{-1, -1}) {
		t.Errorf("a failed Pattern call wrote %v", k)
	}
}
