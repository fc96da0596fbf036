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
}
