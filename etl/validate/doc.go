// Package validate checks a report's accounting identities: the flow the
// application table states (I1), the outcome sum (I2), the row sums (I3), the
// review and litigation totals (I4), the legacy table's sums (L1–L6), prose
// against table (P1), and, across two years of one agency, the carry-over and
// the stock of rules in force (I5, S1).
//
// Each check is PASS, FAIL or NOT_ASSESSABLE (a needed cell is blank or
// missing); nothing is guessed and blank is never read as zero. A check never
// changes or drops a figure: a report that breaks an identity is stored as
// printed with its failures listed.
package validate
