//go:build !race

package classical

const raceEnabled = false
