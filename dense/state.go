package dense

import (
	"fmt"
	"math"
	"math/bits"
)

// State is a state σ of the units of one Memory together with the K overlaps
// mμ = ξμ·σ, which it keeps up to date as units flip: a flip of unit i
// changes every overlap by ±2, so it costs O(K), and deciding one unit costs
// O(K), one sweep over all units O(N·K).
//
// A State belongs to one goroutine. It reads its Memory and must be Reset
// after a Store into that Memory; using it before then panics.
type State struct {
	mem   *Memory
	k     int // mem.Len() when last Reset
	sigma []int8
	// code[μ] = 2(mμ+N) for μ < K, so that code|b indexes the flip table;
	// entries from K up to a multiple of 64 hold a padding code whose table
	// entries are zero.
	code []int32
	top  int32 // largest code[μ], μ < K (Exp only)
	// total is Σμ e^{β(mμ−M)} (Exp only).
	total float64
	perm  []int
	flip  []bool
	seen  []uint64 // packed state saved for cycle detection
	cur   []uint64
}

// NewState returns a State of m set to probe. It returns an error naming
// probe if it is not a ±1 vector of length N, or if m holds no patterns.
func (m *Memory) NewState(probe []int8) (*State, error) {
	s := &State{mem: m}
	if err := s.Reset(probe); err != nil {
		return nil, err
	}
	return s, nil
}

// Reset sets the state to probe and recomputes the overlaps with the
// memory's current patterns in O(N·K/64) word operations. On error the
// State is unchanged.
func (s *State) Reset(probe []int8) error {
	m := s.mem
	if m.k == 0 {
		return fmt.Errorf("dense: memory holds no patterns (K = 0)")
	}
	if err := checkState(probe, m.n, "probe"); err != nil {
		return err
	}
	if len(s.sigma) != m.n {
		s.sigma = make([]int8, m.n)
	}
	copy(s.sigma, probe)
	padded := 64 * m.words()
	if cap(s.code) < padded {
		s.code = make([]int32, padded)
	}
	s.code = s.code[:padded]
	s.k = m.k
	s.recount()
	return nil
}

// padCode is the overlap code of the padding slots after K: its flip-table
// entries are zero, and for Exp its distance below any top code indexes the
// zero tail of the decay table.
func (s *State) padCode() int32 {
	n := int32(s.mem.n)
	if s.mem.f.Kind == Exp {
		return -4*n - 8
	}
	return 4*n + 2
}

// recount computes all overlaps from scratch. For each block of 64 patterns
// it counts, for every pattern, the units where pattern and state disagree:
// the N disagreement words are summed bitwise into vertical counters by a
// carry-save adder tree (Harley & Seal's scheme), sixteen words at a time
// into ones, twos, fours and eights, whose carries of weight 16 ripple into
// higher planes. That is about two word operations per unit and block.
func (s *State) recount() {
	m := s.mem
	n := m.n
	var hi [32]uint64 // planes of weight 16, 32, 64, …
	pad := s.padCode()
	s.top = math.MinInt32
	for w := range m.words() {
		var ones, twos, fours, eights uint64
		clear(hi[:])
		col := m.cols[w:]
		disagree := func(i int) uint64 { return col[i*m.stride] ^ signMask(s.sigma[i]) }
		i := 0
		for ; i+16 <= n; i += 16 {
			var twosA, twosB, foursA, foursB, eightsA, eightsB, sixteens uint64
			ones, twosA = csa(ones, disagree(i), disagree(i+1))
			ones, twosB = csa(ones, disagree(i+2), disagree(i+3))
			twos, foursA = csa(twos, twosA, twosB)
			ones, twosA = csa(ones, disagree(i+4), disagree(i+5))
			ones, twosB = csa(ones, disagree(i+6), disagree(i+7))
			twos, foursB = csa(twos, twosA, twosB)
			fours, eightsA = csa(fours, foursA, foursB)
			ones, twosA = csa(ones, disagree(i+8), disagree(i+9))
			ones, twosB = csa(ones, disagree(i+10), disagree(i+11))
			twos, foursA = csa(twos, twosA, twosB)
			ones, twosA = csa(ones, disagree(i+12), disagree(i+13))
			ones, twosB = csa(ones, disagree(i+14), disagree(i+15))
			twos, foursB = csa(twos, twosA, twosB)
			fours, eightsB = csa(fours, foursA, foursB)
			eights, sixteens = csa(eights, eightsA, eightsB)
			for p := 0; sixteens != 0; p++ {
				hi[p], sixteens = hi[p]^sixteens, hi[p]&sixteens
			}
		}
		for ; i < n; i++ {
			// The remaining units ripple through all planes.
			x := disagree(i)
			ones, x = ones^x, ones&x
			twos, x = twos^x, twos&x
			fours, x = fours^x, fours&x
			eights, x = eights^x, eights&x
			for p := 0; x != 0; p++ {
				hi[p], x = hi[p]^x, hi[p]&x
			}
		}
		np := bits.Len(uint(n >> 4))
		for b := range 64 {
			mu := 64*w + b
			if mu >= m.k {
				s.code[mu] = pad
				continue
			}
			d := int(ones>>uint(b)&1) | int(twos>>uint(b)&1)<<1 |
				int(fours>>uint(b)&1)<<2 | int(eights>>uint(b)&1)<<3
			for p := range np {
				d |= int(hi[p]>>uint(b)&1) << uint(p+4)
			}
			c := int32(4*n - 4*d) // 2(m+N) with m = N − 2d
			s.code[mu] = c
			s.top = max(s.top, c)
		}
	}
	s.sums()
}

// csa is a carry-save adder: the bitwise sum of a, b and c as a sum word
// and a carry word of twice the weight.
func csa(a, b, c uint64) (sum, carry uint64) {
	u := a ^ b
	return u ^ c, (a & b) | (u & c)
}

// sums recomputes the total weight Σμ e^{β(mμ−M)} for Exp.
func (s *State) sums() {
	if s.mem.f.Kind != Exp {
		return
	}
	d := s.mem.tab.decay
	s.total = 0
	for _, c := range s.code[:s.k] {
		s.total += d[(s.top-c)>>2]
	}
}

// signMask is all ones for −1 and zero for +1, the bit a column holds.
func signMask(v int8) uint64 { return uint64(int64(v) >> 1) }

func (s *State) check() {
	if s.k != s.mem.k {
		panic("dense: State used after Store into its Memory; call Reset")
	}
}

func (s *State) checkUnit(i int) {
	s.check()
	if i < 0 || i >= s.mem.n {
		panic(fmt.Sprintf("dense: unit %d out of range [0, %d)", i, s.mem.n))
	}
}

// Memory returns the memory the state belongs to.
func (s *State) Memory() *Memory { return s.mem }

// Sigma writes the state into dst, allocating it when dst is nil, and
// returns it.
func (s *State) Sigma(dst []int8) []int8 {
	if dst == nil {
		dst = make([]int8, len(s.sigma))
	}
	if len(dst) != len(s.sigma) {
		panic(fmt.Sprintf("dense: Sigma dst length %d, want %d", len(dst), len(s.sigma)))
	}
	copy(dst, s.sigma)
	return dst
}

// Unit returns σᵢ.
func (s *State) Unit(i int) int8 {
	s.checkUnit(i)
	return s.sigma[i]
}

// Overlap returns mμ = ξμ·σ.
func (s *State) Overlap(mu int) int {
	s.check()
	if mu < 0 || mu >= s.k {
		panic(fmt.Sprintf("dense: pattern %d out of range [0, %d)", mu, s.k))
	}
	return int(s.code[mu])/2 - s.mem.n
}

// column returns unit i's pattern bits and the mask that turns them into
// disagreement bits with the current σᵢ.
func (s *State) column(i int) ([]uint64, uint64) {
	m := s.mem
	return m.cols[i*m.stride : i*m.stride+m.words()], signMask(s.sigma[i])
}

// polyGain returns Σμ F(mμ − 2xμ) − F(mμ), xμ = ξμᵢσᵢ: the drop in energy
// if unit i flipped. It looks every pattern up in the flip table, with four
// accumulators to hide the latency of floating-point adds, and is exact
// while the partial sums stay below 2⁵³.
//
// (Visiting only the disagreeing patterns' set bits does half the lookups
// but costs a bit scan each, which is slow on the baseline amd64 target;
// measured slower here.)
func (s *State) polyGain(i int) float64 {
	col, mask := s.column(i)
	t := s.mem.tab.flip
	var a0, a1, a2, a3 float64
	for w, word := range col {
		word ^= mask
		c := (*[64]int32)(s.code[64*w : 64*w+64])
		// Codes are non-negative here, so the uint32 conversions only
		// spare the sign extension; constant shifts of a moving word
		// spare variable shifts.
		for j := 0; j < 64; j += 4 {
			a0 += t[uint32(c[j])|uint32(word&1)]
			a1 += t[uint32(c[j+1])|uint32(word>>1&1)]
			a2 += t[uint32(c[j+2])|uint32(word>>2&1)]
			a3 += t[uint32(c[j+3])|uint32(word>>3&1)]
			word >>= 4
		}
	}
	return (a0 + a1) + (a2 + a3)
}

// expWeights returns W₊ = Σ_{xμ=+1} e^{β(mμ−M)} and W₋ = Σ_{xμ=−1} e^{β(mμ−M)}
// for unit i, where M is the largest overlap and xμ = ξμᵢσᵢ. It visits only
// the disagreeing patterns, the low and high halves of each word in two
// independent chains of adds, and takes W₊ as the total less W₋. That
// difference loses accuracy only when W₊ ≪ W₋, where neither the decision
// nor log|ΔEᵢ| depends on it.
func (s *State) expWeights(i int) (wp, wn float64) {
	col, mask := s.column(i)
	d := s.mem.tab.decay
	top := s.top
	var a0, a1 float64
	for w, word := range col {
		word ^= mask
		c := (*[64]int32)(s.code[64*w : 64*w+64])
		lo, hi := word&(1<<32-1), word>>32
		for lo != 0 && hi != 0 {
			a0 += d[(top-c[bits.TrailingZeros64(lo)&31])>>2]
			a1 += d[(top-c[32+bits.TrailingZeros64(hi)&31])>>2]
			lo &= lo - 1
			hi &= hi - 1
		}
		for ; lo != 0; lo &= lo - 1 {
			a0 += d[(top-c[bits.TrailingZeros64(lo)&31])>>2]
		}
		for ; hi != 0; hi &= hi - 1 {
			a1 += d[(top-c[32+bits.TrailingZeros64(hi)&31])>>2]
		}
	}
	wn = a0 + a1
	return max(s.total-wn, 0), wn
}

// wants reports whether unit i would flip under Eq. 4: whether flipping it
// strictly lowers the energy. A tie (no change) keeps σᵢ.
func (s *State) wants(i int) bool {
	if s.mem.f.Kind != Exp {
		return s.polyGain(i) > 0
	}
	// Flipping lowers E iff W₊e^{−2β} + W₋e^{2β} > W₊ + W₋, that is iff
	// W₊ < e^{2β}W₋.
	wp, wn := s.expWeights(i)
	t := &s.mem.tab
	if !math.IsInf(t.ratio, 1) {
		return wp < t.ratio*wn
	}
	return wn > 0 && math.Log(wp) < 2*s.mem.f.Beta+math.Log(wn)
}

// toggle flips unit i and updates every overlap by ∓2 in O(K).
func (s *State) toggle(i int) {
	col, mask := s.column(i)
	k := s.k
	top := int32(math.MinInt32)
	for w, word := range col {
		word ^= mask
		c := s.code[64*w : min(64*w+64, k)]
		for j := range c {
			// Agreeing patterns lose 2 from the overlap, disagreeing gain 2;
			// the code is twice the overlap.
			c[j] += int32(word>>uint(j)&1)*8 - 4
			top = max(top, c[j])
		}
	}
	s.top = top
	s.sigma[i] = -s.sigma[i]
	s.sums()
}

// Update applies the asynchronous rule of Krotov & Hopfield (2016, Eq. 4)
// to unit i,
//
//	σᵢ ← Sign[Σμ F(ξμᵢ + Σ_{j≠i} ξμⱼσⱼ) − F(−ξμᵢ + Σ_{j≠i} ξμⱼσⱼ)],
//
// keeping σᵢ when the bracket is zero, and reports whether σᵢ changed.
func (s *State) Update(i int) bool {
	s.checkUnit(i)
	if !s.wants(i) {
		return false
	}
	s.toggle(i)
	return true
}

// Flip negates σᵢ whatever the energy, updating the overlaps.
func (s *State) Flip(i int) {
	s.checkUnit(i)
	s.toggle(i)
}

// EnergyDiff returns ΔEᵢ = E(σ with σᵢ = −1) − E(σ with σᵢ = +1), the
// bracket of Eq. 4: unit i prefers +1 when it is positive and −1 when it is
// negative. For the polynomial kinds it is exact while the sums involved are
// below 2⁵³. For Exp it is e^{log|ΔEᵢ|} with the sign of ΔEᵢ, which is ±Inf
// when it exceeds the float64 range; LogEnergyDiff gives it without overflow.
func (s *State) EnergyDiff(i int) float64 {
	s.checkUnit(i)
	if s.mem.f.Kind != Exp {
		return -float64(s.sigma[i]) * s.polyGain(i)
	}
	sign, l := s.logEnergyDiff(i)
	return float64(sign) * math.Exp(l)
}

// LogEnergyDiff returns ΔEᵢ of EnergyDiff as its sign (−1, 0 or +1) and
// log|ΔEᵢ| (−Inf when the sign is 0). For Exp it is computed in the log
// domain, so that overlaps of any size neither overflow nor lose the sign.
func (s *State) LogEnergyDiff(i int) (sign int, logAbs float64) {
	s.checkUnit(i)
	return s.logEnergyDiff(i)
}

func (s *State) logEnergyDiff(i int) (int, float64) {
	if s.mem.f.Kind != Exp {
		return signLog(-float64(s.sigma[i]) * s.polyGain(i))
	}
	// Σμ F(mμ−2xμ) − F(mμ) = e^{βM}[W₋(e^{2β}−1) − W₊(1−e^{−2β})].
	wp, wn := s.expWeights(i)
	t := &s.mem.tab
	la := math.Log(wn) + t.logGain
	lb := math.Log(wp) + t.logLoss
	sign := 1
	if la < lb {
		la, lb, sign = lb, la, -1
	}
	if la == lb {
		return 0, math.Inf(-1)
	}
	l := s.mem.f.Beta*float64(s.maxOverlap()) + la + math.Log(-math.Expm1(lb-la))
	return -int(s.sigma[i]) * sign, l
}

func (s *State) maxOverlap() int { return int(s.top)/2 - s.mem.n }

func signLog(x float64) (int, float64) {
	switch {
	case x > 0:
		return 1, math.Log(x)
	case x < 0:
		return -1, math.Log(-x)
	}
	return 0, math.Inf(-1)
}

// Energy returns E(σ) = −Σμ F(mμ). For Exp it overflows to −Inf when
// β·max mμ is beyond about 709; LogEnergy does not.
func (s *State) Energy() float64 {
	s.check()
	if s.mem.f.Kind != Exp {
		f := s.mem.tab.f
		var e float64
		for _, c := range s.code[:s.k] {
			e -= f[c/2]
		}
		return e
	}
	sign, l := s.LogEnergy()
	return float64(sign) * math.Exp(l)
}

// LogEnergy returns the sign of E(σ) and log|E(σ)|. For Exp it is
// −1 and β·M + log Σμ e^{β(mμ−M)} with M the largest overlap.
func (s *State) LogEnergy() (sign int, logAbs float64) {
	s.check()
	if s.mem.f.Kind != Exp {
		return signLog(s.Energy())
	}
	d := s.mem.tab.decay
	var sum float64
	for _, c := range s.code[:s.k] {
		sum += d[(s.top-c)>>2]
	}
	return -1, s.mem.f.Beta*float64(s.maxOverlap()) + math.Log(sum)
}
