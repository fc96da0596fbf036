package report

// Document is what a reader got out of one file: the decoded original text,
// with tables laid out as pipe rows ("| a | b | c |") when the source had
// real tables (HTML, docx, xlsx). Provenance offsets point into Text.
type Document struct {
	Path     string
	Format   string // txt, html, docx, pdf, xlsx, doc
	Encoding string // the encoding the bytes were decoded from
	Hash     string // hex SHA-256 of the file's bytes: the report's identity
	Size     int64
	Text     string
	// Meta is what a web page says about itself in its head, empty for
	// other formats.
	Meta Meta
	// Supplied is what an operator knows about the file (a manifest row or
	// a sidecar), set by the caller before extraction.
	Supplied Supplied
}

// Meta holds the page metadata the 政府网站发展指引 makes every government
// site carry, as printed (not normalised).
type Meta struct {
	Title         string `json:"title,omitempty"`          // <title>
	ArticleTitle  string `json:"article_title,omitempty"`  // <meta name="ArticleTitle">
	SiteName      string `json:"site_name,omitempty"`      // <meta name="SiteName">: the host site
	ColumnName    string `json:"column_name,omitempty"`    // <meta name="ColumnName">
	PubDate       string `json:"pub_date,omitempty"`       // <meta name="PubDate">
	ContentSource string `json:"content_source,omitempty"` // <meta name="ContentSource">: 来源
}

// Supplied is what an operator supplied about one file; any field may be
// empty. An operator's Agency overrides the text's evidence.
type Supplied struct {
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Agency    string `json:"agency,omitempty"`
	Year      int    `json:"year,omitempty"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD
	// Origin is the manifest or sidecar file it came from.
	Origin string `json:"origin,omitempty"`
}

// IsZero reports whether nothing was supplied.
func (s Supplied) IsZero() bool {
	return s.URL == "" && s.Title == "" && s.Agency == "" && s.Year == 0 && s.Published == ""
}
