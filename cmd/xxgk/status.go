package main

import (
	"context"
	"errors"
	"io"
)

// STUB: replaced by its issue's work.
func runStatus(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("status: not implemented yet")
}
