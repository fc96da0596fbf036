package queries

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// The named-query cache. Every named query is a pure function of the
// reports, metrics and checks tables, so its result can be stored and
// reused until those change: Run stores a query's result (and the results
// of the queries it uses) in a table query_cache_NAME the first time, and
// answers from that table while the data stamp (cache_stamp.sql) and the
// query text are unchanged. The first Run after an ingest pays for the
// refresh; the others answer from a plain table. The query text (Get) is
// unchanged and stays the definition: the cache only stores its result.
// When the database cannot be written (opened read-only), Run computes the
// result directly.

// cacheMu serialises refreshes in this process: two refreshes of the same
// table at once would conflict.
var cacheMu sync.Mutex

// script returns an embedded .sql file that is not a named query.
func script(name string) string {
	b, err := files.ReadFile(name)
	if err != nil {
		panic(fmt.Sprintf("embedded %s missing: %v", name, err)) // a build defect, not input
	}
	return string(b)
}

// cacheTable is the table holding the cached result of a named query.
func cacheTable(name string) string { return "query_cache_" + name }

// errStale is ensureCached's answer when the cache is out of date and the
// caller asked not to refresh it.
var errStale = errors.New("cache out of date")

// ensureCached brings the cached results of name and of the queries it uses
// up to date and returns the table holding name's result. With refresh
// false, a stale cache is left as it is and errStale returned.
func ensureCached(ctx context.Context, db *sql.DB, name string, refresh bool) (string, error) {
	cacheMu.Lock()
	defer cacheMu.Unlock()
	order, err := dependencyOrder(name)
	if err != nil {
		return "", err
	}
	data, err := DataStamp(ctx, db)
	if err != nil {
		return "", err
	}
	// A read-only database (a published snapshot) cannot create the
	// cache's index table but can still answer from the one it holds.
	_, initErr := db.ExecContext(ctx, script("cache_init.sql"))
	stored := map[string]string{}
	rows, err := db.QueryContext(ctx, script("cache_read.sql"))
	if err != nil {
		if initErr != nil {
			err = initErr
		}
		return "", fmt.Errorf("cache: %w", err)
	}
	for rows.Next() {
		var n, s string
		if err := rows.Scan(&n, &s); err != nil {
			rows.Close()
			return "", fmt.Errorf("cache: %w", err)
		}
		stored[n] = s
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return "", fmt.Errorf("cache: %w", err)
	}
	var stale []string
	stamps := map[string]string{}
	for _, n := range order {
		q, _ := Get(n)
		// The full text covers the queries n uses, so a change in one of
		// them makes n stale too.
		sum := sha256.Sum256([]byte(q.SQL))
		stamps[n] = data + "|" + hex.EncodeToString(sum[:8])
		if stored[n] != stamps[n] {
			stale = append(stale, n)
		}
	}
	if len(stale) == 0 {
		return cacheTable(name), nil
	}
	if !refresh {
		return "", errStale
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return "", fmt.Errorf("cache: %w", err)
	}
	defer tx.Rollback()
	for _, n := range stale {
		text, err := cachedText(n)
		if err != nil {
			return "", err
		}
		if _, err := tx.ExecContext(ctx, "CREATE OR REPLACE TABLE "+cacheTable(n)+" AS\n"+text); err != nil {
			return "", fmt.Errorf("cache %s: %w", n, err)
		}
		if _, err := tx.ExecContext(ctx, script("cache_record.sql"), n, stamps[n]); err != nil {
			return "", fmt.Errorf("cache %s: %w", n, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return "", fmt.Errorf("cache: %w", err)
	}
	return cacheTable(name), nil
}

// DataStamp is the stamp of the data the named queries read (reports and
// checks, cache_stamp.sql): equal stamps, equal results. A build records
// the stamp of the data it was made from.
func DataStamp(ctx context.Context, db *sql.DB) (string, error) {
	var data string
	if err := db.QueryRowContext(ctx, script("cache_stamp.sql")).Scan(&data); err != nil {
		return "", fmt.Errorf("cache stamp: %w", err)
	}
	return data, nil
}

// CacheStamps lists the cached named-query results of db with the data
// stamp each was computed for ("name=stamp,…" in name order, "" when
// nothing is cached): two copies of a database with equal data stamps and
// equal cache stamps answer every named query alike.
func CacheStamps(ctx context.Context, db *sql.DB) (string, error) {
	var n int
	if err := db.QueryRowContext(ctx, script("cache_exists.sql")).Scan(&n); err != nil {
		return "", fmt.Errorf("cache stamps: %w", err)
	}
	if n == 0 {
		return "", nil
	}
	rows, err := db.QueryContext(ctx, script("cache_read.sql"))
	if err != nil {
		return "", fmt.Errorf("cache stamps: %w", err)
	}
	defer rows.Close()
	var all []string
	for rows.Next() {
		var name, stamp string
		if err := rows.Scan(&name, &stamp); err != nil {
			return "", fmt.Errorf("cache stamps: %w", err)
		}
		all = append(all, name+"="+stamp)
	}
	if err := rows.Err(); err != nil {
		return "", fmt.Errorf("cache stamps: %w", err)
	}
	slices.Sort(all)
	return strings.Join(all, ","), nil
}

// cachedText is the text of a named query whose used queries are read from
// their cache tables (already fresh: they come first in dependency order).
func cachedText(name string) (string, error) {
	loadCatalog()
	src, ok := sources[name]
	if !ok {
		return "", fmt.Errorf("cache %s: no such query", name)
	}
	if len(src.uses) == 0 {
		return src.body, nil
	}
	ctes := make([]string, len(src.uses))
	for i, u := range src.uses {
		ctes[i] = fmt.Sprintf("%s AS (SELECT * FROM %s)", u, cacheTable(u))
	}
	return prependCTEs(src.body, ctes, ", "), nil
}

// usesCached returns the text of a query that is not cached itself (`--
// cache: no`) with the queries it uses read from their cache tables, once
// those are fresh (refreshed first when refresh is set); "" when it uses
// none. An error means a used cache is stale or cannot be written (a
// read-only database): the caller computes from the full text instead.
func usesCached(ctx context.Context, db *sql.DB, name string, refresh bool) (string, error) {
	loadCatalog()
	src := sources[name]
	if len(src.uses) == 0 {
		return "", nil
	}
	for _, u := range src.uses {
		if _, err := ensureCached(ctx, db, u, refresh); err != nil {
			return "", err
		}
	}
	return cachedText(name)
}

// dependencyOrder lists name and the queries it uses, transitively, each
// after the queries it uses.
func dependencyOrder(name string) ([]string, error) {
	loadCatalog()
	var order []string
	seen := map[string]bool{}
	var visit func(n string) error
	visit = func(n string) error {
		if seen[n] {
			return nil
		}
		seen[n] = true
		src, ok := sources[n]
		if !ok {
			return fmt.Errorf("no such query %q", n)
		}
		for _, u := range src.uses {
			if err := visit(u); err != nil {
				return err
			}
		}
		order = append(order, n)
		return nil
	}
	return order, visit(name)
}

// Refresh brings the cached result of every named query up to date, so the
// Runs that follow answer from plain tables. Run refreshes what it needs by
// itself; an ingest may call Refresh at its end so the first chart page or
// workbook does not pay for it.
func Refresh(ctx context.Context, db *sql.DB) error {
	for _, q := range List() {
		if sources[q.Name].noCache {
			continue
		}
		if _, err := ensureCached(ctx, db, q.Name, true); err != nil {
			return fmt.Errorf("refresh %s: %w", q.Name, err)
		}
	}
	return nil
}
