// Command quickstart stores a few letters in a classical Hopfield network,
// corrupts them, and lets the network recover them.
//
//	go run ./examples/quickstart
package main

import (
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"os"
	"strings"

	"github.com/gohopfield/hopfield/classical"
)

// The letters, 10 units wide and 10 tall: '#' is +1, '.' is −1.
var letters = []struct {
	name string
	rows [10]string
}{
	{"H", [10]string{
		"##......##",
		"##......##",
		"##......##",
		"##......##",
		"##########",
		"##########",
		"##......##",
		"##......##",
		"##......##",
		"##......##",
	}},
	{"O", [10]string{
		"...####...",
		".########.",
		"###....###",
		"##......##",
		"##......##",
		"##......##",
		"##......##",
		"###....###",
		".########.",
		"...####...",
	}},
	{"P", [10]string{
		"########..",
		"#########.",
		"##.....###",
		"##......##",
		"##.....###",
		"#########.",
		"########..",
		"##........",
		"##........",
		"##........",
	}},
	{"F", [10]string{
		"##########",
		"##########",
		"##........",
		"##........",
		"########..",
		"########..",
		"##........",
		"##........",
		"##........",
		"##........",
	}},
	{"L", [10]string{
		"##........",
		"##........",
		"##........",
		"##........",
		"##........",
		"##........",
		"##........",
		"##........",
		"##########",
		"##########",
	}},
}

const width, height = 10, 10

func main() {
	if _, err := run(os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// run prints the demonstration to w and returns how many letters were
// recalled exactly.
func run(w io.Writer) (int, error) {
	patterns := make([][]int8, len(letters))
	for i, l := range letters {
		patterns[i] = toState(l.rows)
	}

	net, err := classical.New(width*height, classical.Bipolar)
	if err != nil {
		return 0, err
	}
	// The letters overlap a lot (they share strokes), which defeats the plain
	// Hebbian rule at this size; the projection rule stores any linearly
	// independent set exactly.
	if err := net.SetPseudoInverse(patterns, true); err != nil {
		return 0, err
	}

	const flips = 20 // of 100 pixels
	rng := rand.New(rand.NewPCG(2024, 1))
	fmt.Fprintf(w, "Stored %d letters in a Hopfield network of %d units (pseudo-inverse rule).\n", len(patterns), net.N())
	fmt.Fprintf(w, "Each is corrupted by flipping %d random pixels, then recalled.\n\n", flips)

	exact := 0
	noisy := make([]int8, net.N())
	recalled := make([]int8, net.N())
	for i, p := range patterns {
		if _, err := classical.NoisyCopy(noisy, p, flips, rng); err != nil {
			return 0, err
		}
		res, err := net.Recall(recalled, noisy, &classical.RecallSettings{Rand: rng})
		if err != nil {
			return 0, err
		}
		fmt.Fprintf(w, "%-23s%-23s%s\n", "letter "+letters[i].name, "corrupted", "recalled")
		a, b, c := render(p), render(noisy), render(recalled)
		for r := 0; r < height; r++ {
			fmt.Fprintf(w, "%s   %s   %s\n", a[r], b[r], c[r])
		}
		fmt.Fprintf(w, "%-23s%-23s%s  (%v after %d sweeps, %d flips)\n\n", "overlap 1.00",
			fmt.Sprintf("overlap %.2f", classical.Overlap(noisy, p)),
			fmt.Sprintf("overlap %.2f", classical.Overlap(recalled, p)), res.Status, res.Sweeps, res.Flips)
		if classical.Hamming(recalled, p) == 0 {
			exact++
		}
	}
	return exact, nil
}

func toState(rows [10]string) []int8 {
	s := make([]int8, 0, width*height)
	for _, r := range rows {
		for _, c := range r {
			if c == '#' {
				s = append(s, 1)
			} else {
				s = append(s, -1)
			}
		}
	}
	return s
}

func render(s []int8) []string {
	out := make([]string, height)
	for r := range out {
		var b strings.Builder
		for c := 0; c < width; c++ {
			if s[r*width+c] > 0 {
				b.WriteString("██")
			} else {
				b.WriteString("··")
			}
		}
		out[r] = b.String()
	}
	return out
}
