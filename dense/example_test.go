package dense_test

import (
	"fmt"

	"github.com/gohopfield/hopfield/dense"
)

// The XOR problem of Krotov & Hopfield (2016, §3): N = 3 units (x, y, z)
// and the K = 4 patterns (x, y, −xy), so that z = +1 exactly when x ≠ y.
// With x and y clamped, z is decided by the sign of its energy difference
// ΔE_z. For F = x² the two patterns with overlap ±2 on (x, y) cancel and
// ΔE_z is exactly 0 on every input, and a tie leaves z where it started.
// In general ΔE_z = 2z·G(2) − 2z·G(0) with G(r) = F(r+1) − F(r−1): for odd
// n, G(2) = 3ⁿ − 1 and G(0) = 2, so ΔE_z = 48z for n = 3 and 480z for n = 5;
// for even n, G(−2) = −G(2) cancels the agreeing pattern; the rectified x²
// drops the opposite pattern: ΔE_z = z(F(3) − F(1)) − 2z·F(1) = 6z.
func Example_xor() {
	patterns := [][]int8{{-1, -1, -1}, {-1, 1, 1}, {1, -1, 1}, {1, 1, -1}}
	for _, f := range []dense.Function{
		dense.Polynomial(2), dense.Polynomial(3), dense.Polynomial(4),
		dense.Polynomial(5), dense.RectifiedPolynomial(2),
	} {
		mem, err := dense.New(3, f)
		if err != nil {
			fmt.Println(err)
			return
		}
		if err := mem.Store(patterns...); err != nil {
			fmt.Println(err)
			return
		}
		correct := 0
		fmt.Printf("%-11v ΔE_z:", f)
		for _, p := range patterns {
			// Clamp x and y; z starts at −1 and is free.
			probe := []int8{p[0], p[1], -1}
			st, err := mem.NewState(probe)
			if err != nil {
				fmt.Println(err)
				return
			}
			fmt.Printf(" %5g", st.EnergyDiff(2))
			z := make([]int8, 3)
			if _, err := mem.Retrieve(z, probe, &dense.Settings{Clamped: []bool{true, true, false}}); err != nil {
				fmt.Println(err)
				return
			}
			if z[2] == p[2] {
				correct++
			}
		}
		fmt.Printf("   correct %d/4\n", correct)
	}
	// Output:
	// x^2         ΔE_z:     0     0     0     0   correct 2/4
	// x^3         ΔE_z:   -48    48    48   -48   correct 4/4
	// x^4         ΔE_z:     0     0     0     0   correct 2/4
	// x^5         ΔE_z:  -480   480   480  -480   correct 4/4
	// max(x,0)^2  ΔE_z:    -6     6     6    -6   correct 4/4
}
