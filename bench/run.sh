#!/bin/bash
# Every benchmark of docs/performance.md in one run: `make bench`, or
#   bench/run.sh BUILD_DIR [OUT_DIR]
# BUILD_DIR holds the built flystage-bench, flystage-cli and flystage (GUI); OUT_DIR
# (default BUILD_DIR/bench-results) gets one JSON file per measurement, results.json,
# results.md (the table printed at the end) and figures/*.png.
# Environment: BENCH_THREADS (default: all cores), BENCH_PRESETS (default "tiny demo fast
# paper"), BENCH_ROUNDS (default 3: each preset's C++ and Python runs, alternated; the
# table takes the median), BENCH_DEMO=0 skips `flystage-cli demo` (~1.5 minutes),
# BENCH_QUICK=1 measures fewer repeats and images (a smoke run, not for the documentation),
# BENCH_DEVICE=cuda measures the model benchmarks on a GPU (a CUDA LibTorch build and a CUDA
# PyTorch; the bfloat16 variants are CPU autocast and are left out there).
set -euo pipefail

BUILD=$(cd "${1:?usage: bench/run.sh BUILD_DIR [OUT_DIR]}" && pwd)
OUT=${2:-$BUILD/bench-results}
SRC=$(cd "$(dirname "$0")/.." && pwd)
BENCH=$BUILD/bench/flystage-bench
CLI=$BUILD/app/cli/flystage-cli
GUI=$BUILD/app/gui/flystage
PY=/usr/bin/python3
THREADS=${BENCH_THREADS:-$(nproc)}
PRESETS=${BENCH_PRESETS:-tiny demo fast paper}
QUICK=${BENCH_QUICK:-0}
W=$OUT/work
mkdir -p "$OUT" "$W"
rm -f "$OUT"/*.json

for tool in "$BENCH" "$CLI"; do
  [ -x "$tool" ] || { echo "missing $tool: build it first (make bench builds it)" >&2; exit 1; }
done
"$PY" -c "import torch" 2>/dev/null ||
  { echo "$PY has no torch: apt install python3-torch (the PyTorch eager reference)" >&2; exit 1; }

if [ "$QUICK" = 1 ]; then
  ROUNDS=1 REPEATS=2 STEPS=3 INFER_STEPS=1 SAL_IMAGES=100 SIZES=250,500,1000 GUI_IMAGES=4000
else
  ROUNDS=${BENCH_ROUNDS:-3} REPEATS=5 STEPS=10 INFER_STEPS=4 SAL_IMAGES=1000 SIZES=1000,2000,4000
  GUI_IMAGES=40000
fi

step() { echo "== $*" >&2; }
bench() { "$BENCH" --threads "$THREADS" "$@"; }
# Wall time and peak RSS of a whole process (GNU time): {"seconds", "peak_rss_mib"}.
timed() {
  local name=$1
  shift
  if ! /usr/bin/time -f '%e %M' -o "$W/$name.time" "$@" >"$W/$name.log" 2>&1; then
    echo "$name failed ($*):" >&2
    tail -5 "$W/$name.log" >&2
    return 1
  fi
  read -r secs kib <"$W/$name.time"
  printf '{"seconds": %s, "peak_rss_mib": %s%s}\n' "$secs" "$((kib / 1024))" "${EXTRA:-}" \
    >"$OUT/$name.json"
}

cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -1)
step "machine: $cpu, $(nproc) cores, $THREADS threads; load $(cut -d' ' -f1-3 /proc/loadavg)"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

step "synthetic data (raw, not standardized) and import + standardization"
"$CLI" synth --out "$W/data" --scale 0.03 --seed 7 >/dev/null 2>&1
for n in 250 500 1000; do
  bench import --labels "$W/data/labels.csv" --out "$W/import-$n.flystage" --count $n \
    >"$OUT/import-$n.json"
done
cp "$W/import-1000.flystage" "$W/bench.flystage"

step "peak matrix product"
bench peak --repeats 5 >"$OUT/peak-cpp.json"
"$PY" "$SRC/bench/reference.py" --threads "$THREADS" --peak 4096 --repeats 5 >"$OUT/peak-python.json"

DEVICE=${BENCH_DEVICE:-cpu}
for preset in $PRESETS; do
  step "model $preset: FlyStage (C++) and PyTorch eager"
  bench spec --preset "$preset" >"$W/spec-$preset.json"
  bench data --project "$W/bench.flystage" --preset "$preset" --count 256 --out "$W/$preset.u8"
  args=(--train-batch 16 --infer-batch 64 --warmup 3 --steps $STEPS --infer-steps $INFER_STEPS
        --repeats $REPEATS)
  variants=()
  [ "$DEVICE" = cpu ] || variants=(--train-variants libtorch-nchw,flystage,flystage-pool
                                   --infer-variants libtorch-nchw,flystage-module,flystage)
  rounds=$ROUNDS
  if [ "$preset" = paper ]; then
    # 44 GFLOP per image: a few batches only (seconds per batch, not throughput, matter here).
    args=(--train-batch 16 --infer-batch 16 --warmup 1 --steps 1 --infer-steps 1 --repeats 2)
    variants=(--train-variants libtorch-nchw,flystage-pool,flystage-bf16
              --infer-variants libtorch-nchw,flystage,flystage-bf16)
    [ "$DEVICE" = cpu ] || variants=(--train-variants libtorch-nchw,flystage-pool
                                     --infer-variants libtorch-nchw,flystage)
    rounds=1
  fi
  # Rounds alternate the two sides, so a change in the machine's load shows in both.
  for r in $(seq 1 "$rounds"); do
    "$PY" "$SRC/bench/reference.py" --spec "$W/spec-$preset.json" --data "$W/$preset.u8" \
      --count 256 --threads "$THREADS" --device "$DEVICE" "${args[@]}" \
      >"$OUT/model-$preset-python-r$r.json"
    # PyTorch eager at its best on this CPU too: channels-last and bfloat16 autocast.
    [ "$DEVICE" = cpu ] && "$PY" "$SRC/bench/reference.py" --spec "$W/spec-$preset.json" \
      --data "$W/$preset.u8" --count 256 --threads "$THREADS" "${args[@]}" --channels-last --bf16 \
      >"$OUT/model-$preset-pybf16-r$r.json"
    bench model --preset "$preset" --device "$DEVICE" --data "$W/$preset.u8" --count 256 "${args[@]}" \
      "${variants[@]}" >"$OUT/model-$preset-cpp-r$r.json"
  done
done

step "a real training run (data-level, demo preset): images/s and peak RSS"
bench trainer --project "$W/bench.flystage" --preset demo --range-epochs 2 --fine-epochs 1 \
  >"$OUT/trainer.json"
bench trainer --project "$W/bench.flystage" --preset demo --range-epochs 2 --fine-epochs 1 \
  --precision bfloat16 >"$OUT/trainer-bf16.json"
run=$("$PY" -c "import json,sys; print(json.load(open(sys.argv[1]))['run'])" "$OUT/trainer.json")

step "bfloat16 autocast: accuracy"
bench bf16-accuracy --project "$W/bench.flystage" --preset demo --epochs $([ "$QUICK" = 1 ] && echo 1 || echo 8) \
  >"$OUT/bf16-accuracy.json"

step "saliency per method, $SAL_IMAGES images"
bench saliency --project "$W/bench.flystage" --run "$run" --images $SAL_IMAGES >"$OUT/saliency.json"

step "scaling: prediction and GEMs at $SIZES images"
bench grow --project "$W/bench.flystage" --images "${SIZES##*,}" >/dev/null
bench predict --project "$W/bench.flystage" --run "$run" --sizes "$SIZES" >"$OUT/predict.json"
bench gem --project "$W/bench.flystage" --run "$run" --sizes "$SIZES" --masked >"$OUT/gem-scaling.json"

SIM_IMAGES=$([ "$QUICK" = 1 ] && echo 4000 || echo 40000)
for preset in $PRESETS; do
  # 2 threads: the issue's target machine (under 100 ms a query at 40,000 images on 2 cores).
  step "similar-embryo index, $preset features, $SIM_IMAGES images, 2 threads"
  "$BENCH" --threads 2 similar --preset "$preset" --images $SIM_IMAGES --queries 200 --k 20 \
    >"$OUT/similar-$preset.json"
done

if [ -x "$GUI" ]; then
  step "GUI peak RSS: the bench project and a $GUI_IMAGES-image project"
  export QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$W/config"
  cp "$W/import-1000.flystage" "$W/gui-1k.flystage"
  cp "$W/import-1000.flystage" "$W/gui-40k.flystage"
  bench grow --project "$W/gui-40k.flystage" --images $GUI_IMAGES >/dev/null
  EXTRA=', "images": 1000' timed gui-1k "$GUI" "$W/gui-1k.flystage" --screenshot "$W/gui-1k.png"
  EXTRA=", \"images\": $GUI_IMAGES" timed gui-40k "$GUI" "$W/gui-40k.flystage" \
    --screenshot "$W/gui-40k.png"
  unset QT_QPA_PLATFORM XDG_CONFIG_HOME
else
  step "no GUI built ($GUI): GUI memory skipped"
fi

STALL=$BUILD/bench/gui-stall/flystage-gui-stall
if [ -x "$STALL" ]; then
  step "GUI event-loop stalls while the main window imports and trains"
  QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$W/config" "$STALL" --work "$W/stall" \
    --synthetic $([ "$QUICK" = 1 ] && echo 100 || echo 300) --epochs $([ "$QUICK" = 1 ] && echo 5 || echo 20) \
    --json "$OUT/gui-stall.json" >"$W/gui-stall.log" 2>&1 || { echo "gui-stall failed:" >&2; tail -5 "$W/gui-stall.log" >&2; }
else
  step "no $STALL (make bench builds it): GUI stalls skipped"
fi

if [ "${BENCH_DEMO:-1}" = 1 ]; then
  step "flystage-cli demo (default scale, one seed): wall time"
  timed demo "$CLI" demo --out "$W/demo" --quiet
fi

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
printf '{"cpu": "%s", "cores": %s, "threads": %s, "load_before": "%s", "load_after": "%s", "torch": "%s"}\n' \
  "$cpu" "$(nproc)" "$THREADS" "$load_before" "$load_after" \
  "$("$PY" -c 'import torch; print(torch.__version__)')" >"$OUT/machine.json"

echo
"$PY" "$SRC/bench/table.py" "$OUT"
"$BENCH" plot --results "$OUT/results.json" --out "$OUT/figures"
echo "results: $OUT/results.md, $OUT/results.json, $OUT/figures/"
