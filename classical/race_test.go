//go:build race

package classical

const raceEnabled = true
