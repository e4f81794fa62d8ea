#!/usr/bin/env python3
"""An analyst's pandas route over the same returns, for comparison with the tool: read every form
sheet of every return (pandas.read_excel, openpyxl engine), stack each sheet over all returns, then
count every answer of every coded column for all services and for each service (what the tool's
per-service and all-services tables count). Not the tool's 130 tables: a read-and-tabulate pipeline
of the same size of work on the same files. Usage: pandas_tabulate.py FOLDER"""
import glob
import os
import sys

import pandas as pd

FORM_SHEETS = ["Intake", "Children", "Review", "Exit", "Criminal justice", "Police reports",
               "Incidents", "Civil justice", "Civil orders"]


def main(folder):
    frames = {s: [] for s in FORM_SHEETS}
    files = sorted(glob.glob(os.path.join(folder, "*.xlsx")))
    for f in files:
        service = os.path.basename(f).split("_")[0]
        sheets = pd.read_excel(f, sheet_name=None, engine="openpyxl", dtype=str)
        for name in FORM_SHEETS:
            if name in sheets:
                df = sheets[name]
                df["__service"] = service
                frames[name].append(df)
    rows = 0
    counts = 0
    for name, parts in frames.items():
        if not parts:
            continue
        df = pd.concat(parts, ignore_index=True)
        rows += len(df)
        for col in df.columns:
            if col == "__service" or df[col].nunique() > 40:
                continue
            counts += len(df[col].value_counts(dropna=False))
            counts += len(df.groupby("__service")[col].value_counts(dropna=False))
    print(f"{len(files)} files, {rows} rows, {counts} counts")


if __name__ == "__main__":
    main(sys.argv[1])
