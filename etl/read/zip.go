package read

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
)

// openZip opens an Office archive and refuses a zip bomb before any entry
// is unpacked: the declared sizes of all entries must fit in limit. The
// declared sizes can lie, so openEntry also counts the bytes really read.
func openZip(raw []byte, kind string, limit int64) (*zip.Reader, *budget, error) {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, nil, fmt.Errorf("corrupt %s: %w", kind, err)
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if limit > 0 && total > uint64(limit) {
			return nil, nil, bombError(limit)
		}
	}
	return zr, &budget{left: limit, limit: limit}, nil
}

// bombError is the error of an archive that unpacks past limit.
func bombError(limit int64) error { return &bombErr{limit} }

type bombErr struct{ limit int64 }

func (e *bombErr) Error() string {
	return fmt.Sprintf("zip expands past %s limit (--max-decompressed)", FormatSize(e.limit))
}

func isBomb(err error) bool {
	var zb *bombErr
	return errors.As(err, &zb)
}

// budget is what is left of MaxDecompressed for one file.
type budget struct {
	left, limit int64 // limit <= 0: unlimited
}

// openEntry opens the named entry for streaming within the budget: the
// reader fails with the zip-bomb error once the entry has given more bytes
// than the budget has left. A missing entry returns (nil, nil).
func openEntry(ctx context.Context, zr *zip.Reader, name, kind string, b *budget) (io.ReadCloser, error) {
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("corrupt %s: %s: %w", kind, name, err)
		}
		return &budgetReader{r: ctxReader{ctx, rc}, c: rc, b: b}, nil
	}
	return nil, nil
}

// budgetReader counts what an entry gives against the file's budget.
type budgetReader struct {
	r io.Reader
	c io.Closer
	b *budget
}

func (br *budgetReader) Read(p []byte) (int, error) {
	if br.b.limit > 0 && int64(len(p)) > br.b.left+1 {
		p = p[:br.b.left+1]
	}
	n, err := br.r.Read(p)
	if br.b.limit > 0 {
		br.b.left -= int64(n)
		if br.b.left < 0 {
			return n, bombError(br.b.limit)
		}
	}
	return n, err
}

func (br *budgetReader) Close() error { return br.c.Close() }

// checkExpansion unpacks every entry, counting real bytes, so a library that
// reads the archive itself (excelize) is only handed one that fits.
func checkExpansion(ctx context.Context, zr *zip.Reader, kind string, limit int64) error {
	if limit <= 0 {
		return nil
	}
	left := limit
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return fmt.Errorf("corrupt %s: %s: %w", kind, f.Name, err)
		}
		n, err := io.Copy(io.Discard, io.LimitReader(ctxReader{ctx, rc}, left+1))
		rc.Close()
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("corrupt %s: %s: %w", kind, f.Name, err)
		}
		if n > left {
			return bombError(limit)
		}
		left -= n
	}
	return nil
}
