#!/usr/bin/env bash
# Checks the master workbook as the analyst's tools read it:
#  1. `insights check-template` lints the committed master template;
#  2. `insights report` renders the master workbook (and one per-service workbook) from the seed
#     tables JSON;
#  3. LibreOffice headless converts both (and a feedback workbook) to PDF and re-saves the master
#     as xlsx without error;
#  4. openpyxl reads every named range of the master (and of LibreOffice's re-save) and compares
#     the values with the JSON.
# Needs target/insights.jar (mvn package), soffice and Debian's python3-openpyxl.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
seed=src/test/resources/seed/insights-idva-2022-23.tables.json

java -jar target/insights.jar check-template
java -jar target/insights.jar report --from-json "$seed" --out "$work/out" \
  --generated-on 2026-11-26 --service "Check service=$seed" >/dev/null
master="$work/out/Insights-Idva-2022-23.xlsx"
service="$work/out/services/Check service.xlsx"
test -s "$master" && test -s "$service"

H="$work/lo-home"; mkdir -p "$H"
lo() {
  HOME=$H timeout 300 soffice -env:UserInstallation=file://$H/lo --headless "$@" >>"$work/soffice.log" 2>&1
}
# a feedback workbook (one sample return, checked) goes through LibreOffice too
java -jar target/insights.jar validate --out "$work/fb" input/SVC01_2022-23-Q4.xlsx >/dev/null || true
feedback=$(find "$work/fb" -name '*-checked.xlsx' | head -1)
test -s "$feedback" || { echo "no feedback workbook written"; exit 1; }
lo --convert-to pdf --outdir "$work/pdf" "$master" "$service" "$feedback" || {
  cat "$work/soffice.log"; echo "LibreOffice could not convert the master workbook"; exit 1; }
test -s "$work/pdf/Insights-Idva-2022-23.pdf" && test -s "$work/pdf/Check service.pdf" || {
  cat "$work/soffice.log"; echo "no PDF from LibreOffice"; exit 1; }
lo --convert-to xlsx --outdir "$work/resaved" "$master" || {
  cat "$work/soffice.log"; echo "LibreOffice could not re-save the master workbook"; exit 1; }
test -s "$work/pdf/$(basename "${feedback%.xlsx}").pdf" || {
  cat "$work/soffice.log"; echo "no PDF of the feedback workbook"; exit 1; }
echo "LibreOffice opened, converted and re-saved the master, per-service and feedback workbooks"

/usr/bin/python3 .ci/check_master.py "$master" "$seed"
/usr/bin/python3 .ci/check_master.py "$work/resaved/Insights-Idva-2022-23.xlsx" "$seed"
