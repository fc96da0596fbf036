package read

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// Decode turns raw bytes into UTF-8 text and names the encoding it used.
// The order of evidence: a byte-order mark; valid UTF-8 with non-ASCII text
// (pages often declare gb2312 while serving UTF-8, and GBK text almost never
// validates as UTF-8); the declared charset (an HTML meta or HTTP-style
// label, may be empty); then detection between GB18030 and Big5, because
// undeclared Chinese pages are not windows-1252 whatever
// x/net/html/charset's fallback says.
func Decode(raw []byte, declared string) (text, encoding string, err error) {
	switch {
	case bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")):
		return string(raw[3:]), "utf-8", nil
	case bytes.HasPrefix(raw, []byte("\xff\xfe")), bytes.HasPrefix(raw, []byte("\xfe\xff")):
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		b, err := dec.Bytes(raw)
		if err != nil {
			return "", "", fmt.Errorf("decode utf-16: %w", err)
		}
		return string(b), "utf-16", nil
	}
	if utf8.Valid(raw) && (hasNonASCII(raw) || declared == "") {
		return string(raw), "utf-8", nil
	}
	if mostlyUTF8(raw) {
		// A truncated or damaged byte in a UTF-8 page: GB18030 would turn
		// the whole text into gibberish to explain one byte.
		return strings.ToValidUTF8(string(raw), "\ufffd"), "utf-8", nil
	}
	if enc, name := lookup(declared); enc != nil {
		if name == "gb18030" || name == "big5" {
			// Both decoders accept most byte pairs, so a wrong label between
			// them yields no errors, only gibberish: let the text decide when
			// it clearly prefers the other one.
			text, det, err := detect(raw)
			if err == nil && det != name && clearly(text) {
				return text, det, nil
			}
		}
		if b, err := enc.NewDecoder().Bytes(raw); err == nil && badRunes(b)*100 <= utf8.RuneCount(b) {
			return string(b), name, nil
		}
		// The label lies (more than 1% undecodable): detect instead.
	}
	return detect(raw)
}

// lookup resolves a charset label, widening the GB family to GB18030 (a
// superset: pages labelled gb2312 use GBK characters all the time).
func lookup(label string) (encoding.Encoding, string) {
	label = strings.ToLower(strings.Trim(strings.TrimSpace(label), "\"'"))
	if label == "" {
		return nil, ""
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, ""
	}
	name, _ := htmlindex.Name(enc)
	switch name {
	case "gbk", "gb18030":
		return simplifiedchinese.GB18030, "gb18030"
	case "big5":
		return traditionalchinese.Big5, "big5"
	}
	return enc, name
}

// detect decides between GB18030 and Big5 by which decodes with fewer errors
// and more of the characters common in Chinese government text. Both
// decoders accept most byte pairs, so validity alone cannot tell.
func detect(raw []byte) (string, string, error) {
	best, bestName, bestScore := "", "", 0
	for _, c := range []struct {
		name string
		enc  encoding.Encoding
	}{{"gb18030", simplifiedchinese.GB18030}, {"big5", traditionalchinese.Big5}} {
		b, err := c.enc.NewDecoder().Bytes(raw)
		if err != nil {
			continue
		}
		score := hanScore(string(b))
		if bestName == "" || score > bestScore {
			best, bestName, bestScore = string(b), c.name, score
		}
	}
	if bestName == "" {
		return "", "", fmt.Errorf("unknown text encoding")
	}
	return best, bestName, nil
}

// hanScore rewards common characters and punishes rare ones and decoding
// errors: text decoded with the wrong CJK encoding is full of rare characters.
func hanScore(s string) int {
	score := 0
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			score -= 4
		case commonSet[r]:
			score += 2
		case r >= 0x4E00 && r <= 0x9FFF:
			score--
		}
	}
	return score
}

// clearly reports whether detected text is plainly Chinese: common
// characters outweigh rare ones by a wide margin.
func clearly(text string) bool {
	return hanScore(text) > utf8.RuneCountInString(text)/4
}

var commonSet = func() map[rune]bool {
	m := make(map[rune]bool, len(commonHan)/3)
	for _, r := range commonHan {
		m[r] = true
	}
	return m
}()

// mostlyUTF8 reports text whose multi-byte sequences are valid UTF-8 with
// at most one bad byte in fifty: legacy CJK encodings produce valid
// UTF-8 sequences only by accident.
func mostlyUTF8(b []byte) bool {
	good, bad := 0, 0
	for len(b) > 0 {
		if b[0] < utf8.RuneSelf {
			b = b[1:]
			continue
		}
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			bad++
		} else {
			good++
		}
		b = b[n:]
	}
	return good >= 20 && bad*50 <= good
}

func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

func badRunes(b []byte) int {
	return bytes.Count(b, []byte("\ufffd"))
}

// commonHan holds about 500 of the most frequent Chinese characters in
// both simplified and traditional forms, plus the vocabulary of disclosure
// reports (申请, 复议, 诉讼): text decoded with the right encoding is full of them.
const commonHan = "一七万三上下不与专且世业东两严並个中为主么义之九也习书了争事二于五些交产京亲人什今从他代以们件价任众会传但位低住体何作你使來例依便保信個們候值做備傳價儿元先光克兒党入內全兩八公六共关其具养内再写军农决况准几出分切划列则別利别到制則前劃力办加务动劳動務勞包化北区區十千半华单南即却卻厂历压原去县参參又及反发取受变口只叫可史号各合同名后向听员周命和品响員商問單器嚴四回因团国图圆國圓圖團土在地场型基報場增壓声处备复外多大天太头她好如始委子存学學它安完定实家容實寫对导将將專對導小少就局层展属層屬山工己已市布带帶常干平年并幹幾广应府度廠廣建开式引张張強强当形影往很律後得從心必志快思性总情想意感應成我或战戰所手才打技把报拉持指按据採接提據支收改放政效教数整數文斗料断斯新斷方於族无日时明易是時更書最會月有期本术机权条来東极构林果查标样根格條業極構標樣機權次正此步歷段每比毛民气氣水求江決沒没油治況法活派流济海消深清温準溫满滿濟火点热無然照熱爭爲片物特状狀率王现現理生產用由申电界當發白百的目直相省看真眼着知石矿研确確礦示社离种科积称程種稱積究空立第等算管節米类精系約紅級素細組結給統經維線縣總織红约级线组细织经结给统维置美羣群義習老者而联聯聲聽育能自至與般色节花華萬處號衆行術表被装裏裝複西要覆見規親觀见观规角解計記訟設許訴話該認說調請論證識議變计认议记许论讼设证识诉话该说请调象資質质资走起越路身車軍較轉车转较辦農边达过运近还这进连适选這通速造連進運過道達適選還邊那部都酸采里重量金鐵铁長长門開間關门问间队阶际院除隊階際难集離難電需青非面革音響須領頭題類须领题風风飛飞養馬驗马验體高鬥麼點黨龍龙"
