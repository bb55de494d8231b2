package dense

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// prototypes returns classes random prototypes and noisy labelled examples.
func prototypeData(rng *rand.Rand, features, classes, perClass, noise int) ([][]int8, []Labeled) {
	protos := randomPatterns(rng, classes, features)
	var ex []Labeled
	for range perClass {
		for c, p := range protos {
			ex = append(ex, Labeled{Features: noisy(rng, p, noise), Label: c})
		}
	}
	return protos, ex
}

// TestClassifierScores compares the scores with the direct Eq. 4 bracket of
// each class unit, from the state with features clamped and labels at −1.
func TestClassifierScores(t *testing.T) {
	rng := rand.New(rand.NewPCG(30, 30))
	const features, classes = 40, 5
	_, ex := prototypeData(rng, features, classes, 6, 8)
	for _, f := range []Function{Polynomial(3), RectifiedPolynomial(4), Exponential(0.5)} {
		c, err := NewClassifier(features, classes, f)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Store(ex...); err != nil {
			t.Fatal(err)
		}
		pats := make([][]int8, c.Memory().Len())
		for mu := range pats {
			pats[mu] = c.Memory().Pattern(nil, mu)
		}
		for q := range 10 {
			x := randomState(rng, features)
			if q%2 == 0 {
				x = noisy(rng, ex[q].Features, 5)
			}
			state := append(slices.Clone(x), slices.Repeat([]int8{-1}, classes)...)
			scores, err := c.Scores(nil, x)
			if err != nil {
				t.Fatal(err)
			}
			best := 0
			var wantScores []float64
			for a := range classes {
				var want float64
				if f.Kind == Exp {
					s, l := refDiffExp(f.Beta, pats, state, features+a)
					want = float64(s) * math.Exp(l)
				} else {
					want = bigFloat(refDiffPoly(f, pats, state, features+a))
				}
				if math.Abs(scores[a]-want) > 1e-9*math.Abs(want) {
					t.Fatalf("%v: score[%d] = %v, want %v", f, a, scores[a], want)
				}
				wantScores = append(wantScores, want)
				if want > wantScores[best] {
					best = a
				}
			}
			if got, err := c.Classify(x); err != nil || got != best {
				t.Fatalf("%v: Classify = %d, %v, want %d (scores %v)", f, got, err, best, wantScores)
			}
		}
	}
}

// TestClassifierAccuracy: noisy examples of random prototypes are
// classified far above chance, by exact agreement with the prototypes'
// labels on fresh noisy inputs.
func TestClassifierAccuracy(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 31))
	const features, classes = 100, 10
	protos, ex := prototypeData(rng, features, classes, 20, 20)
	for _, f := range []Function{Polynomial(3), Exponential(1)} {
		c, err := NewClassifier(features, classes, f)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Store(ex...); err != nil {
			t.Fatal(err)
		}
		right := 0
		const tests = 200
		for q := range tests {
			label := q % classes
			got, err := c.Classify(noisy(rng, protos[label], 25))
			if err != nil {
				t.Fatal(err)
			}
			if got == label {
				right++
			}
		}
		if right < tests*95/100 {
			t.Errorf("%v: %d/%d correct, want ≥ 95%%", f, right, tests)
		}
	}
}

func TestClassifierBadInput(t *testing.T) {
	if _, err := NewClassifier(0, 3, Polynomial(3)); err == nil || !strings.Contains(err.Error(), "features") {
		t.Errorf("features 0: %v", err)
	}
	if _, err := NewClassifier(5, 1, Polynomial(3)); err == nil || !strings.Contains(err.Error(), "classes") {
		t.Errorf("classes 1: %v", err)
	}
	if _, err := NewClassifier(5, 2, Polynomial(1)); err == nil || !strings.Contains(err.Error(), "f.Degree") {
		t.Errorf("degree 1: %v", err)
	}
	c, err := NewClassifier(4, 3, Polynomial(3))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Classify([]int8{1, 1, 1, 1}); err == nil || !strings.Contains(err.Error(), "K = 0") {
		t.Errorf("empty classifier: %v", err)
	}
	good := Labeled{Features: []int8{1, -1, 1, -1}, Label: 2}
	if err := c.Store(good); err != nil {
		t.Fatal(err)
	}
	for _, x := range []struct {
		ex   []Labeled
		want string
	}{
		{nil, "K = 0"},
		{[]Labeled{good, {Features: []int8{1, 1, 1, 1}, Label: 3}}, "examples[1].Label = 3"},
		{[]Labeled{good, {Features: []int8{1, 1, 1, 1}, Label: -1}}, "examples[1].Label = -1"},
		{[]Labeled{good, good, {Features: []int8{1, 1, 2, 1}}}, "examples[2].Features[2] = 2"},
		{[]Labeled{{Features: []int8{1, 1, 1}}}, "examples[0].Features has length 3"},
	} {
		if err := c.Store(x.ex...); err == nil || !strings.Contains(err.Error(), x.want) {
			t.Errorf("Store error %v, want %q", err, x.want)
		}
		if c.Memory().Len() != 1 {
			t.Fatal("failed Store changed the classifier")
		}
	}
	if _, err := c.Classify([]int8{1, 1, 1}); err == nil || !strings.Contains(err.Error(), "features has length 3") {
		t.Errorf("short features: %v", err)
	}
	if _, err := c.Scores(make([]float64, 2), []int8{1, 1, 1, 1}); err == nil || !strings.Contains(err.Error(), "dst") {
		t.Errorf("short dst: %v", err)
	}
}
