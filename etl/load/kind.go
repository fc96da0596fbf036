package load

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/xxgk/xxgk/etl/load/kinds"

	"github.com/xxgk/xxgk/queries/store"
)

// AgencyKind is the kind of body an agency is, by the documented table of
// kinds (package kinds): see kinds.Of. It is "" when the name ends in no
// listed ending; such an agency has no peer group.
func AgencyKind(name, level string) string { return kinds.Of(name, level) }

// refreshKinds brings the stored kinds of body up to the table: every
// agency whose stored agency_kind differs from AgencyKind of its name is
// updated, in one transaction. A database written by an older xxgk (which
// named kinds by their last characters) gets the kinds of this table when
// it is next opened for writing; when the kinds agree it only reads the
// distinct agencies. The named-query cache sees the change through its data
// stamp, which covers agency_kind.
func (s *Store) refreshKinds(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, store.SQL("agency_kinds"))
	if err != nil {
		return fmt.Errorf("read kinds of body: %w", err)
	}
	type change struct {
		agency string
		level  sql.NullString
		kind   string
	}
	var todo []change
	for rows.Next() {
		var agency string
		var level, stored sql.NullString
		if err := rows.Scan(&agency, &level, &stored); err != nil {
			rows.Close()
			return fmt.Errorf("read kinds of body: %w", err)
		}
		if k := AgencyKind(agency, level.String); k != stored.String {
			todo = append(todo, change{agency, level, k})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read kinds of body: %w", err)
	}
	if len(todo) == 0 {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("update kinds of body: %w", err)
	}
	defer tx.Rollback()
	for _, c := range todo {
		if _, err := tx.ExecContext(ctx, store.SQL("set_agency_kind"), nullString(c.kind), c.agency, c.level); err != nil {
			if strings.Contains(err.Error(), "read-only") {
				// A read-only copy (a published snapshot) keeps the kinds
				// it was written with; the working database gets the new
				// ones when it is next opened for writing.
				return nil
			}
			return fmt.Errorf("update kind of body of %q: %w", c.agency, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("update kinds of body: %w", err)
	}
	return nil
}
