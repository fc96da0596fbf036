package charts

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/queries"
)

// TestSourceScriptPacksTextAndFigures: a source file carries the identity
// as JSON and the text and figures packed (base64 of gzip of [text,
// figures]) that unpack to exactly what the query gave — hostile text
// included, which therefore never appears in the file — and it is smaller
// than the text it carries once the text is of report size.
func TestSourceScriptPacksTextAndFigures(t *testing.T) {
	text := strings.Repeat("2023年，本机关共受理政府信息公开申请12件，</script><img onerror=alert(1)>予以公开2件。\n", 60)
	figures := `[["apps_new",["total",12,10,2]],["granted",["total",2,40,1,"p","P3",null,null]]]`
	res := &queries.Result{
		Columns: []string{"report_id", "agency", "agency_kind", "level", "province", "city", "year", "period", "form", "published",
			"path", "format", "size", "current", "n_figures", "preferred", "text", "figures"},
		Rows: [][]any{
			{strings.Repeat("ab", 32), "某市司法局", "司法局", "city", "某省", "某市", int64(2023), "year", "table2021", "2024-01-10",
				"/in/a.txt", "txt", int64(len(text)), true, int64(2), true, text, figures},
			{strings.Repeat("cd", 32), "某市司法局", "司法局", "city", "某省", "某市", int64(2022), "year", "table2021", nil,
				"/in/b.jsonl", "", int64(10), true, int64(0), true, nil, nil},
		},
	}
	tab := queries.NewTable(res)
	var p packer
	call := regexp.MustCompile(`(?s)^xxgkSource\((\{.*\})\n,"([A-Za-z0-9+/=]+)",null,null,\[\]\);\n$`)
	for i, want := range []struct {
		text    any
		figures string
	}{{text, figures}, {nil, "[]"}} {
		var buf bytes.Buffer
		if err := sourceScript(&buf, &p, tab, tab.Rows()[i], nil); err != nil {
			t.Fatal(err)
		}
		m := call.FindStringSubmatch(buf.String())
		if m == nil {
			t.Fatalf("row %d: not a packed xxgkSource call:\n%.300s", i, buf.String())
		}
		var ident sourceIdentity
		if err := json.Unmarshal([]byte(m[1]), &ident); err != nil || ident.Packed != "gzip" || ident.Agency != "某市司法局" {
			t.Errorf("row %d: identity %+v (%v)", i, ident, err)
		}
		zipped, err := base64.StdEncoding.DecodeString(m[2])
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(zipped))
		if err != nil {
			t.Fatal(err)
		}
		raw, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		var got [2]json.RawMessage
		if err := json.Unmarshal(raw, &got); err != nil {
			t.Fatalf("row %d: packed data is not [text, figures]: %v", i, err)
		}
		var gotText any
		json.Unmarshal(got[0], &gotText)
		if gotText != want.text || string(got[1]) != want.figures {
			t.Errorf("row %d: unpacked %.80v / %s, want %.80v / %s", i, gotText, got[1], want.text, want.figures)
		}
		if i == 0 {
			if strings.Contains(buf.String(), "script>") || strings.Contains(buf.String(), "onerror") {
				t.Errorf("the report's text shows through the packed data")
			}
			if buf.Len() >= len(text) {
				t.Errorf("source file of %d bytes for %d bytes of text: packing does not pay", buf.Len(), len(text))
			}
		}
	}
}
