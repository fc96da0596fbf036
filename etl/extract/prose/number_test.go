package prose

import "testing"

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"1901", 1901, true}, {"3.5", 3.5, true}, {"零", 0, true}, {"一", 1, true}, {"两", 2, true},
		{"十", 10, true}, {"十二", 12, true}, {"二十", 20, true}, {"一百零五", 105, true}, {"三千二百", 3200, true},
		{"", 0, false}, {"条", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseNumber(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseNumber(%q) = %v, %v, want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestIsNumbered(t *testing.T) {
	tests := map[string]bool{
		"五、主动公开": true, "(二)网站": true, "( 十 )其他": true, "3.收到申请": true, "12、其他": true, " 3、": true, "3.": true,
		"3.5万条": false, "123、": false, "全年": false, "(a)": false, "二十条": false, "一 . 总体": true, "": false,
	}
	for in, want := range tests {
		if got := isNumbered(in); got != want {
			t.Errorf("isNumbered(%q) = %v, want %v", in, got, want)
		}
	}
}
