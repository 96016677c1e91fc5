#!/usr/bin/env bash
# Prints each module's line and branch coverage from the JaCoCo reports that `mvn verify` wrote
# (target/site/jacoco/jacoco.csv), with the path of the HTML report. Prints nothing for modules
# without a report. No threshold: the figures are for reading.
set -euo pipefail
cd "$(dirname "$0")/../.."
for csv in */target/site/jacoco/jacoco.csv; do
  [ -f "$csv" ] || continue
  module=${csv%%/*}
  # columns: GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED,LINE_COVERED,...
  awk -F, -v m="$module" 'NR > 1 { bm += $6; bc += $7; lm += $8; lc += $9 }
    END { if (lm + lc > 0) printf "[coverage] %-18s lines %5.1f%%  branches %5.1f%%  %s/target/site/jacoco/index.html\n",
      m, 100 * lc / (lm + lc), (bm + bc > 0 ? 100 * bc / (bm + bc) : 100), m }' "$csv"
done
