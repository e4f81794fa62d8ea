"""Reads the blank return with openpyxl (an independent reader) and checks what services rely on.

usage: check_template.py GENERATED.xlsx COMMITTED.xlsx
"""
import sys
import warnings

import openpyxl

warnings.simplefilter("ignore")


def summary(path):
    wb = openpyxl.load_workbook(path)
    sheets = {}
    for ws in wb.worksheets:
        headers = [c.value for c in ws[1]] if ws.max_row >= 1 else []
        validations = []
        for dv in ws.data_validations.dataValidation:
            validations.append((str(dv.sqref), dv.type, dv.formula1, bool(dv.prompt)))
        sheets[ws.title] = {
            "state": ws.sheet_state,
            "headers": headers,
            "validations": sorted(validations, key=lambda v: v[0]),
            "frozen": ws.freeze_panes,
            "protected": ws.protection.sheet,
        }
    names = sorted(wb.defined_names.keys()) if hasattr(wb.defined_names, "keys") else sorted(
        n.name for n in wb.defined_names.definedName)
    return sheets, names


def main():
    generated, committed = sys.argv[1], sys.argv[2]
    sheets, names = summary(generated)
    problems = []
    if list(sheets)[0] != "About":
        problems.append("first sheet is not About")
    if sheets.get("Lists", {}).get("state") != "hidden":
        problems.append("Lists sheet is not hidden")
    form_sheets = [s for s in sheets if s not in ("About", "Lists")]
    if len(form_sheets) < 5:
        problems.append(f"expected at least 5 form sheets, found {form_sheets}")
    for name in form_sheets:
        s = sheets[name]
        columns = [h for h in s["headers"] if h]
        if s["frozen"] != "A2":
            problems.append(f"{name}: header row not frozen (freeze_panes={s['frozen']})")
        if not s["protected"]:
            problems.append(f"{name}: sheet not protected (header row unlocked)")
        if len(s["validations"]) != len(columns):
            problems.append(f"{name}: {len(columns)} columns but {len(s['validations'])} validations")
        for sqref, vtype, formula, prompt in s["validations"]:
            if not prompt:
                problems.append(f"{name} {sqref}: no input message")
            if vtype == "list" and not (formula or "").startswith("list_"):
                problems.append(f"{name} {sqref}: list validation not on a named list ({formula})")
    for needed in ("list", "date", "whole"):
        if not any(needed in {v[1] for v in sheets[n]["validations"]} for n in form_sheets):
            problems.append(f"no {needed} validation anywhere")
    list_names = [n for n in names if n.startswith("list_")]
    if len(list_names) < 10:
        problems.append(f"only {len(list_names)} named lists")

    committed_sheets, committed_names = summary(committed)
    for name in sheets:
        if name == "About":
            continue
        if committed_sheets.get(name, {}).get("headers") != sheets[name]["headers"]:
            problems.append(f"committed workbook-templates/idva-return.xlsx is stale on sheet {name}:"
                            " run `java -jar target/insights.jar template`")
    if set(committed_sheets) != set(sheets):
        problems.append("committed template has different sheets: run `java -jar target/insights.jar template`")

    total = sum(len(sheets[n]["validations"]) for n in form_sheets)
    if problems:
        print("openpyxl check FAILED:")
        for p in problems:
            print("  -", p)
        sys.exit(1)
    print(f"openpyxl read {len(form_sheets)} form sheets, {total} column validations,"
          f" {len(list_names)} named lists: OK")


if __name__ == "__main__":
    main()
