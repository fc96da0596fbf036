package correct

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/xxgk/xxgk/queries/store"
)

// Label is a hand label in the format of the labelled corpus
// (../shared/corpus/README.md), written for a corrected report so the
// reader's fix becomes a regression case for the extractor.
type Label struct {
	Source    string             `json:"source"`
	Agency    string             `json:"agency"`
	Year      int                `json:"year"`
	Period    string             `json:"period"`
	Form      string             `json:"form"`
	Published string             `json:"published,omitempty"`
	Metrics   map[string]float64 `json:"metrics"`
	Approx    []string           `json:"approx,omitempty"`
}

// Extraction is the corrected reading of a report in the exchange
// format's scored fields: what score.py compares a label with.
type Extraction struct {
	File    string             `json:"file"`
	Agency  string             `json:"agency"`
	Year    int                `json:"year"`
	Period  string             `json:"period"`
	Form    string             `json:"form"`
	Metrics map[string]float64 `json:"metrics"`
	Approx  []string           `json:"approx"`
}

// Export writes every report a correction applies to into dir as NAME.txt
// (its text) and NAME.json (its label, as corrected), NAME being the first
// 16 digits of its content hash, and, when extraction is not nil, one
// Extraction line per report to it. Reports whose text is not stored
// (loaded from exchange records) are skipped and returned by id.
func Export(ctx context.Context, db *sql.DB, dir string, extraction io.Writer) (n int, skipped []string, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, nil, fmt.Errorf("export corrections to %q: %w", dir, err)
	}
	rows, err := db.QueryContext(ctx, store.SQL("export_corrected_reports"))
	if err != nil {
		return 0, nil, fmt.Errorf("export corrections: %w", err)
	}
	type rep struct {
		id, agency, period, form, path string
		year                           int
		published, text                sql.NullString
	}
	var reps []rep
	for rows.Next() {
		var r rep
		if err := rows.Scan(&r.id, &r.agency, &r.year, &r.period, &r.form, &r.published, &r.path, &r.text); err != nil {
			rows.Close()
			return 0, nil, fmt.Errorf("export corrections: %w", err)
		}
		reps = append(reps, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, nil, fmt.Errorf("export corrections: %w", err)
	}
	enc := json.NewEncoder(extraction)
	enc.SetEscapeHTML(false)
	for _, r := range reps {
		if !r.text.Valid {
			skipped = append(skipped, r.id)
			continue
		}
		metrics, approx, err := figuresOf(ctx, db, r.id)
		if err != nil {
			return n, skipped, fmt.Errorf("export corrections of report %q: %w", r.id, err)
		}
		name := r.id[:min(16, len(r.id))]
		lab := Label{Source: name + ".txt", Agency: r.agency, Year: r.year, Period: r.period, Form: r.form,
			Published: r.published.String, Metrics: metrics, Approx: approx}
		b, err := json.MarshalIndent(lab, "", " ")
		if err != nil {
			return n, skipped, err
		}
		if err := os.WriteFile(filepath.Join(dir, name+".txt"), []byte(r.text.String), 0o644); err != nil {
			return n, skipped, fmt.Errorf("export corrections: %w", err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+".json"), append(b, '\n'), 0o644); err != nil {
			return n, skipped, fmt.Errorf("export corrections: %w", err)
		}
		if extraction != nil {
			ex := Extraction{File: name + ".txt", Agency: r.agency, Year: r.year, Period: r.period, Form: r.form,
				Metrics: metrics, Approx: approx}
			if ex.Approx == nil {
				ex.Approx = []string{}
			}
			if err := enc.Encode(ex); err != nil {
				return n, skipped, fmt.Errorf("export corrections: %w", err)
			}
		}
		n++
	}
	return n, skipped, nil
}

// figuresOf reads the corrected figures of one report.
func figuresOf(ctx context.Context, db *sql.DB, id string) (map[string]float64, []string, error) {
	rows, err := db.QueryContext(ctx, store.SQL("export_corrected_figures"), id)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	metrics := map[string]float64{}
	var approx []string
	for rows.Next() {
		var key string
		var v float64
		var a bool
		if err := rows.Scan(&key, &v, &a); err != nil {
			return nil, nil, err
		}
		metrics[key] = v
		if a {
			approx = append(approx, key)
		}
	}
	return metrics, approx, rows.Err()
}
