#!/usr/bin/env bash
# Regenerates sample-data/samples/: the same seed and records in four layout/format folders,
# with the heavy defect profile (every rule failing on about 1% of records or more).
# Run from anywhere after `./mvnw -q -DskipTests install` at the repository root.
set -euo pipefail
cd "$(dirname "$0")"
ARGS=(--placements 2500 --seed 42 --extract-date 2025-06-26T00:00 --malformed 0 --defects heavy)
rm -rf samples
run() { ../bin/detention-audit generate "${ARGS[@]}" "$@"; }
run --out samples/ddp-2025 --layouts ddp-2025 --formats csv
run --out samples/ddp-2026-03 --layouts ddp-2026-03 --formats pipe
run --out samples/uwchr-2012-2024 --layouts uwchr-2012-2024 --formats csv.gz
run --out samples/parquet --layouts ddp-2025 --formats parquet
