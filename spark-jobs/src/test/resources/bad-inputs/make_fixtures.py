#!/usr/bin/env python3
"""Writes the committed text fixtures of the bad-input corpus (see README.md here).

Every fixture starts from base.csv: the header and the first 30 data rows of the bundled,
generated sample sample-data/samples/ddp-2025/ddp-2025.csv (seed 42; no real person).
Run from this folder: python3 make_fixtures.py
"""
import csv
import io

with open("base.csv", encoding="utf-8", newline="") as f:
    text = f.read()
lines = text.split("\n")
assert lines[-1] == "" and len(lines) == 32, "base.csv: a header, 30 rows, a final newline"
header, rows = lines[0], lines[1:31]
cols = next(csv.reader([header]))
BOOK_IN, BOOK_OUT, FACILITY, CODE = (cols.index(c) for c in (
    "Book In Date Time", "Detention Book Out Date Time", "Detention Facility", "Detention Facility Code"))
STAY_IN, STAY_OUT, PERSON = (cols.index(c) for c in (
    "Stay Book In Date Time", "Stay Book Out Date Time", "Unique Identifier"))


def fields(line):
    return next(csv.reader([line]))


def join(values):
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(values)
    return out.getvalue()


def write(name, data_lines, newline="\n", encoding="utf-8", prefix=""):
    with open(name, "w", encoding=encoding, newline="") as f:
        f.write(prefix + newline.join([header] + data_lines) + newline)


def extra_person(person, book_in, book_out, code="ADLNTCA", name="ADELANTO ICE PROCESSING CENTER"):
    """A one-placement stay of a new person, closed (Removed) when book_out is given."""
    values = [""] * len(cols)
    values[STAY_IN] = book_in
    values[BOOK_IN] = book_in
    values[FACILITY] = name
    values[CODE] = code
    values[BOOK_OUT] = book_out
    values[STAY_OUT] = book_out
    values[cols.index("Detention Release Reason")] = "Removed"
    values[cols.index("Stay Book Out Date")] = book_out[:10]
    values[cols.index("Stay Release Reason")] = "Removed"
    values[cols.index("Gender")] = "Male"
    values[PERSON] = person
    return join(values)


# Cases that already worked before issue 13.
write("bom.csv", rows, prefix="\ufeff")
write("crlf.csv", rows, newline="\r\n")
write("cr-only.csv", rows, newline="\r")
unicode_rows = list(rows)
for i, ident in ((1, "张伟-0001"), (2, "张伟-0001"), (5, "\U0001F600\U0001F4C1-77"), (6, "Ñandú-Ø")):
    v = fields(unicode_rows[i])
    v[PERSON] = ident
    unicode_rows[i] = join(v)
write("unicode-ids.csv", unicode_rows)
write("empty.csv", [], newline="")  # rewritten below as a truly empty file
open("empty.csv", "w").close()
write("header-only.csv", [])
with open("not-gzip.csv.gz", "w", encoding="utf-8") as f:
    f.write(text)

# 1. One absurd date: a 31st row, a new person booked out on 9999-12-31 (or booked in in year 1).
write("book-out-9999.csv", rows + [extra_person("CORPUS-9999", "2025-01-15 08:00:00", "9999-12-31 00:00:00")])
write("book-in-0001.csv", rows + [extra_person("CORPUS-0001", "0001-01-01 00:00:00", "2025-01-20 08:00:00")])

# 2. An unclosed quote: row 10 ends with a field that opens a quote; row 11 holds a quoted field
#    with a comma, whose opening quote closes row 10's when the two lines are joined.
quote_rows = list(rows)
v = fields(quote_rows[10])
v[FACILITY] = "ADELANTO, ICE PROCESSING CENTER"
quote_rows[10] = join(v)
v = fields(quote_rows[9])
quote_rows[9] = join(v[:-1]) + ',"' + v[-1]
write("unclosed-quote.csv", quote_rows)

# 4. Windows-1252 text: accented facility names as Excel saves them on Windows.
cp_rows = list(rows)
for i, name in ((0, "CENTRO DE DETENCIÓN"), (3, "CENTRO DE DETENCIÓN"), (7, "ESTACIÓN DE PEÑUELAS")):
    v = fields(cp_rows[i])
    v[FACILITY] = name
    cp_rows[i] = join(v)
write("windows-1252.csv", cp_rows, encoding="cp1252")
