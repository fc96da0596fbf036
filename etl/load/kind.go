package load

import (
	"context"
	"database/sql"
	_ "embed"
	"fmt"
	"sort"
	"strings"

	"github.com/xxgk/xxgk/queries/store"
)

// kindsTSV is the documented table of kinds of body (kinds.tsv).
//
//go:embed kinds.tsv
var kindsTSV string

// kindEnding is one ending of a full name and the kind it makes.
type kindEnding struct{ ending, kind string }

// kindEndings are the endings of kinds.tsv, longest first, so the first
// that matches is the longest.
var kindEndings = mustParseKinds(kindsTSV)

func mustParseKinds(tsv string) []kindEnding {
	ks, err := parseKinds(tsv)
	if err != nil {
		panic(err) // the table is embedded: a defect of the build, caught by the tests
	}
	return ks
}

func parseKinds(tsv string) ([]kindEnding, error) {
	var out []kindEnding
	seen := map[string]string{}
	for n, line := range strings.Split(tsv, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		kind, names, ok := strings.Cut(line, "\t")
		if !ok || kind == "" || names == "" {
			return nil, fmt.Errorf("kinds.tsv line %d: want a kind, a tab and its endings: %q", n+1, line)
		}
		for _, e := range strings.Split(names, "、") {
			if e == "" {
				return nil, fmt.Errorf("kinds.tsv line %d: an empty ending", n+1)
			}
			if k, dup := seen[e]; dup {
				return nil, fmt.Errorf("kinds.tsv line %d: ending %q is already a %s", n+1, e, k)
			}
			seen[e] = kind
			out = append(out, kindEnding{e, kind})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].ending) > len(out[j].ending) })
	return out, nil
}

// AgencyKind is the kind of body an agency is, from its full name, by the
// table of kinds.tsv (e.g. 司法局 for 莆田市城厢区司法局 and for 河南省司法厅;
// 乡镇人民政府 for 永嘉县溪下乡人民政府): the kind of the longest listed
// ending of the name, a branch (…局XX分局) taking the kind of the body it
// belongs to. The government of a place identified as a township (level
// "township": 农场, 林场, 管理区 …) is a 乡镇人民政府 whatever the place is
// called. It is "" when no ending matches: such an agency has no peer
// group.
func AgencyKind(name, level string) string {
	k := nameKind(strings.TrimSpace(name))
	if k == "人民政府" && level == "township" {
		return "乡镇人民政府"
	}
	return k
}

func nameKind(name string) string {
	if base, ok := strings.CutSuffix(name, "分局"); ok {
		if i := strings.LastIndex(base, "局"); i >= 0 {
			if k := kindOf(base[:i+len("局")]); k != "" {
				return k
			}
		}
	}
	return kindOf(name)
}

func kindOf(name string) string {
	for _, k := range kindEndings {
		if strings.HasSuffix(name, k.ending) {
			return k.kind
		}
	}
	return ""
}

// refreshKinds brings the stored kinds of body up to the table: every
// agency whose stored agency_kind differs from AgencyKind of its name is
// updated, in one transaction. A database written by an older xxgk (which
// named kinds by their last characters) gets the kinds of this table when
// it is next opened for writing; when the kinds agree it only reads the
// distinct agencies. The named-query cache sees the change through its data
// stamp, which covers agency_kind.
func (s *Store) refreshKinds(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, store.SQL("agency_kinds"))
	if err != nil {
		return fmt.Errorf("read kinds of body: %w", err)
	}
	type change struct {
		agency string
		level  sql.NullString
		kind   string
	}
	var todo []change
	for rows.Next() {
		var agency string
		var level, stored sql.NullString
		if err := rows.Scan(&agency, &level, &stored); err != nil {
			rows.Close()
			return fmt.Errorf("read kinds of body: %w", err)
		}
		if k := AgencyKind(agency, level.String); k != stored.String {
			todo = append(todo, change{agency, level, k})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read kinds of body: %w", err)
	}
	if len(todo) == 0 {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("update kinds of body: %w", err)
	}
	defer tx.Rollback()
	for _, c := range todo {
		if _, err := tx.ExecContext(ctx, store.SQL("set_agency_kind"), nullString(c.kind), c.agency, c.level); err != nil {
			return fmt.Errorf("update kind of body of %q: %w", c.agency, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("update kinds of body: %w", err)
	}
	return nil
}
