//go:build unix

package read

import (
	"os"
	"syscall"
)

// openNonblocking opens path with O_NONBLOCK, so that opening a FIFO
// returns at once instead of waiting for a writer; on a regular file the
// flag changes nothing.
func openNonblocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
