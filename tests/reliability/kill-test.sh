#!/usr/bin/env bash
# Crash-safety test (issue 7): SIGKILL flystage-cli at random moments while it labels,
# imports and trains, then check that the project opens, that every committed label is
# there, that nothing half-written is visible and that a killed training run resumes from
# its last checkpoint and finishes.
#
#   tests/reliability/kill-test.sh CLI_PATH [KILLS (default 50)] [SEED (default 1)]
#
# Kills cycle through three kinds of work:
#   label  - a loop of `flystage-cli label` commands; each one is logged as committed
#            after it exits 0; the whole process group is killed, mid-command.
#   import - `flystage-cli import` of a fresh synthetic batch (one transaction): the image
#            count afterwards is the old one or the old one plus the batch, never between.
#   train  - `flystage-cli train --method data-level --preset tiny`; the killed run must
#            resume (`train --resume ID`) from its checkpoint and end as finished.
# The kill moment is a random delay ($RANDOM seeded by SEED) between 0.05 s and 90% of the
# work's normal duration (measured once at the start); the work runs in its own session
# (setsid) and the whole process group gets SIGKILL.
# After every kill: `flystage-cli info --json` opens the project, and Python's sqlite3
# checks PRAGMA integrity_check, foreign_key_check, the label log, the label history, the
# image count and the runs. Exits non-zero on the first failure, naming the kill number,
# the kind, the delay and what was wrong. KEEP_WORK=1 keeps the work folder.
set -u -o pipefail

if [[ $# -lt 1 || $# -gt 3 ]]; then
  echo "usage: $0 CLI_PATH [KILLS] [SEED]" >&2
  exit 2
fi
CLI=$(readlink -f "$1")
KILLS=${2:-50}
SEED=${3:-1}
[[ -x $CLI ]] || { echo "kill-test: $1 is not an executable" >&2; exit 2; }
command -v setsid >/dev/null || { echo "kill-test: setsid (util-linux) is missing" >&2; exit 2; }
command -v python3 >/dev/null || { echo "kill-test: python3 is missing" >&2; exit 2; }

RANDOM=$SEED
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/flystage-kill-test.XXXXXX")
# A private copy of the binary: a rebuild of CLI_PATH during the test (another build in
# the same tree) would otherwise make a command fail with "Permission denied".
cp "$CLI" "$WORK/flystage-cli" || { echo "kill-test: cannot copy $CLI" >&2; exit 2; }
CLI=$WORK/flystage-cli
P=$WORK/project.flystage
LABEL_LOG=$WORK/labels.log   # "try ID STAGE" before, "ok ID STAGE" after a label exits 0
CHECK=$WORK/check.py
# Training: two short phases, so that a kill can land in either and between epochs.
RANGE_EPOCHS=3
FINE_EPOCHS=3
TRAIN_ARGS=(--method data-level --preset tiny --threads 1 --range-epochs $RANGE_EPOCHS
            --fine-epochs $FINE_EPOCHS --seed 1)
LABEL_BATCH=4         # a label kill lands within about this many label commands
IMPORT_SCALE=0.002    # about 70 images per import batch
START=$SECONDS
PGID=""
FAILED=0

cleanup() {
  if [[ -n $PGID ]]; then kill -KILL -- "-$PGID" 2>/dev/null; fi
  if [[ $FAILED -ne 0 || ${KEEP_WORK:-0} == 1 ]]; then
    echo "kill-test: work folder kept: $WORK" >&2
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

die() {
  FAILED=1
  echo "kill-test: FAIL: $*" >&2
  exit 1
}

now_ms() { date +%s%3N; }

# A random delay in ms between 50 and 90% of max_ms (at least 100 ms).
random_delay_ms() {
  local hi=$(($1 * 9 / 10))
  ((hi < 100)) && hi=100
  echo $((50 + (RANDOM * 32768 + RANDOM) % (hi - 50)))
}

ms_text() { printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)); }

# Starts "$@" in a new session (its own process group); sets PGID.
start_group() {
  setsid "$@" >"$WORK/work.out" 2>"$WORK/work.err" &
  PGID=$!
}

# Sleeps delay ms, then SIGKILLs the group. Sets KILLED_RUNNING=1 when the work was still
# running at the kill, 0 when it had already ended (then the round checks a normal exit).
kill_group_after() {
  sleep "$(ms_text "$1")"
  KILLED_RUNNING=0
  if kill -KILL -- "-$PGID" 2>/dev/null; then KILLED_RUNNING=1; fi
  wait "$PGID" 2>/dev/null
  WORK_STATUS=$?
  # Any process of the group that outlived its leader is gone too.
  kill -KILL -- "-$PGID" 2>/dev/null
  PGID=""
}

cat >"$CHECK" <<'PY'
"""Checks of a flystage project after a kill (kill-test.sh). Prints 'ok ...' or the problem."""
import hashlib, sqlite3, sys

def fail(msg):
    print(msg)
    sys.exit(1)

def connect(path):
    db = sqlite3.connect(path, timeout=10)
    db.execute("PRAGMA foreign_keys = ON")
    return db

def check(path, label_log, allowed_images, range_epochs, fine_epochs):
    db = connect(path)
    rows = db.execute("PRAGMA integrity_check").fetchall()
    if rows != [("ok",)]:
        fail("integrity_check: " + "; ".join(r[0] for r in rows[:5]))
    rows = db.execute("PRAGMA foreign_key_check").fetchall()
    if rows:
        fail("foreign_key_check: %d row(s), first %r" % (len(rows), rows[0]))

    images = db.execute("SELECT count(*) FROM images").fetchone()[0]
    allowed = [int(x) for x in allowed_images.split(",") if x]
    if allowed and images not in allowed:
        fail("image count %d is none of %s (a half-written import)" % (images, allowed))
    pixels = db.execute("SELECT count(*) FROM standardized").fetchone()[0]
    if pixels != images:
        fail("%d images but %d standardized rows" % (images, pixels))
    for imp, imported, have in db.execute(
            "SELECT m.id, m.imported, (SELECT count(*) FROM images i WHERE i.import_id = m.id) "
            "FROM imports m"):
        if imported != have:
            fail("import #%d says %d images but %d are there" % (imp, imported, have))

    # Every label logged as committed is there, with its stage; the last command of a
    # round may have committed without being logged (either value is then fine).
    committed, pending = {}, {}
    with open(label_log) as f:
        for line in f:
            if not line.endswith("\n"):
                continue  # a line cut by the kill
            parts = line.split()
            if len(parts) < 3:
                continue
            kind, image, stage = parts[0], int(parts[1]), int(parts[2])
            if kind == "try":
                pending[image] = stage
            elif kind == "ok":
                committed[image] = stage
                pending.pop(image, None)
            elif kind == "fail":
                fail("label --image %d --stage %d exited with an error (%s) without a kill"
                     % (image, stage, " ".join(parts[3:])))
    for image, stage in committed.items():
        row = db.execute("SELECT stage, source FROM labels WHERE image_id = ?",
                         (image,)).fetchone()
        ok = {stage} | ({pending[image]} if image in pending else set())
        if row is None:
            fail("committed label of image #%d (stage %d) is missing" % (image, stage))
        if row[0] not in ok:
            fail("image #%d has stage %r, the committed label is %d" % (image, row[0], stage))
        if row[1] != "user":
            fail("image #%d: committed label has source %r, not 'user'" % (image, row[1]))
    # The label and its history row are written together: the newest history row of an
    # image is its label.
    for image, rng, stage, src, hrng, hstage, hsrc in db.execute(
            "SELECT l.image_id, l.stage_range, l.stage, l.source, h.new_range, h.new_stage, "
            "h.new_source FROM labels l JOIN label_history h ON h.id = (SELECT max(id) FROM "
            "label_history WHERE image_id = l.image_id AND state = 'done')"):
        if (rng, stage, src) != (hrng, hstage, hsrc):
            fail("image #%d: label %r but its history ends at %r (half-written)"
                 % (image, (rng, stage, src), (hrng, hstage, hsrc)))

    for run, status in db.execute("SELECT id, status FROM runs"):
        # "interrupted": a killed run, marked so by the next write that opened the project.
        if status not in ("running", "interrupted", "finished"):
            fail("run #%d has status %r" % (run, status))
        if status == "finished":
            final = db.execute("SELECT count(*) FROM models WHERE run_id = ? AND role = 'final'",
                               (run,)).fetchone()[0]
            if final != 1:
                fail("finished run #%d has %d final models" % (run, final))
            if db.execute("SELECT count(*) FROM checkpoints WHERE run_id = ?",
                          (run,)).fetchone()[0]:
                fail("finished run #%d still has a checkpoint" % run)
            epochs = db.execute("SELECT count(*) FROM run_epochs WHERE run_id = ?",
                                (run,)).fetchone()[0]
            if epochs != range_epochs + fine_epochs:
                fail("finished run #%d has %d epoch rows, not %d"
                     % (run, epochs, range_epochs + fine_epochs))
            if db.execute("SELECT count(*) FROM metrics WHERE run_id = ? AND name = 'test'",
                          (run,)).fetchone()[0] != 1:
                fail("finished run #%d has no test metric" % run)
    for run, state, digest in db.execute("SELECT run_id, state, sha256 FROM checkpoints"):
        if hashlib.sha256(state).hexdigest() != digest:
            fail("the checkpoint of run #%d fails its checksum" % run)
    runs = db.execute("SELECT count(*) FROM runs").fetchone()[0]
    print("ok images=%d runs=%d" % (images, runs))

def main():
    mode = sys.argv[1]
    if mode == "check":
        check(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6]))
    elif mode == "images":
        print(connect(sys.argv[2]).execute("SELECT count(*) FROM images").fetchone()[0])
    elif mode == "max-run":
        print(connect(sys.argv[2]).execute("SELECT coalesce(max(id), 0) FROM runs").fetchone()[0])
    elif mode == "new-runs":
        for (run,) in connect(sys.argv[2]).execute(
                "SELECT id FROM runs WHERE id > ? ORDER BY id", (int(sys.argv[3]),)):
            print(run)
    elif mode == "run":  # status, checkpoint phase and epoch (-1 -1 without one)
        db = connect(sys.argv[2])
        run = int(sys.argv[3])
        status = db.execute("SELECT status FROM runs WHERE id = ?", (run,)).fetchone()[0]
        ck = db.execute("SELECT phase, epoch FROM checkpoints WHERE run_id = ?",
                        (run,)).fetchone() or (-1, -1)
        print(status, ck[0], ck[1])
    elif mode == "stage-images":  # images with a precise stage, for relabelling
        for (image,) in connect(sys.argv[2]).execute(
                "SELECT image_id FROM labels WHERE stage IS NOT NULL ORDER BY image_id"):
            print(image)
    else:
        fail("unknown mode " + mode)

main()
PY

# The checks after a kill: the project opens in the product, then the database checks.
# $1: kill description for messages; $2: allowed image counts (comma-separated).
check_project() {
  local what=$1 allowed=$2 out
  if ! "$CLI" info "$P" --json >"$WORK/info.json" 2>"$WORK/info.err"; then
    die "$what: the project does not open: $(head -c 400 "$WORK/info.err")"
  fi
  if ! out=$(python3 "$CHECK" check "$P" "$LABEL_LOG" "$allowed" $RANGE_EPOCHS $FINE_EPOCHS); then
    die "$what: $out"
  fi
  local info_images
  info_images=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["images"])' \
    "$WORK/info.json") || die "$what: info --json is not JSON"
  [[ $out == "ok images=$info_images "* ]] ||
    die "$what: info --json says $info_images images, the database: $out"
}

# --- Setup: a project from synthetic data, and the durations of the three kinds of work.
echo "kill-test: $KILLS kills, seed $SEED, work folder $WORK"
"$CLI" synth --out "$WORK/synth" --scale 0.005 --min-per-stage 4 --seed "$SEED" >/dev/null 2>"$WORK/setup.err" ||
  die "setup: synth failed: $(tail -3 "$WORK/setup.err")"
"$CLI" import "$P" --csv "$WORK/synth/labels.csv" --threads 1 >/dev/null 2>"$WORK/setup.err" ||
  die "setup: import failed: $(tail -3 "$WORK/setup.err")"
: >"$LABEL_LOG"
mapfile -t STAGE_IMAGES < <(python3 "$CHECK" stage-images "$P")
((${#STAGE_IMAGES[@]} > 0)) || die "setup: no image with a precise stage"

# Import batches: fresh synthetic images (another seed), imported as a folder without
# labels (`import --folder`, as strict and as atomic as a labels CSV), so that the
# training set, and with it the training time, stays the same over the whole test.
BATCH_NO=0
new_batch() {
  BATCH_NO=$((BATCH_NO + 1))
  BATCH=$WORK/batch$BATCH_NO
  "$CLI" synth --out "$BATCH" --scale $IMPORT_SCALE --min-per-stage 1 \
    --seed $((SEED * 1000 + BATCH_NO)) >/dev/null 2>"$WORK/synth.err" ||
    die "setup: synth of batch $BATCH_NO failed: $(tail -3 "$WORK/synth.err")"
  BATCH_SIZE=$(find "$BATCH/images" -type f | wc -l)
}

t0=$(now_ms)
"$CLI" label "$P" --image "${STAGE_IMAGES[0]}" --stage 4 --force >/dev/null 2>"$WORK/setup.err" ||
  die "setup: label failed: $(cat "$WORK/setup.err")"
LABEL_MS=$(( ($(now_ms) - t0) * LABEL_BATCH ))
echo "ok ${STAGE_IMAGES[0]} 4" >>"$LABEL_LOG"

new_batch
t0=$(now_ms)
"$CLI" import "$P" --folder "$BATCH/images" --threads 1 >/dev/null 2>"$WORK/setup.err" ||
  die "setup: import of a batch failed: $(tail -3 "$WORK/setup.err")"
IMPORT_MS=$(($(now_ms) - t0))
new_batch

t0=$(now_ms)
"$CLI" train "$P" "${TRAIN_ARGS[@]}" >/dev/null 2>"$WORK/setup.err" ||
  die "setup: training failed: $(tail -3 "$WORK/setup.err")"
TRAIN_MS=$(($(now_ms) - t0))
check_project "setup" ""
echo "kill-test: durations: $LABEL_BATCH labels $(ms_text $LABEL_MS) s, import of" \
  "$BATCH_SIZE images $(ms_text $IMPORT_MS) s, training $(ms_text $TRAIN_MS) s"

# --- The kills.
declare -A SURVIVED=([label]=0 [import]=0 [train]=0)
declare -A FINISHED_FIRST=([label]=0 [import]=0 [train]=0)
KINDS=(label import train)
# Where the training kills landed: before the run existed, in a run without a checkpoint
# yet, in a run with one (resumed from it).
TRAIN_NO_RUN=0
TRAIN_NO_CHECKPOINT=0
TRAIN_CHECKPOINT=0
IMPORTS_ALL=0
IMPORTS_NONE=0

for ((k = 1; k <= KILLS; k++)); do
  kind=${KINDS[$(((k - 1) % 3))]}
  case $kind in
    label)
      delay=$(random_delay_ms $LABEL_MS)
      # The commands of this round, drawn here so that the seed decides them.
      plan=$WORK/label-plan
      : >"$plan"
      for ((i = 0; i < LABEL_BATCH * 4; i++)); do
        echo "${STAGE_IMAGES[$((RANDOM % ${#STAGE_IMAGES[@]}))]} $((4 + RANDOM % 14))" >>"$plan"
      done
      start_group bash -c '
        while read -r id st; do
          echo "try $id $st" >>"$3"
          "$1" label "$2" --image "$id" --stage "$st" --force >/dev/null 2>>"$3.err"
          rc=$?
          if ((rc == 0)); then echo "ok $id $st" >>"$3"; else echo "fail $id $st rc=$rc" >>"$3"; fi
        done <"$4"' _ "$CLI" "$P" "$LABEL_LOG" "$plan"
      kill_group_after "$delay" >/dev/null 2>&1
      what="kill $k/$KILLS (label, delay $(ms_text "$delay") s)"
      ((KILLED_RUNNING)) || FINISHED_FIRST[label]=$((FINISHED_FIRST[label] + 1))
      check_project "$what" ""
      ;;
    import)
      delay=$(random_delay_ms $IMPORT_MS)
      before=$(python3 "$CHECK" images "$P")
      start_group "$CLI" import "$P" --folder "$BATCH/images" --threads 1
      kill_group_after "$delay" >/dev/null 2>&1
      what="kill $k/$KILLS (import, delay $(ms_text "$delay") s)"
      if ((!KILLED_RUNNING)); then
        FINISHED_FIRST[import]=$((FINISHED_FIRST[import] + 1))
        ((WORK_STATUS == 0)) || die "$what: the import ended before the kill with status $WORK_STATUS"
      fi
      check_project "$what" "$before,$((before + BATCH_SIZE))"
      # All of the batch is there: the next import needs a fresh one; none: retry it.
      after=$(python3 "$CHECK" images "$P")
      if ((after == before)); then
        ((KILLED_RUNNING)) && IMPORTS_NONE=$((IMPORTS_NONE + 1))
      else
        ((KILLED_RUNNING)) && IMPORTS_ALL=$((IMPORTS_ALL + 1))
        new_batch
      fi
      ;;
    train)
      delay=$(random_delay_ms $TRAIN_MS)
      last_run=$(python3 "$CHECK" max-run "$P")
      start_group "$CLI" train "$P" "${TRAIN_ARGS[@]}"
      kill_group_after "$delay" >/dev/null 2>&1
      what="kill $k/$KILLS (train, delay $(ms_text "$delay") s)"
      if ((!KILLED_RUNNING)); then
        FINISHED_FIRST[train]=$((FINISHED_FIRST[train] + 1))
        ((WORK_STATUS == 0)) || die "$what: training ended before the kill with status $WORK_STATUS"
      fi
      check_project "$what" ""
      mapfile -t new_runs < <(python3 "$CHECK" new-runs "$P" "$last_run")
      ((${#new_runs[@]} <= 1)) || die "$what: one training made ${#new_runs[@]} runs"
      if ((${#new_runs[@]} == 1)); then
        run=${new_runs[0]}
        read -r status phase epoch < <(python3 "$CHECK" run "$P" "$run")
        if [[ $status != finished ]]; then
          [[ $status == running || $status == interrupted ]] ||
            die "$what: run #$run has status '$status' after the kill"
          # Its process is gone: the product says so (it would say 'running' while alive).
          shown=$("$CLI" runs "$P" | awk -F'\t' -v id="$run" '$1 == id { print $5 }')
          [[ $shown == interrupted ]] ||
            die "$what: 'flystage-cli runs' shows the killed run #$run as '$shown'"
          # Where the resumed run must go on: the epoch after the checkpoint.
          phases=(range fine)
          epochs=($RANGE_EPOCHS $FINE_EPOCHS)
          if ((phase < 0)); then
            TRAIN_NO_CHECKPOINT=$((TRAIN_NO_CHECKPOINT + 1))
            expect="range epoch 1"
          else
            TRAIN_CHECKPOINT=$((TRAIN_CHECKPOINT + 1))
            if ((epoch < epochs[phase])); then
              expect="${phases[$phase]} epoch $((epoch + 1))"
            elif ((phase + 1 < ${#phases[@]})); then
              expect="${phases[$((phase + 1))]} epoch 1"
            else
              expect=""  # killed while finishing: no epoch left
            fi
          fi
          "$CLI" train "$P" --resume "$run" >"$WORK/resume.out" 2>"$WORK/resume.err" ||
            die "$what: train --resume $run failed: $(tail -3 "$WORK/resume.err")"
          first=$(grep -m1 -oE '^(range|fine) epoch [0-9]+:' "$WORK/resume.err" | tr -d :)
          [[ $first == "$expect" ]] ||
            die "$what: run #$run had its checkpoint at phase $phase epoch $epoch; the resumed" \
              "run began with '${first:-no epoch}', not '${expect:-no epoch}'"
          check_project "$what, after resuming run #$run" ""
        fi
        status=$("$CLI" runs "$P" | awk -F'\t' -v id="$run" '$1 == id { print $5 }')
        [[ $status == finished ]] || die "$what: 'flystage-cli runs' shows run #$run as '$status'"
      elif ((KILLED_RUNNING)); then
        TRAIN_NO_RUN=$((TRAIN_NO_RUN + 1))
      fi
      ;;
  esac
  SURVIVED[$kind]=$((SURVIVED[$kind] + 1))
done

total=$((SURVIVED[label] + SURVIVED[import] + SURVIVED[train]))
echo "kill-test: survived $total/$KILLS kills (label ${SURVIVED[label]}, import" \
  "${SURVIVED[import]}, train ${SURVIVED[train]}), seed $SEED, $((SECONDS - START)) s"
echo "kill-test: labels committed $(grep -c '^ok ' "$LABEL_LOG"); imports killed with all of" \
  "the batch there $IMPORTS_ALL, none of it $IMPORTS_NONE; training killed before its run" \
  "existed $TRAIN_NO_RUN, resumed without a checkpoint $TRAIN_NO_CHECKPOINT, resumed from" \
  "its checkpoint $TRAIN_CHECKPOINT; work that ended before its kill: label" \
  "${FINISHED_FIRST[label]}, import ${FINISHED_FIRST[import]}, train ${FINISHED_FIRST[train]}"
