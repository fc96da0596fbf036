// Package synth generates realistic, labelled synthetic annual reports
// (政府信息公开工作年度报告) for tests and benchmarks: one report per agency and
// year, in the form of its year (table2021 from 2021, table2019 for 2019–2020,
// the legacy 统计表 or prose for 2014–2018, prose before that), laid out the
// ways real reports are (one cell per line, pipe rows, HTML tables), with
// prose in varied phrasing and the traps real reports hold (累计 since
// inception, other years' figures, 法律援助案件, percentages, phone and
// document numbers).
//
// Every report comes with a label in the exchange format that
// tools/score.py reads: only figures that are printed are labelled (a blank
// cell or a sum the report does not print is not), and a controlled fraction
// of table reports carries an injected accounting-identity break, listed
// under "breaks" in the label.
//
// Generation is deterministic: the same seed, agency count and years give
// byte-identical files, whatever the number of workers, because each agency
// draws from its own PCG stream seeded by (seed, agency index).
//
// synth does not read reports, extract figures or check identities; it only
// writes what a real agency might have published.
package synth
