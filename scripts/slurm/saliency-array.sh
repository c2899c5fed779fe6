#!/bin/bash
# Saliency maps of every image of a project, one shard per array task: each task writes the
# raw maps of its images (OUTDIR/<image id>.tif) and OUTDIR/saliency-shard-I-of-N.csv. The
# files of different tasks never collide, so there is nothing to merge. Options after OUTDIR
# go to `flystage-cli saliency` (--method, --samples, --stage, --images ID,ID,...).
#
#   sbatch --array=0-15 scripts/slurm/saliency-array.sh PROJECT RUN OUTDIR --method smoothgrad
#SBATCH --job-name=flystage-saliency
#SBATCH --cpus-per-task=4
#SBATCH --mem=4G
#SBATCH --time=02:00:00
#SBATCH --output=flystage-saliency-%A_%a.log
set -euo pipefail
if [[ $# -lt 3 ]]; then
  echo "usage: sbatch --array=0-(N-1) $0 PROJECT RUN OUTDIR [saliency options...]" >&2
  exit 2
fi
project=$1 run=$2 out=$3
shift 3
# shellcheck source=shard-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/shard-env.sh"
use_project "$project"
images=all
args=()
while [[ $# -gt 0 ]]; do
  if [[ $1 == --images ]]; then
    images=$2
    shift 2
  else
    args+=("$1")
    shift
  fi
done
"$cli" saliency "$read_project" --run "$run" --images "$images" "${args[@]}" \
  --shard "$shard" --threads "$threads" --out "$out"
