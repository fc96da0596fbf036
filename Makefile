# xxgk: the front door. `make help` lists the targets.
GO        ?= go
BIN       := bin/xxgk
VERSION   ?= $(shell git describe --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -X main.version=$(VERSION)
export CGO_ENABLED := 1

.PHONY: help build run test lint bench fuzz score clean

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN{FS=":.*## "}{printf "  %-8s %s\n", $$1, $$2}'

build: ## build bin/xxgk
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/xxgk

run: build ## ingest the bundled sample corpus and write the site and workbooks under out/
	./$(BIN) run --config xxgk.toml

test: ## go vet and all tests
	$(GO) vet ./...
	$(GO) test -count=1 ./...

lint: ## gofmt and staticcheck (the version go.mod pins as a tool)
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) tool staticcheck ./...

bench: build ## throughput, latency and memory at 100,000 reports; table in out/bench.txt (SCALE=0.1: quick run)
	$(GO) run ./cmd/xxgkbench --xxgk $(BIN) --scale $(or $(SCALE),1) --out out/bench.txt

fuzz: ## fuzz the table reader for a minute
	$(GO) test ./etl/table -run '^$$' -fuzz FuzzParse -fuzztime 60s

score: build ## score extraction on ../shared/corpus/dev
	./$(BIN) extract --json ../shared/corpus/dev/*.txt > out/score.jsonl
	python3 ../shared/tools/score.py ../shared/corpus/dev out/score.jsonl

clean: ## remove bin/ and out/
	rm -rf bin out
