#!/usr/bin/env bash
# Checks generated workbooks as a user's tools would read them:
#  1. the blank return is regenerated and must match the committed one sheet by sheet (openpyxl);
#  2. LibreOffice headless converts it without error;
#  3. openpyxl reads its data validations (drop-downs, dates, whole numbers, input messages).
# Needs target/insights.jar (mvn package), soffice and Debian's python3-openpyxl.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

java -jar target/insights.jar template --out "$work/idva-return.xlsx" >/dev/null

H="$work/lo-home"; mkdir -p "$H"
HOME=$H timeout 300 soffice -env:UserInstallation=file://$H/lo --headless \
  --convert-to pdf --outdir "$work/pdf" "$work/idva-return.xlsx" >"$work/soffice.log" 2>&1 || {
  cat "$work/soffice.log"; echo "LibreOffice could not open the blank return"; exit 1; }
test -s "$work/pdf/idva-return.pdf" || { cat "$work/soffice.log"; echo "no PDF from LibreOffice"; exit 1; }
echo "LibreOffice opened and converted the blank return"

/usr/bin/python3 .ci/check_template.py "$work/idva-return.xlsx" workbook-templates/idva-return.xlsx
