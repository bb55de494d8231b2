package vmath

// Row kernels for retrieval against a block of stored patterns held
// row-major with leading dimension ld: scores are dot products of every
// row with a query, and the retrieved state is a weighted sum of rows.

// DotRowsTo writes dst[i] = Σⱼ x[i·ld + j]·q[j] for i < len(dst) and
// j < len(q).
func DotRowsTo(dst, x []float32, ld int, q []float32) {
	rows, n := len(dst), len(q)
	checkRows("DotRowsTo", len(x), rows, ld, n)
	if rows == 0 {
		return
	}
	n8 := 0
	if useAVX2 {
		n8 = n &^ 7
		if n8 > 0 {
			dotRowsAVX2(&dst[0], &x[0], rows, ld, &q[0], n8)
		}
	}
	if n8 == n {
		return
	}
	for i := range dst {
		row := x[i*ld+n8 : i*ld+n]
		var s float32
		if n8 > 0 {
			s = dst[i]
		}
		for j, v := range row {
			s += v * q[n8+j]
		}
		dst[i] = s
	}
}

// AddWeightedRows adds Σᵢ w[i]·x[i·ld + j] to acc[j] for i < len(w) and
// j < len(acc).
func AddWeightedRows(acc, x []float32, ld int, w []float32) {
	rows, n := len(w), len(acc)
	checkRows("AddWeightedRows", len(x), rows, ld, n)
	if rows == 0 {
		return
	}
	n8 := 0
	if useAVX2 {
		n8 = n &^ 7
		if n8 > 0 {
			addWeightedRowsAVX2(&acc[0], &x[0], rows, ld, &w[0], n8)
		}
	}
	if n8 == n {
		return
	}
	tail := acc[n8:]
	for i, wi := range w {
		row := x[i*ld+n8 : i*ld+n]
		for j, v := range row {
			tail[j] += wi * v
		}
	}
}

func checkRows(fn string, lenX, rows, ld, n int) {
	if ld < n || (rows > 0 && lenX < (rows-1)*ld+n) {
		panic("vmath: " + fn + ": x is too short for its rows, ld and width")
	}
}
