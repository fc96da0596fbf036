package queries

import (
	"context"
	"database/sql"
	"fmt"
)

// STUB: replaced by the analysis work (issue 6).

// Run executes the named query with the filter applied.
func Run(ctx context.Context, db *sql.DB, name string, f Filter) (*Result, error) {
	return nil, fmt.Errorf("query %q: not implemented yet", name)
}
