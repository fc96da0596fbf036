package correct

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/queries/store"
)

// setDivisionCodes gives every agency correction just applied the division
// code of the corrected name (load.DivisionCode, NULL when its place
// cannot be told), at the level, province and city the name places it
// (migrate_010.sql), else those of the report it names. The corrected
// agency then carries its own code in the dataset and the workbooks, not
// the code stored for the name the parser read.
func setDivisionCodes(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, store.SQL("agency_corrections"))
	if err != nil {
		return fmt.Errorf("division codes of corrected agencies: %w", err)
	}
	type fix struct {
		seq  int
		code any
	}
	var fixes []fix
	for rows.Next() {
		var seq int
		var name string
		var level, province, city sql.NullString
		if err := rows.Scan(&seq, &name, &level, &province, &city); err != nil {
			rows.Close()
			return fmt.Errorf("division codes of corrected agencies: %w", err)
		}
		var code any
		if c := load.DivisionCode(name, level.String, province.String, city.String); c != "" {
			code = c
		}
		fixes = append(fixes, fix{seq, code})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("division codes of corrected agencies: %w", err)
	}
	for _, f := range fixes {
		if _, err := tx.ExecContext(ctx, store.SQL("set_correction_division"), f.code, f.seq); err != nil {
			return fmt.Errorf("division code of correction line %d: %w", f.seq, err)
		}
	}
	return nil
}
