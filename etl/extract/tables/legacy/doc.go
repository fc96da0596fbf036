// Package legacy reads the pre-2019 statistical table (《政府信息公开情况统计表》,
// 国办发〔2014〕32号, and the provincial tables before it): one column of
// indicators, each with its unit and figure. Indicators are recognised by
// label, within the section that gives them meaning (维持具体行政行为数 is a
// review figure under 行政复议 and a litigation figure under 行政诉讼).
//
// Only the first figure after an indicator (and its unit cell) is taken:
// local tables print a cumulative column (历年累计, 本年累计) after the
// period's own figure, never before it. Fewer than three indicators with a
// figure are not taken for a table.
package legacy
