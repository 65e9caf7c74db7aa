# postmortem — the two set-up commands on a fresh machine are `make lint` and `make test`.
SWIFT ?= swift
APT_PACKAGES = libgit2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
RELEASE_BIN = .build/release/postmortem

.PHONY: all deps build release test lint docs resources schemas check-generated clean

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

# Regenerates files derived from the code; tests fail when they drift.
docs: build
	.build/debug/postmortem rules --format markdown > docs/rules.md

# Compiles schema/*.json and the blameless word lists into the tool.
resources:
	./Scripts/embed-resources

schemas: resources

clean:
	rm -rf .build _site
