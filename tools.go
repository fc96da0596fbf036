//go:build tools

// This file pins the modules the project depends on before every package uses
// them, so `go mod tidy` keeps them. It is never built. Tools run with `go
// tool` are pinned by the tool directive of go.mod instead (staticcheck,
// honnef.co/go/tools v0.8.2: `make lint` runs that version, never @latest).
package tools

import (
	_ "github.com/BurntSushi/toml"
	_ "github.com/duckdb/duckdb-go/v2"
	_ "github.com/go-echarts/go-echarts/v2/charts"
	_ "github.com/gofrs/flock"
	_ "github.com/vbauerster/mpb/v8"
	_ "github.com/xuri/excelize/v2"
	_ "golang.org/x/net/html"
	_ "golang.org/x/text/encoding/simplifiedchinese"
)
