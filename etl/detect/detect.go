package detect

import (
	"errors"

	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
)

// STUB: replaced by the identification work (issue 4). The API is the contract.

// ErrNotReport is wrapped by Identify when a text is not an annual report.
var ErrNotReport = errors.New("not a government information-disclosure annual report")

// Identify finds who published the report and for which period.
func Identify(t *normalize.Text) (report.Identity, error) {
	return report.Identity{Period: report.PeriodYear}, nil
}

// Form guesses the form from cheap textual cues; the table extractor may
// refine it from the tables themselves.
func Form(norm string) report.Form { return report.FormNarrative }
