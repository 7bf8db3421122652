#!/usr/bin/env bash
# Screenshots of what a researcher sees in the MLflow UI when following the addresses Nash prints,
# taken with headless Chromium (Debian's `chromium`). Starts no server: give it a running one.
#
#   benchmarks/mlflow-ui-screenshots.sh MLFLOW_URL RUN_URL [OUT_DIR]
#   benchmarks/mlflow-ui-screenshots.sh http://127.0.0.1:5000 \
#     'http://127.0.0.1:5000/#/experiments/1/runs/ID?workflowType=machine_learning' /tmp/ui
#
# RUN_URL is a run address as `nash run` or `nash sweep` ("Parent run: ...") printed it. Writes
#   experiment.png          the run's experiment, in the view Nash's addresses ask for
#   experiment-default.png  the same experiment without the query (MLflow 3's default view)
#   run.png                 RUN_URL itself
#   child.png               for a sweep's parent run, its first child run's page (needs python3)
# Each page gets a fresh browser profile, so no view remembered from an earlier visit leaks in.
set -euo pipefail

if [[ $# -lt 2 ]]; then
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
server="${1%/}"
run_url="$2"
out="${3:-mlflow-ui-screenshots}"
chromium="${CHROMIUM:-chromium}"

command -v "$chromium" >/dev/null ||
  { echo "no $chromium: install it (apt-get install -y chromium) or set CHROMIUM" >&2; exit 3; }
curl -fsS "$server/health" >/dev/null ||
  { echo "MLflow at $server does not answer /health; start it (./nash ui)" >&2; exit 3; }
if [[ ! "$run_url" =~ \#/experiments/([^/?]+)/runs/([^/?]+)(\?(.*))?$ ]]; then
  echo "'$run_url' is not a run address (SERVER/#/experiments/ID/runs/RUN_ID[?QUERY])" >&2
  exit 2
fi
experiment="${BASH_REMATCH[1]}"
run_id="${BASH_REMATCH[2]}"
query="${BASH_REMATCH[4]:-}"
mkdir -p "$out"

shoot() {
  local file="$1" url="$2" profile
  profile="$(mktemp -d)"
  "$chromium" --headless --disable-gpu --no-sandbox --user-data-dir="$profile" \
    --screenshot="$file" --window-size=1400,900 --virtual-time-budget=15000 "$url" \
    >/dev/null 2>&1 || { echo "chromium failed on $url" >&2; rm -rf "$profile"; return 1; }
  rm -rf "$profile"
  echo "$file  <- $url"
}

shoot "$out/experiment.png" "$server/#/experiments/$experiment${query:+?$query}"
shoot "$out/experiment-default.png" "$server/#/experiments/$experiment"
shoot "$out/run.png" "$run_url"

# The sweep's trials sit under the parent, folded, on the experiment page; show one of them.
child="$(curl -fsS -X POST "$server/api/2.0/mlflow/runs/search" -H 'Content-Type: application/json' \
  -d "{\"experiment_ids\": [\"$experiment\"], \"max_results\": 1,
       \"filter\": \"tags.mlflow.parentRunId = '$run_id'\"}" |
  python3 -c 'import json, sys; runs = json.load(sys.stdin).get("runs", []); print(runs[0]["info"]["run_id"] if runs else "")')"
if [[ -n "$child" ]]; then
  shoot "$out/child.png" "$server/#/experiments/$experiment/runs/$child${query:+?$query}"
fi
