#!/bin/bash
# Predict the stage of every image of a project with a run's model, one shard per array task.
#
#   jobid=$(sbatch --parsable --array=0-15 scripts/slurm/predict-array.sh PROJECT RUN OUTDIR)
#   sbatch --dependency=afterok:$jobid scripts/slurm/predict-merge.sh PROJECT RUN OUTDIR
#
# Each task reads the project (never writes it) and writes OUTDIR/predictions-I-of-N.csv;
# predict-merge.sh stores all of them in the project in one transaction (docs/cluster.md).
# The #SBATCH lines are an example: adapt the partition, cores, memory and time to your site.
#SBATCH --job-name=flystage-predict
#SBATCH --cpus-per-task=4
#SBATCH --mem=4G
#SBATCH --time=01:00:00
#SBATCH --output=flystage-predict-%A_%a.log
set -euo pipefail
if [[ $# -ne 3 ]]; then
  echo "usage: sbatch --array=0-(N-1) $0 PROJECT RUN OUTDIR" >&2
  exit 2
fi
project=$1 run=$2 out=$3
# shellcheck source=shard-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/shard-env.sh"
use_project "$project"
mkdir -p "$out"
"$cli" predict "$read_project" --run "$run" --shard "$shard" --threads "$threads" \
  --out "$out/predictions-${shard_index}-of-${shard_count}.csv"
