package dataset

import (
	"encoding/json"
	"io"
	"time"

	"github.com/xxgk/xxgk/queries"
)

// License is the licence of the compilation: the dataset xxgk makes from
// the reports. The reports themselves are public government documents;
// the licence of the compilation is the publisher's to choose, in
// xxgk.toml ([dataset] license) or with --license.
type License struct {
	Name  string `json:"name"`            // an SPDX or Open Definition id, e.g. CC-BY-4.0
	Path  string `json:"path,omitempty"`  // a URL of its text
	Title string `json:"title,omitempty"` // in words
}

// DefaultLicense is the licence recorded until the publisher sets one: no
// licence is asserted (SPDX NOASSERTION), and the title says where to set it.
var DefaultLicense = License{
	Name:  "NOASSERTION",
	Title: "汇编数据的许可尚未声明：发布者在 xxgk.toml 的 [dataset] license 中设置（如 CC-BY-4.0），或在 xxgk build / xxgk export 时用 --license 指定",
}

// The Data Package (Frictionless Data, https://specs.frictionlessdata.io):
// datapackage.json describes every file Write wrote, with its schema.
type dataPackage struct {
	Profile     string     `json:"profile"`
	Name        string     `json:"name"`
	Title       string     `json:"title"`
	Description string     `json:"description"`
	Created     string     `json:"created"`
	Licenses    []License  `json:"licenses"`
	Sources     []source   `json:"sources"`
	Keywords    []string   `json:"keywords"`
	XXGK        stampInfo  `json:"xxgk"`
	Resources   []resource `json:"resources"`
}

type source struct {
	Title string `json:"title"`
}

// stampInfo says what the files were made from and by what.
type stampInfo struct {
	Version   string `json:"version"`    // the xxgk version
	DataStamp string `json:"data_stamp"` // queries.DataStamp of the database read
	Filter    filter `json:"filter"`     // what was kept (empty: everything)
}

type filter struct {
	Agencies []string `json:"agencies,omitempty"`
	Years    []int    `json:"years,omitempty"`
}

type resource struct {
	Profile     string   `json:"profile"`
	Name        string   `json:"name"`
	Path        any      `json:"path"` // a string, or a list of the parts
	Title       string   `json:"title"`
	Description string   `json:"description,omitempty"`
	Format      string   `json:"format"`
	Mediatype   string   `json:"mediatype"`
	Encoding    string   `json:"encoding,omitempty"`
	Dialect     *dialect `json:"dialect,omitempty"`
	Schema      *schema  `json:"schema,omitempty"`
	Partition   []string `json:"partitioned_by,omitempty"`
}

type dialect struct {
	Delimiter   string `json:"delimiter"`
	Header      bool   `json:"header"`
	DoubleQuote bool   `json:"doubleQuote"`
}

type schema struct {
	Fields        []field      `json:"fields"`
	MissingValues []string     `json:"missingValues"`
	PrimaryKey    []string     `json:"primaryKey,omitempty"`
	ForeignKeys   []foreignKey `json:"foreignKeys,omitempty"`
}

type field struct {
	Name        string   `json:"name"`
	Title       string   `json:"title"`
	Type        string   `json:"type"`
	Description string   `json:"description"`
	Column      string   `json:"column"` // the column code: the Parquet name
	TrueValues  []string `json:"trueValues,omitempty"`
	FalseValues []string `json:"falseValues,omitempty"`
}

type foreignKey struct {
	Fields    []string  `json:"fields"`
	Reference reference `json:"reference"`
}

type reference struct {
	Resource string   `json:"resource"`
	Fields   []string `json:"fields"`
}

// The resources' titles, and the keys of the tables (as column codes).
var (
	resourceTitles = map[string]string{
		"dataset":    "可比指标长表：每行一个机关、年度、期间和指标",
		"reports":    "入库报告",
		"checks":     "核验结果",
		"dictionary": "数据字典",
	}
	primaryKeys = map[string][]string{
		"dataset": {"agency", "year", "period", "metric"},
		"reports": {"report_id"},
	}
)

const csvNote = "UTF-8（带 BOM），逗号分隔，首行为中文表头。空单元格表示空白，不是 0。" +
	"以 = + - @ 制表符、回车或撇号开头的文本前加了一个撇号（'），以免电子表格当作公式执行；程序读取时去掉文本开头的一个撇号即可还原。"

// csvResource describes a CSV file: the field names are its Chinese headers.
func csvResource(name, path string, cols []column) resource {
	r := resource{Profile: "tabular-data-resource", Name: name, Path: path, Title: resourceTitles[name],
		Description: csvNote, Format: "csv", Mediatype: "text/csv", Encoding: "utf-8",
		Dialect: &dialect{Delimiter: ",", Header: true, DoubleQuote: true}}
	r.Schema = tableSchema(name, cols, false)
	return r
}

// parquetResource describes Parquet files: the field names are the column
// codes. partition names the column held in the folder names.
func parquetResource(name string, files []string, cols []column, partition string) resource {
	r := resource{Profile: "data-resource", Name: name + "-parquet", Title: resourceTitles[name] + "（Parquet）",
		Format: "parquet", Mediatype: "application/vnd.apache.parquet"}
	r.Path = files
	if len(files) == 1 && partition == "" {
		r.Path = files[0]
	}
	if partition != "" {
		r.Partition = []string{partition}
		r.Description = "按 " + partition + " 分区（Hive 布局：" + partition + "=2020/ 目录），" + partition +
			" 一列在目录名中、不在文件中；Spark、Trino、pandas、R 和 DuckDB 把整个目录读作一张表。文本不加撇号。"
	} else {
		r.Description = "列名为字段代码，文本不加撇号。"
	}
	r.Schema = tableSchema(name, cols, true)
	return r
}

func tableSchema(name string, cols []column, codes bool) *schema {
	s := &schema{MissingValues: []string{""}}
	fieldName := func(code string) string {
		if codes {
			return code
		}
		return Header(code)
	}
	for _, c := range cols {
		f := field{Name: fieldName(c.name), Title: c.title(), Type: c.typ, Description: c.desc(), Column: c.name}
		if c.typ == "boolean" {
			f.TrueValues, f.FalseValues = []string{"true"}, []string{"false"}
		}
		s.Fields = append(s.Fields, f)
	}
	has := func(code string) bool {
		for _, c := range cols {
			if c.name == code {
				return true
			}
		}
		return false
	}
	if pk := primaryKeys[name]; len(pk) > 0 && !codes {
		ok := true
		for _, k := range pk {
			ok = ok && has(k)
		}
		if ok {
			for _, k := range pk {
				s.PrimaryKey = append(s.PrimaryKey, fieldName(k))
			}
		}
	}
	if !codes && (name == "dataset" || name == "checks") {
		s.ForeignKeys = []foreignKey{{Fields: []string{fieldName("report_id")},
			Reference: reference{Resource: "reports", Fields: []string{fieldName("report_id")}}}}
	}
	return s
}

// pkg writes datapackage.json, describing what this Write wrote.
func (w *writer) pkg() error {
	stamp, err := queries.DataStamp(w.ctx, w.db)
	if err != nil {
		return err
	}
	p := newPackage(w.o, stamp, w.written)
	return w.file(PackageFile, func(out io.Writer) error {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(p)
	})
}

func newPackage(o Options, stamp string, res []resource) dataPackage {
	return dataPackage{
		Profile: "data-package",
		Name:    "xxgk-dataset",
		Title:   "政府信息公开工作年度报告数据集",
		Description: "由 xxgk 从各级行政机关的政府信息公开工作年度报告中读出的数字：可比指标长表（2019 年前的旧表类别按对照表映射到 2019/2021 年版口径）、" +
			"入库报告和核验结果，每个数字附报告编号和原文出处。空白不是 0。字段、指标和代码见 dictionary.csv。",
		Created:  o.Now.UTC().Format(time.RFC3339),
		Licenses: []License{o.License},
		Sources: []source{{Title: "各级行政机关依《中华人民共和国政府信息公开条例》公开发布的政府信息公开工作年度报告（公开的政府文件）；" +
			"本数据集是从中摘录整理的汇编"}},
		Keywords:  []string{"政府信息公开", "年度报告", "依申请公开", "government information disclosure", "China"},
		XXGK:      stampInfo{Version: o.Version, DataStamp: stamp, Filter: filter{Agencies: o.Filter.Agencies, Years: o.Filter.Years}},
		Resources: res,
	}
}
