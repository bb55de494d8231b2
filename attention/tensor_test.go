package attention

import (
	"math/rand/v2"
	"slices"
	"sync"
	"testing"

	"gorgonia.org/tensor"
)

// Row-major tensors are shared, not copied; transposed views are copied
// in row-major order; wrong types and ranks are errors.
func TestDenseAdapters(t *testing.T) {
	data := []float32{1, 2, 3, 4, 5, 6}
	dense := tensor.New(tensor.WithShape(2, 3), tensor.WithBacking(data))
	got, rows, cols, err := FromDense[float32](dense)
	if err != nil || rows != 2 || cols != 3 || !slices.Equal(got, data) {
		t.Fatalf("FromDense = %v %d×%d, %v", got, rows, cols, err)
	}
	got[0] = 42
	if data[0] != 42 {
		t.Error("FromDense copied a row-major tensor")
	}
	tr := tensor.New(tensor.WithShape(2, 3), tensor.WithBacking([]float32{1, 2, 3, 4, 5, 6}))
	if err := tr.T(); err != nil {
		t.Fatal(err)
	}
	got, rows, cols, err = FromDense[float32](tr)
	if err != nil || rows != 3 || cols != 2 || !slices.Equal(got, []float32{1, 4, 2, 5, 3, 6}) {
		t.Errorf("FromDense of a transpose = %v %d×%d, %v; want [1 4 2 5 3 6] 3×2", got, rows, cols, err)
	}
	if _, _, _, err := FromDense[float64](dense); err == nil {
		t.Error("float32 tensor read as float64")
	}
	if _, _, _, err := FromDense[float32](tensor.New(tensor.WithShape(1, 2, 3), tensor.WithBacking(data))); err == nil {
		t.Error("3-D tensor accepted")
	}
	back, err := ToDense(data, 3, 2)
	if err != nil {
		t.Fatal(err)
	}
	back.Set(1, float32(-1))
	if data[1] != -1 || !slices.Equal(back.Shape(), tensor.Shape{3, 2}) {
		t.Error("ToDense copied or misshaped the data")
	}
	if _, err := ToDense(data, 4, 2); err == nil {
		t.Error("ToDense accepted a wrong shape")
	}

	// A memory and queries built from tensors retrieve as from slices.
	rng := rand.New(rand.NewPCG(41, 42))
	keys := to32(gaussian(rng, 50*8, 1))
	kt, _ := ToDense(keys, 50, 8)
	kd, _, d, _ := FromDense[float32](kt)
	mem, err := NewMemory(d, kd, nil)
	if err != nil {
		t.Fatal(err)
	}
	q := to32(gaussian(rng, 8, 1))
	a, b := make([]float32, 8), make([]float32, 8)
	_ = mem.Retrieve(a, q, 2, nil, nil)
	ref, _ := NewMemory(8, keys, nil)
	_ = ref.Retrieve(b, q, 2, nil, nil)
	if !slices.Equal(a, b) {
		t.Error("retrieval through tensors differs")
	}
}

// Retrievals from many goroutines while another stores: no race (under
// -race), and every retrieval sees a consistent memory.
func TestConcurrentRetrieveAndStore(t *testing.T) {
	rng := rand.New(rand.NewPCG(43, 44))
	const d = 16
	mem, _ := NewMemory(d, gaussian(rng, 500*d, 0.3), nil)
	extra := gaussian(rng, 200*d, 0.3)
	q := gaussian(rng, 4*d, 1)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 4 {
		wg.Go(func() {
			out := make([]float64, 4*d)
			var res Result
			for range 20 {
				if err := mem.Retrieve(out, q, 3, &Settings{Steps: 2, Energy: true}, &res); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Go(func() {
		for i := range 200 {
			if err := mem.Store(extra[i*d:(i+1)*d], nil); err != nil {
				errs <- err
				return
			}
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if mem.Len() != 700 {
		t.Errorf("Len = %d after concurrent stores, want 700", mem.Len())
	}
}

// The exported BLAS drives tensor products on the library's backend.
func TestBLASForTensor(t *testing.T) {
	if Backend() == "" {
		t.Fatal("Backend() is empty")
	}
	defer tensor.Use(tensor.WhichBLAS())
	tensor.Use(BLAS())
	a := tensor.New(tensor.WithShape(2, 3), tensor.WithBacking([]float32{1, 2, 3, 4, 5, 6}))
	b := tensor.New(tensor.WithShape(3, 2), tensor.WithBacking([]float32{1, 0, 0, 1, 1, 1}))
	c, err := a.MatMul(b)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Data().([]float32); !slices.Equal(got, []float32{4, 5, 10, 11}) {
		t.Errorf("MatMul through BLAS() = %v, want [4 5 10 11]", got)
	}
}
