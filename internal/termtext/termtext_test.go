package termtext

import "testing"

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"out/site/index.html", "out/site/index.html"},
		{"报告/北京市2023年.txt", "报告/北京市2023年.txt"},
		{`C:\reports\a.txt`, `C:\reports\a.txt`}, // a backslash is text
		{"a\x1b[2Jb.txt", `a\x1b[2Jb.txt`},
		{"ok\rFAKE.txt", `ok\rFAKE.txt`},
		{"two\nlines", `two\nlines`},
		{"tab\there", `tab\there`},
		{"del\x7f", `del\x7f`},
		{"c1\u009b31m", `c1\u009b31m`},
		{"bidi\u202etxt.exe", `bidi\u202etxt.exe`},
		{"bad\xffbyte", `bad\xffbyte`},
		{"年\x1b度", `年\x1b度`},
	}
	for _, tt := range tests {
		if got := Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEscapeKeepsSafeTextUnallocated(t *testing.T) {
	s := "北京市东城区人民政府/2023.txt"
	if n := testing.AllocsPerRun(100, func() { Escape(s) }); n != 0 {
		t.Errorf("Escape of safe text allocates %v times", n)
	}
}
