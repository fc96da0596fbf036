package detect

// Placed is what a name alone says of the body it names, as identification
// stores it for a report: the canonical name, its level (province, city,
// county, township; "" for a national body or a name the divisions do not
// place) and the province and city it lies in.
type Placed struct {
	Agency, Level, Province, City string
}

// Place reads a body's name the way identification reads an operator's
// (report.Supplied.Agency): in its canonical form when it parses as a
// qualified name, placed by the divisions. ok is false when it does not
// parse as one; Placed then holds the name as given and nothing else. A
// human correction of a report's agency (etl/correct) files the report by
// it, so peer groups, pages and workbooks place it as if it had been read.
func Place(name string) (p Placed, ok bool) {
	a, ok := canonical(normText(name), newCtx(""))
	if !ok || !a.placed {
		return Placed{Agency: name}, false
	}
	return Placed{Agency: a.name, Level: a.level, Province: a.province, City: a.city}, true
}
