// Package chartstest holds test support for the chart site and the
// workbooks: a real DuckDB fixture built from hand-made reports (including
// hostile agency names and blank cells), a generator of many agencies for
// scale tests, and a headless Chromium driven over the DevTools protocol
// (console errors, clicks, screenshots).
//
// It is imported only by tests.
package chartstest
