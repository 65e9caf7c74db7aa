# postmortem — the two set-up commands on a fresh machine are `make lint` and `make test`.
SWIFT ?= swift
APT_PACKAGES = libgit2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
RELEASE_BIN = .build/release/postmortem

.PHONY: all deps build release test lint docs schemas bench clean

all: build

# Installs the C libraries with apt-get when pkg-config cannot find them.
deps:
	@if ! pkg-config --exists libgit2 libcmark-gfm 2>/dev/null; then \
		echo "Installing $(APT_PACKAGES) with apt-get"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(APT_PACKAGES); \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

test: deps
	$(SWIFT) test

# Lints this repository's sample postmortems.
lint: release
	$(RELEASE_BIN) lint

# Times lint, build and patterns on generated corpora (N = 1,000 and 10,000 by
# default; BENCH_SIZES=1000,10000,100000 to change) beside Hugo and cmark-gfm.
BENCH_SIZES ?= 1000,10000
bench: release
	@command -v hugo >/dev/null && command -v cmark-gfm >/dev/null || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); $$SUDO apt-get install -y -qq hugo cmark-gfm || true; }
	python3 Scripts/bench --sizes $(BENCH_SIZES)

# Regenerates files derived from the code; tests fail when they drift.
docs: build
	.build/debug/postmortem rules --format markdown > docs/rules.md

schemas:
	./Scripts/embed-schemas

clean:
	rm -rf .build _site
