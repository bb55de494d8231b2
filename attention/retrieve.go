package attention

import (
	"fmt"
	"math"
	"runtime"

	"github.com/gohopfield/hopfield/internal/parallel"
)

// Settings adjust a retrieval. A nil *Settings, and the zero value, mean
// one update step over every stored pattern, without energies.
type Settings struct {
	// Steps is the most update steps applied to each query; 0 means 1.
	// An auto-associative memory feeds each step's output back as the
	// next state; a hetero-associative one allows only one step.
	Steps int
	// Tol stops a query early once one step moves its state by less
	// than Tol in Euclidean norm; 0 never stops early. Each query stops
	// on its own, not the batch as a whole. A hetero-associative memory,
	// whose output is not a state, ignores it.
	Tol float64
	// Exclude lists indices of stored patterns that take no part in
	// this retrieval: their association weights are 0.
	Exclude []int
	// Energy asks for the energy of each returned state, at the cost of
	// one more pass over the memory.
	Energy bool
}

// Result reports what a retrieval did for each query. Pass the same
// Result to successive calls to reuse its slices.
type Result struct {
	// Steps is the number of update steps applied to each query.
	Steps []int
	// Converged reports for each query that its last step moved it by
	// less than Settings.Tol (always false without a Tol, and for a
	// hetero-associative memory).
	Converged []bool
	// Energy holds the energy of each returned state when
	// Settings.Energy is set (for a hetero-associative memory, of each
	// query against the keys), and is empty otherwise.
	Energy []float64
}

// Retrieve applies the update ξ ← X softmax(β Xᵀξ) (values in place of X
// for a hetero-associative memory) to each of the B = len(queries)/D
// row-major queries and writes the B×Dv results into dst. dst may be
// queries itself when D = Dv. res may be nil.
//
// It returns an error naming the argument for a query width other than D,
// NaN or Inf in queries, β ≤ 0 or not finite, a bad Exclude index, an
// Exclude that removes every pattern, or Steps > 1 on a
// hetero-associative memory. On error dst is unchanged.
func (mem *Memory[T]) Retrieve(dst, queries []T, beta float64, s *Settings, res *Result) error {
	var set Settings
	if s != nil {
		set = *s
	}
	mem.mu.RLock()
	defer mem.mu.RUnlock()
	b, err := mem.checkQueries(queries, beta, &set)
	if err != nil {
		return err
	}
	if len(dst) != b*mem.dv {
		return fmt.Errorf("attention: len(dst) = %d, want %d queries × Dv = %d", len(dst), b, mem.dv)
	}
	steps := max(set.Steps, 1)
	if mem.hetero && steps > 1 {
		return fmt.Errorf("attention: Settings.Steps = %d: a hetero-associative memory retrieves in one step", set.Steps)
	}
	if res == nil {
		res = new(Result)
	}
	res.Steps = resize(res.Steps, b)
	res.Converged = resize(res.Converged, b)
	res.Energy = res.Energy[:0]

	ws := mem.getWorkspace()
	defer mem.putWorkspace(ws)
	excl := ws.exclusion(mem.m, set.Exclude)

	if steps == 1 && (set.Tol == 0 || mem.hetero) {
		mem.pass(ws, dst, queries, b, beta, excl, sumValues)
		for i := range b {
			res.Steps[i], res.Converged[i] = 1, false
		}
	} else {
		mem.iterate(ws, dst, queries, b, beta, excl, steps, set.Tol, res)
	}
	if set.Energy {
		res.Energy = resize(res.Energy, b)
		states := dst
		if mem.hetero {
			states = queries
		}
		mem.energies(ws, res.Energy, states, b, beta, excl)
	}
	return nil
}

// iterate runs up to steps updates, dropping each query from the active
// set once it moves by less than tol.
func (mem *Memory[T]) iterate(ws *workspace[T], dst, queries []T, b int, beta float64, excl []bool, steps int, tol float64, res *Result) {
	d := mem.d
	copy(dst, queries)
	active := ws.ints(b)
	for i := range active {
		active[i] = i
		res.Steps[i], res.Converged[i] = 0, false
	}
	cur, next := ws.states(b * d)
	for step := 0; step < steps && len(active) > 0; step++ {
		for k, i := range active {
			copy(cur[k*d:(k+1)*d], dst[i*d:(i+1)*d])
		}
		na := len(active)
		mem.pass(ws, next[:na*d], cur[:na*d], na, beta, excl, sumValues)
		kept := active[:0]
		for k, i := range active {
			moved := dist(next[k*d:(k+1)*d], cur[k*d:(k+1)*d])
			copy(dst[i*d:(i+1)*d], next[k*d:(k+1)*d])
			res.Steps[i]++
			if tol > 0 && moved < tol {
				res.Converged[i] = true
				continue
			}
			kept = append(kept, i)
		}
		active = kept
	}
}

// energies writes E(ξ) = −lse(β, Xξ) + ½ξᵀξ + β⁻¹ log M + ½ max‖xᵢ‖² of
// each of the b states into dst, M counting the patterns not excluded.
func (mem *Memory[T]) energies(ws *workspace[T], dst []float64, states []T, b int, beta float64, excl []bool) {
	mem.pass(ws, nil, states, b, beta, excl, sumNone)
	for i := range b {
		dst[i] = mem.energyFromLSE(ws.lse[i], beta, states[i*mem.d:(i+1)*mem.d], excl)
	}
}

// energyFromLSE completes the energy of state ξ from lse(β, Xξ).
func (mem *Memory[T]) energyFromLSE(lse, beta float64, state []T, excl []bool) float64 {
	m := mem.m
	for _, e := range excl {
		if e {
			m--
		}
	}
	var n2 float64
	for _, v := range state {
		n2 += float64(v) * float64(v)
	}
	return -lse + n2/2 + math.Log(float64(m))/beta + mem.maxNorm2/2
}

// checkQueries validates a batch of queries and the settings, and returns
// the number of queries.
func (mem *Memory[T]) checkQueries(queries []T, beta float64, s *Settings) (int, error) {
	if !(beta > 0) || math.IsInf(beta, 1) {
		return 0, fmt.Errorf("attention: beta = %v, must be positive and finite", beta)
	}
	if len(queries) == 0 || len(queries)%mem.d != 0 {
		return 0, fmt.Errorf("attention: len(queries) = %d is not a positive multiple of D = %d", len(queries), mem.d)
	}
	if err := checkFinite("queries", queries, mem.d); err != nil {
		return 0, err
	}
	if s.Steps < 0 {
		return 0, fmt.Errorf("attention: Settings.Steps = %d, must be non-negative", s.Steps)
	}
	if !(s.Tol >= 0) || math.IsInf(s.Tol, 1) {
		return 0, fmt.Errorf("attention: Settings.Tol = %v, must be non-negative and finite", s.Tol)
	}
	if len(s.Exclude) > 0 {
		for k, i := range s.Exclude {
			if i < 0 || i >= mem.m {
				return 0, fmt.Errorf("attention: Settings.Exclude[%d] = %d out of range [0, %d)", k, i, mem.m)
			}
		}
		if distinct(s.Exclude) >= mem.m {
			return 0, fmt.Errorf("attention: Settings.Exclude removes all %d patterns", mem.m)
		}
	}
	return len(queries) / mem.d, nil
}

// distinct counts the distinct values of idx without allocating for the
// usual short lists.
func distinct(idx []int) int {
	n := 0
	for k, i := range idx {
		dup := false
		for _, j := range idx[:k] {
			if i == j {
				dup = true
				break
			}
		}
		if !dup {
			n++
		}
	}
	return n
}

// dist returns the Euclidean distance between a and b.
func dist[T Float](a, b []T) float64 {
	var s float64
	for i, v := range a {
		d := float64(v) - float64(b[i])
		s += d * d
	}
	return math.Sqrt(s)
}

func resize[E any](s []E, n int) []E {
	if cap(s) < n {
		return make([]E, n)
	}
	return s[:n]
}

// chunkRows is the number of stored patterns scored together: their
// scores for one query fit in L1 and the rows themselves in L2, so every
// row is read from memory once per pass.
const chunkRows = 256

// parallelWork is the number of multiply-adds (queries × patterns × D)
// below which a pass runs on the calling goroutine.
const parallelWork = 1 << 21

// summand says what a pass sums with the softmax weights.
type summand int

const (
	sumNone   summand = iota // only the maximum and normaliser (energies)
	sumValues                // the values: the retrieval update
	sumKeys                  // the keys: the energy gradient of a hetero memory
)

// pass streams over the stored patterns once. For each of the b states
// it computes the scores zᵢ = xᵢ·ξ, the running maximum and normaliser of
// e^{βzᵢ}, and the weighted sum Σ e^{β(zᵢ−max)} vᵢ (what sums says), so
// that out = softmax(βz)ᵀV without holding more than one chunk of scores
// (streaming softmax). It also leaves lse(β, z) of each state in ws.lse.
// Work is split over ranges of patterns across goroutines, whose partial
// maxima, normalisers and sums are merged at the end.
func (mem *Memory[T]) pass(ws *workspace[T], out, states []T, b int, beta float64, excl []bool, sums summand) {
	width := mem.dv
	if sums == sumKeys {
		width = mem.d
	}
	workers := 1
	if b*mem.m*mem.d >= parallelWork {
		workers = min(runtime.GOMAXPROCS(0), (mem.m+chunkRows-1)/chunkRows)
	}
	matrix := mem.useMatrix(b)
	if matrix {
		workers = 1
	}
	parts := ws.partials(workers, b, width, sums != sumNone)
	switch {
	case matrix:
		mem.passMatrix(ws, parts[0], states, b, beta, excl, sums)
	case workers == 1:
		mem.passRange(parts[0], ws.scores(0), states, b, beta, excl, 0, mem.m, sums)
	default:
		parallel.For(workers, 1, func(w0, w1 int) {
			for w := w0; w < w1; w++ {
				lo, hi := w*mem.m/workers, (w+1)*mem.m/workers
				mem.passRange(parts[w], ws.scores(w), states, b, beta, excl, lo, hi, sums)
			}
		})
	}
	p0 := parts[0]
	for _, p := range parts[1:] {
		p0.merge(p, beta)
	}
	for i := range b {
		ws.lse[i] = p0.max[i] + math.Log(p0.sum[i])/beta
	}
	if sums != sumNone {
		for i := range b {
			o := out[i*width : (i+1)*width]
			copy(o, p0.acc[i*width:(i+1)*width])
			scale(o, 1/p0.sum[i])
		}
	}
}

// passRange runs the streaming softmax over patterns [lo, hi).
func (mem *Memory[T]) passRange(p *partial[T], scores []T, states []T, b int, beta float64, excl []bool, lo, hi int, sums summand) {
	d, dv := mem.d, mem.dv
	row := 0
	for _, blk := range mem.blocks {
		bLo, bHi := max(lo, row), min(hi, row+blk.rows)
		for c := bLo; c < bHi; c += chunkRows {
			n := min(chunkRows, bHi-c)
			r := c - row
			keys := blk.keys[r*d : (r+n)*d]
			var vals []T
			switch {
			case sums == sumValues && mem.hetero:
				vals = blk.values[r*dv : (r+n)*dv]
			case sums != sumNone:
				vals = keys
			}
			s := scores[:n]
			for i := range b {
				dotRows(s, keys, states[i*d:(i+1)*d])
				if excl != nil {
					for k, e := range excl[c : c+n] {
						if e {
							s[k] = T(math.Inf(-1))
						}
					}
				}
				p.add(i, s, vals, beta)
			}
		}
		row += blk.rows
		if row >= hi {
			break
		}
	}
}

// partial is the running state of the streaming softmax for b queries:
// the maximum score, Σ e^{β(z − max)} and, when acc is in use,
// Σ e^{β(z − max)} vᵢ.
type partial[T Float] struct {
	max, sum []float64
	acc      []T // b×width, or empty
	width    int
}

func (p *partial[T]) reset(b, width int, accumulate bool) {
	p.width = width
	p.max = resize(p.max, b)
	p.sum = resize(p.sum, b)
	for i := range b {
		p.max[i], p.sum[i] = math.Inf(-1), 0
	}
	p.acc = p.acc[:0]
	if accumulate {
		p.acc = resize(p.acc, b*width)
		clear(p.acc)
	}
}

func (p *partial[T]) accumulating() bool { return len(p.acc) > 0 }

// add folds one chunk of scores s (turned into weights in place) of
// query i into the running state; vals holds the chunk's rows to sum,
// or nothing.
func (p *partial[T]) add(i int, s []T, vals []T, beta float64) {
	m := maxOf(s)
	if math.IsInf(m, -1) {
		return // every pattern of the chunk is excluded
	}
	if m > p.max[i] {
		p.rescale(i, math.Exp(beta*(p.max[i]-m)))
		p.max[i] = m
	}
	expShifted(s, s, beta, p.max[i])
	p.sum[i] += sumOf(s)
	if p.accumulating() {
		addWeightedRows(p.acc[i*p.width:(i+1)*p.width], vals, s)
	}
}

func (p *partial[T]) rescale(i int, f float64) {
	p.sum[i] *= f
	if p.accumulating() {
		scale(p.acc[i*p.width:(i+1)*p.width], f)
	}
}

// merge folds q into p.
func (p *partial[T]) merge(q *partial[T], beta float64) {
	for i := range p.max {
		switch {
		case math.IsInf(q.max[i], -1):
			continue
		case q.max[i] > p.max[i]:
			p.rescale(i, math.Exp(beta*(p.max[i]-q.max[i])))
			p.max[i] = q.max[i]
		}
		f := math.Exp(beta * (q.max[i] - p.max[i]))
		p.sum[i] += f * q.sum[i]
		if p.accumulating() {
			pa, qa := p.acc[i*p.width:(i+1)*p.width], q.acc[i*p.width:(i+1)*p.width]
			ft := T(f)
			for j, v := range qa {
				pa[j] += ft * v
			}
		}
	}
}
