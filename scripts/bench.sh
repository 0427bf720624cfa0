#!/usr/bin/env bash
# How fast laatu is where it counts, beside the least work the same input
# takes (issue 14): the floor program (scripts/floor) reads the same files
# once, in parallel, and checks nothing.
#
#   scripts/bench.sh            5 rounds, inputs in a temporary folder
#   ROUNDS=9 BENCH_DIR=/tmp/b scripts/bench.sh   more rounds; inputs kept
#                                                 in (and reused from) /tmp/b
#   BENCH_LIBREOFFICE=1 scripts/bench.sh         also the workbooks saved
#                                                 again by LibreOffice (slow)
#
# Each round runs every pair in turn, laatu then the other, and the table
# shows the median of the rounds' ratios: the machine's speed drifts, a
# ratio taken side by side much less. Times are whole processes (wall
# clock, milliseconds). Python's csv module and PyYAML (when python3 has
# them) read the same files, one process, as an analyst's script would.
# Nothing here is a test: no figure fails anything.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${ROUNDS:-5}
work=${BENCH_DIR:-}
if [ -z "$work" ]; then
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
work=$(cd "$work" && pwd)

echo "building laatu, the floor and the input generator in $work" >&2
go build -o "$work/laatu" ./cmd/laatu
go build -o "$work/floor" ./scripts/floor
go build -o "$work/gen" ./internal/gen
mkdir -p "$work/hello"
printf 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n' >"$work/hello/main.go"
(cd "$work/hello" && [ -f go.mod ] || go mod init hello >/dev/null 2>&1; go build -o "$work/hello-world" .)

gen() { # gen DIR ARGS...: synthetic assessments, once
	local dir=$1
	shift
	[ -d "$work/$dir" ] || "$work/gen" -o "$work/$dir" "$@" >/dev/null
}
gen xlsx1k -n 1000 -format xlsx
gen csv1k -n 1000 -format csv
gen yaml10k -n 10000 -format yaml
gen services1k -n 1000 -per-service 1 -format yaml
gen services5k -n 5000 -per-service 1 -format yaml
gen bids200 -n 200 -per-service 1 -format yaml -seed 2
gen bids2000 -n 2000 -per-service 1 -format yaml -seed 2
if [ -n "${BENCH_LIBREOFFICE:-}" ] && command -v soffice >/dev/null && [ ! -d "$work/xlsx1k-lo" ]; then
	echo "saving the workbooks again with LibreOffice (a few minutes)" >&2
	mkdir -p "$work/xlsx1k-lo"
	find "$work/xlsx1k" -name '*.xlsx' -print0 |
		xargs -0 -n 100 soffice --headless --calc --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$work/xlsx1k-lo" >/dev/null 2>&1
fi

# ms CMD...: the wall-clock time of one run, in milliseconds; the
# command's output and exit status (check exits 3 when a bid fails) are
# not what is measured.
ms() {
	local start end
	start=$(date +%s%N)
	"$@" >/dev/null 2>&1 || true
	end=$(date +%s%N)
	echo $(((end - start) / 1000000))
}

median() { sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else printf "%.3g\n", (v[NR/2]+v[NR/2+1])/2}'; }

# pair NAME A -- B: rounds of A then B; prints NAME, A's and B's median
# times and the median of A/B.
declare -a rows
pair() {
	local name=$1 a=() b=() ta tb ra="" rb="" rr=""
	shift
	while [ "$1" != "--" ]; do
		a+=("$1")
		shift
	done
	shift
	b=("$@")
	ms "${a[@]}" >/dev/null # warm the file cache
	ms "${b[@]}" >/dev/null
	for _ in $(seq "$rounds"); do
		ta=$(ms "${a[@]}")
		tb=$(ms "${b[@]}")
		ra+="$ta"$'\n'
		rb+="$tb"$'\n'
		rr+=$(awk -v a="$ta" -v b="$tb" 'BEGIN {printf "%.4f", a / (b > 0 ? b : 1)}')$'\n'
	done
	rows+=("$(printf '%s\t%s\t%s\t%s' "$name" "$(printf '%s' "$ra" | median)" "$(printf '%s' "$rb" | median)" "$(printf '%s' "$rr" | median)")")
	echo "done: $name" >&2
}

L=$work/laatu
pair "compare 1,000 XLSX vs floor" "$L" compare "$work/xlsx1k" -- "$work/floor" xlsx "$work/xlsx1k"
if [ -d "$work/xlsx1k-lo" ]; then
	pair "compare 1,000 XLSX (LibreOffice-saved) vs floor" "$L" compare "$work/xlsx1k-lo" -- "$work/floor" xlsx "$work/xlsx1k-lo"
fi
pair "compare 1,000 CSV vs floor (encoding/csv)" "$L" compare "$work/csv1k" -- "$work/floor" csv "$work/csv1k"
pair "compare --format json 1,000 CSV vs floor (encoding/csv)" "$L" compare --format json "$work/csv1k" -- "$work/floor" csv "$work/csv1k"
pair "compare 10,000 YAML vs floor" "$L" compare "$work/yaml10k" -- "$work/floor" yaml "$work/yaml10k"
if command -v python3 >/dev/null; then
	cat >"$work/peer_csv.py" <<'EOF'
import csv, pathlib, sys
n = 0
for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.csv")):
    with open(p, newline="", encoding="utf-8-sig") as f:
        for row in csv.reader(f, delimiter=";"):
            n += 1
print(n)
EOF
	pair "Python csv module vs compare 1,000 CSV" python3 "$work/peer_csv.py" "$work/csv1k" -- "$L" compare "$work/csv1k"
	if python3 -c 'import yaml' 2>/dev/null; then
		cat >"$work/peer_yaml.py" <<'EOF'
import pathlib, sys, yaml
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
n = 0
for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.yaml")):
    with open(p, encoding="utf-8") as f:
        n += len(yaml.load(f, Loader=Loader) or {})
print(n)
EOF
		pair "PyYAML vs compare 10,000 YAML" python3 "$work/peer_yaml.py" "$work/yaml10k" -- "$L" compare "$work/yaml10k"
	fi
fi
pair "compare -o x.xlsx: 5,000 vs 1,000 services" "$L" compare -o "$work/out5k.xlsx" "$work/services5k" -- "$L" compare -o "$work/out1k.xlsx" "$work/services1k"
pair "check -o x.xlsx: 2,000 vs 200 bids" "$L" check -o "$work/bids2000.xlsx" "$work/bids2000" -- "$L" check -o "$work/bids200.xlsx" "$work/bids200"
one=$(find "$work/yaml10k" -name '*.yaml' -print -quit)
pair "laatu score one YAML file vs a Go hello world" "$L" score "$one" -- "$work/hello-world"

echo
echo "| work | A ms | B ms | A / B (median of $rounds rounds) |"
echo "|---|---|---|---|"
for r in "${rows[@]}"; do
	IFS=$'\t' read -r name a b ratio <<<"$r"
	echo "| $name | $a | $b | $ratio× |"
done
