// Package manifest reads what an operator knows about the files of a
// corpus: the page address, title, agency, year and publication date a
// crawler kept for each report. A manifest is one file for a whole corpus
// (`xxgk ingest --manifest FILE`), in CSV with a header row or in JSON
// lines, with the columns path, url, title, agency, year and published, any
// of which may be empty. A sidecar is one JSON object beside one report,
// NAME.meta.json next to NAME.html (or NAME.html.meta.json), with the same
// fields but path.
//
// What an operator supplies is evidence for identification (etl/detect):
// the url's date and the title count like the page's own; an agency or a
// year overrides the text's and is recorded as the operator's. The package
// reads no reports and decides nothing.
package manifest
