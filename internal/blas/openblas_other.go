//go:build !(linux && (amd64 || arm64))

package blas

import (
	"errors"
	"runtime"
)

// loadOpenBLAS reports that run-time loading is implemented and tested only
// on linux/amd64 and linux/arm64; elsewhere gonum runs every product.
func loadOpenBLAS() (backend, BackendInfo, error) {
	return nil, BackendInfo{}, errors.New("OpenBLAS loading is not supported on " + runtime.GOOS + "/" + runtime.GOARCH)
}
