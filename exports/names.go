package exports

import (
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxNameBytes keeps file names well under the 255-byte limit of common
// file systems, leaving room for a "-2" suffix and ".xlsx".
const maxNameBytes = 120

// FileName makes a file-name stem from an untrusted agency name: no path
// separators, no "..", no control or reserved characters, no leading dot,
// at most maxNameBytes bytes (cut on a character boundary). A name with
// nothing usable left becomes "agency".
func FileName(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case r == utf8.RuneError, unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			continue
		case strings.ContainsRune(`/\:*?"<>|`, r), unicode.IsSpace(r):
			b.WriteRune('_')
		default:
			b.WriteRune(r)
		}
	}
	s := b.String()
	for strings.Contains(s, "..") {
		s = strings.ReplaceAll(s, "..", ".")
	}
	s = strings.Trim(s, "._ ")
	for len(s) > maxNameBytes {
		_, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
	}
	s = strings.TrimRight(s, "._ ")
	if s == "" || isReservedWindowsName(s) {
		s = "agency_" + s
		s = strings.TrimRight(s, "_")
	}
	return s
}

func isReservedWindowsName(s string) bool {
	u := strings.ToUpper(s)
	if i := strings.IndexByte(u, '.'); i >= 0 {
		u = u[:i]
	}
	switch u {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	if len(u) == 4 && (strings.HasPrefix(u, "COM") || strings.HasPrefix(u, "LPT")) && u[3] >= '1' && u[3] <= '9' {
		return true
	}
	return false
}

// uniqueNames gives each name its own file stem: two agencies that sanitise
// to the same stem (or differ only in case, which some file systems ignore)
// get "-2", "-3" suffixes in the order given.
func uniqueNames(names []string) map[string]string {
	used := map[string]bool{}
	out := make(map[string]string, len(names))
	for _, n := range names {
		if _, ok := out[n]; ok {
			continue
		}
		base := FileName(n)
		stem := base
		for i := 2; used[strings.ToLower(stem)]; i++ {
			stem = base + "-" + strconv.Itoa(i)
		}
		used[strings.ToLower(stem)] = true
		out[n] = stem
	}
	return out
}

// provinceFolder is the folder of an agency's workbook: its province,
// sanitised; agencies whose province is not known share one folder.
func provinceFolder(a *agency) string {
	switch {
	case a.exclude == "unidentified":
		return "未识别机关"
	case a.Province == "" && a.levelCode == "national":
		return "国家级"
	case a.Province == "":
		return "省份不明"
	}
	return FileName(a.Province)
}

// pathLink is the target of a hyperlink to a file at the relative path p
// (slash-separated): each segment percent-encoded, as spreadsheet readers
// expect of a link.
func pathLink(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		parts[i] = url.PathEscape(s)
	}
	return strings.Join(parts, "/")
}
