package classical

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func maxDiff32(a []float32, b []float64) float64 {
	var d float64
	for i := range a {
		d = math.Max(d, math.Abs(float64(a[i])-b[i]))
	}
	return d
}

func TestHebbianMatchesOuterProducts(t *testing.T) {
	rng := newRand(10)
	const n = 37
	pats := mustPatterns(t, 11, n, rng)
	net := mustNet(t, n, Bipolar)
	// Two calls: storage is incremental.
	if err := net.StoreHebbian(pats[:4]); err != nil {
		t.Fatal(err)
	}
	if err := net.StoreHebbian(pats[4:]); err != nil {
		t.Fatal(err)
	}
	if d := maxDiff32(net.WeightsTo(nil), refHebbian(pats, n)); d > 1e-6 {
		t.Errorf("max |W − (1/N)Σξξᵀ| = %v", d)
	}
	if !net.Symmetric() || net.Stored() != 11 {
		t.Errorf("Symmetric %v Stored %d", net.Symmetric(), net.Stored())
	}
	if err := net.ForgetHebbian(pats[2:5]); err != nil {
		t.Fatal(err)
	}
	rest := append(append([][]int8{}, pats[:2]...), pats[5:]...)
	if d := maxDiff32(net.WeightsTo(nil), refHebbian(rest, n)); d > 1e-6 {
		t.Errorf("after forgetting: max diff %v", d)
	}
	if net.Stored() != 8 {
		t.Errorf("Stored = %d after forgetting 3 of 11", net.Stored())
	}
}

// 0/1 patterns in a Binary01 network give the weights Σ(2V−1)(2V−1)/N and
// recall returns 0/1 states.
func TestBinary01Convention(t *testing.T) {
	rng := newRand(11)
	const n = 64
	pm := mustPatterns(t, 3, n, rng)
	p01 := make([][]int8, len(pm))
	for i, p := range pm {
		p01[i] = ToBinary01(nil, p)
		if back := ToBipolar(nil, p01[i]); Hamming(back, p) != 0 {
			t.Fatal("ToBipolar(ToBinary01(s)) != s")
		}
	}
	a := mustNet(t, n, Binary01)
	if err := a.StoreHebbian(pm); err == nil {
		t.Error("Binary01 network accepted ±1 patterns")
	}
	if err := a.StoreHebbian(p01); err != nil {
		t.Fatal(err)
	}
	if d := maxDiff32(a.WeightsTo(nil), refHebbian(pm, n)); d > 1e-6 {
		t.Errorf("0/1 Hebbian differs from ±1 reference by %v", d)
	}
	noisy, _ := NoisyCopy(nil, pm[1], 6, rng)
	dst := make([]int8, n)
	if _, err := a.Recall(dst, ToBinary01(nil, noisy), nil); err != nil {
		t.Fatal(err)
	}
	for i, v := range dst {
		if v != p01[1][i] {
			t.Fatalf("0/1 recall differs from stored 0/1 pattern at %d", i)
		}
	}
	if ok, _ := a.IsFixedPoint(p01[0]); !ok {
		t.Error("stored 0/1 pattern is not a fixed point")
	}
}

func TestStorkeyMatchesLiteralRule(t *testing.T) {
	rng := newRand(12)
	const n = 13
	pats := mustPatterns(t, 5, n, rng)
	net := mustNet(t, n, Bipolar)
	if err := net.StoreStorkey(pats[:2]); err != nil {
		t.Fatal(err)
	}
	if err := net.StoreStorkey(pats[2:]); err != nil {
		t.Fatal(err)
	}
	want := refStorkey(make([]float64, n*n), pats, n)
	if d := maxDiff32(net.WeightsTo(nil), want); d > 1e-5 {
		t.Errorf("Storkey: max diff from literal rule %v", d)
	}
	// The same from asymmetric starting weights exercises the general path.
	w0 := make([]float32, n*n)
	w064 := make([]float64, n*n)
	for i := range w0 {
		if i%(n+1) != 0 {
			w0[i] = float32(rng.NormFloat64() / n)
			w064[i] = float64(w0[i])
		}
	}
	asym := mustNet(t, n, Bipolar)
	_ = asym.SetWeights(w0)
	if err := asym.StoreStorkey(pats); err != nil {
		t.Fatal(err)
	}
	if d := maxDiff32(asym.WeightsTo(nil), refStorkey(w064, pats, n)); d > 1e-5 {
		t.Errorf("Storkey from asymmetric weights: max diff %v", d)
	}
}

// The first Storkey pattern on zero weights is exactly one Hebbian term.
func TestStorkeyFirstPatternIsHebbian(t *testing.T) {
	rng := newRand(13)
	const n = 30
	p := mustPatterns(t, 1, n, rng)
	net := mustNet(t, n, Bipolar)
	_ = net.StoreStorkey(p)
	if d := maxDiff32(net.WeightsTo(nil), refHebbian(p, n)); d > 1e-7 {
		t.Errorf("max diff %v", d)
	}
}

func TestPseudoInverseIsProjection(t *testing.T) {
	rng := newRand(14)
	const n, p = 40, 25
	pats := mustPatterns(t, p, n, rng)
	// Reference: X(XᵀX)⁻¹Xᵀ with an explicit inverse in float64.
	x := mat.NewDense(n, p, nil)
	for mu, pat := range pats {
		for i, v := range pat {
			x.Set(i, mu, float64(v))
		}
	}
	var g, gi, xw, ref mat.Dense
	g.Mul(x.T(), x)
	if err := gi.Inverse(&g); err != nil {
		t.Fatal(err)
	}
	xw.Mul(x, &gi)
	ref.Mul(&xw, x.T())
	for _, zero := range []bool{false, true} {
		net := mustNet(t, n, Bipolar)
		if err := net.SetPseudoInverse(pats, zero); err != nil {
			t.Fatal(err)
		}
		w := net.WeightsTo(nil)
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				want := ref.At(i, j)
				if zero && i == j {
					want = 0
				}
				if math.Abs(float64(w[i*n+j])-want) > 1e-5 {
					t.Fatalf("zero=%v: W[%d,%d] = %v, want %v", zero, i, j, w[i*n+j], want)
				}
			}
		}
		for mu, pat := range pats {
			if ok, _ := net.IsFixedPoint(pat); !ok {
				t.Errorf("zero=%v: pattern %d is not a fixed point", zero, mu)
			}
		}
	}
}

// Below capacity every stored pattern is a fixed point and is recalled from
// a noisy copy, for each learning rule.
func TestStoredPatternsAreFixedPoints(t *testing.T) {
	rng := newRand(15)
	const n, p = 300, 12
	pats := mustPatterns(t, p, n, rng)
	rules := map[string]func(*Network) error{
		"hebbian": func(net *Network) error { return net.StoreHebbian(pats) },
		"storkey": func(net *Network) error { return net.StoreStorkey(pats) },
		"pinv":    func(net *Network) error { return net.SetPseudoInverse(pats, true) },
	}
	for name, store := range rules {
		net := mustNet(t, n, Bipolar)
		if err := store(net); err != nil {
			t.Fatal(err)
		}
		w := net.WeightsTo(nil)
		theta := make([]float64, n)
		for mu, pat := range pats {
			if !refFixedPoint(w, theta, pat) {
				t.Errorf("%s: pattern %d not a fixed point", name, mu)
			}
			noisy, _ := NoisyCopy(nil, pat, n/10, rng)
			dst := make([]int8, n)
			res, _ := net.Recall(dst, noisy, &RecallSettings{Rand: rng})
			if res.Status != Converged || Overlap(dst, pat) != 1 {
				t.Errorf("%s: pattern %d: %v, overlap %v", name, mu, res.Status, Overlap(dst, pat))
			}
		}
	}
}

// Storkey's rule keeps symmetric weights exactly symmetric, bit for bit,
// over many patterns: the update of wᵢⱼ and wⱼᵢ is one expression.
func TestStorkeyKeepsExactSymmetry(t *testing.T) {
	rng := rand.New(rand.NewPCG(77, 78))
	for _, n := range []int{50, 131, 263} {
		net, err := New(n, Bipolar)
		if err != nil {
			t.Fatal(err)
		}
		pats, err := RandomPatterns(n/5, n, rng)
		if err != nil {
			t.Fatal(err)
		}
		if err := net.StoreStorkey(pats); err != nil {
			t.Fatal(err)
		}
		w := net.WeightsTo(nil)
		for i := range n {
			for j := range i {
				if w[i*n+j] != w[j*n+i] {
					t.Fatalf("N=%d: w[%d][%d] = %v, w[%d][%d] = %v", n, i, j, w[i*n+j], j, i, w[j*n+i])
				}
			}
		}
		if !net.Symmetric() {
			t.Errorf("N=%d: Symmetric() = false after Storkey learning", n)
		}
	}
}
