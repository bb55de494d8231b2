package classical

import (
	"fmt"
	"math"
)

// Convention is the encoding of binary unit states at the package's API.
//
// Internally every binary network works with ±1 units. A network created with
// Binary01 accepts and returns 0/1 states, mapping Sᵢ = 2Vᵢ − 1 on the way in
// and Vᵢ = (1+Sᵢ)/2 on the way out, so that the Hebbian rule on 0/1 patterns is
// Hopfield's (1982) wᵢⱼ ∝ Σμ (2Vᵢ−1)(2Vⱼ−1).
type Convention int

const (
	// Bipolar states are −1 or +1. It is the zero value.
	Bipolar Convention = iota
	// Binary01 states are 0 or 1.
	Binary01
)

// String returns the convention's name.
func (c Convention) String() string {
	switch c {
	case Bipolar:
		return "±1"
	case Binary01:
		return "0/1"
	}
	return fmt.Sprintf("Convention(%d)", int(c))
}

func (c Convention) valid() bool { return c == Bipolar || c == Binary01 }

// toBipolar returns the ±1 value of a state written in convention c and
// whether it was a legal value.
func (c Convention) toBipolar(v int8) (int8, bool) {
	if c == Binary01 {
		switch v {
		case 0:
			return -1, true
		case 1:
			return 1, true
		}
		return 0, false
	}
	if v == 1 || v == -1 {
		return v, true
	}
	return 0, false
}

func (c Convention) fromBipolar(s int8) int8 {
	if c == Binary01 {
		return (s + 1) / 2
	}
	return s
}

func (c Convention) want() string {
	if c == Binary01 {
		return "want 0 or 1"
	}
	return "want -1 or +1"
}

// checkState checks that s holds n legal states of convention c; name is the
// argument's name in the error.
func checkState(name string, s []int8, n int, c Convention) error {
	if len(s) != n {
		return fmt.Errorf("classical: %s has length %d, want %d", name, len(s), n)
	}
	for i, v := range s {
		if _, ok := c.toBipolar(v); !ok {
			return fmt.Errorf("classical: %s[%d] = %d, %s", name, i, v, c.want())
		}
	}
	return nil
}

// checkPatterns checks a non-empty list of patterns of length n.
func checkPatterns(name string, patterns [][]int8, n int, c Convention) error {
	if len(patterns) == 0 {
		return fmt.Errorf("classical: %s is empty (P = 0)", name)
	}
	for mu, p := range patterns {
		if err := checkState(fmt.Sprintf("%s[%d]", name, mu), p, n, c); err != nil {
			return err
		}
	}
	return nil
}

// checkFinite checks that x has length n and holds no NaN or Inf.
func checkFinite(name string, x []float64, n int) error {
	if len(x) != n {
		return fmt.Errorf("classical: %s has length %d, want %d", name, len(x), n)
	}
	for i, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("classical: %s[%d] = %v, want a finite value", name, i, v)
		}
	}
	return nil
}

func checkFinite32(name string, x []float32, n int) error {
	if len(x) != n {
		return fmt.Errorf("classical: %s has length %d, want %d", name, len(x), n)
	}
	for i, v := range x {
		f := float64(v)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return fmt.Errorf("classical: %s[%d] = %v, want a finite value", name, i, v)
		}
	}
	return nil
}

func checkSize(name string, n int) error {
	if n <= 0 {
		return fmt.Errorf("classical: %s = %d, want > 0", name, n)
	}
	return nil
}
