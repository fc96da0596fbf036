package charts

import (
	"regexp"
	"strconv"

	"github.com/xxgk/xxgk/queries/labels"
)

// display shows an optional figure; a missing one is "—", never 0.
func display(v *float64) string {
	if v == nil {
		return "—"
	}
	return labels.Number(*v)
}

// percent shows an optional ratio as a percentage with one decimal;
// missing is "—".
func percent(v *float64) string {
	if v == nil {
		return "—"
	}
	return strconv.FormatFloat(*v*100, 'f', 1, 64) + "%"
}

// percentile shows a 0–100 percentile; missing is "—".
func percentile(v *float64) string {
	if v == nil {
		return "—"
	}
	return strconv.FormatFloat(*v, 'f', 0, 64)
}

// latinWord is a word of Latin letters: text that holds one is not shown
// to readers as it is (it is a code or English).
var latinWord = regexp.MustCompile(`[A-Za-z]{2,}`)
