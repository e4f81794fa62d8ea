#!/usr/bin/env bash
# The whole-run benchmark of issue 18: for each scale, the read floor (a bare fastexcel-reader pass
# over every cell, `insights bench floor`), `run` (fresh store and output), a rerun with nothing
# changed, `validate`, `tables` (all tables from the run's store) and an analyst's pandas
# read-and-tabulate of the same files, each a whole process (JVM start included), interleaved round
# by round so a busy spell on a shared machine falls on all alike. Prints the median wall time and
# peak RSS of each over the rounds and its ratio to the floor's median, and with --write-doc puts the
# table into docs/performance.md between its bench markers.
#
#   bench/run.sh [--scales "1 10 100"] [--rounds 3] [--work DIR] [--jar JAR] [--jvm "OPTS"]
#                [--no-pandas] [--write-doc [BLOCK]]
#
# Without --jvm, `run`, `validate` and `tables` run in the JVM the tool picks for itself (a child
# JVM: parallel collector, quick compiler only; see cli.ChildJvm and the README) and the floor
# (`bench`) runs as started. --jvm gives every Java process (the floor's too) the same options,
# e.g. "-Xmx256m" (which also keeps the tool in the JVM it was started in). --write-doc BLOCK
# writes between <!-- BLOCK:start --> and <!-- BLOCK:end --> (default: bench), so runs of
# different scales or options keep their own tables.
#
# Before the rounds, one `run` of the sample writes the tool's class archive (cli.ClassArchive,
# in WORK/class-archive) that the child JVMs of every later run map their classes from.
#
# Scale 1 is the committed sample (input/); scale N > 1 is generated once into WORK/sN with
# `insights sample --scale N` (its time and peak RSS are reported too). pandas is optional: without
# python3-pandas (apt-get install python3-pandas) its column says "skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
SCALES="1 10"
ROUNDS=3
WORK=/tmp/insights-bench
JAR=target/insights.jar
WRITE_DOC=no
BLOCK=bench
JVM_OPTS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --scales) SCALES="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --jar) JAR="$2"; shift 2 ;;
    --jvm) JVM_OPTS="$2"; shift 2 ;;
    --no-pandas) NO_PANDAS=yes; shift ;;
    --write-doc)
      WRITE_DOC=yes; shift
      if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then BLOCK="$1"; shift; fi ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if [ ! -f "$JAR" ]; then
  mvn -B -q package -DskipTests
fi
mkdir -p "$WORK"
# shellcheck disable=SC2206
JAVA=(java $JVM_OPTS -jar "$JAR")
PANDAS=yes
/usr/bin/python3 -c "import pandas, openpyxl" 2>/dev/null || PANDAS=no
if [ "${NO_PANDAS:-no}" = yes ]; then PANDAS=no; fi

# measure NAME CMD...: appends "wall rss_mb" to $WORK/NAME.times (stdout/stderr to NAME.log)
measure() {
  local name="$1"; shift
  local t="$WORK/.time"
  if /usr/bin/time -f "%e %M" -o "$t" "$@" > "$WORK/$name.log" 2>&1; then :; else
    local rc=$?
    # 1 = data problems found: a normal outcome of run/validate on the sample
    if [ "$rc" -ne 1 ]; then echo "$name failed ($rc), see $WORK/$name.log" >&2; fi
  fi
  local wall rss
  read -r wall rss < <(tail -1 "$t")
  echo "$wall $((rss / 1024))" >> "$WORK/$name.times"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
col() { awk -v c="$1" '{print $c}' "$2" | median; }

# The tool's child JVM maps its classes from an archive the first `run` writes (cli.ClassArchive):
# write it once, before the rounds, so every round measures what every run after the first gets.
export INSIGHTS_CLASS_ARCHIVE="$WORK/class-archive"
if [ -z "$JVM_OPTS" ]; then
  rm -rf "$INSIGHTS_CLASS_ARCHIVE" "$WORK/warm-up" "$WORK/warm-up.db"* "$WORK/class-archive.times"
  measure "class-archive" "${JAVA[@]}" run --output "$WORK/warm-up" --store "$WORK/warm-up.db"
  echo "class archive written by a first run in $(cut -d' ' -f1 "$WORK/class-archive.times") s" >&2
fi

ROWS_OUT=()
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for scale in $SCALES; do
  if [ "$scale" = 1 ]; then
    DATA=input
  else
    DATA="$WORK/s$scale"
    if [ ! -f "$DATA/services.json" ]; then
      rm -rf "$DATA" "$WORK/sample-$scale.times"
      measure "sample-$scale" "${JAVA[@]}" sample --scale "$scale" --out "$DATA"
    fi
  fi
  FILES=$(ls "$DATA"/*.xlsx | wc -l)
  rm -f "$WORK"/{floor,run,rerun,validate,tables,pandas}-"$scale".times
  for round in $(seq 1 "$ROUNDS"); do
    OUT="$WORK/out-$scale"
    rm -rf "$OUT" "$WORK/store-$scale.db"*
    measure "floor-$scale" "${JAVA[@]}" bench floor "$DATA"
    measure "run-$scale" "${JAVA[@]}" run --input "$DATA" --output "$OUT" \
      --store "$WORK/store-$scale.db"
    measure "rerun-$scale" "${JAVA[@]}" run --input "$DATA" --output "$OUT" \
      --store "$WORK/store-$scale.db"
    measure "validate-$scale" "${JAVA[@]}" validate "$DATA" --out "$WORK/validate-$scale"
    measure "tables-$scale" "${JAVA[@]}" tables --store "$WORK/store-$scale.db" --format json
    if [ "$PANDAS" = yes ]; then
      measure "pandas-$scale" /usr/bin/python3 bench/pandas_tabulate.py "$DATA"
    fi
    echo "scale $scale round $round done (load $(cut -d' ' -f1 /proc/loadavg))" >&2
  done
  FLOOR=$(col 1 "$WORK/floor-$scale.times")
  ROWS=$(grep -o '[0-9]* rows' "$WORK/floor-$scale.log" | head -1)
  line="| $scale | $FILES | ${ROWS% rows} | $FLOOR s, $(col 2 "$WORK/floor-$scale.times") MB |"
  for what in run rerun validate tables pandas; do
    f="$WORK/$what-$scale.times"
    if [ -s "$f" ]; then
      w=$(col 1 "$f")
      line="$line $w s = $(awk -v a="$w" -v b="$FLOOR" 'BEGIN {printf "%.1f", a / b}')x, $(col 2 "$f") MB |"
    else
      line="$line skipped |"
    fi
  done
  if [ -s "$WORK/sample-$scale.times" ]; then
    line="$line $(col 1 "$WORK/sample-$scale.times") s, $(col 2 "$WORK/sample-$scale.times") MB |"
  else
    line="$line |"
  fi
  ROWS_OUT+=("$line")
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

TABLE=$(
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`bench/run.sh --scales \"$SCALES\" --rounds $ROUNDS${JVM_OPTS:+ --jvm \"$JVM_OPTS\"}\`"
  echo "on $(nproc) processors ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
  echo "$(free -g | awk '/Mem:/ {print $2}') GB RAM, $(java -version 2>&1 | head -1), ${JVM_OPTS:-no JVM options (the tool runs in the JVM it picks, ChildJvm; the floor as started)}; load average"
  echo "before $LOAD_BEFORE, after $LOAD_AFTER. Medians of $ROUNDS whole processes; each time"
  echo "also as a multiple of the floor's median; peak RSS in MB."
  echo
  echo "| scale | returns | rows | floor | run | rerun | validate | tables | pandas | sample generation |"
  echo "|---|---:|---:|---|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS_OUT[@]}"
)
echo "$TABLE"
if [ "$WRITE_DOC" = yes ]; then
  DOC=docs/performance.md
  python3 - "$DOC" "$TABLE" "$BLOCK" <<'PY'
import sys
doc, table, block = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(doc).read()
start, end = "<!-- %s:start -->" % block, "<!-- %s:end -->" % block
i, j = text.index(start) + len(start), text.index(end)
open(doc, "w").write(text[:i] + "\n" + table + "\n" + text[j:])
PY
  echo "written into $DOC" >&2
fi
