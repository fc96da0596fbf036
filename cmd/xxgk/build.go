package main

import (
	"context"
	"errors"
	"io"
)

// STUB: replaced by its issue's work.
func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("build: not implemented yet")
}
