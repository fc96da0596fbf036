// Package charts renders the static research site: overview pages (one per
// year, the default year being the latest one most agencies reported) with
// a coverage heatmap, rates of all agencies and rankings within peer groups
// (level × kind of body) with their n; a list of agencies; one page per
// agency with its reports, trends (or figure cards when it has fewer than
// three years), half-year figures, rates with their n, peer comparison
// (only with at least five peers), trust, failed checks and the grades of
// its reports (report_quality: timeliness, completeness, checks, copying,
// score and rank in the peer group; the overview ranks them per peer
// group); a source page per stored report with its text, every stored
// figure marked on its span, its grades, its checks as sentences
// (consistency) and the sentences it repeats from last year's report or a
// peer's underlined (repeated_sentences); a method page (the crosswalk, the
// ratios, the table of kinds) and a data-quality page (failed checks as sentences, every kind of finding of
// the quality query, names kept out of rankings, failed ingests, trust).
//
// The explorer (explorer.html, explorer.go) lets a reader pick agencies
// (by name, province, city, level, kind, or a whole peer group), metrics
// (grouped by the report's sections) and years, and shows a sortable table
// and charts (lines for a few agencies, small multiples for many), every
// number linked to its source; the selection lives in the address. Its
// data are plain scripts, an index of agencies and one file per province
// (at most ShardAgencies agencies each), loaded only for the agencies
// chosen. A page per comparable metric and rate (metrics/CODE.html,
// metrics.go) shows its distribution by year, peer-group medians, the
// agencies at both ends with n, a year-over-year heatmap and its
// definition; its figures come from the named queries metric_distribution
// and metric_extremes. A downloads page links the workbooks.
//
// Every table and chart has a CSV download, made in the browser from the
// page (site.js; a Blob works from file://): UTF-8 with a byte-order mark,
// Chinese headers with units, blanks left empty, approximate and mapped
// figures marked in columns of their own, and text that a spreadsheet
// would run as a formula (= + - @ first) escaped with a leading
// apostrophe, as the dataset export does. The explorer downloads exactly
// its selection, an agency-year a row.
//
// Every number links to its source: table cells, chart points and ranking
// bars open the source page with the figure's span (or, for a figure summed
// or mapped from several, every part) highlighted. Source pages load their
// report's data as a plain <script> (sources/AB/ID.js) so the site works
// from file://, and agency pages copy no source text. The text and figures
// in that file are packed (gzip, base64; the browser inflates them with
// DecompressionStream): the report texts are the bulk of a site, and packed
// they take about 0.8 of their own size instead of 1.6. Everything a reader
// sees is named through queries/labels, in Chinese; codes stay in the
// database.
//
// Pages read only named queries (package queries), never their own SQL.
// Chart options are built here as HTML-escaped JSON and drawn by the
// vendored ECharts script (assets/), written beside the pages, so the site
// works offline. The site is built in a temporary folder next to its target
// and swapped in by rename, so a reader never sees a half-built site.
//
// It does not compute figures: ratios, ranks and trust scores come from the
// queries (medians of a peer group's figures on the overview aside); a NULL
// stays blank ("—"), never 0.
package charts
