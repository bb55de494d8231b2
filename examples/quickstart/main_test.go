package main

import (
	"strings"
	"testing"

	"github.com/gohopfield/hopfield/classical"
)

func TestQuickstartRecallsEveryLetter(t *testing.T) {
	var out strings.Builder
	exact, err := run(&out)
	if err != nil {
		t.Fatal(err)
	}
	if exact != 2*len(letters) {
		t.Errorf("%d of %d letters recalled exactly (classical, then modern):\n%s", exact, 2*len(letters), out.String())
	}
	if got := strings.Count(out.String(), "overlap 1.00"); got < 2*len(letters) {
		t.Errorf("output shows %d full overlaps, want at least %d", got, 2*len(letters))
	}
}

// The letters are what the source draws: each row is 10 wide and they are
// distinct, so the demo does not pass trivially.
func TestLettersAreDistinct(t *testing.T) {
	for i, a := range letters {
		for _, r := range a.rows {
			if len(r) != width {
				t.Fatalf("letter %s: row %q is not %d wide", a.name, r, width)
			}
		}
		for _, b := range letters[i+1:] {
			if d := classical.Hamming(toState(a.rows), toState(b.rows)); d < 10 {
				t.Errorf("letters %s and %s differ in only %d pixels", a.name, b.name, d)
			}
		}
	}
}
