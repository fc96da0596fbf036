package load

import (
	"database/sql/driver"

	"github.com/xxgk/xxgk/etl/report"
)

// appendIdentity appends the identification evidence of new reports: one
// report_identity row each and their agency_candidates (schema version 4).
func appendIdentity(c driver.Conn, reps []*report.Report) error {
	if err := appendRows(c, "report_identity", len(reps), func(i int) []driver.Value {
		r := reps[i]
		var aliases driver.Value
		if len(r.AgencyAliases) > 0 {
			aliases = r.AgencyAliases
		}
		return []driver.Value{r.ID, nullString(string(r.AgencySource)), aliases, r.AgencyIncomplete,
			nullString(r.AgencyNote), nullString(string(r.YearSource)), r.YearInferred, nullString(r.URL), nullString(r.Title)}
	}); err != nil {
		return err
	}
	type row struct {
		id   string
		rank int
		c    report.Candidate
	}
	var rows []row
	for _, r := range reps {
		for i, c := range r.Candidates {
			rows = append(rows, row{r.ID, i + 1, c})
		}
	}
	return appendRows(c, "agency_candidates", len(rows), func(i int) []driver.Value {
		r := rows[i]
		var start, end driver.Value
		if r.c.Start >= 0 {
			start, end = int32(r.c.Start), int32(r.c.End)
		}
		return []driver.Value{r.id, int32(r.rank), r.c.Name, nullString(r.c.Printed), string(r.c.Source), r.c.Score,
			start, end, nullString(r.c.Note)}
	})
}
