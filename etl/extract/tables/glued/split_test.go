package glued

import (
	"slices"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/table"
)

func texts(readings [][]Cell) []string {
	var out []string
	for _, rd := range readings {
		var cells []string
		for _, c := range rd {
			cells = append(cells, c.Text())
		}
		out = append(out, strings.Join(cells, "|"))
	}
	slices.Sort(out)
	return out
}

func repeat(k Kind, n int) []Kind {
	out := make([]Kind, n)
	for i := range out {
		out[i] = k
	}
	return out
}

func TestSplit(t *testing.T) {
	cases := []struct {
		name    string
		run     string
		cols    []Kind
		rule    Rule
		totalAt int
		want    []string
	}{
		{"three zeros", "000", repeat(Count, 3), NoRule, 0, []string{"0|0|0"}},
		{"leading zeros settle", "1005", repeat(Count, 3), NoRule, 0, []string{"10|0|5"}},
		{"no identity, six readings", "31245", repeat(Count, 3), NoRule, 0,
			[]string{"3|1|245", "3|12|45", "3|124|5", "31|2|45", "31|24|5", "312|4|5"}},
		{"too few digits", "00", repeat(Count, 3), NoRule, 0, nil},
		{"row sum", "640020470", repeat(Count, 7), RowSum, 0, []string{"64|0|0|2|0|4|70"}},
		{"row sum, two readings", "110000011", repeat(Count, 7), RowSum, 0, []string{"1|10|0|0|0|0|11", "11|0|0|0|0|0|11"}},
		{"row sum broken", "3000004", repeat(Count, 7), RowSum, 0, nil},
		{"row sum with blanks", "3/////3", repeat(Count, 7), RowSum, 0, []string{"3|/|/|/|/|/|3"}},
		{"all blank", "-------", repeat(Count, 7), RowSum, 0, []string{"-|-|-|-|-|-|-"}},
		{"a space is a boundary", "1 10 0 0 0 0 11", repeat(Count, 7), RowSum, 0, []string{"1|10|0|0|0|0|11"}},
		{"sign starts a change", "12+30", []Kind{Count, Signed, Count}, NoRule, 0, []string{"12|3|0"}},
		{"minus or dash", "5-23", []Kind{Count, Signed, Count}, NoRule, 0, []string{"5|-|23", "5|-2|3"}},
		{"amount with a unit", "3148(万)", []Kind{Count, Amount}, NoRule, 0, []string{"3|148万元", "31|48万元", "314|8万元"}},
		{"amount with decimals", "12.5", []Kind{Amount}, NoRule, 0, []string{"12.5"}},
		{"amount in yuan", "6251000元", []Kind{Count, Amount}, NoRule, 0,
			[]string{"6|251000元", "62|51000元", "625|1000元", "625100|0元"}},
		{"review blocks", "210031000110001", repeat(Count, 15), Blocks, 4, []string{"2|1|0|0|3|1|0|0|0|1|1|0|0|0|1"}},
		{"review total first", "321000000000000", repeat(Count, 15), Blocks, 0, []string{"3|2|1|0|0|0|0|0|0|0|0|0|0|0|0"}},
		{"review ambiguous", "11100120000000000", repeat(Count, 15), Blocks, 4,
			[]string{"1|1|10|0|12|0|0|0|0|0|0|0|0|0|0", "1|11|0|0|12|0|0|0|0|0|0|0|0|0|0", "11|1|0|0|12|0|0|0|0|0|0|0|0|0|0"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rd, bound := Split(c.run, c.cols, c.rule, c.totalAt, DefaultLimits)
			if bound {
				t.Fatalf("bound")
			}
			want := slices.Clone(c.want)
			slices.Sort(want)
			if got := texts(rd); !slices.Equal(got, want) {
				t.Errorf("Split(%q) = %v, want %v", c.run, got, c.want)
			}
		})
	}
}

// FuzzSplit: any run splits without a panic, within its limits, and every
// reading tiles the run with cells of their columns' grammar that obey the
// row's identity.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{"640020470", "110000011", "3/////3", "12+30", "5-2 3", "3148(万)", "6251000元", "210031000110001", "——//--", "0.5万元"} {
		f.Add(s, uint8(7), uint8(1))
		f.Add(s, uint8(3), uint8(0))
		f.Add(s, uint8(15), uint8(2))
	}
	f.Fuzz(func(t *testing.T, run string, n, rule uint8) {
		ncol := int(n%16) + 1
		r := Rule(rule % 3)
		if r == Blocks && ncol%5 != 0 || r == RowSum && ncol < 2 {
			r = NoRule
		}
		cols := make([]Kind, ncol)
		if r == NoRule {
			for i := range cols {
				cols[i] = Kind((int(n) + i) % 3)
			}
		}
		l := DefaultLimits
		l.Steps = 1 << 16
		rd, _ := Split(run, cols, r, 4, l)
		if len(rd) > l.Readings+1 {
			t.Fatalf("%d readings, limit %d", len(rd), l.Readings)
		}
		for _, x := range rd {
			if len(x) != ncol {
				t.Fatalf("%q: %d cells, want %d", run, len(x), ncol)
			}
			var b strings.Builder
			for i, c := range x {
				if c.Start < 0 || c.End > len(run) || c.Start >= c.End || i > 0 && c.Start < x[i-1].End {
					t.Fatalf("%q: cell %d at [%d,%d)", run, i, c.Start, c.End)
				}
				b.WriteString(run[c.Start:c.End])
				if cols[i] == Count && c.Kind == report.KindNumber && c.N < 0 {
					t.Fatalf("%q: negative count", run)
				}
			}
			if strings.ReplaceAll(run, " ", "") != b.String() {
				t.Fatalf("%q: cells %q do not tile it", run, b.String())
			}
			switch r {
			case RowSum:
				var sum int64
				for _, c := range x[:ncol-1] {
					sum += c.value()
				}
				if sum != x[ncol-1].value() {
					t.Fatalf("%q: row sum %d, total %d", run, sum, x[ncol-1].value())
				}
			case Blocks:
				for b := 0; b < ncol; b += 5 {
					var sum int64
					for _, c := range x[b : b+4] {
						sum += c.value()
					}
					if sum != x[b+4].value() {
						t.Fatalf("%q: block sum %d, total %d", run, sum, x[b+4].value())
					}
				}
			}
		}
	})
}

// FuzzRead feeds arbitrary text to the glued reader: it must not panic,
// and every figure and ambiguity must quote the original at its offsets.
func FuzzRead(f *testing.F) {
	f.Add(appsText(sample2021(), appLabels2021, style{}))
	f.Add(appsText(sample2021(), appLabels2021, style{oneLine: true, noNumbers: true}))
	f.Add("规章000\n行政规范性文件31245\n行政许可70\n第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购3148(万)\n")
	f.Add("行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉\n11100120000000000\n")
	f.Add("（一）收到申请数件121.当面申请数件3\n2.传真申请数件0\n")
	f.Fuzz(func(t *testing.T, s string) {
		nt := normalize.New(s)
		res := Read(nt, table.TextTokens(nt), "", nil)
		var ps []report.Provenance
		for _, m := range res.Metrics {
			ps = append(ps, m.Prov)
		}
		for _, a := range res.Ambiguous {
			ps = append(ps, a.Prov)
		}
		for _, p := range ps {
			if p.Start < 0 || p.End > len(nt.Orig) || p.Start > p.End || nt.Orig[p.Start:p.End] != p.Text {
				t.Fatalf("provenance %q at [%d,%d) does not quote the original", p.Text, p.Start, p.End)
			}
		}
	})
}
