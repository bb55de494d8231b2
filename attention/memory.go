package attention

import (
	"fmt"
	"math"
	"sync"
	"unsafe"
)

// Float is the element type of patterns and states.
type Float interface {
	~float32 | ~float64
}

// blockRows is the most patterns one storage block holds. Blocks are the
// unit of streaming (a block's scores fit in cache) and of growth: Store
// fills the spare rows of the last block and adds new blocks, so nothing
// already stored is ever copied.
const blockRows = 4096

// minBlockRows is the capacity of the first block Store opens for a few
// patterns; later blocks grow with the memory up to blockRows.
const minBlockRows = 64

// block holds up to cap(keys)/d stored patterns, row-major.
type block[T Float] struct {
	keys   []T // rows×d
	values []T // rows×dv; nil when the memory is auto-associative
	rows   int
}

// Memory is a continuous modern Hopfield network: M stored patterns
// (keys) of width D, each with an optional value of width Dv for
// hetero-association. See the package documentation for the energy and
// the update rule.
//
// Retrieval methods may be called from many goroutines at once; Store
// waits for retrievals in progress and blocks new ones while it runs.
type Memory[T Float] struct {
	mu       sync.RWMutex
	d, dv    int
	hetero   bool
	blocks   []*block[T]
	m        int
	maxNorm2 float64   // max ‖xᵢ‖², for the energy's constant term
	pool     sync.Pool // of *workspace[T]
}

// NewMemory returns a memory of the M = len(keys)/d patterns in the
// row-major keys, copied. With values empty the memory is auto-associative
// (retrieval returns states in pattern space); otherwise values holds one
// row of width len(values)/M per pattern and retrieval returns values.
//
// It returns an error naming the argument when d < 1, keys is empty or
// not a multiple of d, values does not have M rows, or any entry is NaN
// or Inf.
func NewMemory[T Float](d int, keys, values []T) (*Memory[T], error) {
	if d < 1 {
		return nil, fmt.Errorf("attention: d = %d, must be at least 1", d)
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("attention: keys is empty: a memory needs at least one pattern")
	}
	mem := &Memory[T]{d: d, dv: d}
	if len(values) > 0 {
		m := len(keys) / d
		if m == 0 || len(values)%m != 0 {
			return nil, fmt.Errorf("attention: len(values) = %d is not a positive multiple of the %d patterns", len(values), m)
		}
		mem.hetero, mem.dv = true, len(values)/m
	}
	if err := mem.store(keys, values, true); err != nil {
		return nil, err
	}
	return mem, nil
}

// D returns the width of a pattern (and of a query).
func (mem *Memory[T]) D() int { return mem.d }

// Dv returns the width of a retrieved state: D for an auto-associative
// memory, the value width otherwise.
func (mem *Memory[T]) Dv() int { return mem.dv }

// Hetero reports whether the memory stores values apart from its keys.
func (mem *Memory[T]) Hetero() bool { return mem.hetero }

// Len returns the number M of stored patterns.
func (mem *Memory[T]) Len() int {
	mem.mu.RLock()
	defer mem.mu.RUnlock()
	return mem.m
}

// Pattern copies the key of pattern i into dst (len D) and, for a
// hetero-associative memory, its value into val (len Dv; ignored when
// nil).
func (mem *Memory[T]) Pattern(dst, val []T, i int) error {
	mem.mu.RLock()
	defer mem.mu.RUnlock()
	if i < 0 || i >= mem.m {
		return fmt.Errorf("attention: pattern index %d out of range [0, %d)", i, mem.m)
	}
	if len(dst) != mem.d {
		return fmt.Errorf("attention: len(dst) = %d, want D = %d", len(dst), mem.d)
	}
	if mem.hetero && val != nil && len(val) != mem.dv {
		return fmt.Errorf("attention: len(val) = %d, want Dv = %d", len(val), mem.dv)
	}
	for _, b := range mem.blocks {
		if i < b.rows {
			copy(dst, b.keys[i*mem.d:(i+1)*mem.d])
			if mem.hetero && val != nil {
				copy(val, b.values[i*mem.dv:(i+1)*mem.dv])
			}
			return nil
		}
		i -= b.rows
	}
	panic("attention: pattern count out of step with its blocks")
}

// Bytes returns the bytes held by stored patterns, spare block capacity
// included: exactly M·(D + Dv)·sizeof(T) (M·D·sizeof(T) when
// auto-associative) for a memory built by NewMemory, and at most
// min(4096, max(64, M/4)) spare rows more after Store.
func (mem *Memory[T]) Bytes() int {
	mem.mu.RLock()
	defer mem.mu.RUnlock()
	var z T
	size := int(unsafe.Sizeof(z))
	n := 0
	for _, b := range mem.blocks {
		n += (cap(b.keys) + cap(b.values)) * size
	}
	return n
}

// Store appends the patterns in the row-major keys (and, for a
// hetero-associative memory, their values). Nothing already stored is
// copied: new rows go into the spare capacity of the last block and into
// new blocks. On error the memory is unchanged.
func (mem *Memory[T]) Store(keys, values []T) error {
	return mem.store(keys, values, false)
}

// store appends patterns. With exact, new blocks are sized to what they
// receive (NewMemory), so a memory built in one call holds no spare rows.
func (mem *Memory[T]) store(keys, values []T, exact bool) error {
	n, err := mem.validate(keys, values)
	if err != nil {
		return err
	}
	mem.mu.Lock()
	defer mem.mu.Unlock()
	for done := 0; done < n; {
		b := mem.lastWithRoom(n-done, exact)
		k := min(n-done, cap(b.keys)/mem.d-b.rows)
		b.keys = append(b.keys, keys[done*mem.d:(done+k)*mem.d]...)
		if mem.hetero {
			b.values = append(b.values, values[done*mem.dv:(done+k)*mem.dv]...)
		}
		b.rows += k
		done += k
	}
	mem.m += n
	for i := range n {
		var s float64
		for _, v := range keys[i*mem.d : (i+1)*mem.d] {
			s += float64(v) * float64(v)
		}
		mem.maxNorm2 = math.Max(mem.maxNorm2, s)
	}
	return nil
}

// lastWithRoom returns the last block if it has spare rows, or a new
// block for the n rows still to store: of n rows (at most blockRows) when
// exact, otherwise of max(n, 64, M/4) rows, at most blockRows, so that
// appends one at a time still fill large blocks.
func (mem *Memory[T]) lastWithRoom(n int, exact bool) *block[T] {
	if k := len(mem.blocks); k > 0 {
		if b := mem.blocks[k-1]; b.rows < cap(b.keys)/mem.d {
			return b
		}
	}
	rows := min(blockRows, n)
	if !exact {
		rows = min(blockRows, max(n, minBlockRows, mem.m/4))
	}
	b := &block[T]{keys: make([]T, 0, rows*mem.d)}
	if mem.hetero {
		b.values = make([]T, 0, rows*mem.dv)
	}
	mem.blocks = append(mem.blocks, b)
	return b
}

// validate checks patterns for Store and returns their number.
func (mem *Memory[T]) validate(keys, values []T) (int, error) {
	if len(keys) == 0 || len(keys)%mem.d != 0 {
		return 0, fmt.Errorf("attention: len(keys) = %d is not a positive multiple of D = %d", len(keys), mem.d)
	}
	n := len(keys) / mem.d
	if err := checkFinite("keys", keys, mem.d); err != nil {
		return 0, err
	}
	switch {
	case !mem.hetero && len(values) > 0:
		return 0, fmt.Errorf("attention: values given to an auto-associative memory")
	case mem.hetero && len(values) != n*mem.dv:
		return 0, fmt.Errorf("attention: len(values) = %d, want %d patterns × Dv = %d", len(values), n, mem.dv)
	case mem.hetero:
		if err := checkFinite("values", values, mem.dv); err != nil {
			return 0, err
		}
	}
	return n, nil
}

// checkFinite returns an error naming the row and column of the first NaN
// or Inf in the row-major x of width cols.
func checkFinite[T Float](name string, x []T, cols int) error {
	for i, v := range x {
		if f := float64(v); math.IsNaN(f) || math.IsInf(f, 0) {
			return fmt.Errorf("attention: %s[%d][%d] = %v: entries must be finite", name, i/cols, i%cols, f)
		}
	}
	return nil
}
