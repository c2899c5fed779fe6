# shellcheck shell=bash disable=SC2034  # the variables are for the scripts that source this
# Sourced by the array scripts: this task's shard from SLURM's array variables, and the
# FlyStage command line tool. Works with any contiguous array (--array=0-15 or --array=1-16):
# the shard index counts from the array's first task.
: "${SLURM_ARRAY_TASK_ID:?submit this script as an array job: sbatch --array=0-(N-1) ...}"
shard_min=${SLURM_ARRAY_TASK_MIN:-0}
shard_max=${SLURM_ARRAY_TASK_MAX:?SLURM did not set SLURM_ARRAY_TASK_MAX}
shard_count=$((shard_max - shard_min + 1))
shard_index=$((SLURM_ARRAY_TASK_ID - shard_min))
shard="${shard_index}/${shard_count}"
# Threads: the cores SLURM gave the task (libtorch would otherwise guess from the node).
threads=${SLURM_CPUS_PER_TASK:-1}
# The tool: flystage-cli on PATH, or FLYSTAGE_CLI=/path/to/flystage-cli.
cli=${FLYSTAGE_CLI:-flystage-cli}

# Shards only read the project. Where the shared file system's locks are unreliable (some
# NFS setups), set FLYSTAGE_COPY_PROJECT=1 to read a node-local copy instead (removed at exit).
# Sets read_project to the file to read.
use_project() {
  read_project=$1
  if [[ ${FLYSTAGE_COPY_PROJECT:-0} == 1 ]]; then
    copy_dir=$(mktemp -d "${TMPDIR:-/tmp}/flystage-${SLURM_JOB_ID:-$$}-XXXXXX")
    trap 'rm -rf "$copy_dir"' EXIT
    cp "$1" "$copy_dir/"
    # Changes not yet checkpointed into the file (there should be none: see docs/cluster.md).
    if [[ -s "$1-wal" ]]; then cp "$1-wal" "$copy_dir/"; fi
    read_project=$copy_dir/$(basename "$1")
  fi
}
