// Package score compares extracted reports with hand labels the way
// ../shared/tools/score.py does, so tests can hold extraction to its targets
// without Python. It reads no files.
package score
