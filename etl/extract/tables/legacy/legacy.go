package legacy

import (
	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/table"
)

// Read finds the legacy table cells.
func Read(t *normalize.Text, toks []table.Token) []table.Cell { return nil }
