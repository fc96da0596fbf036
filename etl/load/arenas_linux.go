//go:build linux && cgo

package load

/*
#include <malloc.h>

// xxgk_limit_arenas caps glibc's malloc arenas where glibc is the C
// library (other libcs have no M_ARENA_MAX, and nothing is done).
static int xxgk_limit_arenas(int n) {
#ifdef M_ARENA_MAX
	return mallopt(M_ARENA_MAX, n);
#else
	return 0;
#endif
}
*/
import "C"

import "golang.org/x/sys/unix"

// Under an address-space limit (ulimit -v, systemd's LimitAS) every byte
// reserved counts, used or not, and glibc reserves 64 MB of address space
// for each thread arena, up to eight per core: the threads that call into
// DuckDB would reserve a GB that DuckDB then cannot allocate ("Failed to
// allocate block"). With a limit set, two arenas are enough for a process
// whose DuckDB side runs on one or two threads; without one nothing
// changes.
func init() {
	var lim unix.Rlimit
	if unix.Getrlimit(unix.RLIMIT_AS, &lim) == nil && lim.Cur != unix.RLIM_INFINITY {
		C.xxgk_limit_arenas(2)
	}
}
