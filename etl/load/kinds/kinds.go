// Package kinds is the documented table of kinds of body (kinds.tsv): which
// kind of government body an agency is, from the words of its full name,
// for peer groups (level × kind). etl/load stores the kind with every
// report; the site shows the table on its method page and uses the matched
// ending to tell a full name from an incomplete one (市司法局).
//
// It holds no figures and does not read the database.
package kinds

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

//go:embed kinds.tsv
var kindsTSV string

// Kind is one line of the table: a kind and the endings of names that make
// a body of that kind, in the table's order.
type Kind struct {
	Name    string
	Endings []string
}

type ending struct{ ending, kind string }

var table, endings = mustParse(kindsTSV)

func mustParse(tsv string) ([]Kind, []ending) {
	ks, es, err := parse(tsv)
	if err != nil {
		panic(err) // the table is embedded: a defect of the build, caught by the tests
	}
	return ks, es
}

func parse(tsv string) ([]Kind, []ending, error) {
	var ks []Kind
	var es []ending
	seen := map[string]string{}
	for n, line := range strings.Split(tsv, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		kind, names, ok := strings.Cut(line, "\t")
		if !ok || kind == "" || names == "" {
			return nil, nil, fmt.Errorf("kinds.tsv line %d: want a kind, a tab and its endings: %q", n+1, line)
		}
		k := Kind{Name: kind}
		for _, e := range strings.Split(names, "、") {
			if e == "" {
				return nil, nil, fmt.Errorf("kinds.tsv line %d: an empty ending", n+1)
			}
			if other, dup := seen[e]; dup {
				return nil, nil, fmt.Errorf("kinds.tsv line %d: ending %q is already a %s", n+1, e, other)
			}
			seen[e] = kind
			k.Endings = append(k.Endings, e)
			es = append(es, ending{e, kind})
		}
		ks = append(ks, k)
	}
	sort.SliceStable(es, func(i, j int) bool { return len(es[i].ending) > len(es[j].ending) })
	return ks, es, nil
}

// Table returns the kinds in the table's order, for the method page.
func Table() []Kind { return table }

// Of is the kind of body an agency is, from its full name (e.g. 司法局 for
// 莆田市城厢区司法局 and for 河南省司法厅; 乡镇人民政府 for 永嘉县溪下乡人民政府):
// the kind of the longest listed ending of the name, a branch (…局XX分局)
// taking the kind of the body it belongs to. The government of a place
// identified as a township (level "township": 农场, 林场, 管理区 …) is a
// 乡镇人民政府 whatever the place is called. It is "" when no ending
// matches, and for an agency kept out of comparisons (Exclusion): such an
// agency has no peer group, so it is in no peer rank, median or group sum.
func Of(name, level string) string {
	if Exclusion(name) != "" {
		return ""
	}
	k, _ := match(strings.TrimSpace(name))
	if k == "人民政府" && level == "township" {
		return "乡镇人民政府"
	}
	return k
}

// match returns the kind and the part of name before the matched ending
// (for a branch, before its parent's ending).
func match(name string) (kind, place string) {
	if base, ok := strings.CutSuffix(name, "分局"); ok {
		if i := strings.LastIndex(base, "局"); i >= 0 {
			if k, p := longest(base[:i+len("局")]); k != "" {
				return k, p
			}
		}
	}
	return longest(name)
}

func longest(name string) (kind, place string) {
	for _, e := range endings {
		if strings.HasSuffix(name, e.ending) {
			return e.kind, strings.TrimSuffix(name, e.ending)
		}
	}
	return "", name
}

// Exclusion says why an agency is kept out of every comparison — the
// overview's rankings and charts, peer groups, peer ranks and the sums of
// a group — as a code of the "exclusion" labels: "unidentified" when its
// reports never named it (no name, or etl/extract's 未识别机关:FILE),
// "incomplete" when its name does not say where it is (市司法局, see
// Incomplete). It is "" for an agency that is compared. This is the one
// rule: the site (charts) and the stored kinds of body (so the peers and
// rates queries) both follow it.
func Exclusion(name string) string {
	name = strings.TrimSpace(name)
	switch {
	case name == "" || strings.HasPrefix(name, "未识别机关"):
		return "unidentified"
	case Incomplete(name):
		return "incomplete"
	}
	return ""
}

// generic are the words that name no place by themselves: a name made of
// them and a kind's ending (市司法局, 本县人民政府) does not say whose body it is.
var generic = []string{"本", "我", "该", "省", "市", "县", "区", "州", "盟", "旗", "镇", "乡", "街道", "自治区", "自治州", "自治县"}

// Incomplete reports whether a name of a known kind does not say where the
// body is: what comes before its ending is empty or only generic words
// (市司法局, 区人民政府, 本局). Such names are kept out of rankings.
func Incomplete(name string) bool {
	k, place := match(strings.TrimSpace(name))
	if k == "" {
		return false
	}
	for place != "" {
		cut := false
		for _, g := range generic {
			if p, ok := strings.CutPrefix(place, g); ok {
				place, cut = p, true
				break
			}
		}
		if !cut {
			break
		}
	}
	return utf8.RuneCountInString(place) == 0
}
