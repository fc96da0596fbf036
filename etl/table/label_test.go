package table

import (
	"strings"
	"testing"
)

// TestHasQuote checks the byte scan against the rune set it stands for,
// including neighbours of the quote marks that share their lead bytes.
func TestHasQuote(t *testing.T) {
	t.Parallel()
	const marks = "“”‘’\"'「」『』"
	for _, s := range []string{"", "行政许可", "危及“三安全一稳定”", "‘a’", `"x"`, "it's", "「公开」", "『依申请』",
		"‚‛", "–—", "、。〈〉", "【】", "〔〕", "a“", "”", "€", "\xe2\x80", "\xe3\x80"} {
		if got, want := hasQuote(s), strings.ContainsAny(s, marks); got != want {
			t.Errorf("hasQuote(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestTrimLabelEnd(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "规章", "规章:", "规章。", "规章:;,.。", "。", "::", "规章。a", "a.。.", "。x。"} {
		if got, want := trimLabelEnd(s), strings.TrimRight(s, ":;,.。"); got != want {
			t.Errorf("trimLabelEnd(%q) = %q, want %q", s, got, want)
		}
	}
}
