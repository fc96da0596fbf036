package prose

import "strconv"

// cnDigits are the Chinese numerals a count may be written with.
var cnDigits = map[rune]int{
	'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4,
	'五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
}

var cnUnits = map[rune]int{'十': 10, '百': 100, '千': 1000}

// parseNumber reads an Arabic or Chinese numeral: "1901", "3.5", "十二",
// "一百零五", "两". It reports false for anything else.
func parseNumber(s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	if s[0] >= '0' && s[0] <= '9' {
		v, err := strconv.ParseFloat(s, 64)
		return v, err == nil
	}
	total, digit, seen := 0, -1, false
	for _, r := range s {
		if d, ok := cnDigits[r]; ok {
			digit, seen = d, true
			continue
		}
		u, ok := cnUnits[r]
		if !ok {
			return 0, false
		}
		if digit < 0 {
			digit = 1 // 十二 = 12
		}
		total += digit * u
		digit, seen = -1, true
	}
	if digit > 0 {
		total += digit
	}
	return float64(total), seen
}
