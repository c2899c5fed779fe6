#!/bin/bash
# Sum the partial GEMs of gem-array.sh and draw the figure (.png, .svg or .pdf, with its .csv);
# options after FIGURE go to `flystage-cli gem-merge` (--colormap, --columns, --dpi).
#
#   sbatch --dependency=afterok:JOBID scripts/slurm/gem-merge.sh OUTDIR gem.pdf
#SBATCH --job-name=flystage-gem-merge
#SBATCH --cpus-per-task=1
#SBATCH --mem=2G
#SBATCH --time=00:30:00
#SBATCH --output=flystage-gem-merge-%j.log
set -euo pipefail
if [[ $# -lt 2 ]]; then
  echo "usage: sbatch $0 OUTDIR FIGURE [gem-merge options...]" >&2
  exit 2
fi
out=$1 figure=$2
shift 2
shopt -s nullglob
partials=("$out"/gem-*-of-*.gemp)
if [[ ${#partials[@]} -eq 0 ]]; then
  echo "$out: no gem-I-of-N.gemp files" >&2
  exit 1
fi
"${FLYSTAGE_CLI:-flystage-cli}" gem-merge "${partials[@]}" --out "$figure" "$@"
