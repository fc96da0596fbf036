package exports

// levelRank orders the levels of government from the top.
func levelRank(code string) int {
	switch code {
	case "national":
		return 0
	case "province":
		return 1
	case "city":
		return 2
	case "county":
		return 3
	case "township":
		return 4
	}
	return 5
}
