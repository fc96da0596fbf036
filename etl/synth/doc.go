// Package synth generates realistic, labelled synthetic annual reports
// (政府信息公开工作年度报告) for tests and benchmarks: one report per agency and
// year, in the form of its year (table2021 from 2021, table2019 for 2019–2020,
// the legacy 统计表 or prose for 2014–2018, prose before that), laid out the
// ways real reports are (one cell per line, pipe rows, HTML tables), with
// prose in varied phrasing and the traps real reports hold (累计 since
// inception, other years' figures, 法律援助案件, percentages, phone and
// document numbers).
//
// Agencies are named from the real administrative-division data
// (etl/detect/divisions): provinces, cities and counties × kinds of agency
// (人民政府, 司法局, 公安局, 统计局...), and township governments. Figures are
// plausible for the agency's level and kind, and consistent from year to
// year (上年结转 is last year's 结转下年度; 2019-form project counts and 2021-form
// 现行有效 stocks carry over). Reports also carry the habits of the pages they
// were copied from: blank, "/" or "-" cells, stray spaces, full-width digits,
// wrapped headers, PDF-like line breaks in prose.
//
// Every report comes with a label in the exchange format that
// tools/score.py reads: only figures that are printed are labelled (a blank
// cell or a sum the report does not print is not), and a controlled fraction
// of table reports (2019/2021 tables and the legacy 统计表) carries an injected
// accounting-identity break (I1–I4, L1–L6, and I5 across years: a restated
// 上年结转), listed under "breaks" in the label.
// score.py only pairs labels with NAME.txt; Compare scores HTML reports too.
//
// With a copy rate (Config.CopyRate, `xxgk gen --copies`) a share of the
// annual reports print the prose of the agency's previous report or of
// another agency of the same level and kind, with their own names and
// figures, labelled under "copy" (copies.go); every other report is the
// same as without copies.
//
// Generation is deterministic: the same seed, agency count and years give
// byte-identical files, whatever the number of workers, because each agency
// draws from its own PCG stream seeded by (seed, agency index).
//
// synth does not read reports, extract figures or check identities; it only
// writes what a real agency might have published.
package synth
