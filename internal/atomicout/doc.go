// Package atomicout writes build outputs so that a reader sees either the
// previous output or the new one, never a half-written one, and a failed or
// interrupted build leaves the previous output as it was.
//
// A folder is filled under a temporary name beside its target and swapped
// in by rename (Dir); a single file is written to a temporary file beside
// it, optionally synced, closed and renamed over the target (File). Both
// temporaries live in the target's own folder because a rename is atomic
// only within one file system.
package atomicout
