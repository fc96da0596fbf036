// Package lockfile is an exclusive lock between processes held on a file
// that exists only while the lock is held: an flock(2), so the kernel
// drops it when its holder dies, even by kill -9, on a file that keeps
// the holder's pid for messages and that the holder removes when it
// unlocks. The database's run lock (etl/load) and the output folder's
// build lock (cmd/xxgk) are both made of it.
package lockfile
