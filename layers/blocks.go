package layers

import (
	"fmt"
	"strings"

	"github.com/gohopfield/hopfield/lagrangian"
)

// Blocks is a Lagrangian over consecutive blocks of neurons,
//
//	L(x) = Σ_k L_k(x_k),   x = (x_1, …, x_K),   g = (∇L_1(x_1), …, ∇L_K(x_K))
//
// so one global Lagrangian can be additive in some neurons and not in
// others (a softmax over one block, say). Its Hessian is block diagonal,
// positive semi-definite when every block's is. It is immutable and safe
// for concurrent use.
type Blocks[T Float] struct {
	sizes []int
	ls    []lagrangian.Lagrangian[T]
	n     int
}

// NewBlocks returns the Lagrangian of the blocks of sizes[k] neurons with
// Lagrangians ls[k]. It fails for unequal lengths, no block, a size below
// 1, a nil Lagrangian or one that needs another size.
func NewBlocks[T Float](sizes []int, ls []lagrangian.Lagrangian[T]) (*Blocks[T], error) {
	if len(sizes) == 0 || len(sizes) != len(ls) {
		return nil, fmt.Errorf("layers: blocks: len(sizes) = %d, len(ls) = %d, want equal and positive", len(sizes), len(ls))
	}
	b := &Blocks[T]{sizes: append([]int(nil), sizes...), ls: append([]lagrangian.Lagrangian[T](nil), ls...)}
	for k, n := range sizes {
		if n < 1 {
			return nil, fmt.Errorf("layers: blocks: sizes[%d] = %d, want at least 1", k, n)
		}
		if ls[k] == nil {
			return nil, fmt.Errorf("layers: blocks: ls[%d] is nil", k)
		}
		if d := lagrangian.Dim(ls[k]); d != 0 && d != n {
			return nil, fmt.Errorf("layers: blocks: ls[%d] (%v) needs %d neurons, sizes[%d] = %d", k, ls[k], d, k, n)
		}
		b.n += n
	}
	return b, nil
}

// Dim returns the total number of neurons.
func (b *Blocks[T]) Dim() int { return b.n }

func (b *Blocks[T]) String() string {
	parts := make([]string, len(b.ls))
	for k, l := range b.ls {
		parts[k] = fmt.Sprintf("%d×%v", b.sizes[k], l)
	}
	return "blocks(" + strings.Join(parts, ", ") + ")"
}

func (b *Blocks[T]) check(n int) {
	if n != b.n {
		panic(fmt.Sprintf("layers: blocks: len(x) = %d, want %d", n, b.n))
	}
}

// Value returns Σ_k L_k(x_k).
func (b *Blocks[T]) Value(x []T) T {
	b.check(len(x))
	var v float64
	lo := 0
	for k, l := range b.ls {
		hi := lo + b.sizes[k]
		v += float64(l.Value(x[lo:hi]))
		lo = hi
	}
	return T(v)
}

// ActivationTo writes the activation of each block into dst, which may
// be x.
func (b *Blocks[T]) ActivationTo(dst, x []T) {
	b.check(len(x))
	b.check(len(dst))
	lo := 0
	for k, l := range b.ls {
		hi := lo + b.sizes[k]
		l.ActivationTo(dst[lo:hi], x[lo:hi])
		lo = hi
	}
}

// HessVecTo writes the block-diagonal Hessian times v into dst.
func (b *Blocks[T]) HessVecTo(dst, x, v []T) {
	b.check(len(x))
	b.check(len(dst))
	b.check(len(v))
	lo := 0
	for k, l := range b.ls {
		hi := lo + b.sizes[k]
		l.HessVecTo(dst[lo:hi], x[lo:hi], v[lo:hi])
		lo = hi
	}
}
