package queries

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
)

//go:embed *.sql
var files embed.FS

// Schema returns the schema script (version 1).
func Schema() string {
	b, err := files.ReadFile("schema.sql")
	if err != nil {
		panic(fmt.Sprintf("embedded schema.sql missing: %v", err)) // a build defect, not input
	}
	return string(b)
}

// Query is one named query: a SELECT whose file starts with
// `-- name: NAME` and `-- description: ...`.
type Query struct {
	Name        string
	Description string
	SQL         string
}

// Filter narrows a named query's result to some agencies and years. A
// filter applies only when the result has an `agency` or `year` column.
type Filter struct {
	Agencies []string
	Years    []int
}

// Result is a query's answer: column names and rows of driver values.
type Result struct {
	Columns []string
	Rows    [][]any
}

// List returns every named query, sorted by name.
func List() []Query {
	c, _ := loadCatalog()
	out := make([]Query, 0, len(c))
	for _, q := range c {
		out = append(out, q)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Get returns the named query. Its SQL is self-contained: the named queries
// it builds on (its `-- uses:` line) are prepended as common table
// expressions, so a researcher can paste it into any DuckDB shell.
func Get(name string) (Query, bool) {
	c, _ := loadCatalog()
	q, ok := c[name]
	return q, ok
}

var (
	catalogOnce sync.Once
	catalog     map[string]Query
	sources     map[string]source // the files as written, for the cache
	catalogErr  error
)

// loadCatalog parses the embedded named queries once. An error means a
// malformed .sql file: a build defect that the package tests catch; the
// queries that did parse stay usable.
func loadCatalog() (map[string]Query, error) {
	catalogOnce.Do(func() {
		catalog, sources, catalogErr = parseCatalog(files)
	})
	return catalog, catalogErr
}

// source is a named query file as written, before its uses are expanded.
type source struct {
	name, description, body string
	uses                    []string
	noCache                 bool // `-- cache: no`
	// pushAgency: `-- filter: agency`, the rows of an agency depend only on
	// that agency's reports, so a filter on agencies may be applied inside
	// the query, at its `TRUE /* filter: agency */` placeholders.
	pushAgency bool
}

func parseCatalog(fsys fs.FS) (map[string]Query, map[string]source, error) {
	paths, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return nil, nil, err
	}
	srcs := map[string]source{}
	var errs []string
	for _, p := range paths {
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, nil, fmt.Errorf("read %q: %w", p, err)
		}
		s, ok, err := parseSource(string(b))
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s: %v", p, err))
			continue
		}
		if !ok {
			continue // the schema, migrations and scripts are not named queries
		}
		if want := strings.TrimSuffix(p, ".sql"); s.name != want || !validName(s.name) {
			errs = append(errs, fmt.Sprintf("%s: name %q must be the file name, in lower case letters, digits and _", p, s.name))
			continue
		}
		srcs[s.name] = s
	}
	out := map[string]Query{}
	for name, s := range srcs {
		sql, err := expand(srcs, name)
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		out[name] = Query{Name: name, Description: s.description, SQL: sql}
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return out, srcs, fmt.Errorf("named queries: %s", strings.Join(errs, "; "))
	}
	return out, srcs, nil
}

// validName reports whether name can name a query and its cache table.
func validName(name string) bool {
	if name == "" || name[0] < 'a' || name[0] > 'z' {
		return false
	}
	for _, r := range name {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '_' {
			return false
		}
	}
	return true
}

// parseSource reads the header lines of a .sql file. ok is false when the
// file does not start with `-- name:`. After the description, optional
// lines `-- uses: a, b` (the named queries this one reads as tables),
// `-- cache: no` (answer from the text every time) and `-- filter: agency`
// (see pushFilter) may follow.
func parseSource(text string) (s source, ok bool, err error) {
	lines := strings.Split(text, "\n")
	name, found := strings.CutPrefix(lines[0], "-- name:")
	if !found {
		return source{}, false, nil
	}
	s.name = strings.TrimSpace(name)
	if len(lines) < 2 {
		return source{}, true, fmt.Errorf("no description line")
	}
	desc, found := strings.CutPrefix(lines[1], "-- description:")
	if !found || strings.TrimSpace(desc) == "" {
		return source{}, true, fmt.Errorf("second line must be `-- description: ...`")
	}
	s.description = strings.TrimSpace(desc)
	s.body = strings.TrimSuffix(strings.TrimSpace(text), ";")
	for _, line := range lines[2:] {
		if uses, found := strings.CutPrefix(line, "-- uses:"); found {
			for _, u := range strings.Split(uses, ",") {
				if u = strings.TrimSpace(u); u != "" {
					s.uses = append(s.uses, u)
				}
			}
			continue
		}
		if c, found := strings.CutPrefix(line, "-- filter:"); found {
			if strings.TrimSpace(c) != "agency" {
				return source{}, true, fmt.Errorf("`-- filter:` must be agency")
			}
			s.pushAgency = true
			continue
		}
		if c, found := strings.CutPrefix(line, "-- cache:"); found {
			switch strings.TrimSpace(c) {
			case "no":
				s.noCache = true
			case "yes":
			default:
				return source{}, true, fmt.Errorf("`-- cache:` must be yes or no")
			}
			continue
		}
		break
	}
	return s, true, nil
}

// expand prepends the queries that name uses, transitively and in
// dependency order, as common table expressions named after them.
func expand(srcs map[string]source, name string) (string, error) {
	var order []string
	state := map[string]int{} // 1 visiting, 2 done
	var visit func(n string, from string) error
	visit = func(n, from string) error {
		switch state[n] {
		case 1:
			return fmt.Errorf("%s: uses form a cycle through %q", name, n)
		case 2:
			return nil
		}
		s, ok := srcs[n]
		if !ok {
			return fmt.Errorf("%s: %q uses unknown query %q", name, from, n)
		}
		state[n] = 1
		for _, u := range s.uses {
			if err := visit(u, n); err != nil {
				return err
			}
		}
		state[n] = 2
		order = append(order, n)
		return nil
	}
	if err := visit(name, name); err != nil {
		return "", err
	}
	order = order[:len(order)-1] // the query itself comes last, as the body
	body := srcs[name].body
	if len(order) == 0 {
		return body, nil
	}
	ctes := make([]string, len(order))
	for i, n := range order {
		ctes[i] = fmt.Sprintf("%s AS (\n%s\n)", n, strings.TrimSpace(srcs[n].body))
	}
	return prependCTEs(body, ctes, ",\n"), nil
}

// prependCTEs puts ctes in front of body's own query, joined by sep. A body
// that starts with its own WITH continues the list; otherwise the body is
// the main SELECT. The header comments stay on top either way.
func prependCTEs(body string, ctes []string, sep string) string {
	header, rest, hasWith := cutLeadingWith(body)
	var b strings.Builder
	b.WriteString(header)
	b.WriteString("WITH ")
	b.WriteString(strings.Join(ctes, sep))
	if hasWith {
		b.WriteString(",\n")
	} else {
		b.WriteString("\n")
	}
	b.WriteString(rest)
	return b.String()
}

// cutLeadingWith splits body into its leading comment lines and the
// statement, and reports whether the statement starts with WITH (then rest
// is the text after that keyword).
func cutLeadingWith(body string) (header, rest string, hasWith bool) {
	rest = body
	for {
		trimmed := strings.TrimLeft(rest, " \t\r\n")
		if !strings.HasPrefix(trimmed, "--") {
			break
		}
		i := strings.IndexByte(trimmed, '\n')
		if i < 0 {
			return body, "", false
		}
		rest = trimmed[i+1:]
	}
	header = body[:len(body)-len(rest)]
	stmt := strings.TrimLeft(rest, " \t\r\n")
	if len(stmt) > 5 && strings.EqualFold(stmt[:4], "with") && strings.ContainsRune(" \t\r\n", rune(stmt[4])) {
		return header, stmt[5:], true
	}
	return header, rest, false
}
