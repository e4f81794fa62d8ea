"""Reads the master workbook with openpyxl (an independent reader) and compares every table's
named range with the tables JSON it was rendered from.

usage: check_master.py WORKBOOK.xlsx TABLES.json

For each table in the JSON: a named range called after its id (prefixed t_ when the id could be
read as a cell reference) must exist, on a sheet of its own that links back to Contents; its first
cell holds the title (with the heading joined); the row labelled "n=" holds the bases ([x] for a
group not collected that year); the rows below it hold the labels and values in the JSON's order
(rows of kind "repeat" are printed once, under their other name), one column per column key
(percentages stored as fractions with a % format; a value column's text figures in the "Text"
column beside it). Contents lists every table once.
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


def full_title(t):
    title, heading = t["title"], t.get("heading") or ""
    if not heading or heading in title:
        return title
    return heading + ": " + title if title.endswith("?") else title + ": " + heading


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
    sheets_used = {}
    for t in tables:
        tid = t["id"]
        name = excel_name(tid).lower()
        if name not in ranges:
            problems.append(f"{tid}: no named range {excel_name(tid)}")
            continue
        sheet_name, ref = ranges[name]
        ws = wb[sheet_name]
        rows = list(ws[ref.replace("$", "")])
        if rows[0][0].value != full_title(t):
            problems.append(f"{tid}: title {rows[0][0].value!r} != {full_title(t)!r}")
        sheets_used.setdefault(sheet_name, []).append(tid)
        if not any(c.value == "Back to Contents" and c.hyperlink is not None
                   for r in ws.iter_rows(max_row=rows[0][0].row) for c in r):
            problems.append(f"{tid}: no link back to Contents on sheet {sheet_name}")
        n_index = next((i for i, r in enumerate(rows) if r[0].value == "n="), None)
        if n_index is None:
            problems.append(f"{tid}: no n= row in {sheet_name}!{ref}")
            continue
        keys = [c["key"] for c in t["columns"]]
        headers = [c.value for c in rows[n_index - 1]]
        value_cols = [i for i in range(1, len(headers)) if not str(headers[i]).endswith(" Text")]
        if len(value_cols) != len(keys):
            problems.append(f"{tid}: {len(value_cols)} value columns, JSON has {len(keys)}")
            continue
        gaps = set(t.get("not_collected", []))
        for c, key in zip(value_cols, keys):
            group = key.rsplit(".", 1)[0]
            n = t["n"].get(group)
            if group in gaps or group.split(".")[0] in gaps:
                if rows[n_index][c].value != "[x]":
                    problems.append(f"{tid}: n for {key} is {rows[n_index][c].value!r}, want [x]")
            elif isinstance(n, int) and rows[n_index][c].value != n:
                problems.append(f"{tid}: n for {key} is {rows[n_index][c].value!r}, JSON {n}")
        body = rows[n_index + 1:]
        printed = [r for r in t["rows"] if r.get("kind") != "repeat"]
        if len(body) != len(printed):
            problems.append(f"{tid}: {len(body)} rows, JSON has {len(printed)}")
            continue
        for r, (cells, jr) in enumerate(zip(body, printed)):
            if cells[0].value != jr["label"]:
                problems.append(f"{tid} row {r}: label {cells[0].value!r} != {jr['label']!r}")
            for c, key in zip(value_cols, keys):
                expected = jr["values"].get(key)
                got = cells[c].value
                if isinstance(expected, str) and c + 1 < len(headers) \
                        and str(headers[c + 1]).endswith(" Text"):
                    got = cells[c + 1].value
                if not same(got, expected, key):
                    problems.append(
                        f"{tid} row {r} ({jr['label']}) {key}: {got!r} != {expected!r}")
                checked += 1
    for sheet_name, ids in sheets_used.items():
        if len(ids) > 1:
            problems.append(f"sheet {sheet_name} holds {len(ids)} tables: {ids}")
    if "Contents" in wb.sheetnames:
        listed = [row[2].value for row in wb["Contents"].iter_rows() if len(row) > 2 and row[2].value]
        titles = [full_title(t) for t in tables]
        for title in set(titles):
            if listed.count(title) != titles.count(title):
                problems.append(f"Contents lists {title!r} {listed.count(title)} times")
    for p in problems[:50]:
        print("PROBLEM", p)
    if problems:
        print(f"{path}: {len(problems)} problem(s)")
        sys.exit(1)
    print(f"{path}: {len(tables)} named ranges, {checked} values match {tables_path}")


if __name__ == "__main__":
    main()
