// Package detect identifies a normalised report: whether it is an annual
// disclosure report at all, who published it (agency, with its level,
// province and city from the divisions dataset), which year and period it
// covers, when it was published, and the form its layout follows. It reads
// no figures; that is the extractors' job.
//
// Is it a report: a scored decision over the text (isreport.go). A title
// naming a report, the report's framing (年度报告, 本报告, 报告如下), its
// sections, the national tables' vocabulary, a statistics period and a
// disclosure subject add points; a title naming another kind of document
// (通知, 工作总结, 工作要点, 统计公报, 政府工作报告) or news about a report refuses
// it unless the report's own structure shows below it (a notice wrapping the
// report), and a page of links refuses it. The refusal names what was
// missing.
//
// Who published it: evidence, not a cascade (evidence.go, decide.go). Every
// name the text, its page (meta tags) and its operator (manifest, sidecar)
// offer is gathered with its source and role — describing the reporter
// (title, the line by it, the page's title, an author phrase, the opening
// sentence's subject, the signature, the government whose bodies' reports it
// compiles), supporting it (header fields, body text), or merely mentioned
// (contact line, host site, supervisor, compiled-from list) — and scored
// per body. A body is chosen only when no other the report describes comes
// near; a name without its place (市司法局, 我局) only says what kind of
// body the reporter is, and is completed from the one qualified body of that
// kind the text names, or the one place of its level it names more than
// once. Otherwise the report is unidentified, with its candidates listed.
// An operator's agency overrides the text. Canonical names expand the short
// forms of shortforms.go and the abbreviated and renamed places of the
// divisions package; the printed spellings are kept as aliases.
//
// Which year: an operator's year, the title's, the statistics period's, the
// year the body speaks of, or — marked inferred — the year before the
// publication date (from the text, the page or its address). A report with
// no year at all gets Year 0 and YearSource "unknown": its figures are read,
// and ingest and load refuse to store it (ErrNoYear), never as year 0.
package detect
