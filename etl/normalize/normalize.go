package normalize

// STUB: replaced by the normalisation work (issue 4). The API is the contract.

// Text is a report's text after normalisation, with a map back to the
// original so provenance can quote the original text.
type Text struct {
	Orig string // the decoded original text
	Norm string // simplified, half-width, pinyin-free, whitespace-folded
}

// New normalises orig.
func New(orig string) *Text { return &Text{Orig: orig, Norm: orig} }

// OrigSpan maps a byte span of Norm onto the byte span of Orig it came from.
func (t *Text) OrigSpan(start, end int) (int, int) { return start, end }

// Quote returns the original text behind a span of Norm, with its original offsets.
func (t *Text) Quote(start, end int) (string, int, int) {
	s, e := t.OrigSpan(start, end)
	return t.Orig[s:e], s, e
}
