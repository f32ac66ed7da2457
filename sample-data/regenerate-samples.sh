#!/usr/bin/env bash
# Regenerates sample-data/samples/: the same seed and records in four layout/format folders.
# Run from the repository root after `mvn -B -q -pl sample-data -am install -DskipTests`.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=provided >/dev/null
CP="target/classes:$(cat target/classpath.txt)"
ARGS=(--placements 2500 --seed 42 --extract-date 2025-06-26T00:00 --malformed 0)
rm -rf samples
run() { java -cp "$CP" org.detentionaudit.sample.GenerateSample "${ARGS[@]}" "$@" 2>/dev/null | head -1; }
run --out samples/ddp-2025 --layouts ddp-2025 --formats csv
run --out samples/ddp-2026-03 --layouts ddp-2026-03 --formats pipe
run --out samples/uwchr-2012-2024 --layouts uwchr-2012-2024 --formats csv.gz
run --out samples/parquet --layouts ddp-2025 --formats parquet
