package layers

import "fmt"

func errLen(name string, got, want int) error {
	return fmt.Errorf("layers: len(%s) = %d, want %d", name, got, want)
}

func errLenIndexed(name string, i, got, want int) error {
	return fmt.Errorf("layers: len(%s[%d]) = %d, want %d", name, i, got, want)
}
