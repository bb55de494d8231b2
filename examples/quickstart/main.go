// Command quickstart stores a few letters in a classical Hopfield network,
// corrupts them, and lets the network recover them; then it retrieves the
// same letters, far more corrupted, from a modern Hopfield network in one
// update step.
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

	"github.com/gohopfield/hopfield/attention"
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
	modern, err := modernRecall(w, patterns, rng)
	return exact + modern, err
}

// modernRecall stores the letters in a continuous modern Hopfield network
// (package attention), flips 35 of each letter's 100 pixels, applies one
// update ξ ← X softmax(β Xᵀξ), and returns how many come back exactly.
func modernRecall(w io.Writer, patterns [][]int8, rng *rand.Rand) (int, error) {
	const flips, beta = 35, 0.5
	keys := make([]float32, 0, len(patterns)*width*height)
	for _, p := range patterns {
		for _, v := range p {
			keys = append(keys, float32(v))
		}
	}
	mem, err := attention.NewMemory(width*height, keys, nil)
	if err != nil {
		return 0, err
	}
	fmt.Fprintf(w, "The same letters in a modern Hopfield network (attention, β = %g),\n", beta)
	fmt.Fprintf(w, "each with %d of its %d pixels flipped, after one update step:\n", flips, width*height)
	exact := 0
	noisy := make([]int8, width*height)
	query := make([]float32, width*height)
	out := make([]float32, width*height)
	recalled := make([]int8, width*height)
	for i, p := range patterns {
		if _, err := classical.NoisyCopy(noisy, p, flips, rng); err != nil {
			return 0, err
		}
		for j, v := range noisy {
			query[j] = float32(v)
		}
		if err := mem.Retrieve(out, query, beta, nil, nil); err != nil {
			return 0, err
		}
		for j, v := range out {
			recalled[j] = 1
			if v < 0 {
				recalled[j] = -1
			}
		}
		fmt.Fprintf(w, "  letter %s: overlap %.2f -> %.2f\n", letters[i].name,
			classical.Overlap(noisy, p), classical.Overlap(recalled, p))
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
