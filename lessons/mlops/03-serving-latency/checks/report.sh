# report.json must be lab load's JSON report of the half_plus_two infer URL at --rate ${RATE},
# with requests that succeeded and a p99. Python reads the JSON where it is installed; without
# it, grep looks for the same fields.
[ -s report.json ] || fail_key report-missing
if command -v python3 >/dev/null 2>&1; then
  why=$(python3 - <<'PY'
import json, sys
try:
    r = json.load(open("report.json"))
except Exception:
    r = None
if not isinstance(r, dict):
    print("notjson"); sys.exit()
if not str(r.get("url", "")).endswith(":${PORT}/v2/models/half_plus_two/infer"):
    print("url " + str(r.get("url"))); sys.exit()
if r.get("target_rate") != float("${RATE}"):
    print("rate " + str(r.get("target_rate"))); sys.exit()
req = r.get("requests") or {}
if not (isinstance(req.get("sent"), int) and req["sent"] > 0 and isinstance(req.get("ok"), int) and req["ok"] > 0):
    print("none"); sys.exit()
lat = r.get("latency_ms") or {}
if not isinstance(lat.get("p99"), (int, float)):
    print("nop99")
PY
)
else
  why=""
  grep -q '"latency_ms"' report.json || why=notjson
  grep -q '"p99": *[0-9]' report.json || why=${why:-nop99}
  grep -q '"sent": *[1-9]' report.json || why=${why:-none}
  grep -q ':${PORT}/v2/models/half_plus_two/infer"' report.json || why=${why:-url}
fi
case "$why" in
  "") exit 0 ;;
  notjson) fail_key report-not-json ;;
  url*) fail_key report-url "${why#url }" ;;
  rate*) fail_key report-rate "${why#rate }" ;;
  none) fail_key report-no-requests ;;
  *) fail_key report-no-p99 ;;
esac
