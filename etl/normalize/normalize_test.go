package normalize

import (
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNew(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"traditional", "政府資訊公開條例", "政府信息公开条例"},
		{"phrase beats characters", "乾隆年間", "乾隆年间"},
		{"character fallback", "乾燥", "干燥"},
		{"pinyin tone marks", "規(guī)範", "规范"},
		{"pinyin two glosses", "當(dāng)前", "当前"},
		{"pinyin plain letters", "公(gong)開(kai)", "公开"},
		{"pinyin full-width parens", "公（gōng）開", "公开"},
		{"pinyin tone digit", "公(gong1)開", "公开"},
		{"keep parenthesised Chinese", "办法(暂行)", "办法(暂行)"},
		{"keep year", "报告(2021)", "报告(2021)"},
		{"keep ordinal", "一、(一)主动公开", "一、(一)主动公开"},
		{"keep acronym", "政务(APP)", "政务(APP)"},
		{"keep latin after non-Han", "see (note) here", "see (note) here"},
		{"keep long latin word", "平台(platform)", "平台(platform)"},
		{"full-width punctuation", "（一）数量：１２３，共４５％", "(一)数量:123,共45%"},
		{"full-width letters", "ＡＢＣｘｙｚ", "ABCxyz"},
		{"keep Chinese punctuation", "《条例》、“公开”。〔2021〕", "《条例》、“公开”。〔2021〕"},
		{"fold spaces", "a  \t b　　c", "a b c"},
		{"trim lines", "  一、总体情况  \n\t二  ", "一、总体情况\n二"},
		{"keep blank lines", "a\n\n\n\nb", "a\n\n\n\nb"},
		{"CRLF", "a\r\nb\rc", "a\nb\nc"},
		{"BOM dropped", "\ufeff报告", "报告"},
		{"zh-TW portal", "入口網站", "门户网站"},
		{"zh-TW document", "規範性檔案", "规范性文件"},
		{"archives stay archives", "檔案館", "档案馆"},
		{"zh-TW release", "主動釋出資訊", "主动发布信息"},
		{"Kangxi radicals from PDF text", "⼀、⼯作⽇", "一、工作日"},
		{"zero-width characters dropped", "公\u200b开\u00ad", "公开"},
		{"invalid UTF-8 kept", "a\xffb", "a\xffb"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := New(tt.in).Norm; got != tt.want {
				t.Errorf("New(%q).Norm = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestQuote(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, find, want string
	}{
		{"pinyin kept in quote", "依據規(guī)範辦理", "规范", "規(guī)範"},
		{"full-width quoted", "共１２件。", "12件", "１２件"},
		{"folded space quoted", "共  12 件", "共 12", "共  12"},
		{"traditional", "收到申請１０５件", "申请105", "申請１０５"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			x := New(tt.in)
			i := strings.Index(x.Norm, tt.find)
			if i < 0 {
				t.Fatalf("New(%q).Norm = %q, has no %q", tt.in, x.Norm, tt.find)
			}
			got, s, e := x.Quote(i, i+len(tt.find))
			if got != tt.want || tt.in[s:e] != got {
				t.Errorf("Quote(%q in %q) = %q [%d:%d], want %q", tt.find, tt.in, got, s, e, tt.want)
			}
		})
	}
}

// samples are real reports with traditional characters, pinyin glosses,
// full-width text and layout noise.
func samples(t testing.TB) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, pat := range []string{"101_*trad*", "104_*pinyin*", "118_*pinyin*", "127_*trad*", "003_*", "1*_sh_*"} {
		files, _ := filepath.Glob(filepath.Join("..", "..", "examples", "reports", pat+".txt"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out[filepath.Base(f)] = string(b)
		}
	}
	if len(out) < 5 {
		t.Fatalf("found %d sample reports under examples/reports, want at least 5", len(out))
	}
	return out
}

// TestSpansOnSamples checks that random spans of Norm map to valid,
// monotone spans of Orig, and that every line of Norm quotes an original
// that normalises back to the same line.
func TestSpansOnSamples(t *testing.T) {
	t.Parallel()
	for name, orig := range samples(t) {
		x := New(orig)
		rng := rand.New(rand.NewSource(int64(len(orig))))
		for k := 0; k < 2000; k++ {
			a, b := rng.Intn(len(x.Norm)+1), rng.Intn(len(x.Norm)+1)
			if a > b {
				a, b = b, a
			}
			s, e := x.OrigSpan(a, b)
			if s < 0 || s > e || e > len(orig) {
				t.Fatalf("%s: OrigSpan(%d, %d) = %d, %d: invalid for len %d", name, a, b, s, e, len(orig))
			}
			if a < b && s == e {
				t.Fatalf("%s: OrigSpan(%d, %d) = %d, %d: non-empty span mapped to nothing", name, a, b, s, e)
			}
			// Starts and ends are each monotone in the Norm offset.
			s2, _ := x.OrigSpan(b, len(x.Norm))
			_, e1 := x.OrigSpan(0, a)
			if s2 < s || e1 > e {
				t.Fatalf("%s: OrigSpan not monotone: start(%d)=%d > start(%d)=%d or end(%d)=%d > end(%d)=%d", name, a, s, b, s2, a, e1, b, e)
			}
		}
		start := 0
		for _, line := range strings.SplitAfter(x.Norm, "\n") {
			end := start + len(line)
			q, s, e := x.Quote(start, end)
			if orig[s:e] != q {
				t.Fatalf("%s: Quote(%d, %d) = %q, not Orig[%d:%d]", name, start, end, q, s, e)
			}
			if got := New(q).Norm; got != line {
				t.Errorf("%s: New(Quote(line)).Norm = %q, want %q", name, got, line)
			}
			start = end
		}
		if !utf8.ValidString(x.Norm) && utf8.ValidString(orig) {
			t.Errorf("%s: Norm is not valid UTF-8", name)
		}
	}
}

// TestAgainstOpenCC compares the converter with Debian's opencc command on
// the folded samples, with the zh-TW aliases off (they are ours, not OpenCC's).
func TestAgainstOpenCC(t *testing.T) {
	if _, err := exec.LookPath("opencc"); err != nil {
		t.Skip("opencc not installed (Debian package opencc)")
	}
	t.Parallel()
	d := buildDict(false)
	for name, orig := range samples(t) {
		folded, _ := fold(orig)
		// The sample as printed, and the sample put through OpenCC's own
		// s2t: more traditional text, with the phrases OpenCC cares about.
		for _, in := range []struct{ kind, text string }{{"", folded}, {" (s2t)", opencc(t, "s2t", folded)}} {
			got, _ := d.convert(in.text)
			want := opencc(t, "t2s", in.text)
			gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
			if len(gl) != len(wl) {
				t.Fatalf("%s%s: %d lines, opencc gives %d", name, in.kind, len(gl), len(wl))
			}
			diff := 0
			for i := range gl {
				if gl[i] != wl[i] {
					diff++
					if diff <= 5 {
						t.Errorf("%s%s line %d:\n got  %q\n want %q", name, in.kind, i+1, gl[i], wl[i])
					}
				}
			}
		}
	}
}

// opencc runs Debian's opencc command with a configuration (t2s, s2t).
func opencc(t *testing.T, config, text string) string {
	t.Helper()
	cmd := exec.Command("opencc", "-c", config)
	cmd.Stdin = strings.NewReader(text)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("opencc -c %s: %v", config, err)
	}
	return string(out)
}

func BenchmarkNew(b *testing.B) {
	for _, name := range []string{"101_wuxi_sfj_2023_trad.txt", "115_sh_putuo_sfj_2023.txt"} {
		raw, err := os.ReadFile(filepath.Join("..", "..", "examples", "reports", name))
		if err != nil {
			b.Skip(err)
		}
		// About 10 KB, the size of a typical report.
		text := string(raw)
		for len(text) < 10<<10 {
			text += text
		}
		text = strings.ToValidUTF8(text[:10<<10], "")
		loadDict()
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for i := 0; i < b.N; i++ {
				New(text)
			}
		})
	}
}

// TestDecodeRune checks the inlined decoder against the standard library on
// every three-byte lead and a few invalid sequences.
func TestDecodeRune(t *testing.T) {
	t.Parallel()
	var inputs []string
	for r := rune(0x800); r < 0x10000; r++ {
		inputs = append(inputs, string(r)+"x")
	}
	inputs = append(inputs, "\xe4\xb8", "\xed\xa0\x80", "\xe0\x80\x80", "\xef\xbf\xbf", "\xe4\x00\x80", "a", "\xf0\x9f\x98\x80")
	for _, s := range inputs {
		r, n := decodeRune(s)
		wr, wn := utf8.DecodeRuneInString(s)
		if r != wr || n != wn {
			t.Fatalf("decodeRune(%q) = %U, %d, want %U, %d", s, r, n, wr, wn)
		}
	}
}

// FuzzNew checks the invariants on any input: every span of Norm maps to a
// valid span of Orig, Quote agrees with OrigSpan, and nothing panics.
func FuzzNew(f *testing.F) {
	for _, s := range []string{"", "規(guī)範", "公(gong)開(kai)（一）", "ａ　 b\r\n\n", "\xff\xfe(", "入口網站檔案館", "⼀(", "乾隆年間"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		x := New(s)
		for a := 0; a <= len(x.Norm); a += 1 + a/7 {
			for b := a; b <= len(x.Norm); b += 1 + b/5 {
				q, os, oe := x.Quote(a, b)
				if os < 0 || os > oe || oe > len(s) || s[os:oe] != q {
					t.Fatalf("Quote(%d, %d) on %q = %q, %d, %d", a, b, s, q, os, oe)
				}
			}
		}
	})
}

func TestLiteralText(t *testing.T) {
	t.Parallel()
	x := &Text{Orig: "abc", Norm: "abc"}
	if q, s, e := x.Quote(1, 9); q != "bc" || s != 1 || e != 3 {
		t.Errorf("Quote(1, 9) on a literal Text = %q, %d, %d, want \"bc\", 1, 3", q, s, e)
	}
}

// TestPlainRun checks the inline decoding of plainRun against the runes it
// stands for, at every rune of the Basic Multilingual Plane.
func TestPlainRun(t *testing.T) {
	t.Parallel()
	for r := rune(0); r < 0x10000; r++ {
		s := string(r)
		end, han := plainRun(s+"\n", 0)
		plain := r < utf8.RuneSelf && !strings.ContainsRune("\n\r \t\f\v(", r) || r >= 0x4E00 && r <= 0x9FFF
		want := 0
		if plain {
			want = len(s)
		}
		if end != want || han != (r >= 0x4E00 && r <= 0x9FFF) {
			t.Fatalf("plainRun(%q) = %d, %v, want %d", s, end, han, want)
		}
	}
	if end, _ := plainRun("中\xe4\xb8", 0); end != 3 {
		t.Errorf("plainRun stops at a cut rune at %d, want 3", end)
	}
}
