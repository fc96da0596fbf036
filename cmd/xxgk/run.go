package main

import (
	"context"
	"errors"
	"io"
)

// STUB: replaced by its issue's work.
func runRun(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("run: not implemented yet")
}
