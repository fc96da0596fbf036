-- Records why a line of the corrections file did nothing at this apply.
UPDATE corrections SET stale = ? WHERE seq = ?
