package layers

import (
	"math"

	"gonum.org/v1/gonum/blas"

	"github.com/gohopfield/hopfield/lagrangian"
)

// fieldTo writes into f (B×N_a) the field that the dense synapses exert on
// group a given the activations g:
//
//	f_a = Σ_{s: A=a} g_B Wᵀ + Σ_{s: B=a, A≠a} g_A W      (row by row)
//
// so that f_a = −∂E_dense/∂g_a for symmetric self-couplings.
func (net *Network[T]) fieldTo(f []T, a int, g [][]T, batch int) {
	clear(f)
	na := net.groups[a].Size
	for i := range net.dense {
		d := &net.dense[i]
		switch {
		case d.A == a:
			nb := net.groups[d.B].Size
			gemm(blas.NoTrans, blas.Trans, batch, na, nb, 1, g[d.B], nb, d.W, nb, 1, f, na)
		case d.B == a:
			nA := net.groups[d.A].Size
			gemm(blas.NoTrans, blas.NoTrans, batch, na, nA, 1, g[d.A], nA, d.W, na, 1, f, na)
		}
	}
}

// settle sets the unclamped states of Instant group a to their equilibrium
// x = f + b + I and updates its activations.
func (net *Network[T]) settle(s *State[T], a int, x, g, f [][]T) {
	n := net.groups[a].Size
	net.fieldTo(f[a], a, g, s.Batch)
	b, in, cl := net.bsum[a], s.input(a), s.clamp(a)
	for r := range s.Batch {
		xr, fr := x[a][r*n:(r+1)*n], f[a][r*n:(r+1)*n]
		ir, cr := row(in, n, r), row(cl, n, r)
		for i := range xr {
			if cr != nil && cr[i] {
				continue
			}
			u := fr[i]
			if b != nil {
				u += b[i]
			}
			if ir != nil {
				u += ir[i]
			}
			xr[i] = u
		}
	}
	lagrangian.ActivationsTo(g[a], net.groups[a].L, x[a], n)
}

// evaluate computes everything the dynamics need at the states x: it
// settles the Instant groups, then writes the activations g, the dense
// fields f, the drives d = f + b + I − x = τ dx/dt of the groups with
// dynamics (zero at clamped neurons), the largest |d| of each row into res,
// and, when e is not nil, the energy of each row into e.
func (net *Network[T]) evaluate(s *State[T], x, g, f, d [][]T, e, mag, res []float64) {
	batch := s.Batch
	for a, grp := range net.groups {
		if !grp.Instant {
			lagrangian.ActivationsTo(g[a], grp.L, x[a], grp.Size)
		}
	}
	for a, grp := range net.groups {
		if grp.Instant {
			net.settle(s, a, x, g, f)
		}
	}
	for a, grp := range net.groups {
		if !grp.Instant {
			net.fieldTo(f[a], a, g, batch)
		}
	}
	for r := range res {
		res[r] = 0
	}
	for a, grp := range net.groups {
		if grp.Instant {
			continue
		}
		n := grp.Size
		b, in, cl := net.bsum[a], s.input(a), s.clamp(a)
		for r := range batch {
			xr, fr, dr := x[a][r*n:(r+1)*n], f[a][r*n:(r+1)*n], d[a][r*n:(r+1)*n]
			ir, cr := row(in, n, r), row(cl, n, r)
			m := res[r]
			for i := range dr {
				if cr != nil && cr[i] {
					dr[i] = 0
					continue
				}
				u := fr[i]
				if b != nil {
					u += b[i]
				}
				if ir != nil {
					u += ir[i]
				}
				v := u - xr[i]
				dr[i] = v
				if a := math.Abs(float64(v)); !(a <= m) {
					m = a // NaN sticks: !(NaN <= m) and !(m <= NaN)
				}
			}
			res[r] = m
		}
	}
	if e != nil {
		net.energies(s, e, mag, x, g, f)
	}
}

// energies writes the total energy of each row into e, given states x,
// activations g and dense fields f consistent with them. Each dense
// synapse appears in the fields of both its groups (or, for a
// self-coupling, as W g), hence the ½. When mag is not nil it receives
// the sum of the magnitudes of the terms, which bounds the rounding error
// of e in units of the precision of T.
func (net *Network[T]) energies(s *State[T], e, mag []float64, x, g, f [][]T) {
	clear(e)
	clear(mag)
	for a, grp := range net.groups {
		n := grp.Size
		lagrangian.EnergiesTo(s.legend, grp.L, x[a], g[a], n)
		b, in := net.bsum[a], s.input(a)
		for r := range s.Batch {
			gr, fr := g[a][r*n:(r+1)*n], f[a][r*n:(r+1)*n]
			ir := row(in, n, r)
			var w, m float64
			for i, gi := range gr {
				u := 0.5 * float64(fr[i])
				if b != nil {
					u += float64(b[i])
				}
				if ir != nil {
					u += float64(ir[i])
				}
				w += float64(gi) * u
				m += math.Abs(float64(gi) * u)
			}
			e[r] += float64(s.legend[r]) - w
			if mag != nil {
				mag[r] += m + math.Abs(float64(s.legend[r])) + math.Abs(dot(gr, x[a][r*n:(r+1)*n]))
			}
		}
	}
}

// Energy writes the total energy
//
//	E = Σ_a [x_aᵀ g_a − L_a(x_a) − I_aᵀ g_a] + Σ_s E_s(g)
//
// of each row of s into dst (len(dst) = s.Batch) and leaves the
// activations in s.G. The states are taken as they are: Instant groups are
// not settled. It returns an error naming the argument for a bad State or
// a dst of the wrong length, and then changes nothing.
func (net *Network[T]) Energy(dst []float64, s *State[T]) error {
	if err := net.check(s); err != nil {
		return err
	}
	if len(dst) != s.Batch {
		return errLen("dst", len(dst), s.Batch)
	}
	net.activateAll(s)
	for a := range net.groups {
		net.fieldTo(s.f[a], a, s.G, s.Batch)
	}
	net.energies(s, dst, nil, s.X, s.G, s.f)
	return nil
}

func (net *Network[T]) activateAll(s *State[T]) {
	for a, grp := range net.groups {
		lagrangian.ActivationsTo(s.G[a], grp.L, s.X[a], grp.Size)
	}
}

// GradientTo writes ∂E/∂g_a for every group into dst (dst[a] of length
// B×N_a), where E is the total energy as a function of the activations
// (x_a being a function of g_a through the Legendre transform):
//
//	∂E/∂g_a = x_a − I_a − Σ_{bias on a} b − Σ_{dense} (field on a)
//
// with the symmetric part ½(W + Wᵀ) of an asymmetric self-coupling. The
// dynamics are τ_a dx_a/dt = −∂E/∂g_a, and along them
// dE/dt = −Σ_a (∂E/∂g_a)ᵀ H_a (∂E/∂g_a)/τ_a ≤ 0 when every Hessian
// H_a = ∇²L_a is positive semi-definite. Clamped neurons are included.
// It returns an error naming the argument for a bad State or dst, and
// then changes nothing.
func (net *Network[T]) GradientTo(dst [][]T, s *State[T]) error {
	if err := net.check(s); err != nil {
		return err
	}
	if len(dst) != len(net.groups) {
		return errLen("dst", len(dst), len(net.groups))
	}
	for a, grp := range net.groups {
		if len(dst[a]) != s.Batch*grp.Size {
			return errLenIndexed("dst", a, len(dst[a]), s.Batch*grp.Size)
		}
	}
	net.activateAll(s)
	for a, grp := range net.groups {
		n := grp.Size
		net.fieldTo(s.f[a], a, s.G, s.Batch)
		for i := range net.dense {
			if d := &net.dense[i]; d.A == a && d.B == a && d.AllowAsymmetric {
				// f = G Wᵀ; the gradient of −½ gᵀWg is −½ (W + Wᵀ) g.
				gemm(blas.NoTrans, blas.NoTrans, s.Batch, n, n, 0.5, s.G[a], n, d.W, n, 1, s.f[a], n)
				gemm(blas.NoTrans, blas.Trans, s.Batch, n, n, -0.5, s.G[a], n, d.W, n, 1, s.f[a], n)
			}
		}
		b, in := net.bsum[a], s.input(a)
		for r := range s.Batch {
			xr, fr, dr := s.X[a][r*n:(r+1)*n], s.f[a][r*n:(r+1)*n], dst[a][r*n:(r+1)*n]
			ir := row(in, n, r)
			for i := range dr {
				v := xr[i] - fr[i]
				if b != nil {
					v -= b[i]
				}
				if ir != nil {
					v -= ir[i]
				}
				dr[i] = v
			}
		}
	}
	return nil
}

// Breakdown is the total energy of each row split into its terms.
type Breakdown struct {
	// Groups[a][r] is the Legendre energy x_aᵀ g_a − L_a(x_a) of group a.
	Groups [][]float64
	// Inputs[a][r] is −I_aᵀ g_a, the energy of the input currents.
	Inputs [][]float64
	// Synapses[s][r] is the energy of synapse s.
	Synapses [][]float64
	// Total[r] is the sum of all the above.
	Total []float64
}

// EnergyParts returns the energy of each row of s broken down by group,
// input and synapse (Hoover et al.'s HAMUX does the same for debugging).
// It allocates its result and leaves the activations in s.G. It returns
// an error naming the argument for a bad State and then changes nothing.
func (net *Network[T]) EnergyParts(s *State[T]) (Breakdown, error) {
	if err := net.check(s); err != nil {
		return Breakdown{}, err
	}
	batch := s.Batch
	net.activateAll(s)
	bd := Breakdown{Total: make([]float64, batch)}
	for a, grp := range net.groups {
		n := grp.Size
		lagrangian.EnergiesTo(s.legend, grp.L, s.X[a], s.G[a], n)
		ge, ie := make([]float64, batch), make([]float64, batch)
		in := s.input(a)
		for r := range batch {
			ge[r] = float64(s.legend[r])
			if ir := row(in, n, r); ir != nil {
				ie[r] = -dot(ir, s.G[a][r*n:(r+1)*n])
			}
			bd.Total[r] += ge[r] + ie[r]
		}
		bd.Groups = append(bd.Groups, ge)
		bd.Inputs = append(bd.Inputs, ie)
	}
	for _, ref := range net.order {
		se := make([]float64, batch)
		if ref.dense {
			d := &net.dense[ref.i]
			na, nb := net.groups[d.A].Size, net.groups[d.B].Size
			wg := make([]T, batch*na)
			gemm(blas.NoTrans, blas.Trans, batch, na, nb, 1, s.G[d.B], nb, d.W, nb, 0, wg, na)
			scale := -1.0
			if d.A == d.B {
				scale = -0.5
			}
			for r := range batch {
				se[r] = scale * dot(s.G[d.A][r*na:(r+1)*na], wg[r*na:(r+1)*na])
			}
		} else {
			b := &net.bias[ref.i]
			n := len(b.B)
			for r := range batch {
				se[r] = -dot(b.B, s.G[b.Group][r*n:(r+1)*n])
			}
		}
		for r := range batch {
			bd.Total[r] += se[r]
		}
		bd.Synapses = append(bd.Synapses, se)
	}
	return bd, nil
}

func dot[T Float](a, b []T) float64 {
	var s float64
	for i, v := range a {
		s += float64(v) * float64(b[i])
	}
	return s
}
