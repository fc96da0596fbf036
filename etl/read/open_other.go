//go:build !unix

package read

import "os"

// openNonblocking opens path for reading; without unix FIFOs there is
// nothing an open could wait for.
func openNonblocking(path string) (*os.File, error) {
	return os.Open(path)
}
