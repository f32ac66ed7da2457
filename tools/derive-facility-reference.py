#!/usr/bin/env python3
"""Derives detention-audit's bundled facility reference from the two public lists.

Usage (from the repository root; standard library only, deterministic output):

    python3 tools/derive-facility-reference.py \
        core/src/test/resources/realdata/ice-facilities-2017.csv \
        core/src/test/resources/realdata/ddp-2025-02-facility-codes.csv \
        > core/src/main/resources/org/detentionaudit/core/reference/facilities.csv

Inputs:
  ice-facilities-2017.csv          ICE ERO's facility list of November 2017 (FOIA release to the
                                   National Immigrant Justice Center, as cleaned by UWCHR,
                                   UWCHR/ice-facilities clean/output/facil-list.csv.gz).
  ddp-2025-02-facility-codes.csv   every (code, name) pair in the Deportation Data Project's
                                   February 2025 release (aclu-national/detention-network-analysis,
                                   output/detention_facilities.csv).

Output: one row per distinct (facility_code, facility_name) pair, sorted by code then name, with
  facility_code   as published, trimmed (codes are compared trimmed and ignoring case)
  facility_name   as published, trimmed; a code listed under several names has several rows
  per_diem_rate   the 2017 list's per-diem text, unchanged (a number, tiered text, 'Not ICE Funded',
                  'b)(4)' when redacted, empty when not given); empty for codes only in the 2025 list
  sources         the lists that name this code under this name: 'ice-2017', 'ddp-2025-02', or both
                  separated by a space
  type, type_detailed, over_under_72
                  the 2017 list's facility type (e.g. 'IGSA', 'Other'), detailed type (e.g. 'HOLD',
                  'STAGING', 'IGSA') and whether ICE may hold people there more than 72 hours
                  ('Under 72', 'Over 72', or empty when the list does not say), unchanged; empty for
                  codes only in the 2025 list. These are facts about the code, so every row of a code
                  carries the same values. A code the 2017 list gives several rows takes, per column,
                  the one non-empty value its rows give (in the November 2017 list they never
                  disagree); if its rows gave different values, the column would be left empty (not
                  known) and the code named on stderr.

What is changed: values are trimmed; the 207 rows of the 2017 list whose code is the word
'Redacted' are left out (a redacted code identifies no facility); pairs listed twice are merged.
"""
import csv
import sys

ICE_2017 = "ice-2017"
DDP_2025_02 = "ddp-2025-02"
FACT_COLUMNS = ["type", "type_detailed", "over_under_72"]


def main(ice_path, ddp_path, out):
    pairs = {}  # (code, name) -> set of sources
    per_diem = {}  # code -> per-diem text from the 2017 list
    facts = {}  # code -> {column -> set of non-empty values} from the 2017 list
    with open(ice_path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code = row["facility_code"].strip()
            if not code or code.lower() == "redacted":
                continue
            name = row["facility_name"].strip()
            pairs.setdefault((code, name), set()).add(ICE_2017)
            rate = row["per_diem_rate"].strip()
            if rate and per_diem.get(code, "") == "":
                per_diem[code] = rate
            for column in FACT_COLUMNS:
                value = row[column].strip()
                if value:
                    facts.setdefault(code, {}).setdefault(column, set()).add(value)
    with open(ddp_path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code = row["detention_facility_code"].strip()
            if not code:
                continue
            name = row["detention_facility"].strip()
            pairs.setdefault((code, name), set()).add(DDP_2025_02)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["facility_code", "facility_name", "per_diem_rate", "sources"] + FACT_COLUMNS)
    for (code, name) in sorted(pairs):
        sources = " ".join(s for s in (ICE_2017, DDP_2025_02) if s in pairs[(code, name)])
        writer.writerow([code, name, per_diem.get(code, ""), sources]
                        + [fact(facts, code, column) for column in FACT_COLUMNS])


def fact(facts, code, column):
    values = facts.get(code, {}).get(column, set())
    if len(values) > 1:
        print(f"{code}: rows disagree on {column} {sorted(values)}; left empty", file=sys.stderr)
        return ""
    return next(iter(values), "")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.stdout)
