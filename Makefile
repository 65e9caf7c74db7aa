# postmortem — the two set-up commands on a fresh machine are `make site` and `make test`.
SWIFT ?= swift
# BUILD_DIR lets several checkouts share a machine without sharing build folders.
BUILD_DIR ?= .build
SWIFTFLAGS = --scratch-path $(BUILD_DIR)
APT_PACKAGES = libgit2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libssl-dev pkg-config
RELEASE_BIN = $(BUILD_DIR)/release/postmortem

.PHONY: all deps build release test lint site docs embed schemas resources bench bench-site clean

all: build

# Installs the C libraries with apt-get when pkg-config cannot find them.
deps:
	@if ! pkg-config --exists libgit2 libcmark-gfm libcrypto 2>/dev/null; then \
		echo "Installing $(APT_PACKAGES) with apt-get"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(APT_PACKAGES); \
	fi

build: deps
	$(SWIFT) build $(SWIFTFLAGS)

release: deps
	$(SWIFT) build -c release $(SWIFTFLAGS)

test: deps
	$(SWIFT) test $(SWIFTFLAGS)

# Lints this repository's sample postmortems.
lint: release
	$(RELEASE_BIN) lint

# Lints the sample postmortems, builds their site into _site/ and prints the
# path of _site/index.html (open it straight from disk; search works offline).
site: lint
	$(RELEASE_BIN) build --out _site

# Times lint, build and patterns on generated corpora (N = 1,000 and 10,000 by
# default; BENCH_SIZES=1000,10000,100000 to change) beside Hugo and cmark-gfm.
BENCH_SIZES ?= 1000,10000
bench: release
	@command -v hugo >/dev/null && command -v cmark-gfm >/dev/null || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); $$SUDO apt-get install -y -qq hugo cmark-gfm || true; }
	python3 Scripts/bench --sizes $(BENCH_SIZES) --binary $(RELEASE_BIN)

# Regenerates files derived from the code; tests fail when they drift.
docs: build
	$(BUILD_DIR)/debug/postmortem rules --format markdown > docs/rules.md

# Compiles schema/*.json, the built-in theme and the blameless word lists into Swift sources.
embed:
	./Scripts/embed-resources

schemas: embed
resources: embed

# Site build on a generated corpus of N postmortems (default 10000), beside
# Hugo, with the search index's size and the bytes a query loads in Chromium.
N ?= 10000
bench-site: release
	POSTMORTEM_BIN=$(abspath $(RELEASE_BIN)) ./Scripts/bench-site $(N)

clean:
	rm -rf .build _site _site.spare bench-corpus
