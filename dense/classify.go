package dense

import "fmt"

// Labeled is a training example for a Classifier: a ±1 feature vector and
// a class label in [0, classes).
type Labeled struct {
	Features []int8
	Label    int
}

// Classifier is a dense associative memory used as a classifier by
// clamping, as in Krotov & Hopfield (2016, §2, Eq. 9). Its units are the
// features followed by one unit per class; an example is stored as the
// pattern (features, label code), where the label code is +1 at the label
// and −1 elsewhere.
//
// To classify, the feature units are clamped to the input and the class
// units set to −1; each class unit α then gets one Eq. 4 update from that
// state, whose energy difference
//
//	ΔE_α = Σμ F(ξμ_α + rμ_α) − F(−ξμ_α + rμ_α),   rμ_α = Σ_{j≠α} ξμⱼσⱼ,
//
// is the class score (Eq. 9 applies g(β·ΔE_α) to it; any increasing g gives
// the same ranking). The predicted class is the one with the largest score.
//
// Methods other than Store may be called from many goroutines at once.
type Classifier struct {
	mem      *Memory
	features int
	classes  int
}

// NewClassifier returns an empty classifier for feature vectors of length
// features and the given number of classes (at least 2).
func NewClassifier(features, classes int, f Function) (*Classifier, error) {
	if features < 1 {
		return nil, fmt.Errorf("dense: features = %d, want ≥ 1", features)
	}
	if classes < 2 {
		return nil, fmt.Errorf("dense: classes = %d, want ≥ 2", classes)
	}
	m, err := New(features+classes, f)
	if err != nil {
		return nil, err
	}
	return &Classifier{mem: m, features: features, classes: classes}, nil
}

// Memory returns the underlying memory, of features+classes units.
func (c *Classifier) Memory() *Memory { return c.mem }

// Classes returns the number of classes.
func (c *Classifier) Classes() int { return c.classes }

// Store adds examples. If any example is invalid, or none is given, it
// returns an error naming it and stores nothing.
func (c *Classifier) Store(examples ...Labeled) error {
	if len(examples) == 0 {
		return fmt.Errorf("dense: Store of no examples (K = 0)")
	}
	pats := make([][]int8, len(examples))
	for e, x := range examples {
		if x.Label < 0 || x.Label >= c.classes {
			return fmt.Errorf("dense: examples[%d].Label = %d, want 0 ≤ label < %d", e, x.Label, c.classes)
		}
		if err := checkState(x.Features, c.features, fmt.Sprintf("examples[%d].Features", e)); err != nil {
			return err
		}
		p := make([]int8, c.features+c.classes)
		copy(p, x.Features)
		for a := range c.classes {
			p[c.features+a] = -1
		}
		p[c.features+x.Label] = 1
		pats[e] = p
	}
	return c.mem.Store(pats...)
}

func (c *Classifier) state(features []int8) (*State, error) {
	if err := checkState(features, c.features, "features"); err != nil {
		return nil, err
	}
	if c.mem.Len() == 0 {
		return nil, fmt.Errorf("dense: classifier holds no examples (K = 0)")
	}
	probe := make([]int8, c.features+c.classes)
	copy(probe, features)
	for a := range c.classes {
		probe[c.features+a] = -1
	}
	return c.mem.NewState(probe)
}

// Scores writes ΔE_α for every class α into dst, allocating it when dst is
// nil, and returns it. For Exp the scores overflow to +Inf or −Inf when
// they leave the float64 range; Classify compares them in the log domain.
func (c *Classifier) Scores(dst []float64, features []int8) ([]float64, error) {
	if dst == nil {
		dst = make([]float64, c.classes)
	}
	if len(dst) != c.classes {
		return nil, fmt.Errorf("dense: dst has length %d, want %d", len(dst), c.classes)
	}
	s, err := c.state(features)
	if err != nil {
		return nil, err
	}
	for a := range dst {
		dst[a] = s.EnergyDiff(c.features + a)
	}
	return dst, nil
}

// Classify returns the class whose unit has the largest energy difference
// ΔE_α, the lowest such class on ties.
func (c *Classifier) Classify(features []int8) (int, error) {
	s, err := c.state(features)
	if err != nil {
		return 0, err
	}
	best, bs, bl := 0, 0, 0.0
	for a := range c.classes {
		sg, l := s.logEnergyDiff(c.features + a)
		if a == 0 || greaterSignLog(sg, l, bs, bl) {
			best, bs, bl = a, sg, l
		}
	}
	return best, nil
}

// greaterSignLog reports whether sa·e^{la} > sb·e^{lb}.
func greaterSignLog(sa int, la float64, sb int, lb float64) bool {
	if sa != sb {
		return sa > sb
	}
	switch sa {
	case 1:
		return la > lb
	case -1:
		return la < lb
	}
	return false
}
