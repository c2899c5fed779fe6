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
	@find app core ui figure tests bench fuzz -name '*.cpp' -o -name '*.h' | xargs clang-format -i

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

# The whole test suite under AddressSanitizer and UndefinedBehaviorSanitizer, in its own build
# folder (docs/reliability.md). Findings in LibTorch, Qt and the other system libraries,
# which are not instrumented, are suppressed by tests/sanitizers/*.supp; ours are not.
SAN_BUILD_DIR ?= $(abspath $(CURDIR)/../flystage-sanitize-build)
SAN_ENV = ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:detect_stack_use_after_return=0:suppressions=$(CURDIR)/tests/sanitizers/asan.supp \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitizers/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:suppressions=$(CURDIR)/tests/sanitizers/ubsan.supp
.PHONY: sanitize-test
sanitize-test: deps
	@cmake -S . -B $(SAN_BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DFLYSTAGE_SANITIZE=address,undefined $(CMAKE_ARGS) >/dev/null
	@cmake --build $(SAN_BUILD_DIR) -j $(JOBS)
	cd $(SAN_BUILD_DIR) && $(SAN_ENV) ctest --output-on-failure -j 2 --timeout 1800

# Crash safety (issue 7, docs/reliability.md): flystage-cli is SIGKILLed at random moments
# while it labels, imports and trains, and the project is checked after each kill. About 3
# to 4 minutes on 2 cores; KILL_TEST_KILLS and KILL_TEST_SEED change the run.
KILL_TEST_KILLS ?= 50
KILL_TEST_SEED ?= 1
.PHONY: kill-test
kill-test: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS) --target flystage-cli
	./tests/reliability/kill-test.sh $(BUILD_DIR)/app/cli/flystage-cli $(KILL_TEST_KILLS) $(KILL_TEST_SEED)

# libFuzzer (issue 7): the labels CSV and BDGP dump parsers, image decoding + standardization
# and opening a project, FUZZ_SECONDS each, in a clang ASan + UBSan build of its own
# (scripts/fuzz.sh). Findings are kept in $(FUZZ_BUILD_DIR)/fuzz-findings.
FUZZ_BUILD_DIR ?= $(abspath $(CURDIR)/../flystage-fuzz-build)
FUZZ_SECONDS ?= 60
.PHONY: fuzz
fuzz:
	@./scripts/install-deps.sh fuzz
	JOBS=$(JOBS) ./scripts/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_BUILD_DIR)
