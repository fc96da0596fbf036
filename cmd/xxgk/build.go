package main

import (
	"context"
	"database/sql"
	"errors"
	"io"
)

// STUB: replaced by the rendering work.
func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("build: not implemented yet")
}

// buildOutputs writes the site and the workbooks under outDir from db and
// returns the paths it wrote. run calls it after ingest.
func buildOutputs(ctx context.Context, db *sql.DB, outDir string, stderr io.Writer) ([]string, error) {
	return nil, errors.New("build: not implemented yet")
}
