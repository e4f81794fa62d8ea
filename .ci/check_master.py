"""Reads the master workbook with openpyxl (an independent reader) and compares every table's
named range with the tables JSON it was rendered from.

usage: check_master.py WORKBOOK.xlsx TABLES.json

For each table in the JSON: a named range called after its id (prefixed t_ when the id could be
read as a cell reference) must exist; its first cell holds the title; the row labelled "n=" holds
the bases; the rows below it hold the labels and values in the JSON's order, one column per
column key (percentages stored as fractions with a % format).
"""
import json
import re
import sys

import openpyxl


def excel_name(table_id):
    clean = re.sub(r"[^A-Za-z0-9_.]", "_", table_id)
    ref_like = re.fullmatch(r"(?i)[a-z]{1,3}[0-9]+", clean) or re.fullmatch(
        r"(?i)r[0-9]*c?[0-9]*|c[0-9]*", clean)
    bad_start = not clean or not (clean[0].isalpha() or clean[0] == "_")
    return "t_" + clean if ref_like or bad_start else clean


def named_ranges(wb):
    out = {}
    names = wb.defined_names
    items = names.definedName if hasattr(names, "definedName") else names.values()
    for dn in items:
        dests = list(dn.destinations)
        if dests:
            out[dn.name.lower()] = dests[0]
    return out


def same(cell_value, expected, key):
    if expected is None:
        return cell_value in (None, "")
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        if not isinstance(cell_value, (int, float)):
            return False
        want = expected / 100.0 if key.endswith(".pct") else float(expected)
        return abs(cell_value - want) < 1e-9
    return str(cell_value) == str(expected)


def main():
    path, tables_path = sys.argv[1], sys.argv[2]
    wb = openpyxl.load_workbook(path)
    tables = json.load(open(tables_path, encoding="utf-8"))["tables"]
    ranges = named_ranges(wb)
    problems = []
    checked = 0
    for t in tables:
        tid = t["id"]
        name = excel_name(tid).lower()
        if name not in ranges:
            problems.append(f"{tid}: no named range {excel_name(tid)}")
            continue
        sheet_name, ref = ranges[name]
        rows = list(wb[sheet_name][ref.replace("$", "")])
        if rows[0][0].value != t["title"]:
            problems.append(f"{tid}: title {rows[0][0].value!r} != {t['title']!r}")
        n_index = next((i for i, r in enumerate(rows) if r[0].value == "n="), None)
        if n_index is None:
            problems.append(f"{tid}: no n= row in {sheet_name}!{ref}")
            continue
        keys = [c["key"] for c in t["columns"]]
        if len(rows[0]) != len(keys) + 1:
            problems.append(f"{tid}: {len(rows[0]) - 1} value columns, JSON has {len(keys)}")
            continue
        for c, key in enumerate(keys, start=1):
            n = t["n"].get(key.rsplit(".", 1)[0])
            if isinstance(n, int) and rows[n_index][c].value != n:
                problems.append(f"{tid}: n for {key} is {rows[n_index][c].value!r}, JSON {n}")
        body = rows[n_index + 1:]
        if len(body) != len(t["rows"]):
            problems.append(f"{tid}: {len(body)} rows, JSON has {len(t['rows'])}")
            continue
        for r, (cells, jr) in enumerate(zip(body, t["rows"])):
            if cells[0].value != jr["label"]:
                problems.append(f"{tid} row {r}: label {cells[0].value!r} != {jr['label']!r}")
            for c, key in enumerate(keys, start=1):
                expected = jr["values"].get(key)
                if not same(cells[c].value, expected, key):
                    problems.append(
                        f"{tid} row {r} ({jr['label']}) {key}: {cells[c].value!r} != {expected!r}")
                checked += 1
    for p in problems[:50]:
        print("PROBLEM", p)
    if problems:
        print(f"{path}: {len(problems)} problem(s)")
        sys.exit(1)
    print(f"{path}: {len(tables)} named ranges, {checked} values match {tables_path}")


if __name__ == "__main__":
    main()
