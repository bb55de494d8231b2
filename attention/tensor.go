package attention

import (
	"fmt"

	"gorgonia.org/tensor"
)

// FromDense returns the elements of a vector or matrix *tensor.Dense as a
// row-major slice, with its rows and columns (a vector is one row). When
// the tensor is row-major and contiguous the slice shares its memory, so
// patterns or queries built with Gorgonia are used without a copy;
// transposed or strided views are copied. It returns an error when the
// tensor's element type is not T or it has more than two dimensions.
func FromDense[T Float](t *tensor.Dense) (data []T, rows, cols int, err error) {
	if t == nil {
		return nil, 0, 0, fmt.Errorf("attention: FromDense: nil tensor")
	}
	shape := t.Shape()
	switch len(shape) {
	case 1:
		rows, cols = 1, shape[0]
	case 2:
		rows, cols = shape[0], shape[1]
	default:
		return nil, 0, 0, fmt.Errorf("attention: FromDense: tensor of shape %v, want a vector or a matrix", shape)
	}
	if t.RequiresIterator() || !t.DataOrder().IsRowMajor() {
		t = t.Materialize().(*tensor.Dense)
	}
	data, ok := t.Data().([]T)
	if !ok {
		var z T
		return nil, 0, 0, fmt.Errorf("attention: FromDense: tensor holds %v, want %T", t.Dtype(), z)
	}
	return data[:rows*cols], rows, cols, nil
}

// ToDense wraps rows×cols row-major elements in a *tensor.Dense without
// copying: writes through either are seen by the other.
func ToDense[T Float](data []T, rows, cols int) (*tensor.Dense, error) {
	if rows < 0 || cols < 0 || len(data) != rows*cols {
		return nil, fmt.Errorf("attention: ToDense: len(data) = %d, want rows × cols = %d × %d", len(data), rows, cols)
	}
	return tensor.New(tensor.WithShape(rows, cols), tensor.WithBacking(data)), nil
}
