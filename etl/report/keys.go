package report

import (
	_ "embed"
	"strings"
)

//go:embed metrics.tsv
var metricsTSV string

// KeyInfo describes one metric key of the exchange format.
type KeyInfo struct {
	Key   string
	Label string   // the Chinese label
	Forms []string // forms whose reports may carry it
	Note  string
}

var keyInfos, keyIndex = parseKeys(metricsTSV)

func parseKeys(tsv string) ([]KeyInfo, map[string]int) {
	var out []KeyInfo
	idx := map[string]int{}
	for i, line := range strings.Split(tsv, "\n") {
		if i == 0 || strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, "\t")
		for len(f) < 4 {
			f = append(f, "")
		}
		idx[f[0]] = len(out)
		out = append(out, KeyInfo{Key: f[0], Label: f[1], Forms: strings.Split(f[2], ","), Note: f[3]})
	}
	return out, idx
}

// Keys lists every metric key of spec/metrics.tsv, in file order.
func Keys() []KeyInfo { return keyInfos }

// LookupKey returns the description of key, and whether it is a known key.
func LookupKey(key string) (KeyInfo, bool) {
	i, ok := keyIndex[key]
	if !ok {
		return KeyInfo{}, false
	}
	return keyInfos[i], true
}

// checkOnly are rows some forms print that metrics.tsv has no key for but an
// identity needs: the provincial legacy tables add an 电子邮件 application
// channel (domain.md §1.4.2, D19), which L1 must count. Readers emit them,
// the checks read them, and extraction drops them before a report is
// printed or stored, so no figure outside metrics.tsv ever leaves it.
var checkOnly = map[string]bool{"apps_channel.email": true}

// IsCheckOnly reports whether key is read only for the checks (checkOnly).
func IsCheckOnly(key string) bool { return checkOnly[key] }

// Columns are the seven applicant columns of the 2019 and 2021 application
// table, in printed order; they are the suffixes of the cell keys.
var Columns = []string{"person", "business", "research", "ngo", "legal", "other_org", "total"}
