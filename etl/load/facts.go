package load

import (
	"database/sql/driver"

	"github.com/xxgk/xxgk/etl/report"
)

// appendFacts appends the report_grade row of each new report that carries
// Facts (schema version 7): the parts its headings name and the
// fingerprint of its sentences. A report without Facts (from exchange
// records) has no row, and the quality queries call its parts unknown.
func appendFacts(c driver.Conn, reps []*report.Report) error {
	var with []*report.Report
	for _, r := range reps {
		if r.Facts != nil {
			with = append(with, r)
		}
	}
	return appendRows(c, "report_grade", len(with), func(i int) []driver.Value {
		f := with[i].Facts
		hashes := make([]uint64, len(f.Sentences))
		starts := make([]int32, len(f.Sentences))
		ends := make([]int32, len(f.Sentences))
		for k, s := range f.Sentences {
			hashes[k], starts[k], ends[k] = s.Hash, int32(s.Start), int32(s.End)
		}
		var sig driver.Value
		if f.MinHash != nil {
			sig = f.MinHash
		}
		return []driver.Value{with[i].ID, f.Version, nonNil(f.Parts), nonNil(f.SubParts), hashes, starts, ends, sig}
	})
}

// nonNil is list, or an empty list for nil: the column is NOT NULL.
func nonNil(list []string) []string {
	if list == nil {
		return []string{}
	}
	return list
}
