#!/bin/bash
# Genomewide expression maps over the images of a project, one shard per array task; every
# option after OUTDIR goes to `flystage-cli gem` (--run, --by, --stage, --gene, --masked ...)
# and must be the same for every task.
#
#   jobid=$(sbatch --parsable --array=0-15 scripts/slurm/gem-array.sh PROJECT OUTDIR --run 3)
#   sbatch --dependency=afterok:$jobid scripts/slurm/gem-merge.sh OUTDIR gem.pdf
#
# Each task reads the project and writes its sums to OUTDIR/gem-I-of-N.gemp; gem-merge.sh sums
# them and draws the figure a single run draws (docs/cluster.md).
#SBATCH --job-name=flystage-gem
#SBATCH --cpus-per-task=4
#SBATCH --mem=4G
#SBATCH --time=01:00:00
#SBATCH --output=flystage-gem-%A_%a.log
set -euo pipefail
if [[ $# -lt 2 ]]; then
  echo "usage: sbatch --array=0-(N-1) $0 PROJECT OUTDIR [gem options...]" >&2
  exit 2
fi
project=$1 out=$2
shift 2
# shellcheck source=shard-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/shard-env.sh"
use_project "$project"
mkdir -p "$out"
"$cli" gem "$read_project" "$@" --shard "$shard" --threads "$threads" \
  --partial "$out/gem-${shard_index}-of-${shard_count}.gemp"
