// Package labels is the one table of words a reader sees for the codes of
// xxgk: periods (全年, 上半年), levels (省级 … 乡级), forms, where a figure
// was read, kinds of value and why a cell is blank (未报告, 不适用, 该年无报告,
// 旧表无此项), check statuses and rules, the confidence of the crosswalk,
// reasons a seen figure was not stored, kinds of data-quality finding, the
// comparable metrics with their units and sections, the ratios with their
// formulas, the units and clean labels of every raw key of spec/metrics.tsv,
// and the reading mechanisms. The chart site, the workbooks and the command
// line's report output all name codes through it, so a code reads the same
// everywhere; the database and the exchange format keep the codes.
//
// The table is labels.tsv, embedded: one line per code (domain, code, label,
// then what the domain needs). Adding a code is one line. A code that is not
// in the table is never shown raw: each domain has a fallback phrase
// (domain "fallback"), so a rule or mechanism code added by a reader before
// it is named here still reads as Chinese.
//
// Check turns an accounting identity or a quality finding (rule, scope,
// expected, actual, detail) into a Chinese sentence with its figures, e.g.
// 「总计列：本年新收与上年结转之和（12）不等于办理结果总计与结转下年度之和（10）」.
//
// It does not classify agencies (etl/load's kinds of body do) and holds no
// figures.
package labels
