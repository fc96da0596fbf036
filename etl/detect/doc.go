// Package detect identifies a normalised report: who published it (agency,
// with its level, province and city from the divisions dataset), which year
// and period it covers, when it was published, and the form its layout
// follows. It rejects texts that are not annual reports. It reads no figures;
// that is the extractors' job.
package detect
