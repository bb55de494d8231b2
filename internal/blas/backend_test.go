package blas

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

type fakeBackend struct{ gonumBackend }

func TestChoose(t *testing.T) {
	ok := func() (backend, BackendInfo, error) {
		return fakeBackend{}, BackendInfo{Name: "openblas", Reason: "libfake.so"}, nil
	}
	fail := func() (backend, BackendInfo, error) {
		return nil, BackendInfo{}, errors.New("cannot load libfake.so: not there")
	}
	tests := []struct {
		env  string
		load func() (backend, BackendInfo, error)
		want string
		fake bool
	}{
		{"", ok, "openblas (libfake.so)", true},
		{"", fail, "gonum (cannot load libfake.so: not there)", false},
		{"gonum", ok, "gonum (HOPFIELD_BLAS=gonum)", false},
		{" GoNum ", ok, "gonum (HOPFIELD_BLAS=gonum)", false},
		{"openblas", ok, "openblas (libfake.so, HOPFIELD_BLAS=openblas)", true},
		{"OPENBLAS", fail, "gonum (HOPFIELD_BLAS=openblas, but cannot load libfake.so: not there)", false},
		{"mkl", ok, "openblas (libfake.so; HOPFIELD_BLAS=mkl not recognised)", true},
		{"mkl", fail, "gonum (cannot load libfake.so: not there; HOPFIELD_BLAS=mkl not recognised)", false},
	}
	for _, tc := range tests {
		be, info := choose(tc.env, tc.load)
		if got := info.String(); got != tc.want {
			t.Errorf("env %q: %q, want %q", tc.env, got, tc.want)
		}
		if _, isFake := be.(fakeBackend); isFake != tc.fake {
			t.Errorf("env %q: backend %T", tc.env, be)
		}
	}
}

// TestBackendFromEnvironment runs this test binary again with HOPFIELD_BLAS
// set, so that the variable is read by a fresh process at its first product.
func TestBackendFromEnvironment(t *testing.T) {
	if os.Getenv("HOPFIELD_BLAS_CHILD") == "1" {
		c := make([]float32, 1)
		Sgemm(NoTrans, NoTrans, 1, 1, 1, 2, []float32{3}, 1, []float32{4}, 1, 0, c, 1)
		fmt.Printf("backend=%s result=%v\n", Backend(), c[0])
		return
	}
	if testing.Short() {
		t.Skip("starts child processes")
	}
	_, _, loadErr := loadOpenBLAS()
	for _, env := range []string{"", "gonum", "openblas"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestBackendFromEnvironment$")
		cmd.Env = append(os.Environ(), "HOPFIELD_BLAS_CHILD=1", EnvVar+"="+env)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s=%q: %v\n%s", EnvVar, env, err, out)
		}
		want := "gonum (HOPFIELD_BLAS=gonum)"
		switch {
		case env == "" && loadErr == nil:
			want = "openblas (libopenblas.so.0)"
		case env == "":
			want = "gonum (" + loadErr.Error() + ")"
		case env == "openblas" && loadErr == nil:
			want = "openblas (libopenblas.so.0, HOPFIELD_BLAS=openblas)"
		case env == "openblas":
			want = "gonum (HOPFIELD_BLAS=openblas, but " + loadErr.Error() + ")"
		}
		if !strings.Contains(string(out), "backend="+want+" result=24\n") {
			t.Errorf("%s=%q: child said\n%s\nwant backend=%s result=24", EnvVar, env, out, want)
		}
	}
}

func TestBackendInfo(t *testing.T) {
	info := Backend()
	if info.Name != "gonum" && info.Name != "openblas" {
		t.Fatalf("Backend() = %+v", info)
	}
	if (info.Config != "") != (info.Name == "openblas") {
		t.Errorf("Backend() = %+v: Config should be set for openblas only", info)
	}
	t.Logf("%s; %s", info, info.Config)
}
