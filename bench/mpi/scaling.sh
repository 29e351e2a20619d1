#!/usr/bin/env bash
# P = 1 against P = 2 (and one plain process) for the distributed jobs, interleaved rounds, whole processes:
# each run's wall time, the job's own seconds and load seconds from its JSON, and each rank's peak memory (GNU time).
#   bench/mpi/scaling.sh MML_DLL GRAPH.bin DATA.npy [ROUNDS]
# e.g. bench/mpi/scaling.sh src/MathForML.Cli/bin/Release/net10.0/mml.dll /tmp/rmat22.bin /tmp/pca70k.npy 3
set -euo pipefail
mml=$1 graph=$2 data=$3 rounds=${4:-3}
run() {   # label, ranks (0: no mpirun), mml arguments...
    local label=$1 ranks=$2; shift 2
    local launch=()
    [ "$ranks" -gt 0 ] && launch=(mpirun -q --allow-run-as-root --oversubscribe -np "$ranks")
    local out err
    out=$(mktemp) err=$(mktemp)
    local start end
    start=$(date +%s.%N)
    "${launch[@]}" /usr/bin/time -f "rss_kb=%M" dotnet "$mml" --json "$@" > "$out" 2> "$err"
    end=$(date +%s.%N)
    python3 - "$label" "$start" "$end" "$out" "$err" <<'PY'
import json, sys
label, start, end, out, err = sys.argv[1:]
d = json.load(open(out))
rss = [int(l.split('=')[1]) // 1024 for l in open(err) if l.startswith('rss_kb=')]
print(f"{label:28} wall {float(end) - float(start):6.2f} s  job {d['seconds']:6.2f} s  load {d['load_seconds']:6.2f} s  peak MB per rank {rss}")
PY
    rm -f "$out" "$err"
}
for round in $(seq 1 "$rounds"); do
    echo "round $round ($(uptime | sed 's/.*load average: //'))"
    run "pagerank one process" 0 pagerank --edges "$graph" --top 1
    run "pagerank mpirun P=1" 1 pagerank --edges "$graph" --top 1
    run "pagerank mpirun P=2" 2 pagerank --edges "$graph" --top 1
    run "pca one process" 0 pca --data "$data" --components 50 --solver covariance
    run "pca mpirun P=1" 1 pca --data "$data" --components 50 --solver covariance
    run "pca mpirun P=2" 2 pca --data "$data" --components 50 --solver covariance
done
