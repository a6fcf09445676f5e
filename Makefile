# The two commands a new machine needs: `make demo` and `make test`.
# Each installs the Debian packages, configures, builds and runs.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all deps configure build test demo demo-records bench clean

all: build

deps:
	@scripts/install-deps

configure: deps
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# A first sync with Procore against an in-process emulator (crewsync demo); the CSV and records
# walk-through without Procore is `make demo-records`.
demo: build
	@$(BUILD_DIR)/crewsync demo

demo-records: build
	@scripts/demo $(BUILD_DIR)/crewsync

bench: build
	@bench/run $(BUILD_DIR)

clean:
	@rm -rf $(BUILD_DIR)
