// Package normalize turns a document's decoded text into the text the
// detectors and extractors match against: Simplified Chinese, half-width
// digits, letters and punctuation, no pinyin glosses, folded whitespace.
//
// Every byte of the normalised text maps back to the original, so a figure
// found in Norm can be quoted exactly as printed (see Text.Quote). The
// package does no I/O and knows nothing about report layouts.
//
// Traditional → Simplified conversion uses OpenCC's own dictionaries,
// vendored under opencc/ (see opencc/README.md), with a greedy longest-match
// converter equivalent to OpenCC's t2s configuration.
package normalize
