package classical

import (
	"math"
	"strings"
	"sync"
	"testing"
)

func TestEnergyMatchesDoubleSum(t *testing.T) {
	rng := newRand(1)
	for _, n := range []int{1, 2, 7, 40} {
		net := mustNet(t, n, Bipolar)
		w := randomSymmetric(n, rng)
		theta := make([]float64, n)
		for i := range theta {
			theta[i] = rng.NormFloat64()
		}
		if err := net.SetWeights(w); err != nil {
			t.Fatal(err)
		}
		if err := net.SetThresholds(theta); err != nil {
			t.Fatal(err)
		}
		for trial := 0; trial < 5; trial++ {
			s := randomState(n, rng)
			got, err := net.Energy(s)
			if err != nil {
				t.Fatal(err)
			}
			want := refEnergy(w, theta, s)
			if math.Abs(got-want) > 1e-9*(1+math.Abs(want)) {
				t.Errorf("n=%d: Energy = %v, double sum = %v", n, got, want)
			}
		}
	}
}

// Asynchronous updates with symmetric weights never raise the energy: checked
// after every single flip against the O(N²) double sum, for random order,
// fixed order and with thresholds.
func TestAsyncEnergyNonIncreasingPerFlip(t *testing.T) {
	rng := newRand(2)
	const n = 60
	for trial := 0; trial < 6; trial++ {
		net := mustNet(t, n, Bipolar)
		w := randomSymmetric(n, rng)
		theta := make([]float64, n)
		for i := range theta {
			theta[i] = 0.5 * rng.NormFloat64()
		}
		_ = net.SetWeights(w)
		_ = net.SetThresholds(theta)
		init := randomState(n, rng)
		prev := refEnergy(w, theta, init)
		flips := 0
		set := &RecallSettings{Order: Order(trial % 2), Seed: uint64(trial), OnFlip: func(unit int, s []int8) {
			e := refEnergy(w, theta, s)
			if e > prev+1e-9*(1+math.Abs(prev)) {
				t.Errorf("trial %d: flip of unit %d raised energy %v → %v", trial, unit, prev, e)
			}
			prev = e
			flips++
		}}
		dst := make([]int8, n)
		res, err := net.Recall(dst, init, set)
		if err != nil {
			t.Fatal(err)
		}
		if res.Status != Converged {
			t.Fatalf("trial %d: status %v, want Converged (symmetric weights)", trial, res.Status)
		}
		if res.Flips != flips || flips == 0 {
			t.Errorf("trial %d: Result.Flips = %d, observed %d", trial, res.Flips, flips)
		}
		if !refFixedPoint(w, theta, dst) {
			t.Errorf("trial %d: final state is not a fixed point by direct sums", trial)
		}
		want := refEnergy(w, theta, dst)
		if math.Abs(res.Energy-want) > 1e-6*(1+math.Abs(want)) {
			t.Errorf("trial %d: Result.Energy = %v, double sum %v", trial, res.Energy, want)
		}
	}
}

func TestPseudoCutIdentity(t *testing.T) {
	rng := newRand(3)
	const n = 9
	net := mustNet(t, n, Bipolar)
	w := randomSymmetric(n, rng)
	theta := make([]float64, n)
	for i := range theta {
		theta[i] = rng.NormFloat64()
	}
	_ = net.SetWeights(w)
	_ = net.SetThresholds(theta)
	var total float64
	for _, v := range w {
		total += float64(v)
	}
	for trial := 0; trial < 20; trial++ {
		s := randomState(n, rng)
		// The cut and threshold sums written out directly.
		var cut, th float64
		for i := 0; i < n; i++ {
			if s[i] > 0 {
				th += theta[i]
			} else {
				th -= theta[i]
			}
			for j := 0; j < n; j++ {
				if s[i] > 0 && s[j] < 0 {
					cut += float64(w[i*n+j])
				}
			}
		}
		c, err := net.PseudoCut(s)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(c-(cut+th/2)) > 1e-9 {
			t.Errorf("PseudoCut = %v, direct %v", c, cut+th/2)
		}
		e, _ := net.Energy(s)
		if math.Abs(e-(2*c-total/2)) > 1e-6 {
			t.Errorf("E = %v, 2C − ½Σw = %v", e, 2*c-total/2)
		}
	}
}

// Bruck's U(k) never increases under synchronous updates with symmetric
// weights, and U(k) = 2E when both states are equal.
func TestBruckUNonIncreasingSync(t *testing.T) {
	rng := newRand(4)
	const n = 50
	for trial := 0; trial < 5; trial++ {
		net := mustNet(t, n, Bipolar)
		w := randomSymmetric(n, rng)
		theta := make([]float64, n)
		for i := range theta {
			theta[i] = 0.3 * rng.NormFloat64()
		}
		_ = net.SetWeights(w)
		_ = net.SetThresholds(theta)
		prev := randomState(n, rng)
		cur := make([]int8, n)
		if _, err := net.Recall(cur, prev, &RecallSettings{Update: Synchronous, MaxSweeps: 1}); err != nil {
			t.Fatal(err)
		}
		u, _ := net.BruckU(cur, prev)
		for k := 0; k < 30; k++ {
			next := make([]int8, n)
			if _, err := net.Recall(next, cur, &RecallSettings{Update: Synchronous, MaxSweeps: 1}); err != nil {
				t.Fatal(err)
			}
			u2, _ := net.BruckU(next, cur)
			if u2 > u+1e-9*(1+math.Abs(u)) {
				t.Errorf("trial %d step %d: U rose %v → %v", trial, k, u, u2)
			}
			u, prev, cur = u2, cur, next
		}
		_ = prev
		s := randomState(n, rng)
		u0, _ := net.BruckU(s, s)
		e0, _ := net.Energy(s)
		if math.Abs(u0-2*e0) > 1e-9*(1+math.Abs(e0)) {
			t.Errorf("U(s,s) = %v, 2E = %v", u0, 2*e0)
		}
	}
}

// Two mutually inhibiting units started equal flip together for ever under
// synchronous updates: a 2-cycle. Asynchronous updates settle instead.
func TestSyncTwoCycle(t *testing.T) {
	net := mustNet(t, 2, Bipolar)
	_ = net.SetWeights([]float32{0, -1, -1, 0})
	dst := make([]int8, 2)
	res, err := net.Recall(dst, []int8{1, 1}, &RecallSettings{Update: Synchronous})
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != CycleDetected || res.CycleLength != 2 {
		t.Fatalf("sync: %+v, want a 2-cycle", res)
	}
	res, _ = net.Recall(dst, []int8{1, 1}, &RecallSettings{Order: FixedOrder})
	if res.Status != Converged || dst[0] == dst[1] {
		t.Fatalf("async: %+v state %v, want a fixed point with opposite units", res, dst)
	}
}

// An asymmetric pair (w₀₁ = 1, w₁₀ = −1) chases itself round a cycle under
// fixed-order asynchronous updates; the reported period must reproduce.
func TestAsymmetricCycle(t *testing.T) {
	net := mustNet(t, 2, Bipolar)
	_ = net.SetWeights([]float32{0, 1, -1, 0})
	if net.Symmetric() {
		t.Fatal("Symmetric() = true for asymmetric weights")
	}
	dst := make([]int8, 2)
	res, err := net.Recall(dst, []int8{1, 1}, &RecallSettings{Order: FixedOrder})
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != CycleDetected {
		t.Fatalf("status %v, want CycleDetected", res.Status)
	}
	again := make([]int8, 2)
	_, _ = net.Recall(again, dst, &RecallSettings{Order: FixedOrder, MaxSweeps: res.CycleLength})
	if Hamming(again, dst) != 0 {
		t.Errorf("after %d sweeps state %v, want %v back", res.CycleLength, again, dst)
	}
	for k := 1; k < res.CycleLength; k++ {
		_, _ = net.Recall(again, dst, &RecallSettings{Order: FixedOrder, MaxSweeps: k})
		if Hamming(again, dst) == 0 {
			t.Errorf("period %d is not minimal: back after %d", res.CycleLength, k)
		}
	}
}

// A random asymmetric network: whenever a cycle is reported its period is
// exact, and a fixed point is a fixed point by direct sums.
func TestCycleReportsAreExact(t *testing.T) {
	rng := newRand(5)
	const n = 12
	for trial := 0; trial < 40; trial++ {
		net := mustNet(t, n, Bipolar)
		w := make([]float32, n*n)
		for i := range w {
			if i%(n+1) != 0 {
				w[i] = float32(rng.NormFloat64())
			}
		}
		_ = net.SetWeights(w)
		upd := Update(trial % 2)
		init := randomState(n, rng)
		dst := make([]int8, n)
		res, _ := net.Recall(dst, init, &RecallSettings{Update: upd, Order: FixedOrder, MaxSweeps: 1000})
		switch res.Status {
		case Converged:
			if !refFixedPoint(w, make([]float64, n), dst) {
				t.Errorf("trial %d: Converged state is not a fixed point", trial)
			}
		case CycleDetected:
			again := make([]int8, n)
			_, _ = net.Recall(again, dst, &RecallSettings{Update: upd, Order: FixedOrder, MaxSweeps: res.CycleLength})
			if Hamming(again, dst) != 0 {
				t.Errorf("trial %d: not back after reported period %d", trial, res.CycleLength)
			}
		default:
			t.Errorf("trial %d: status %v", trial, res.Status)
		}
	}
}

// One unit with no input and threshold θ: Glauber dynamics sets it to +1 with
// probability 1/(1 + exp(2βθ)).
func TestGlauberSingleUnitProbability(t *testing.T) {
	net := mustNet(t, 1, Bipolar)
	_ = net.SetThresholds([]float64{0.3})
	const beta, trials = 2.0, 20000
	want := 1 / (1 + math.Exp(2*beta*0.3))
	rng := newRand(6)
	dst := make([]int8, 1)
	up := 0
	for k := 0; k < trials; k++ {
		res, err := net.Recall(dst, []int8{-1}, &RecallSettings{Beta: beta, MaxSweeps: 1, Rand: rng})
		if err != nil {
			t.Fatal(err)
		}
		if res.Status != IterationLimit {
			t.Fatalf("finite temperature status %v", res.Status)
		}
		if dst[0] == 1 {
			up++
		}
	}
	got := float64(up) / trials
	sigma := math.Sqrt(want * (1 - want) / trials)
	if math.Abs(got-want) > 5*sigma {
		t.Errorf("P(+1) = %.4f, want %.4f ± %.4f", got, want, 5*sigma)
	}
}

// At large β Glauber dynamics keeps a stored pattern; at β near 0 it
// forgets it (overlap near zero).
func TestGlauberTemperatureLimits(t *testing.T) {
	rng := newRand(7)
	const n, p = 200, 5
	net := mustNet(t, n, Bipolar)
	pats := mustPatterns(t, p, n, rng)
	_ = net.StoreHebbian(pats)
	dst := make([]int8, n)
	_, _ = net.Recall(dst, pats[0], &RecallSettings{Beta: 50, MaxSweeps: 20, Rand: rng})
	if m := Overlap(dst, pats[0]); m < 0.99 {
		t.Errorf("β=50: overlap %v, want ≥ 0.99", m)
	}
	_, _ = net.Recall(dst, pats[0], &RecallSettings{Beta: 0.01, MaxSweeps: 20, Rand: rng})
	if m := Overlap(dst, pats[0]); math.Abs(m) > 0.3 {
		t.Errorf("β=0.01: overlap %v, want near 0", m)
	}
}

func TestBadInputLeavesNetworkUnchanged(t *testing.T) {
	rng := newRand(8)
	const n = 10
	net := mustNet(t, n, Bipolar)
	pats := mustPatterns(t, 3, n, rng)
	if err := net.StoreHebbian(pats); err != nil {
		t.Fatal(err)
	}
	_ = net.SetThresholds([]float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
	w0 := net.WeightsTo(nil)
	th0 := net.ThresholdsTo(nil)
	stored0 := net.Stored()

	badVal := mustPatterns(t, 2, n, rng)
	badVal[1][7] = 0
	shortPat := mustPatterns(t, 2, n, rng)
	shortPat[1] = shortPat[1][:n-1]
	nanTheta := make([]float64, n)
	nanTheta[4] = math.NaN()
	nanW := make([]float32, n*n)
	nanW[13] = float32(math.Inf(1))

	cases := []struct {
		name string
		err  error
		want string
	}{
		{"hebbian value", net.StoreHebbian(badVal), "patterns[1][7] = 0"},
		{"hebbian length", net.StoreHebbian(shortPat), "patterns[1] has length 9, want 10"},
		{"hebbian empty", net.StoreHebbian(nil), "P = 0"},
		{"forget value", net.ForgetHebbian(badVal), "patterns[1][7]"},
		{"storkey value", net.StoreStorkey(badVal), "patterns[1][7]"},
		{"pinv value", net.SetPseudoInverse(badVal, true), "patterns[1][7]"},
		{"pinv dependent", net.SetPseudoInverse([][]int8{pats[0], pats[0]}, false), "linearly dependent"},
		{"theta NaN", net.SetThresholds(nanTheta), "theta[4] = NaN"},
		{"weights Inf", net.SetWeights(nanW), "w[13] = +Inf"},
		{"weights length", net.SetWeights(nanW[:5]), "w has length 5"},
	}
	for _, c := range cases {
		if c.err == nil || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, c.err, c.want)
		}
	}
	w1 := net.WeightsTo(nil)
	for i := range w0 {
		if w0[i] != w1[i] {
			t.Fatalf("weights changed at %d after failed calls", i)
		}
	}
	th1 := net.ThresholdsTo(nil)
	for i := range th0 {
		if th0[i] != th1[i] {
			t.Fatalf("thresholds changed at %d after failed calls", i)
		}
	}
	if net.Stored() != stored0 {
		t.Errorf("Stored changed: %d → %d", stored0, net.Stored())
	}
	if _, err := New(0, Bipolar); err == nil || !strings.Contains(err.Error(), "n = 0") {
		t.Errorf("New(0): %v", err)
	}
	dst := make([]int8, n)
	bad := append([]int8(nil), pats[0]...)
	bad[2] = 3
	if _, err := net.Recall(dst, bad, nil); err == nil || !strings.Contains(err.Error(), "init[2] = 3") {
		t.Errorf("Recall bad init: %v", err)
	}
	if _, err := net.Energy(bad[:4]); err == nil || !strings.Contains(err.Error(), "s has length 4") {
		t.Errorf("Energy short state: %v", err)
	}
	if _, err := net.Recall(dst, pats[0], &RecallSettings{Beta: math.NaN()}); err == nil {
		t.Error("Recall accepted β = NaN")
	}
}

// Recall from many goroutines at once gives the same results as one at a time.
func TestConcurrentRecall(t *testing.T) {
	rng := newRand(9)
	const n, p, k = 120, 6, 12
	net := mustNet(t, n, Bipolar)
	pats := mustPatterns(t, p, n, rng)
	_ = net.StoreHebbian(pats)
	inits := make([][]int8, 16)
	want := make([][]int8, len(inits))
	for i := range inits {
		inits[i], _ = NoisyCopy(nil, pats[i%p], k, rng)
		want[i] = make([]int8, n)
		_, _ = net.Recall(want[i], inits[i], &RecallSettings{Seed: uint64(i)})
	}
	var wg sync.WaitGroup
	got := make([][]int8, len(inits))
	for i := range inits {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = make([]int8, n)
			_, _ = net.Recall(got[i], inits[i], &RecallSettings{Seed: uint64(i)})
		}()
	}
	wg.Wait()
	for i := range got {
		if Hamming(got[i], want[i]) != 0 {
			t.Errorf("recall %d differs when run concurrently", i)
		}
	}
}
