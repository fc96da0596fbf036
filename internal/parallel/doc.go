// Package parallel runs independent pieces of an output build (one page or
// one workbook per agency) on all cores, stopping at the first error.
package parallel
