package charts

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/charts/chartstest"
	"github.com/xxgk/xxgk/etl/correct"
	"github.com/xxgk/xxgk/queries"
)

// hostileWhy is a reader's reason that must reach the pages as text.
const hostileWhy = `<img src=x onerror=alert(1)>表中新收一栏读错`

// TestCorrectionMarks: a human correction shows as 人工校正 on the agency
// page (the cell, with its reason) and on the source page (the value the
// analysis uses, the extracted one and the reason), all as text.
func TestCorrectionMarks(t *testing.T) {
	db := chartstest.OpenDB(t)
	ctx := context.Background()
	var id string
	if err := db.QueryRow("SELECT id FROM preferred_reports WHERE agency = ? AND year = 2022", chartstest.PlainAgency).Scan(&id); err != nil {
		t.Fatal(err)
	}
	var bing string
	if err := db.QueryRow("SELECT id FROM preferred_reports WHERE agency = '丙市司法局' AND year = 2020").Scan(&bing); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "corrections.csv")
	body := strings.Join(correct.Header, ",") + "\n" + id + ",apps_new.total,999,张三,,\"" + hostileWhy + "\",\n" +
		bing + ",agency,丙市人民政府,李四,,标题写的是人民政府,\n" + bing + ",period,h1,李四,,是半年报告,\n"
	if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := correct.Apply(ctx, db, file); err != nil {
		t.Fatal(err)
	}
	if err := queries.Refresh(ctx, db); err != nil {
		t.Fatal(err)
	}
	site := filepath.Join(t.TempDir(), "site")
	if _, err := Build(ctx, db, site); err != nil {
		t.Fatalf("Build: %v", err)
	}
	page := readPage(t, filepath.Join(site, "agencies", agencyID(chartstest.PlainAgency)+".html"))
	if !strings.Contains(page, `class="num corrected"`) || !strings.Contains(page, `<span class="mark">人工校正</span>`) {
		t.Errorf("agency page does not mark the corrected figure")
	}
	if !strings.Contains(page, "999") || strings.Contains(page, "<img src=x") || !strings.Contains(page, "&lt;img src=x onerror=alert(1)&gt;表中新收一栏读错") {
		t.Errorf("agency page does not show the corrected figure with its reason escaped")
	}

	b := chartstest.NewBrowser(t)
	// The corrected report is listed on the page of its corrected agency,
	// marked 人工校正 with each corrected field, the value read and the
	// reason; the uncorrected reports of the plain agency are not.
	b.Open(t, filepath.Join(site, "agencies", agencyID("丙市人民政府")+".html"))
	var listed struct{ Marks, Row string }
	b.Eval(t, `(function(){var rows=document.querySelectorAll('table.data tbody tr'), out={Marks:'', Row:''};
		for (var i=0;i<rows.length;i++){var m=rows[i].querySelector('span.mark');
		  if (m && rows[i].innerText.indexOf('人工校正')>=0){out.Marks+=m.getAttribute('title')+'|'; out.Row+=rows[i].innerText}}
		return out})()`, &listed)
	for _, want := range []string{"发布机关：丙市人民政府", "原读取值：丙市司法局", "标题写的是人民政府", "期间：上半年", "原读取值：全年", "是半年报告"} {
		if !strings.Contains(listed.Row, want) || !strings.Contains(listed.Marks, want) {
			t.Errorf("agency page of the corrected agency: report row %q (mark %q) lacks %q", listed.Row, listed.Marks, want)
		}
	}
	b.Open(t, filepath.Join(site, "agencies", agencyID(chartstest.PlainAgency)+".html"))
	var plainMarks int
	b.Eval(t, `document.querySelectorAll('table.data tbody tr td small.corrected').length`, &plainMarks)
	if plainMarks != 0 {
		t.Errorf("agency page of an uncorrected agency marks %d report fields as corrected", plainMarks)
	}
	b.Open(t, filepath.Join(site, "source.html")+"#r="+shortID(id))
	var got struct {
		Ready, Section, Row, Listed string
		Hostile                     int
	}
	b.Eval(t, `(function(){var s=document.getElementById('source-corrections');var r=document.getElementById('c-apps_new.total');
		var l=document.getElementById('l-apps_new.total');
		return {Ready: document.body.getAttribute('data-ready')||'', Section: s.hidden?'':s.innerText, Row: r?r.innerText:'',
		        Listed: l?l.innerText:'', Hostile: 0}})()`, &got)
	b.Eval(t, hostileDOM, &got.Hostile)
	if got.Ready != "true" || !strings.Contains(got.Section, "人工校正") || !strings.Contains(got.Section, "原读取值") {
		t.Errorf("source page shows no corrections section: %+v", got)
	}
	for _, want := range []string{"999", "160", hostileWhy} {
		if !strings.Contains(got.Row, want) {
			t.Errorf("corrections row %q lacks %q", got.Row, want)
		}
	}
	if !strings.Contains(got.Listed, "160 → 999 人工校正") {
		t.Errorf("figure list row %q does not show the extracted value beside the correction", got.Listed)
	}
	if got.Hostile != 0 {
		t.Errorf("the reason became markup: %d hostile elements", got.Hostile)
	}
	// A corrected report field shows in the same section, in words: the
	// field, the value in force, the one read, the reason.
	b.Open(t, filepath.Join(site, "source.html")+"#r="+shortID(bing))
	var fields struct{ Ready, Agency, Period string }
	b.Eval(t, `(function(){var a=document.getElementById('c-agency'), p=document.getElementById('c-period');
		return {Ready: document.body.getAttribute('data-ready')||'', Agency: a?a.innerText:'', Period: p?p.innerText:''}})()`, &fields)
	for _, want := range []string{"发布机关", "丙市人民政府", "丙市司法局", "标题写的是人民政府"} {
		if !strings.Contains(fields.Agency, want) {
			t.Errorf("corrected agency row %q lacks %q", fields.Agency, want)
		}
	}
	if !strings.Contains(fields.Period, "上半年") || !strings.Contains(fields.Period, "全年") || strings.Contains(fields.Period, "h1") {
		t.Errorf("corrected period row %q, want 上半年 and 全年 in words", fields.Period)
	}
	for _, e := range b.Errors() {
		t.Errorf("browser: %s", e)
	}
}
