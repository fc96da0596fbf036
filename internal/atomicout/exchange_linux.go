package atomicout

import "golang.org/x/sys/unix"

// exchange swaps the names a and b in one step (renameat2 with
// RENAME_EXCHANGE): a folder and a link trade places with no instant at
// which either name is missing. File systems without it return an error
// and the caller falls back to two renames.
func exchange(a, b string) error {
	if renameHook != nil {
		renameHook(a, b)
	}
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}
