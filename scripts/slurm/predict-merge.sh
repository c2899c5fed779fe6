#!/bin/bash
# Store the predictions of every shard of predict-array.sh in the project: one process, one
# transaction; refused (nothing stored) when a shard is missing, given twice, of another run or
# model, or made before images were imported (docs/cluster.md).
#
#   sbatch --dependency=afterok:JOBID scripts/slurm/predict-merge.sh PROJECT RUN OUTDIR
#SBATCH --job-name=flystage-predict-merge
#SBATCH --cpus-per-task=1
#SBATCH --mem=2G
#SBATCH --time=00:30:00
#SBATCH --output=flystage-predict-merge-%j.log
set -euo pipefail
if [[ $# -ne 3 ]]; then
  echo "usage: sbatch $0 PROJECT RUN OUTDIR" >&2
  exit 2
fi
project=$1 run=$2 out=$3
shopt -s nullglob
shards=("$out"/predictions-*-of-*.csv)
if [[ ${#shards[@]} -eq 0 ]]; then
  echo "$out: no predictions-I-of-N.csv files" >&2
  exit 1
fi
"${FLYSTAGE_CLI:-flystage-cli}" merge-predictions "$project" --run "$run" "${shards[@]}"
