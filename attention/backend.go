package attention

import "github.com/gohopfield/hopfield/internal/blas"

// Backend names the BLAS implementation behind the matrix-product path
// and why it was chosen, for example "openblas (libopenblas.so.0)" or
// "gonum (HOPFIELD_BLAS=gonum)". OpenBLAS is loaded at run time without
// cgo when libopenblas.so.0 is installed (Debian: libopenblas0-pthread);
// the environment variable HOPFIELD_BLAS=gonum or =openblas forces a
// choice.
func Backend() string { return blas.Backend().String() }

// BLAS returns a complete gonum BLAS implementation whose matrix products
// run on the same backend, so that Gorgonia graphs get the speed-up too:
//
//	tensor.Use(attention.BLAS())
//	gorgonia.Use(attention.BLAS())
func BLAS() blas.Implementation { return blas.Implementation{} }
