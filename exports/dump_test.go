package exports

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestDump(t *testing.T) {
	if os.Getenv("DUMP") == "" {
		t.Skip()
	}
	st := openFixture(t, fixtureReports())
	paths, err := Build(context.Background(), st.DB(), os.Getenv("DUMP"))
	if err != nil {
		t.Fatal(err)
	}
	t.Log(paths)
}

func TestPrint(t *testing.T) {
	p := os.Getenv("PRINT")
	if p == "" {
		t.Skip()
	}
	f, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	sheets := f.GetSheetList()
	if s := os.Getenv("SHEET"); s != "" {
		sheets = []string{s}
	}
	for _, sh := range sheets {
		rows, _ := f.GetRows(sh)
		fmt.Printf("=== %s (%d rows)\n", sh, len(rows))
		for i, r := range rows {
			if i > 12 && os.Getenv("ALL") == "" {
				break
			}
			fmt.Println(strings.Join(r, " | "))
		}
	}
}
