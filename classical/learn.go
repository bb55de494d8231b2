package classical

import (
	"fmt"

	"gonum.org/v1/gonum/mat"

	hblas "github.com/gohopfield/hopfield/internal/blas"
)

// StoreHebbian adds patterns to the weights by the Hebbian rule
//
//	wᵢⱼ += (1/N) Σμ ξᵢ^μ ξⱼ^μ  (i ≠ j),   wᵢᵢ = 0,
//
// with ξ^μ the ±1 form of each pattern. The P outer products are one matrix
// product W += (1/N)XᵀX of the P×N pattern matrix X. Patterns must be in the
// network's convention; on error nothing is changed.
func (net *Network) StoreHebbian(patterns [][]int8) error {
	if err := checkPatterns("patterns", patterns, net.n, net.conv); err != nil {
		return err
	}
	net.hebbian(patterns, 1/float32(net.n))
	net.stored += len(patterns)
	return nil
}

// ForgetHebbian removes patterns stored by StoreHebbian, subtracting the same
// outer products: wᵢⱼ −= (1/N) Σμ ξᵢ^μ ξⱼ^μ. Up to float32 rounding the
// weights become those of storing only the remaining patterns. On error
// nothing is changed.
func (net *Network) ForgetHebbian(patterns [][]int8) error {
	if err := checkPatterns("patterns", patterns, net.n, net.conv); err != nil {
		return err
	}
	net.hebbian(patterns, -1/float32(net.n))
	net.stored -= len(patterns)
	return nil
}

func (net *Network) hebbian(patterns [][]int8, alpha float32) {
	n, p := net.n, len(patterns)
	x := make([]float32, p*n)
	for mu, pat := range patterns {
		row := x[mu*n : (mu+1)*n]
		for i, v := range pat {
			b, _ := net.conv.toBipolar(v)
			row[i] = float32(b)
		}
	}
	if net.symmetric {
		// One triangle of W += α XᵀX at half the flops, then mirrored.
		hblas.Ssyrk(hblas.Upper, hblas.Trans, n, p, alpha, x, n, 1, net.w, n)
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				net.w[j*n+i] = net.w[i*n+j]
			}
		}
	} else {
		hblas.Sgemm(hblas.Trans, hblas.NoTrans, n, n, p, alpha, x, n, x, n, 1, net.w, n)
	}
	for i := 0; i < n; i++ {
		net.w[i*n+i] = 0
	}
}

// StoreStorkey adds patterns one after another by Storkey's (1997) rule. For
// each pattern ξ, with the weights W before that pattern,
//
//	hᵢⱼ = Σ_{k≠i,j} wᵢₖ ξₖ,
//	wᵢⱼ += (1/N)(ξᵢξⱼ − ξᵢhⱼᵢ − hᵢⱼξⱼ)   (i ≠ j),
//
// and the diagonal is left as it is (zero for learnt weights). The rule is
// incremental and local, keeps symmetric weights symmetric, and stores more
// patterns than the Hebbian rule (about 0.18N against 0.14N). Each pattern
// costs O(N²). On error nothing is changed.
func (net *Network) StoreStorkey(patterns [][]int8) error {
	if err := checkPatterns("patterns", patterns, net.n, net.conv); err != nil {
		return err
	}
	n := net.n
	xi := make([]float64, n)
	h := make([]float64, n)
	inv := 1 / float64(n)
	for _, pat := range patterns {
		for i, v := range pat {
			b, _ := net.conv.toBipolar(v)
			xi[i] = float64(b)
		}
		// h[i] = Σₖ wᵢₖξₖ over all k; hᵢⱼ removes the k = i and k = j terms.
		for i := range h {
			row := net.w[i*n : (i+1)*n]
			var s float64
			for k, w := range row {
				s += float64(w) * xi[k]
			}
			h[i] = s
		}
		if net.symmetric {
			// wⱼᵢ = wᵢⱼ before the update, so each row updates in place.
			for i := 0; i < n; i++ {
				row := net.w[i*n : (i+1)*n]
				xii := xi[i]
				hi := h[i] - float64(row[i])*xii
				for j, w := range row {
					if j == i {
						continue
					}
					wij := float64(w)
					hij := hi - wij*xi[j]
					hji := h[j] - float64(net.w[j*n+j])*xi[j] - wij*xii
					// ξᵢξⱼ − (ξᵢhⱼᵢ + hᵢⱼξⱼ): the sum is the same for (j, i),
					// so the weights stay exactly symmetric.
					row[j] = float32(wij + inv*(xii*xi[j]-(xii*hji+hij*xi[j])))
				}
			}
		} else {
			for i := 0; i < n; i++ {
				for j := i + 1; j < n; j++ {
					wij := float64(net.w[i*n+j])
					wji := float64(net.w[j*n+i])
					hij := h[i] - float64(net.w[i*n+i])*xi[i] - wij*xi[j]
					hji := h[j] - float64(net.w[j*n+j])*xi[j] - wji*xi[i]
					d := xi[i] * xi[j]
					net.w[i*n+j] = float32(wij + inv*(d-(xi[i]*hji+hij*xi[j])))
					net.w[j*n+i] = float32(wji + inv*(d-(xi[j]*hij+hji*xi[i])))
				}
			}
		}
	}
	net.stored += len(patterns)
	return nil
}

// SetPseudoInverse replaces the weights by the projection (pseudo-inverse)
// rule of Personnaz, Guyon & Dreyfus (1985) and Kanter & Sompolinsky (1987),
//
//	W = X (XᵀX)⁻¹ Xᵀ,
//
// where X is the N×P matrix whose columns are the ±1 patterns. W projects onto
// the span of the patterns, so WX = X and every pattern is a fixed point for
// any P < N with linearly independent patterns. With zeroDiagonal the diagonal
// is set to zero afterwards (better basins; a pattern stays fixed while
// Wᵢᵢ < 1). The Gram matrix is factorised in float64; the product is formed in
// float32. Linearly dependent patterns (always the case for P ≥ N) return an
// error and leave the network unchanged.
func (net *Network) SetPseudoInverse(patterns [][]int8, zeroDiagonal bool) error {
	if err := checkPatterns("patterns", patterns, net.n, net.conv); err != nil {
		return err
	}
	n, p := net.n, len(patterns)
	if p >= n {
		return fmt.Errorf("classical: %d patterns of %d units are linearly dependent (P ≥ N)", p, n)
	}
	x := mat.NewDense(p, n, nil) // Xᵀ, one pattern per row
	for mu, pat := range patterns {
		for i, v := range pat {
			b, _ := net.conv.toBipolar(v)
			x.Set(mu, i, float64(b))
		}
	}
	var gram mat.SymDense
	gram.SymOuterK(1, x)
	var chol mat.Cholesky
	if ok := chol.Factorize(&gram); !ok || chol.Cond() > 1e10 {
		return fmt.Errorf("classical: patterns are (nearly) linearly dependent: XᵀX is singular")
	}
	var z mat.Dense // (XᵀX)⁻¹Xᵀ, P×N
	if err := chol.SolveTo(&z, x); err != nil {
		return fmt.Errorf("classical: patterns are nearly linearly dependent: %v", err)
	}
	x32 := make([]float32, p*n)
	z32 := make([]float32, p*n)
	for mu := 0; mu < p; mu++ {
		for i := 0; i < n; i++ {
			x32[mu*n+i] = float32(x.At(mu, i))
			z32[mu*n+i] = float32(z.At(mu, i))
		}
	}
	hblas.Sgemm(hblas.Trans, hblas.NoTrans, n, n, p, 1, x32, n, z32, n, 0, net.w, n)
	// W is symmetric in exact arithmetic; make it so in float32 too.
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			v := 0.5 * (net.w[i*n+j] + net.w[j*n+i])
			net.w[i*n+j], net.w[j*n+i] = v, v
		}
		if zeroDiagonal {
			net.w[i*n+i] = 0
		}
	}
	net.symmetric = true
	net.stored = p
	return nil
}
