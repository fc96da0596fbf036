package correct

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/xxgk/xxgk/queries/store"
)

// Drift is how the corrections file differs from what the database last
// applied: what a reader of a read-only snapshot (`xxgk status`, `xxgk
// query`) needs to know, since it cannot apply the file itself.
type Drift struct {
	File        string
	AppliedFile string      // the file the database applied, when it was another one
	Pending     []Row       // valid lines of the file the database has not applied
	Removed     int         // lines the database applied that the file no longer holds
	Refused     []*RowError // lines of the file an apply refuses, with their reasons
}

// Differs reports whether applying the file would change the corrections
// the database holds.
func (d *Drift) Differs() bool { return len(d.Pending) > 0 || d.Removed > 0 }

// Compare reads the corrections file at path and compares it with the
// corrections table of db without writing anything: the lines an apply
// would add, the lines it would drop, and the lines it would refuse. Two
// lines are the same when they set the same thing for the same report with
// the same reason, who and when; a line moved within the file is not a
// difference.
func Compare(ctx context.Context, db *sql.DB, path string) (*Drift, error) {
	rows, bad, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	d := &Drift{File: path, Refused: bad}
	applied, files, err := appliedLines(ctx, db)
	if err != nil {
		return nil, fmt.Errorf("compare corrections %q: %w", path, err)
	}
	for f := range files {
		if f != path {
			d.AppliedFile = f
		}
	}
	for _, r := range rows {
		c, err := Parse(r)
		if err != nil {
			d.Refused = append(d.Refused, rowError(path, r.Line, err))
			continue
		}
		if k := sameness(c); applied[k] > 0 {
			applied[k]--
			continue
		}
		// Not applied: one an apply would refuse (a hash prefix several
		// stored reports share) is refused, not pending.
		if _, _, err := resolve(ctx, db, r.Report); err != nil {
			var ref *Refusal
			if !errors.As(err, &ref) {
				return nil, fmt.Errorf("compare corrections %q: %w", path, err)
			}
			d.Refused = append(d.Refused, rowError(path, r.Line, err))
			continue
		}
		d.Pending = append(d.Pending, r)
	}
	for _, n := range applied {
		d.Removed += n
	}
	return d, nil
}

// sameness is what makes a line of the file the same as a stored one.
func sameness(c Correction) string {
	v := ""
	if c.Kind == KindNumber {
		v = strconv.FormatFloat(c.Value, 'g', -1, 64)
	}
	return strings.Join([]string{c.Report, c.Field, c.Kind, v, c.Text, c.Who, c.When, c.Why, c.Source}, "\x00")
}

// appliedLines counts the stored lines by sameness, and lists the files
// they came from.
func appliedLines(ctx context.Context, db *sql.DB) (map[string]int, map[string]bool, error) {
	rows, err := db.QueryContext(ctx, store.SQL("applied_corrections"))
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	out, files := map[string]int{}, map[string]bool{}
	for rows.Next() {
		var c Correction
		var file string
		var value sql.NullFloat64
		var text, who, at, source sql.NullString
		if err := rows.Scan(&c.Line, &file, &c.Report, &c.Field, &c.Kind, &value, &text, &who, &at, &c.Why, &source); err != nil {
			return nil, nil, err
		}
		c.Value, c.Text, c.Who, c.When, c.Source = value.Float64, text.String, who.String, at.String, source.String
		out[sameness(c)]++
		files[file] = true
	}
	return out, files, rows.Err()
}
