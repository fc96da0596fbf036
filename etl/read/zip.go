package read

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
)

// openZip opens an Office archive and refuses a zip bomb before any entry
// is unpacked: the declared sizes of all entries must fit in limit. The
// declared sizes can lie, so readEntry also counts the bytes really read.
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

func bombError(limit int64) error {
	return fmt.Errorf("zip expands past %s limit", sizeText(limit))
}

// budget is what is left of MaxDecompressed for one file.
type budget struct {
	left, limit int64 // limit <= 0: unlimited
}

// readEntry unpacks the named entry within the budget; a missing entry
// returns (nil, nil).
func readEntry(zr *zip.Reader, name, kind string, b *budget) ([]byte, error) {
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("corrupt %s: %s: %w", kind, name, err)
		}
		defer rc.Close()
		var r io.Reader = rc
		if b.limit > 0 {
			r = io.LimitReader(rc, b.left+1)
		}
		data, err := io.ReadAll(r)
		if err != nil {
			return nil, fmt.Errorf("corrupt %s: %s: %w", kind, name, err)
		}
		if b.limit > 0 {
			if int64(len(data)) > b.left {
				return nil, bombError(b.limit)
			}
			b.left -= int64(len(data))
		}
		return data, nil
	}
	return nil, nil
}

// checkExpansion unpacks every entry, counting real bytes, so a library that
// reads the archive itself (excelize) is only handed one that fits.
func checkExpansion(zr *zip.Reader, kind string, limit int64) error {
	if limit <= 0 {
		return nil
	}
	left := limit
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return fmt.Errorf("corrupt %s: %s: %w", kind, f.Name, err)
		}
		n, err := io.Copy(io.Discard, io.LimitReader(rc, left+1))
		rc.Close()
		if err != nil {
			return fmt.Errorf("corrupt %s: %s: %w", kind, f.Name, err)
		}
		if n > left {
			return bombError(limit)
		}
		left -= n
	}
	return nil
}
