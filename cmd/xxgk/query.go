package main

import (
	"context"
	"errors"
	"io"
)

// STUB: replaced by its issue's work.
func runQuery(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("query: not implemented yet")
}
