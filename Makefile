# The two commands of the README: `make demo` and `make test`. Both install what is
# missing (scripts/install-deps.sh, quiet when all is there) and build first.
BUILD_DIR ?= $(abspath $(CURDIR)/../flystage-build)
DEMO_OUT ?= $(BUILD_DIR)/demo
JOBS ?= $(shell nproc)
CMAKE_ARGS ?=

.PHONY: all deps configure build demo test format clean

all: build

deps:
	@./scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_ARGS) >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

demo: build
	$(BUILD_DIR)/app/cli/flystage-cli demo --out $(DEMO_OUT)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j 2 --timeout 900

format:
	@find app core ui tests bench -name '*.cpp' -o -name '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR)

# Build the .deb with cpack and check it: files, dependencies, lintian, an install into an
# empty root and the installed programs (tests/packaging/package-test.sh).
.PHONY: package-test
package-test: build
	./tests/packaging/package-test.sh $(BUILD_DIR) $(CURDIR)

# The benchmarks of docs/performance.md (not tests): FlyStage next to PyTorch eager
# (/usr/bin/python3 with python3-torch), import, saliency, GEMs, memory, the demo's time.
# About 30 minutes on 2 cores; BENCH_DEMO=0 skips the demo, BENCH_QUICK=1 is a smoke run.
.PHONY: bench
bench: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS) --target flystage-bench flystage-gui-stall flystage-cli flystage
	./bench/run.sh $(BUILD_DIR)
