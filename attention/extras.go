package attention

import (
	"container/heap"
	"fmt"
	"math"
	"slices"
)

// EnergyGrad returns the energy of the state ξ (length D)
//
//	E(ξ) = −lse(β, Xᵀξ) + ½ξᵀξ + β⁻¹ log M + ½ max‖xᵢ‖²
//
// and writes its gradient ∇E = ξ − X softmax(β Xᵀξ) into grad (length D;
// nil to skip). The keys X are used for a hetero-associative memory too.
// s may be nil; only s.Exclude is used.
func (mem *Memory[T]) EnergyGrad(grad, state []T, beta float64, s *Settings) (float64, error) {
	set := excludeOnly(s)
	mem.mu.RLock()
	defer mem.mu.RUnlock()
	if _, err := mem.checkQueries(state, beta, &set); err != nil {
		return 0, err
	}
	if len(state) != mem.d {
		return 0, fmt.Errorf("attention: len(state) = %d, want D = %d", len(state), mem.d)
	}
	if grad != nil && len(grad) != mem.d {
		return 0, fmt.Errorf("attention: len(grad) = %d, want D = %d", len(grad), mem.d)
	}
	ws := mem.getWorkspace()
	defer mem.putWorkspace(ws)
	excl := ws.exclusion(mem.m, set.Exclude)
	var e [1]float64
	if grad == nil {
		mem.energies(ws, e[:], state, 1, beta, excl)
		return e[0], nil
	}
	update, _ := ws.states(mem.d)
	mem.pass(ws, update, state, 1, beta, excl, sumKeys)
	e[0] = mem.energyFromLSE(ws.lse[0], beta, state, excl)
	for j, v := range state {
		grad[j] = v - update[j]
	}
	return e[0], nil
}

// Weights writes the association weights softmax(β Xᵀξ) of each of the B
// queries into the rows of dst (B×M), excluded patterns getting 0. This is
// the only call that holds B×M numbers; retrieval never does.
func (mem *Memory[T]) Weights(dst, queries []T, beta float64, s *Settings) error {
	set := excludeOnly(s)
	mem.mu.RLock()
	defer mem.mu.RUnlock()
	b, err := mem.checkQueries(queries, beta, &set)
	if err != nil {
		return err
	}
	if len(dst) != b*mem.m {
		return fmt.Errorf("attention: len(dst) = %d, want %d queries × M = %d", len(dst), b, mem.m)
	}
	ws := mem.getWorkspace()
	defer mem.putWorkspace(ws)
	excl := ws.exclusion(mem.m, set.Exclude)
	for i := range b {
		w := dst[i*mem.m : (i+1)*mem.m]
		mem.scoresTo(w, queries[i*mem.d:(i+1)*mem.d], excl)
		expShifted(w, w, beta, maxOf(w))
		scale(w, 1/sumOf(w))
	}
	return nil
}

// scoresTo writes xᵢ·ξ for every stored pattern into dst (length M), and
// −Inf for excluded ones.
func (mem *Memory[T]) scoresTo(dst, q []T, excl []bool) {
	row := 0
	for _, blk := range mem.blocks {
		dotRows(dst[row:row+blk.rows], blk.keys[:blk.rows*mem.d], q)
		row += blk.rows
	}
	for i, e := range excl {
		if e {
			dst[i] = T(math.Inf(-1))
		}
	}
}

// TopK writes, for each of the B queries, the indices and association
// weights of the k patterns with the largest weights, largest first (ties
// by smaller index), into the rows of idx and w (both B×k). Weights are
// normalised over all patterns not excluded, as in Weights, and computed
// in one streaming pass without holding B×M numbers.
func (mem *Memory[T]) TopK(idx []int, w []T, queries []T, beta float64, k int, s *Settings) error {
	set := excludeOnly(s)
	mem.mu.RLock()
	defer mem.mu.RUnlock()
	b, err := mem.checkQueries(queries, beta, &set)
	if err != nil {
		return err
	}
	if avail := mem.m - distinct(set.Exclude); k < 1 || k > avail {
		return fmt.Errorf("attention: k = %d, must be in [1, %d] (patterns not excluded)", k, avail)
	}
	if len(idx) != b*k || len(w) != b*k {
		return fmt.Errorf("attention: len(idx) = %d and len(w) = %d, want %d queries × k = %d", len(idx), len(w), b, k)
	}
	ws := mem.getWorkspace()
	defer mem.putWorkspace(ws)
	excl := ws.exclusion(mem.m, set.Exclude)
	parts := ws.partials(1, 1, 0, false)
	scores := ws.scores(0)
	h := &topHeap{}
	for i := range b {
		q := queries[i*mem.d : (i+1)*mem.d]
		h.items = h.items[:0]
		parts[0].reset(1, 0, false)
		row := 0
		for _, blk := range mem.blocks {
			for c := 0; c < blk.rows; c += chunkRows {
				n := min(chunkRows, blk.rows-c)
				sc := scores[:n]
				dotRows(sc, blk.keys[c*mem.d:(c+n)*mem.d], q)
				for j, v := range sc {
					g := row + c + j
					if excl != nil && excl[g] {
						sc[j] = T(math.Inf(-1))
						continue
					}
					h.offer(scored{float64(v), g}, k)
				}
				parts[0].add(0, sc, nil, beta)
			}
			row += blk.rows
		}
		lse := parts[0].max[0] + math.Log(parts[0].sum[0])/beta
		top := h.items
		slices.SortFunc(top, func(a, b scored) int {
			if a.better(b) {
				return -1
			}
			return 1
		})
		for j, it := range top {
			idx[i*k+j] = it.i
			w[i*k+j] = T(math.Exp(beta * (it.z - lse)))
		}
	}
	return nil
}

// scored is a pattern index with its score.
type scored struct {
	z float64
	i int
}

// better orders by larger score, then smaller index.
func (a scored) better(b scored) bool { return a.z > b.z || a.z == b.z && a.i < b.i }

// topHeap keeps the k best items seen, the worst on top.
type topHeap struct{ items []scored }

func (h *topHeap) Len() int           { return len(h.items) }
func (h *topHeap) Less(a, b int) bool { return h.items[b].better(h.items[a]) }
func (h *topHeap) Swap(a, b int)      { h.items[a], h.items[b] = h.items[b], h.items[a] }
func (h *topHeap) Push(x any)         { h.items = append(h.items, x.(scored)) }
func (h *topHeap) Pop() any {
	it := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return it
}

func (h *topHeap) offer(it scored, k int) {
	switch {
	case len(h.items) < k:
		heap.Push(h, it)
	case it.better(h.items[0]):
		h.items[0] = it
		heap.Fix(h, 0)
	}
}

// excludeOnly returns the part of s that EnergyGrad, Weights and TopK use.
func excludeOnly(s *Settings) Settings {
	if s == nil {
		return Settings{}
	}
	return Settings{Exclude: s.Exclude}
}
