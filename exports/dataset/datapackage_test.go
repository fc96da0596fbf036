package dataset

import (
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"
)

// The parts of the Frictionless Data Package the validator reads, decoded
// from the file itself (not from the writer's types, so a field the
// writer mistypes is caught).
type pkgFile struct {
	Profile   string            `json:"profile"`
	Name      string            `json:"name"`
	Created   string            `json:"created"`
	Licenses  []map[string]any  `json:"licenses"`
	XXGK      map[string]any    `json:"xxgk"`
	Resources []pkgResourceFile `json:"resources"`
}

type pkgResourceFile struct {
	Profile   string          `json:"profile"`
	Name      string          `json:"name"`
	Path      json.RawMessage `json:"path"`
	Format    string          `json:"format"`
	Mediatype string          `json:"mediatype"`
	Encoding  string          `json:"encoding"`
	Schema    *struct {
		Fields        []pkgField `json:"fields"`
		MissingValues []string   `json:"missingValues"`
		PrimaryKey    []string   `json:"primaryKey"`
		ForeignKeys   []struct {
			Fields    []string `json:"fields"`
			Reference struct {
				Resource string   `json:"resource"`
				Fields   []string `json:"fields"`
			} `json:"reference"`
		} `json:"foreignKeys"`
	} `json:"schema"`
}

type pkgField struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	Type  string `json:"type"`
}

// Names of packages and resources: lower case, digits, - . _ (the spec).
var specName = regexp.MustCompile(`^[a-z0-9._-]+$`)

var fieldTypes = []string{"string", "number", "integer", "boolean", "date", "datetime"}

// validatePackage checks datapackage.json in dir structurally: the
// required properties, every resource's path exists inside dir, its
// schema's fields are the file's header (CSV) or columns (Parquet), every
// value of a CSV file parses as its field's type, primary keys are unique
// and foreign keys point at fields that exist.
func validatePackage(t *testing.T, db *sql.DB, dir string) pkgFile {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, PackageFile))
	if err != nil {
		t.Fatal(err)
	}
	var p pkgFile
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatalf("datapackage.json: %v", err)
	}
	if !specName.MatchString(p.Name) || p.Profile == "" || len(p.Resources) == 0 {
		t.Errorf("package name %q, profile %q, %d resources", p.Name, p.Profile, len(p.Resources))
	}
	if _, err := time.Parse(time.RFC3339, p.Created); err != nil {
		t.Errorf("created %q: %v", p.Created, err)
	}
	if len(p.Licenses) == 0 || p.Licenses[0]["name"] == "" {
		t.Errorf("licenses %v: want one with a name", p.Licenses)
	}
	if p.XXGK["version"] == "" || p.XXGK["data_stamp"] == "" {
		t.Errorf("xxgk %v: want the version and the data stamp", p.XXGK)
	}
	byName := map[string]pkgResourceFile{}
	for _, r := range p.Resources {
		if !specName.MatchString(r.Name) {
			t.Errorf("resource name %q", r.Name)
		}
		if _, dup := byName[r.Name]; dup {
			t.Errorf("resource %q listed twice", r.Name)
		}
		byName[r.Name] = r
	}
	for _, r := range p.Resources {
		var paths []string
		var one string
		if json.Unmarshal(r.Path, &one) == nil {
			paths = []string{one}
		} else if err := json.Unmarshal(r.Path, &paths); err != nil || len(paths) == 0 {
			t.Errorf("resource %s: path %s is neither a string nor a list of them", r.Name, r.Path)
			continue
		}
		for _, path := range paths {
			if filepath.IsAbs(path) || slices.Contains(filepath.SplitList(path), "..") {
				t.Errorf("resource %s: path %q is not inside the package", r.Name, path)
			}
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(path))); err != nil {
				t.Errorf("resource %s: %v", r.Name, err)
			}
		}
		if r.Schema == nil {
			continue
		}
		var names []string
		for _, f := range r.Schema.Fields {
			names = append(names, f.Name)
			if !slices.Contains(fieldTypes, f.Type) || f.Title == "" {
				t.Errorf("resource %s field %s: type %q, title %q", r.Name, f.Name, f.Type, f.Title)
			}
		}
		for _, k := range r.Schema.PrimaryKey {
			if !slices.Contains(names, k) {
				t.Errorf("resource %s: primary key %q is no field", r.Name, k)
			}
		}
		for _, fk := range r.Schema.ForeignKeys {
			ref, ok := byName[fk.Reference.Resource]
			if !ok {
				t.Errorf("resource %s: foreign key to %q, no such resource", r.Name, fk.Reference.Resource)
				continue
			}
			for _, f := range fk.Reference.Fields {
				if !slices.ContainsFunc(ref.Schema.Fields, func(x pkgField) bool { return x.Name == f }) {
					t.Errorf("resource %s: foreign key to %s.%s, no such field", r.Name, ref.Name, f)
				}
			}
		}
		switch r.Format {
		case "csv":
			header, rows := readCSV(t, filepath.Join(dir, paths[0]))
			if !slices.Equal(header, names) {
				t.Errorf("resource %s: header %v, schema fields %v", r.Name, header, names)
				continue
			}
			keys := map[string]bool{}
			for n, row := range rows {
				for i, f := range r.Schema.Fields {
					if !parses(f.Type, row[i]) {
						t.Errorf("%s row %d: %s = %q is not a %s", paths[0], n+1, f.Name, row[i], f.Type)
					}
				}
				if len(r.Schema.PrimaryKey) > 0 {
					var k []string
					for _, pk := range r.Schema.PrimaryKey {
						k = append(k, row[slices.Index(names, pk)])
					}
					key, _ := json.Marshal(k)
					if keys[string(key)] {
						t.Errorf("%s: primary key %s repeated", paths[0], key)
					}
					keys[string(key)] = true
				}
			}
		case "parquet":
			for _, path := range paths {
				cols, _ := parquetRows(t, db, filepath.Join(dir, path), false, "1")
				if !slices.Equal(cols, names) {
					t.Errorf("resource %s file %s: columns %v, schema fields %v", r.Name, path, cols, names)
				}
			}
		}
	}
	return p
}

// parses tells whether a CSV cell is a value of a Frictionless type; an
// empty cell is the missing value.
func parses(typ, s string) bool {
	if s == "" {
		return true
	}
	var err error
	switch typ {
	case "integer":
		_, err = strconv.ParseInt(s, 10, 64)
	case "number":
		_, err = strconv.ParseFloat(s, 64)
	case "boolean":
		if s != "true" && s != "false" {
			return false
		}
	case "date":
		_, err = time.Parse("2006-01-02", s)
	case "datetime":
		_, err = time.Parse(time.RFC3339, s)
	}
	return err == nil
}

func TestDataPackageValidates(t *testing.T) {
	db := fixture(t)
	dir := write(t, db, Options{Formats: Formats, License: License{Name: "CC-BY-4.0", Path: "https://creativecommons.org/licenses/by/4.0/"}})
	p := validatePackage(t, db, dir)
	var got []string
	for _, r := range p.Resources {
		got = append(got, r.Name)
	}
	want := []string{"dataset", "reports", "checks", "dataset-parquet", "reports-parquet", "checks-parquet", "dataset-xlsx", "dictionary"}
	if !slices.Equal(got, want) {
		t.Errorf("resources %v, want %v", got, want)
	}
	if p.Licenses[0]["name"] != "CC-BY-4.0" {
		t.Errorf("licence %v, want the one given", p.Licenses)
	}
	// The default licence asserts nothing and says where to set one.
	dir = write(t, db, Options{})
	p = validatePackage(t, db, dir)
	if p.Licenses[0]["name"] != DefaultLicense.Name || p.Licenses[0]["title"] != DefaultLicense.Title {
		t.Errorf("default licence %v, want %v", p.Licenses, DefaultLicense)
	}
}
