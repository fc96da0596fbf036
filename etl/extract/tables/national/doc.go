// Package national reads the tables of the national report formats: the 2019
// form (国办公开办函〔2019〕60号, report years 2019–2020) and the 2021 form
// (国办公开办函〔2021〕30号, report years 2021 on). Both print an Article 20
// table, a 7-column application table and a 15-cell review and litigation
// table; they differ in the Article 20 columns and in the （六）其他处理 rows.
//
// Rows and columns are found by their labels, never by position alone: a
// value is placed by its position only inside a row whose label, and a table
// whose header, was recognised. The tables are read in the clothes real
// copies give them: labels pasted over two lines, a header repeated after a
// page break (and a row cut by one), headers printed vertically one
// character a line, header rows printed as one line of words apart by single
// spaces (a PDF text layer: "商业企业 科研机构 …", "结果 维持 结果 纠正 …"),
// a group label merged into the cell of its first row ("三、本年度办理结果
// （一）予以公开": the row is the last label), spanned cells repeated. A row whose cells do not fit its
// columns is left out and recorded as ambiguous; a row with one figure too
// many (a stray page number) is settled by its row sum only when exactly one
// reading adds up. The package does not check identities
// (etl/validate does) and reads no prose.
package national
