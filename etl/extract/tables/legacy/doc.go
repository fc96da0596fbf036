// Package legacy reads the pre-2019 statistical table (《政府信息公开情况统计表》,
// 国办发〔2014〕32号, and the provincial tables before it): one column of
// indicators, each with its unit and figure. Indicators are recognised by
// label, within the section that gives them meaning (维持具体行政行为数 is a
// review figure under 行政复议 and a litigation figure under 行政诉讼).
//
// Local tables with cumulative columns (本年累计, 历年累计) are not read as
// annual figures: only the first figure column is taken, and a table whose
// header names a cumulative column first is skipped.
package legacy
