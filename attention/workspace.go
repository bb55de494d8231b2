package attention

// workspace is the scratch memory of one retrieval, recycled through the
// memory's pool so that repeated retrievals allocate nothing: O(B·(D + Dv)
// + workers·(B·Dv + chunkRows)) elements, never B×M.
type workspace[T Float] struct {
	parts   []*partial[T]
	score   [][]T
	lse     []float64
	idx     []int
	cur     []T
	next    []T
	exclude []bool
	mscores []T // B × matrixChunk scores of the matrix path
}

func (mem *Memory[T]) getWorkspace() *workspace[T] {
	if ws, ok := mem.pool.Get().(*workspace[T]); ok {
		return ws
	}
	return new(workspace[T])
}

func (mem *Memory[T]) putWorkspace(ws *workspace[T]) { mem.pool.Put(ws) }

// partials returns n reset partial states for b queries.
func (ws *workspace[T]) partials(n, b, dv int, accumulate bool) []*partial[T] {
	for len(ws.parts) < n {
		ws.parts = append(ws.parts, new(partial[T]))
		ws.score = append(ws.score, make([]T, chunkRows))
	}
	for _, p := range ws.parts[:n] {
		p.reset(b, dv, accumulate)
	}
	ws.lse = resize(ws.lse, b)
	return ws.parts[:n]
}

// scores returns the score buffer of worker w.
func (ws *workspace[T]) scores(w int) []T { return ws.score[w] }

func (ws *workspace[T]) ints(n int) []int {
	ws.idx = resize(ws.idx, n)
	return ws.idx
}

func (ws *workspace[T]) states(n int) (cur, next []T) {
	ws.cur = resize(ws.cur, n)
	ws.next = resize(ws.next, n)
	return ws.cur, ws.next
}

// exclusion returns a mask of the excluded patterns, or nil when none is.
func (ws *workspace[T]) exclusion(m int, idx []int) []bool {
	if len(idx) == 0 {
		return nil
	}
	ws.exclude = resize(ws.exclude, m)
	clear(ws.exclude)
	for _, i := range idx {
		ws.exclude[i] = true
	}
	return ws.exclude
}

func (ws *workspace[T]) matrixScores(n int) []T {
	ws.mscores = resize(ws.mscores, n)
	return ws.mscores
}
