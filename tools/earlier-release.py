#!/usr/bin/env python3
"""Writes a DDP 2025 CSV as it would have been released earlier: the evidence for compare's defaults.

Usage: earlier-release.py IN.csv OUT.csv "YYYY-MM-DD HH:MM:SS"

Placements (and stays) booked in after the cut-off are dropped; book-outs, stay book-outs after it
are blanked with their release reasons (those placements and stays were still open then), and so
are the later dates a record gains as its case goes on (Departed Date, Final Order Date, Bond
Posted Date). Every other cell is kept. Prints the rows kept and dropped. See docs/compare.md,
"Thresholds: the evidence".
"""
import csv, sys
T0 = sys.argv[3]
src, dst = sys.argv[1], sys.argv[2]
csv.field_size_limit(10**9)
with open(src, newline='', encoding='utf-8') as f, open(dst, 'w', newline='', encoding='utf-8') as g:
    r = csv.reader(f); w = csv.writer(g)
    h = next(r); w.writerow(h); ix = {n: i for i, n in enumerate(h)}
    kept = dropped = 0
    later_dates = ['Departed Date', 'Final Order Date', 'Bond Posted Date']
    for row in r:
        bi = row[ix['Book In Date Time']]; sbi = row[ix['Stay Book In Date Time']]
        if (bi[:4].isdigit() and bi > T0) or (sbi[:4].isdigit() and sbi > T0):
            dropped += 1; continue
        bo = row[ix['Detention Book Out Date Time']]
        if bo[:4].isdigit() and bo > T0:
            row[ix['Detention Book Out Date Time']] = ''; row[ix['Detention Release Reason']] = ''
        sbo = row[ix['Stay Book Out Date Time']]
        if sbo[:4].isdigit() and sbo > T0:
            row[ix['Stay Book Out Date Time']] = ''; row[ix['Stay Book Out Date']] = ''; row[ix['Stay Release Reason']] = ''
        for c in later_dates:
            v = row[ix[c]]
            if v[:4].isdigit() and v > T0: row[ix[c]] = ''
        w.writerow(row); kept += 1
print(kept, dropped)
