// Package extract is the extraction dispatcher: it runs normalisation,
// identification, the table and prose extractors and the checks on one read
// Document and maps their results onto one Report. It does no I/O.
package extract
