// Package charts renders the static research site: overview pages (one per
// year, the default year being the latest one most agencies reported) with
// a coverage heatmap, rates of all agencies and rankings within peer groups
// (level × kind of body) with their n; a list of agencies; one page per
// agency with its reports, trends (or figure cards when it has fewer than
// three years), half-year figures, rates with their n, peer comparison
// (only with at least five peers), trust and failed checks; a source page
// per stored report with its text and every stored figure marked on its
// span; a method page (the crosswalk, the ratios, the table of kinds) and a
// data-quality page (failed checks as sentences, every kind of finding of
// the quality query, names kept out of rankings, failed ingests, trust).
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
