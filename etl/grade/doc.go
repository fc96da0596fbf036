// Package grade computes what a report's own text says about its quality,
// at extraction time, as report.Facts: which parts the national forms and
// the 2008 text require print their heading (Parts, SubParts), and a
// fingerprint of its prose for finding copied text (Sentences, MinHash).
//
// A sentence is compared by the hash of its masked text: Arabic numbers
// (with their decimal points and percent signs) become one mark, so a text
// copied with this year's figures is still the same text; the agency's own
// names (its full name, its places, its province and city) become another,
// so a text copied from another agency with the name replaced is still the
// same text; punctuation and spaces are dropped, and item numbers at the
// start ("（一）", "1.", "三、") are cut. What the national form makes every
// report print — its headings and table labels (boilerplate.txt) — and
// table rows are not sentences, nor is anything with fewer than ten Han
// characters: they would make reports alike for following the same form.
// A line of prose broken by a PDF's layout joins the next line.
//
// MinHash is a 64-value MinHash signature of the set of sentence hashes:
// the share of equal values estimates the Jaccard similarity of two
// reports' sentence sets, and bands of it let the queries find candidate
// pairs without comparing all pairs (queries/similarity.sql). The unit of
// the set is the sentence, not a run of characters: stock phrases are
// shared by nearly every report, whole sentences by copies.
//
// The package compares nothing: everything across reports (last year's
// report, the peer group, sentences many agencies print) is computed by
// the named queries over the stored facts. It reads no figures and does
// no I/O.
package grade
