package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/xxgk/xxgk/etl/ingest"
	"github.com/xxgk/xxgk/etl/read"
	"github.com/xxgk/xxgk/exports/dataset"
)

// config is xxgk.toml: what `xxgk run` ingests, where it stores and writes,
// and the per-file limits. Relative paths are relative to the config file's
// folder, so a scheduler may start the job from anywhere.
type config struct {
	Inputs   []string `toml:"inputs"`
	Database string   `toml:"database"`
	Output   string   `toml:"output"`
	Workers  int      `toml:"workers"` // 0: one per core
	Batch    int      `toml:"batch"`   // files per chunk (one transaction each)
	// The corrections file (etl/correct); empty: corrections.csv beside the database.
	Corrections string `toml:"corrections"`
	Limits      struct {
		MaxSize         byteSize     `toml:"max_size"`
		MaxDecompressed byteSize     `toml:"max_decompressed"`
		MaxText         byteSize     `toml:"max_text"`
		MaxRows         int          `toml:"max_rows"`
		MaxCells        int          `toml:"max_cells"`
		MaxNodes        int          `toml:"max_nodes"`
		Timeout         textDuration `toml:"timeout"`
	} `toml:"limits"`
	// Dataset is the release in out/data/: the licence of the compilation
	// recorded in its datapackage.json (empty: dataset.DefaultLicense).
	Dataset struct {
		License    string `toml:"license"`     // an SPDX id, e.g. CC-BY-4.0
		LicenseURL string `toml:"license_url"` // where its text is
	} `toml:"dataset"`
}

// license is the licence the config gives the dataset release.
func (c *config) license() dataset.License {
	return dataset.License{Name: c.Dataset.License, Path: c.Dataset.LicenseURL}
}

// loadConfig reads the TOML file at path; unknown keys are errors, so a
// misspelt limit is not silently ignored.
func loadConfig(path string) (*config, error) {
	def := read.DefaultLimits()
	c := &config{Database: "out/xxgk.duckdb", Output: "out", Batch: ingest.DefaultBatch}
	c.Limits.MaxSize = byteSize(def.MaxBytes)
	c.Limits.MaxDecompressed = byteSize(def.MaxDecompressed)
	c.Limits.MaxText = byteSize(def.MaxText)
	c.Limits.MaxRows, c.Limits.MaxCells, c.Limits.MaxNodes = def.MaxRows, def.MaxCells, def.MaxNodes
	c.Limits.Timeout = textDuration(def.Timeout)
	md, err := toml.DecodeFile(path, c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &failure{msg: fmt.Sprintf("the config %s is not valid TOML at line %d: %s; fix it and run again",
				path, pe.Position.Line, pe.Message), err: err}
		}
		return nil, fail(err, "cannot read the config %s", path)
	}
	if u := md.Undecoded(); len(u) > 0 {
		return nil, &failure{msg: fmt.Sprintf("the config %s has an unknown key %q; see xxgk.toml in the repository for the keys", path, u[0].String())}
	}
	if len(c.Inputs) == 0 {
		return nil, &failure{msg: fmt.Sprintf("the config %s names no inputs; set inputs = [\"FOLDER\"]", path)}
	}
	if c.Batch < 1 {
		return nil, &failure{msg: fmt.Sprintf("the config %s has batch = %d; want at least 1 file per chunk", path, c.Batch)}
	}
	// Canonical names: the same config run from any folder (cron, systemd,
	// by hand) names the same files, database and outputs.
	dir := filepath.Dir(path)
	for i, in := range c.Inputs {
		c.Inputs[i] = canonical(relTo(dir, in))
	}
	c.Database, c.Output = canonical(relTo(dir, c.Database)), canonical(relTo(dir, c.Output))
	if c.Corrections != "" {
		c.Corrections = canonical(relTo(dir, c.Corrections))
	}
	return c, nil
}

// corrections is the job's corrections file.
func (c *config) corrections() string { return correctionsFile(c.Corrections, c.Database) }

func (c *config) limits() read.Limits {
	return read.Limits{MaxBytes: int64(c.Limits.MaxSize), MaxDecompressed: int64(c.Limits.MaxDecompressed),
		MaxText: int64(c.Limits.MaxText), MaxRows: c.Limits.MaxRows, MaxCells: c.Limits.MaxCells, MaxNodes: c.Limits.MaxNodes,
		Timeout: time.Duration(c.Limits.Timeout)}
}

func relTo(dir, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(dir, p)
}

// byteSize is a size written as 50MB, 200MB, 512KB, 1GB or a plain byte
// count; KB/MB/GB are powers of 1024. It is both a TOML value and a flag.
type byteSize int64

func (b *byteSize) UnmarshalText(text []byte) error { return b.Set(string(text)) }

// Set parses a size.
func (b *byteSize) Set(s string) error {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if n, ok := strings.CutSuffix(t, u.suffix); ok {
			t, mult = strings.TrimSpace(n), u.mult
			break
		}
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || f < 0 {
		return errors.New("want a size such as 50MB, 512KB or 1GB (KB, MB, GB are powers of 1024; a bare number is bytes)")
	}
	*b = byteSize(f * float64(mult))
	return nil
}

func (b *byteSize) String() string { return read.FormatSize(int64(*b)) }

// textDuration is a duration written as 60s or 2m in TOML.
type textDuration time.Duration

func (d *textDuration) UnmarshalText(text []byte) error {
	v, err := time.ParseDuration(string(text))
	if err != nil {
		return fmt.Errorf("duration %q: %w", text, err)
	}
	*d = textDuration(v)
	return nil
}
