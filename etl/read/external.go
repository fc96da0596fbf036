package read

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"

	"github.com/xxgk/xxgk/etl/table"
)

// pdfText runs `pdftotext -layout`, which keeps table columns apart with
// spaces (etl/table reads multi-space rows).
func pdfText(ctx context.Context, path string, lim Limits) (string, error) {
	return runTool(ctx, lim, "pdf", []tool{
		{name: "pdftotext", pkg: "poppler-utils", args: []string{"-layout", "-enc", "UTF-8", path, "-"}},
	})
}

// docText runs catdoc (table cells come out tab-separated) or, failing
// that, antiword.
func docText(ctx context.Context, path string, lim Limits) (string, error) {
	return runTool(ctx, lim, "doc", []tool{
		{name: "catdoc", pkg: "catdoc", args: []string{"-w", "-d", "utf-8", path}},
		{name: "antiword", pkg: "antiword", args: []string{"-w", "0", "-m", "UTF-8.txt", path}},
	})
}

// xlsText runs xls2csv (from the catdoc package) and prints each sheet's
// rows as pipe rows, like the xlsx reader.
func xlsText(ctx context.Context, path string, lim Limits) (string, error) {
	out, err := runTool(ctx, lim, "xls", []tool{
		{name: "xls2csv", pkg: "catdoc", args: []string{"-d", "utf-8", path}},
	})
	if err != nil {
		return "", err
	}
	var b strings.Builder
	// xls2csv ends each sheet with a form feed.
	for _, sheet := range strings.Split(out, "\f") {
		r := csv.NewReader(strings.NewReader(sheet))
		r.FieldsPerRecord, r.LazyQuotes = -1, true
		rows, err := r.ReadAll()
		if err != nil {
			return "", fmt.Errorf("xls2csv output: %w", err)
		}
		if len(rows) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(table.PipeRows(padRows(rows)))
	}
	return b.String(), nil
}

// tool is an external converter and the Debian package that has it.
type tool struct {
	name, pkg string
	args      []string
}

// runTool runs the first installed tool with the file's timeout, capping
// its output at MaxDecompressed and MaxText. The tool runs in a process
// group of its own, killed whole when the file's time is up, the output
// is over its cap or the caller's context ends: a converter's helpers must
// not outlive it.
func runTool(ctx context.Context, lim Limits, kind string, tools []tool) (string, error) {
	var missing []string
	for _, t := range tools {
		bin, err := exec.LookPath(t.name)
		if err != nil {
			missing = append(missing, fmt.Sprintf("%s (%s)", t.pkg, t.name))
			continue
		}
		if lim.Timeout > 0 {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, lim.Timeout)
			defer cancel()
		}
		// Too much output kills the tool at once rather than at the timeout.
		ctx, kill := context.WithCancel(ctx)
		defer kill()
		cmd := exec.CommandContext(ctx, bin, t.args...)
		ownProcessGroup(cmd)
		// A grandchild holding the pipes open must not keep Wait waiting.
		cmd.WaitDelay = time.Second
		limit, flag := lim.MaxDecompressed, "--max-decompressed"
		if lim.MaxText > 0 && (limit <= 0 || lim.MaxText < limit) {
			limit, flag = lim.MaxText, "--max-text"
		}
		out := &cappedBuffer{limit: limit, kill: kill}
		var stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = out, &stderr
		err = cmd.Run()
		switch {
		case out.over:
			return "", fmt.Errorf("%s prints more than the %s limit (%s)", t.name, FormatSize(limit), flag)
		case ctx.Err() != nil && errors.Is(ctx.Err(), context.DeadlineExceeded):
			return "", fmt.Errorf("%s timed out after %s (--timeout)", t.name, lim.Timeout)
		case ctx.Err() != nil:
			return "", ctx.Err()
		case err != nil:
			msg := strings.TrimSpace(stderr.String())
			if len(msg) > 200 {
				msg = msg[:200]
			}
			return "", fmt.Errorf("%s failed: %w: %s", t.name, err, msg)
		}
		return strings.ToValidUTF8(out.buf.String(), "\ufffd"), nil
	}
	return "", fmt.Errorf("reading %s files needs an external tool: install %s", kind, strings.Join(missing, " or "))
}

// cappedBuffer keeps at most limit bytes and remembers that more came. The
// buffer is a field, not embedded: an embedded bytes.Buffer would lend its
// ReadFrom to io.Copy, which would then bypass the cap.
type cappedBuffer struct {
	buf   bytes.Buffer
	limit int64
	over  bool
	kill  func()
}

func (b *cappedBuffer) Write(p []byte) (int, error) {
	if b.limit > 0 && int64(b.buf.Len()+len(p)) > b.limit {
		b.over = true
		b.kill()
		return 0, errors.New("output over limit")
	}
	return b.buf.Write(p)
}
