package charts

import (
	"math"
	"strconv"
)

// formatNumber prints a figure without a spurious ".000000" and with
// thousands separators for large counts.
func formatNumber(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return groupThousands(strconv.FormatInt(int64(f), 10))
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func groupThousands(s string) string {
	neg := len(s) > 0 && s[0] == '-'
	if neg {
		s = s[1:]
	}
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}

// display shows an optional figure; a missing one is "—", never 0.
func display(v *float64) string {
	if v == nil {
		return "—"
	}
	return formatNumber(*v)
}

// percent shows an optional ratio as a percentage; missing is "—".
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
