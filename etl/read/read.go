package read

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"time"

	"github.com/xxgk/xxgk/etl/report"
)

// STUB: replaced by the readers work (issue 5). The API is the contract.

// Limits bound what one file may cost.
type Limits struct {
	MaxBytes        int64         // file size
	MaxDecompressed int64         // bytes unpacked from a docx/xlsx
	Timeout         time.Duration // per file, for external tools
}

// DefaultLimits are the documented defaults.
func DefaultLimits() Limits {
	return Limits{MaxBytes: 50 << 20, MaxDecompressed: 200 << 20, Timeout: 60 * time.Second}
}

// File reads one file into a Document, choosing the decoder by content.
func File(ctx context.Context, path string, lim Limits) (*report.Document, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %q: %w", path, err)
	}
	h := sha256.Sum256(b)
	return &report.Document{Path: path, Format: "txt", Encoding: "utf-8", Hash: hex.EncodeToString(h[:]), Size: int64(len(b)), Text: string(b)}, nil
}

// Walk expands files and folders (recursively) into the files to read, in a
// stable order. Hidden files and folders are skipped.
func Walk(paths []string) ([]string, error) { return paths, nil }
