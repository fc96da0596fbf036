package report

// Facts are what a report's text says about the report itself, for grading
// it: which required parts print their heading, and a fingerprint of its
// prose for finding copied text. They are a pure function of the text and
// the identity (etl/grade computes them at extraction); everything that
// compares reports with each other is computed later, over the database.
type Facts struct {
	// Version is the fingerprint scheme (etl/grade.Version): sentences are
	// compared only between reports of the same version.
	Version string
	// Parts are the codes of the report parts whose heading the text
	// prints at the top level ("一、…", "第一部分"): overview, proactive,
	// applications, review, fees, problems, other; in the order of the
	// text, each once.
	Parts []string
	// SubParts are the codes of the parts whose heading the text prints
	// only one level down ("（一）…"), e.g. the 主动公开 subsection of a
	// 2021 report's 总体情况, which is not the form's 主动公开 table.
	SubParts []string
	// Sentences are the report's content sentences: prose with numbers,
	// dates and the agency's own names masked, the national form's fixed
	// text and table rows left out.
	Sentences []Sentence
	// MinHash is a MinHash signature of the set of sentence hashes, nil
	// when the report has too few sentences to compare.
	MinHash []uint32
}

// Sentence is one content sentence: the hash of its masked text and where
// it is in the document's original text (byte offsets, as Provenance).
type Sentence struct {
	Hash       uint64
	Start, End int
}
