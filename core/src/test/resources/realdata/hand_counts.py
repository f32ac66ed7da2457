"""Hand count of every rule on ddp-2025-wa-placements.csv, in plain Python (csv module only),
written from the rule meanings in docs/rules.md, not from the audit's code. Gives the counts in
RealDdpSampleTest. Run from the repository root:
  python3 core/src/test/resources/realdata/hand_counts.py \
    core/src/test/resources/realdata/ddp-2025-wa-placements.csv \
    core/src/main/resources/org/detentionaudit/core/reference/facilities.csv [details]
"""
import csv, sys, datetime as dt, collections


path = sys.argv[1]
reference = sys.argv[2]  # the bundled facility reference (core/.../reference/facilities.csv)
known = [s.strip().lower() for s in """Transferred
Removed
Paroled
Order of recognizance
Paroled - Fear Found
Bonded Out - IJ
Paroled - Humanitarian
U.S. Marshals or other agency (explain in Detention Comments)
Order of supervision
Processing Disposition Changed Locally
Order of Recognizance - Humanitarian
Bonded Out - Field Office
Order of Supervision - No SLRRFF
Relief Granted by IJ
Proceedings Terminated
Voluntary departure
Paroled - Public Benefit
Order of Supervision - Humanitarian
Voluntary Return
Order of Supervision - Re-Release
Withdrawal
Died
Escaped
Title 42 Return""".splitlines()]

def text(v):
    v = v.strip()
    if v == '' or v.upper() in ('NA', 'N/A') or v.startswith('(b)') or v.startswith('b(') or v.startswith('b)'):
        return None
    return v

def ts(v):
    v = text(v)
    if v is None:
        return None
    for f in ('%Y-%m-%d %H:%M:%S', '%Y-%m-%d'):
        try:
            return dt.datetime.strptime(v, f)
        except ValueError:
            pass
    raise ValueError(v)

rows = []
with open(path, newline='', encoding='utf-8') as f:
    for i, r in enumerate(csv.DictReader(f)):
        rows.append(dict(order=i, pid=text(r['unique_identifier']), sbi=ts(r['stay_book_in_date_time']),
                         bi=ts(r['book_in_date_time']), bo=ts(r['detention_book_out_date_time']),
                         sbo=ts(r['stay_book_out_date_time']), code=text(r['detention_facility_code']),
                         name=text(r['detention_facility']), rr=text(r['detention_release_reason']),
                         srr=text(r['stay_release_reason'])))
with open(reference, newline='', encoding='utf-8') as f:
    ref = {r['facility_code'].strip().upper() for r in csv.DictReader(f)}

N = len(rows)
extract = max(x for r in rows for x in (r['bi'], r['bo']) if x)
out = collections.OrderedDict()
def rule(name, checked, failed):
    out[name] = (len(checked), len([r for r in checked if failed(r)]))

rule('facility.missing_code', rows, lambda r: r['code'] is None)
rule('placement.missing_book_in', rows, lambda r: r['bi'] is None)
both = [r for r in rows if r['bi'] and r['bo']]
rule('placement.negative_length', both, lambda r: r['bo'] < r['bi'])
rule('placement.zero_length', both, lambda r: r['bo'] == r['bi'])
rule('placement.outside_stay', [r for r in rows if (r['bi'] and r['sbi']) or (r['bo'] and r['sbo'])],
     lambda r: (r['bi'] and r['sbi'] and r['bi'] < r['sbi']) or (r['bo'] and r['sbo'] and r['bo'] > r['sbo']))
rule('placement.open_in_closed_stay', [r for r in rows if r['sbo']], lambda r: r['bo'] is None)
rule('placement.booked_out_without_reason', [r for r in rows if r['bo']], lambda r: r['rr'] is None)
rule('placement.reason_without_book_out', [r for r in rows if r['rr']], lambda r: r['bo'] is None)
rule('stay.reason_without_book_out', [r for r in rows if r['srr']], lambda r: r['sbo'] is None)
rule('placement.unknown_release_reason', [r for r in rows if r['rr']], lambda r: r['rr'].lower() not in known)
rule('person.missing_id', rows, lambda r: r['pid'] is None)

# per person: ordering book_in, book_out (nulls last), input order
people = collections.defaultdict(list)
for r in rows:
    if r['pid']:
        people[r['pid'].upper()].append(r)
FAR = dt.datetime(9999, 12, 31)
def key(r):
    return (r['bi'] is None, r['bi'] or FAR, r['bo'] is None, r['bo'] or FAR, r['order'])
dup, overlap, tnext, unknown, selft, transfers = set(), set(), set(), set(), set(), []
for pid, ps in people.items():
    ps.sort(key=key)
    for i, r in enumerate(ps):
        twin = (r['bi'], r['bo'], (r['code'] or '').upper() if r['code'] else None)
        if any((e['bi'], e['bo'], e['code'].upper() if e['code'] else None) == twin for e in ps[:i]):
            dup.add(r['order'])
        if r['bi'] and any((e['bo'] or FAR) > r['bi'] for e in ps[:i]):
            overlap.add(r['order'])
        later_same_stay = [e for e in ps[i+1:] if e['sbi'] == r['sbi']]
        is_transfer = r['rr'] and r['rr'].lower() == 'transferred'
        if r['bi'] and is_transfer and not later_same_stay:
            tnext.add(r['order'])
        if r['bi'] and r['code'] and is_transfer:
            transfers.append(r)
            if later_same_stay and later_same_stay[0]['code'] and later_same_stay[0]['code'].upper() == r['code'].upper():
                selft.add(r['order'])
        if r['bi'] and r['bo'] is None and r['rr'] is None:
            stay_closed = any(e['sbo'] for e in ps if e['sbi'] == r['sbi'])
            later = any(e['bi'] and e['bi'] > r['bi'] for e in ps)
            old = r['bi'] < extract - dt.timedelta(days=365)
            if stay_closed or later or old:
                unknown.add(r['order'])
withpid = [r for r in rows if r['pid']]
withpid_bi = [r for r in withpid if r['bi']]
out['placement.duplicate'] = (len(withpid), len(dup))
out['person.overlapping_placements'] = (len(withpid_bi), len(overlap))
out['stay.transferred_without_next'] = (len(withpid_bi), len(tnext))
out['status.unknown'] = (len(withpid_bi), len(unknown))
rule('facility.unknown_code', [r for r in rows if r['code']], lambda r: r['code'].upper() not in ref)
pairs = {(r['code'].upper(), r['name'].upper()) for r in rows if r['code'] and r['name']}
names_per_code = collections.Counter(c for c, n in pairs)
codes_per_name = collections.Counter(n for c, n in pairs)
cn = [r for r in rows if r['code'] and r['name']]
rule('facility.code_several_names', cn, lambda r: names_per_code[r['code'].upper()] > 1)
rule('facility.name_several_codes', cn, lambda r: codes_per_name[r['name'].upper()] > 1)
out['placement.self_transfer'] = (len(transfers), len(selft))
out['stay.implausibly_early'] = ('NOT_APPLICABLE', None)
dated = [r for r in rows if r['sbi'] or r['bi'] or r['bo'] or r['sbo']]
rule('placement.after_extract', dated, lambda r: any(x and x > extract for x in (r['sbi'], r['bi'], r['bo'], r['sbo'])))
# Plausible: from 1950-01-01 00:00 to the end of the run date (today; the file's dates are 2024-2025).
run_end = dt.datetime.combine(dt.date.today() + dt.timedelta(days=1), dt.time())
rule('placement.implausible_date', dated,
     lambda r: any(x and (x < dt.datetime(1950, 1, 1) or x >= run_end) for x in (r['sbi'], r['bi'], r['bo'], r['sbo'])))
print('records', N, 'people', len(people), 'extract', extract)
for k, (c, f) in out.items():
    print(f'{k:40s} checked={c} failed={f}')
print('unknown codes', sorted({r['code'] for r in rows if r['code'] and r['code'].upper() not in ref}))
print('codes several names', sorted(c for c, k in names_per_code.items() if k > 1))
print('names several codes', sorted(n for n, k in codes_per_name.items() if k > 1))
if len(sys.argv) > 3:
    a = [r for r in rows if r['bi'] and r['sbi'] and r['bi'] < r['sbi']]
    b = [r for r in rows if r['bo'] and r['sbo'] and r['bo'] > r['sbo']]
    print('outside: book_in<stay_book_in', len(a), 'book_out>stay_book_out', len(b), 'both', len([r for r in a if r in b]),
          'book_out>sbo only on the same day', len([r for r in b if r['bo'].date() == r['sbo'].date()]))
    print('rows with stay_book_in', len([r for r in rows if r['sbi']]), 'with stay_book_out', len([r for r in rows if r['sbo']]),
          'sbi present sbo absent', len([r for r in rows if r['sbi'] and not r['sbo']]), 'book_out null', len([r for r in rows if not r['bo']]))
    ov = [r for r in rows if r['order'] in overlap]
    print('overlap rows whose book_in is the same day as the end they overlap', 
          len([r for r in ov if any(e['bo'] and e['bo'].date() == r['bi'].date() and e['bo'] > r['bi'] for e in people[r['pid'].upper()] if key(e) < key(r))]),
          'overlapping an open placement', len([r for r in ov if any(e['bo'] is None for e in people[r['pid'].upper()] if key(e) < key(r))]))
    print('transferred without next: rows (1-based source_row)', sorted(o + 1 for o in tnext), 'of which null stay_book_in', len([r for r in rows if r['order'] in tnext and r['sbi'] is None]))
    print('status.unknown rows', sorted(o + 1 for o in unknown))
    for r in rows:
        if r['order'] in unknown:
            print({k: v for k, v in r.items() if k != 'pid'})
    print('open placements (book_out null):', len([r for r in rows if r['bo'] is None]), 'of which rr null', len([r for r in rows if r['bo'] is None and r['rr'] is None]))
    print('codes', len({r['code'] for r in rows}), 'names', len({r['name'] for r in rows}))
