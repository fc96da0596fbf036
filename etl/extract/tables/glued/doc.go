// Package glued recovers the national tables from text whose cells lost
// their separators: a crawler's HTML-to-text that dropped the cell
// boundaries prints "规章000" for a row of three cells, a 2021 application
// row as "一、本年新收政府信息公开申请数量640020470", and the review table as
// one run of fifteen cells (real-variants.md item 21).
//
// Only the table's own structure and arithmetic can split such a run. A
// table is recognised by its row labels in the form's order, each followed
// by a run of digits (with signs, decimals, blank marks "/" "-" "—" and
// money units where the column allows them); labels may have lost their
// numbering or gained spaces. Each run is then split into the row's cells
// by a search over the splits its column grammar allows (a cell is "0" or
// has no leading zero; signs only in 本年增/减; decimals and units only in
// amounts) and, across the whole table at once, the identities of the form
// (domain.md §2): I3 row sums, I4 review and litigation totals, I2 outcome
// totals and I1 flows per column. The legacy 统计表 has one figure a row, so
// its glued rows (label, unit, figure) need no split; a numbering glued onto
// the figure before it ("件121.当面申请数") is given back to its row.
//
// A cell on which every consistent split agrees is stored, its provenance
// saying it came from a glued run (Rule "table.glued") and which identities
// fixed it (Note). A cell on which consistent splits disagree is left out
// and reported as a report.Ambiguity with reason "split" listing the
// readings; a row no consistent split fits gives nothing and an Ambiguity
// "no_split"; a search that hits its bound (steps, readings, time) gives an
// Ambiguity "bound". Nothing is guessed.
//
// When the printed figures break a column identity, no split of the whole
// table satisfies every identity; the identities are then relaxed in a fixed
// order (I2 kept without I1, I1 without I2, then the rows' own identities
// only), and the first level that some split satisfies is used. The same
// semantics are implemented independently by etl/synth (glued.go), which
// labels only the cells they determine.
//
// Read costs next to nothing on a report without glued rows: it looks only
// at the few tokens that end in a run of digits right after a Chinese
// character (or are very long lines) before any matching or search.
package glued
