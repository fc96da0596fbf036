// Package atomicout writes build outputs so that a reader sees either the
// previous output or the new one, never a half-written one, and a failed or
// interrupted build leaves the previous output as it was.
//
// A folder (Dir) is filled under a temporary name beside its target,
// renamed to a version folder of its own, and published by renaming a new
// symbolic link over the target: one rename switches every reader, so a
// reader who opens out/site/index.html by path at any instant gets a
// complete site. The previous version stays until the next build (a reader
// in the middle of it keeps finding its pages); older versions are pruned.
// A single file (File) is written to a temporary file beside it,
// optionally synced, closed and renamed over the target. All temporaries
// live in the target's own folder because a rename is atomic only within
// one file system.
//
// A killed build leaves temporaries behind. Clean removes them whatever
// their age, and must only be called by a build that holds the lock that
// excludes the others; without it, Dir removes the ones older than
// StaleAfter.
package atomicout
