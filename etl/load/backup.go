package load

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/xxgk/xxgk/internal/atomicout"
)

// BackupPath is where the database at dbPath is copied before its schema
// version from is migrated: one backup per old version, beside it. For a
// working copy, dbPath is the published database it belongs to.
func BackupPath(dbPath string, from int) string {
	return fmt.Sprintf("%s.schema-v%d.bak", dbPath, from)
}

// backup copies the database file, at schema version from, to BackupPath
// before a migration changes it: a migration is one transaction, but one
// that runs and is wrong (or a binary rolled back afterwards) needs the
// data as it was. The write-ahead log is checkpointed into the file first,
// so the file alone is the whole database; the copy is written under a
// temporary name, synced and renamed, so a backup is never half written.
func (s *Store) backup(ctx context.Context, from int) error {
	if _, err := s.db.ExecContext(ctx, "CHECKPOINT"); err != nil {
		return fmt.Errorf("backup before migrating: checkpoint: %w", err)
	}
	src, err := os.Open(s.path)
	if err != nil {
		return fmt.Errorf("backup before migrating: %w", err)
	}
	defer src.Close()
	// A working copy's backup is named after its published database,
	// where users look for it (out/xxgk.duckdb.schema-v1.bak).
	name := s.path
	if s.published != "" {
		name = s.published
	}
	dst := BackupPath(name, from)
	if err := atomicout.File(dst, true, func(w io.Writer) error {
		_, err := io.Copy(w, src)
		return err
	}); err != nil {
		return fmt.Errorf("backup before migrating to %q: %w", dst, err)
	}
	return nil
}
