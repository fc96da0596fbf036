// Package charts renders the static chart site: an overview of trends,
// rankings and outcome mixes, one page per agency with the source sentence
// behind every figure, a method page and a data-quality page listing every
// failed accounting identity.
//
// Pages read only named queries (package queries), never their own SQL. Chart
// options are built with go-echarts and embedded as HTML-escaped JSON in this
// package's own zh-CN templates; the ECharts script is vendored in assets/ and
// written beside the pages, so the site works offline from a folder. The site
// is built in a temporary folder next to its target and swapped in by rename,
// so a reader never sees a half-built site.
//
// It does not compute figures: ratios, ranks and trust scores come from the
// queries; a NULL stays blank ("—"), never 0.
package charts
