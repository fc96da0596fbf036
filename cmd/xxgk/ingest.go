package main

import (
	"context"
	"errors"
	"io"
)

// STUB: replaced by its issue's work.
func runIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("ingest: not implemented yet")
}
