package exports

import (
	"strings"
	"testing"
)

func TestFileName(t *testing.T) {
	long := strings.Repeat("很长的机关名称", 40)
	tests := []struct {
		name, in, want string
	}{
		{"plain", "甲市司法局", "甲市司法局"},
		{"separators", "a/b\\c", "a_b_c"},
		{"dot dot", "../../etc/passwd", "etc_passwd"},
		{"hidden", ".hidden", "hidden"},
		{"reserved chars", `x<y>:"|?*z`, "x_y______z"},
		{"control", "a\x00b\nc", "abc"},
		{"spaces", "  某 局  ", "某_局"},
		{"empty", "", "agency"},
		{"only dots", "...", "agency"},
		{"windows device", "CON", "agency_CON"},
		{"script", "<script>alert(1)</script>", "script_alert(1)__script"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FileName(tt.in); got != tt.want {
				t.Errorf("FileName(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	got := FileName(long)
	if len(got) > maxNameBytes || !strings.HasPrefix(long, got) {
		t.Errorf("FileName(long) = %q (%d bytes), want a prefix of at most %d bytes on a character boundary", got, len(got), maxNameBytes)
	}
}

func TestUniqueNames(t *testing.T) {
	got := uniqueNames([]string{"a/b", "a\\b", "a:b", "A_B", "c"})
	want := map[string]string{"a/b": "a_b", "a\\b": "a_b-2", "a:b": "a_b-3", "A_B": "A_B-4", "c": "c"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("uniqueNames()[%q] = %q, want %q", k, got[k], v)
		}
	}
}

func TestSafeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"},
		{"+1", "'+1"},
		{"-1+2", "'-1+2"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"＝1+1", "'＝1+1"},
		{"甲市司法局", "甲市司法局"},
		{"", ""},
		{"a=b", "a=b"},
	}
	for _, tt := range tests {
		if got := safeText(tt.in); got != tt.want {
			t.Errorf("safeText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
