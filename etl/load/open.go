package load

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// catalog is the name the database file is attached under in each
// connection; every statement runs against it (USE).
const catalog = "xxgk"

// connect opens the DuckDB file at path as a file name, whatever its
// characters: a DSN would read "?" as the start of options and "%" as an
// escape, and open (and lock) another file than the one named. The
// driver's connector opens an in-memory instance that attaches the file by
// its absolute path, quoted as a SQL string, and makes it the default
// catalog of every connection.
//
// Two opens of one file in one process share one instance, as the
// driver's own cache would: two instances attaching the same file would
// each believe they own it.
func connect(path string, readOnly bool) (*sql.DB, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	instances.Lock()
	defer instances.Unlock()
	inst := instances.m[abs]
	if inst == nil {
		if err := checkFolder(abs); err != nil {
			return nil, err
		}
		attach := "ATTACH IF NOT EXISTS " + sqlString(abs) + " AS " + catalog
		if readOnly {
			attach += " (READ_ONLY)"
		}
		c, err := duckdb.NewConnector("", func(e driver.ExecerContext) error {
			_, err := e.ExecContext(context.Background(), attach+"; USE "+catalog, nil)
			return err
		})
		if err != nil {
			return nil, err
		}
		inst = &instance{key: abs, conn: c, readOnly: readOnly}
		instances.m[abs] = inst
	} else if inst.readOnly && !readOnly {
		return nil, errors.New("already open read-only in this process")
	}
	inst.refs++
	return sql.OpenDB(&sharedConnector{inst: inst}), nil
}

// instances are the open DuckDB instances of this process, by file.
var instances = struct {
	sync.Mutex
	m map[string]*instance
}{m: map[string]*instance{}}

type instance struct {
	key      string
	conn     *duckdb.Connector
	readOnly bool
	refs     int
}

// sharedConnector hands out connections of a shared instance; closing the
// last *sql.DB that uses it closes the instance, which checkpoints and
// releases the file.
type sharedConnector struct {
	inst   *instance
	closed sync.Once
}

func (c *sharedConnector) Connect(ctx context.Context) (driver.Conn, error) {
	return c.inst.conn.Connect(ctx)
}

func (c *sharedConnector) Driver() driver.Driver { return c.inst.conn.Driver() }

func (c *sharedConnector) Close() error {
	var err error
	c.closed.Do(func() {
		instances.Lock()
		defer instances.Unlock()
		c.inst.refs--
		if c.inst.refs == 0 {
			delete(instances.m, c.inst.key)
			err = c.inst.conn.Close()
		}
	})
	return err
}

// checkFolder refuses a database whose folder name holds a "?": DuckDB
// names its write-ahead log by inserting ".wal" before the first "?" of
// the (symlink-resolved) path, meant for URLs, so the log of such a file
// would go to a folder that does not exist and the first commit would
// fail. A "?" in the file name itself only renames the log beside it
// ("a?b.duckdb" logs to "a.wal?b.duckdb").
func checkFolder(abs string) error {
	if dir := filepath.Dir(abs); strings.Contains(dir, "?") {
		return fmt.Errorf("the folder %q has a \"?\" in its name, where DuckDB cannot keep its log: "+
			"put the database in another folder (a \"?\" in the file name is fine)", dir)
	}
	return nil
}

// sqlString quotes s as a SQL string literal.
func sqlString(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// openDB connects and checks that the file opens: DuckDB attaches it on
// the first connection, where a lock held by another process or a file
// that is not a database shows.
func openDB(ctx context.Context, path string, readOnly bool) (*sql.DB, error) {
	db, err := connect(path, readOnly)
	if err != nil {
		return nil, err
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// OpenReadOnly opens the existing DuckDB file at path read-only: the
// published snapshot, a database on a read-only mount or a file without
// write permission. It is attached by name like every open (see connect),
// its schema is checked, never migrated, and nothing is written; named
// queries whose cache is stale are computed from their text. A file that
// is missing is an error, not a new database. No temporaries are made or
// removed: only writers, holding the run lock, clean (see Lock).
func OpenReadOnly(ctx context.Context, path string) (*Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("open database %q: %w", path, err)
	}
	db, err := openDB(ctx, path, true)
	if err != nil {
		return nil, fmt.Errorf("open database %q: %w", path, err)
	}
	s := &Store{db: db, path: path, readOnly: true}
	if _, _, err := s.versions(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %q: %w", path, err)
	}
	return s, nil
}
