// Package roundtrip holds the end-to-end test of extraction against the
// synthetic corpus: generate labelled reports, read and extract them with the
// real pipeline, and score the figures and the injected identity breaks. It
// has no code of its own; it lives apart from package synth so the
// generator's unit tests do not depend on the extractors.
package roundtrip
