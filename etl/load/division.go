package load

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"

	"github.com/xxgk/xxgk/etl/detect/divisions"
	"github.com/xxgk/xxgk/queries/store"
)

// DivisionCode is the 6-digit administrative division code of an agency
// from its name, level code, province and city (divisions.Code), "" when
// its place cannot be told. etl/load stores it with every report
// (reports.division_code, NULL for ""), and etl/correct with an agency
// correction, so the dataset and the workbooks read one code.
func DivisionCode(name, level, province, city string) string {
	return divisions.Code(name, level, province, city)
}

// refreshDivisions brings the stored division codes up to DivisionCode:
// every agency × level × place whose stored code differs (a database
// written before schema version 9 has none) is updated, in one
// transaction and one UPDATE. When the codes agree it only reads the
// distinct agencies. A read-only copy keeps the codes it was written with,
// as it keeps its kinds of body (refreshKinds). The named-query cache sees
// the change through its data stamp, which covers division_code.
func (s *Store) refreshDivisions(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, store.SQL("agency_divisions"))
	if err != nil {
		return fmt.Errorf("read division codes: %w", err)
	}
	var todo [][]driver.Value
	for rows.Next() {
		var agency string
		var level, province, city, stored sql.NullString
		if err := rows.Scan(&agency, &level, &province, &city, &stored); err != nil {
			rows.Close()
			return fmt.Errorf("read division codes: %w", err)
		}
		if c := DivisionCode(agency, level.String, province.String, city.String); c != stored.String {
			todo = append(todo, []driver.Value{agency, nullString(level.String), nullString(province.String),
				nullString(city.String), nullString(c)})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read division codes: %w", err)
	}
	if len(todo) == 0 {
		return nil
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("update division codes: %w", err)
	}
	defer conn.Close()
	// One transaction on one connection, as Commit: the Appender appends
	// inside the connection's open transaction.
	if _, err := conn.ExecContext(ctx, store.SQL("begin")); err != nil {
		return fmt.Errorf("update division codes: %w", err)
	}
	err = setDivisions(ctx, conn, todo)
	if err == nil {
		_, err = conn.ExecContext(ctx, store.SQL("commit"))
	}
	if err != nil {
		_, _ = conn.ExecContext(context.WithoutCancel(ctx), store.SQL("rollback"))
		if isReadOnly(err) {
			// A read-only copy (a published snapshot) keeps the codes it
			// was written with; the working database gets the new ones
			// when it is next opened for writing.
			return nil
		}
		return fmt.Errorf("update division codes: %w", err)
	}
	return nil
}

// setDivisions stores the codes of todo (agency, level, province, city,
// code) through the scratch table division_codes and one UPDATE.
func setDivisions(ctx context.Context, conn *sql.Conn, todo [][]driver.Value) error {
	if _, err := conn.ExecContext(ctx, store.SQL("division_codes_table")); err != nil {
		return err
	}
	if err := conn.Raw(func(dc any) error {
		c, ok := dc.(driver.Conn)
		if !ok {
			return errors.New("not a database/sql driver connection")
		}
		return appendRows(c, "division_codes", len(todo), func(i int) []driver.Value { return todo[i] })
	}); err != nil {
		return err
	}
	_, err := conn.ExecContext(ctx, store.SQL("set_division_codes"))
	return err
}

// isReadOnly tells the errors of writing to a database opened read-only:
// DuckDB says "read-only" for a statement and "readonly" for the Appender.
func isReadOnly(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "read-only") || strings.Contains(msg, "readonly")
}
