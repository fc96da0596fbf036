package exports

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// rowsPerPage is how many 11-point rows an A4 landscape page holds at full
// size within the margins the workbooks set (about 34); a little less, for
// the taller header and wrapped rows.
const rowsPerPage = 28

// TestComparisonPrintsToWidth converts the comparison workbook to PDF with
// LibreOffice and checks that every sheet prints one page wide: the page
// count stays within what the rows alone need at full size (a sheet that
// did not fit its width would print two or three pages across for every
// page down), and within four pages per sheet for the fixture.
func TestComparisonPrintsToWidth(t *testing.T) {
	soffice := ""
	for _, name := range []string{"libreoffice", "soffice"} {
		if p, err := exec.LookPath(name); err == nil {
			soffice = p
			break
		}
	}
	if soffice == "" {
		t.Skip("libreoffice not found: install it (Debian: apt-get install -y --no-install-recommends libreoffice-calc) to run the print test")
	}
	comp := filepath.Join(buildFixture(t), ComparisonFile)
	tmp := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "--headless", "--norestore", "--nolockcheck",
		"-env:UserInstallation=file://"+filepath.Join(tmp, "profile"), "--convert-to", "pdf", "--outdir", tmp, comp)
	cmd.Env = append(os.Environ(), "HOME="+tmp)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice --convert-to pdf: %v\n%s", err, out)
	}
	pdf := filepath.Join(tmp, strings.TrimSuffix(ComparisonFile, ".xlsx")+".pdf")
	pages := pdfPages(t, pdf)

	f := comparison(t)
	bound, sheets := 0, 0
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh)
		n := len(rows)
		if sh == chartsSheet {
			n = chartRow0 + 4*chartRows // the charts, one below the other
		}
		bound += (n + rowsPerPage - 1) / rowsPerPage
		sheets++
	}
	t.Logf("%d sheets print on %d pages (bound %d)", sheets, pages, bound)
	if pages > bound {
		t.Errorf("the comparison workbook prints on %d pages, more than the %d its rows need one page wide: some sheet does not fit its width", pages, bound)
	}
	if pages > 4*sheets {
		t.Errorf("%d pages for %d sheets, want at most 4 a sheet", pages, sheets)
	}
	if pages < sheets {
		t.Errorf("%d pages for %d sheets: a sheet did not print", pages, sheets)
	}
}

// pdfPages counts the pages of a PDF: pdfinfo when installed, else the
// page objects of the file (LibreOffice writes them uncompressed).
func pdfPages(t *testing.T, pdf string) int {
	t.Helper()
	if p, err := exec.LookPath("pdfinfo"); err == nil {
		out, err := exec.Command(p, pdf).Output()
		if err == nil {
			if m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out); m != nil {
				n, _ := strconv.Atoi(string(m[1]))
				return n
			}
		}
	}
	b, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	return len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(b, -1))
}
