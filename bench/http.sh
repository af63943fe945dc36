#!/usr/bin/env bash
# The HTTP API against nginx (issue 4), on the demo, in one run:
#   bash bench/http.sh
# Builds a Release `styr` (build-bench/), serves a fresh demo with `styr serve --demo`
# (threads = cores), signs in as sektorschef and fetches two reads: the sector Lärande's
# chain view and the trace down from an item it received. nginx (Debian's) serves the same
# bytes as static files at the same paths. wrk (2 threads, 10 s, --latency) sends the same
# requests, session cookie included, to both at 64 and at 1,000 connections; GET
# /api/v1/health is measured too, as a baseline with no target. Prints one table with the
# ratios and the server's peak resident memory. A missed target is printed as MISSED; the
# exit code is 0 all the same (a measurement, not a test).
# Environment: STYR_BENCH_DURATION (wrk's -d, default 10s); STYR_BENCH_WRK_LOG (a file to keep
# wrk's own output in).
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${STYR_BENCH_DURATION:-10s}"
cores=$(nproc)

# What is missing, from Debian's packages, as scripts/setup.sh does for the build.
bash scripts/setup.sh
missing=()
for package in wrk nginx-light curl jq; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if ((${#missing[@]} > 0)); then
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTYR_TESTS=OFF >/dev/null
if ! built=$(ninja -C build-bench styr 2>&1); then
  grep -v '^\[' <<<"$built" | head -n 40 >&2
  echo "the Release build of styr failed" >&2
  exit 1
fi

# 1,000 connections need as many descriptors in wrk, in styr and in nginx.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if (($(ulimit -n) < 4096)); then
  echo "warning: only $(ulimit -n) file descriptors; 1,000 connections may fail" >&2
fi

work=$(mktemp -d)
chmod 755 "$work"
styr_pid=""
nginx_pid=""
sampler_pid=""
cleanup() {
  if [[ -n "$sampler_pid" ]]; then kill "$sampler_pid" 2>/dev/null || true; fi
  if [[ -n "$styr_pid" ]]; then
    kill -TERM "$styr_pid" 2>/dev/null || true
    wait "$styr_pid" 2>/dev/null || true
  fi
  if [[ -n "$nginx_pid" ]]; then
    kill -QUIT "$nginx_pid" 2>/dev/null || true
    wait "$nginx_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local port
  for port in $(seq "$1" $(($1 + 200))); do
    if ! listening "$port"; then
      echo "$port"
      return
    fi
  done
  echo "no free port from $1" >&2
  exit 1
}

# --- Styr on a fresh demo -------------------------------------------------------------------
# The access log (one JSON line a request) goes to stdout; it is appended to a file that is
# emptied between runs, so that a long run does not fill the disk.
build-bench/styr serve --db "$work/demo.db" --demo --port 0 --threads "$cores" \
  >>"$work/styr.out" 2>"$work/styr.err" &
styr_pid=$!
styr_port=""
for _ in $(seq 1 300); do
  styr_port=$(sed -n 's|^Styr is serving http://[^:]*:\([0-9]*\)/.*|\1|p' "$work/styr.out")
  [[ -n "$styr_port" ]] && break
  if ! kill -0 "$styr_pid" 2>/dev/null; then
    echo "styr serve ended:" >&2
    cat "$work/styr.out" "$work/styr.err" >&2
    exit 1
  fi
  sleep 0.1
done
[[ -n "$styr_port" ]] || { echo "styr serve printed no port" >&2; exit 1; }
styr="http://127.0.0.1:$styr_port"
for _ in $(seq 1 100); do
  curl -sf "$styr/api/v1/health" >/dev/null && break
  sleep 0.1
done
curl -sf "$styr/api/v1/health" >/dev/null || { echo "no health at $styr" >&2; exit 1; }

cookie=$(curl -sf -D - -o /dev/null -H "Content-Type: application/json" \
  -d '{"username":"sektorschef","password":"demo"}' "$styr/api/v1/session" |
  sed -n 's/^[Ss]et-[Cc]ookie: *styr_session=\([^;]*\).*/\1/p' | tr -d '\r')
[[ -n "$cookie" ]] || { echo "signing in as sektorschef gave no styr_session cookie" >&2; exit 1; }
header="Cookie: styr_session=$cookie"

# --- The two responses, and nginx serving the same bytes ------------------------------------
www="$work/www"
fetch() {  # PATH: the body as Styr gives it, saved under nginx's root at the same path
  local file="$www${1%%\?*}"
  mkdir -p "$(dirname "$file")"
  curl -sf -H "$header" -o "$file" "$styr$1"
}
chain_path="/api/v1/units/SEK-LAR/chain"
fetch "$chain_path"
item=$(jq -r '.received[0].code // empty' "$www$chain_path")
[[ -n "$item" ]] || { echo "the chain view of SEK-LAR lists nothing received" >&2; exit 1; }
trace_path="/api/v1/items/$item/trace?direction=down"
health_path="/api/v1/health"
fetch "$trace_path"
fetch "$health_path"
chmod -R a+rX "$www"

nginx_port=$(free_port 18081)
mkdir -p "$work/nginx"
{
  [[ $EUID -eq 0 ]] && echo "user $(id -un) $(id -gn);"
  cat <<EOF
worker_processes auto;
worker_rlimit_nofile 8192;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
daemon off;
events { worker_connections 4096; }
http {
  access_log off;
  default_type application/json;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 65;
  keepalive_requests 1000000;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  server {
    listen 127.0.0.1:$nginx_port backlog=4096;
    root $www;
    location / { }
  }
}
EOF
} >"$work/nginx/nginx.conf"
nginx -e "$work/nginx/error.log" -p "$work/nginx" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
nginx="http://127.0.0.1:$nginx_port"
for _ in $(seq 1 100); do
  curl -sf "$nginx$health_path" >/dev/null && break
  sleep 0.1
done
for path in "$chain_path" "$trace_path" "$health_path"; do
  if ! curl -sf -H "$header" "$nginx$path" | cmp -s - "$www${path%%\?*}"; then
    echo "nginx does not serve the same bytes for $path" >&2
    cat "$work/nginx/error.log" >&2
    exit 1
  fi
done

# Other work on the machine skews every figure: how busy were the cores just before wrk?
cpu_times() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6}' /proc/stat; }
read -r busy0 idle0 <<<"$(cpu_times)"
sleep 2
read -r busy1 idle1 <<<"$(cpu_times)"
busy=$(awk -v b=$((busy1 - busy0)) -v i=$((idle1 - idle0)) \
  'BEGIN {printf "%.0f", 100 * b / (b + i)}')
if ((busy > 10)); then
  echo "warning: the cores were ${busy} % busy before wrk (other work on the machine): the" \
    "figures are not those of an idle machine" >&2
fi

size() { stat -c %s "$www${1%%\?*}"; }
echo "== Styr $styr (pid $styr_pid, $cores threads), nginx $nginx (worker_processes auto)"
echo "   on $cores cores, wrk sharing them (${busy} % busy just before): wrk -t2 -d$duration" \
  "--latency, the same requests to both"
echo "== response bodies (bytes, identical for both servers)"
printf '   %-44s %8s\n' "$chain_path" "$(size "$chain_path")" \
  "$trace_path" "$(size "$trace_path")" "$health_path" "$(size "$health_path")"
echo "   trace down from $item: $(jq '[.. | objects | select(has("children"))] | length' \
  "$www${trace_path%%\?*}") items, $(jq '.hidden' "$www${trace_path%%\?*}") hidden;" \
  "chain view: $(jq '.received | length' "$www$chain_path") received," \
  "$(jq '.issued | length' "$www$chain_path") issued"

# --- Resident memory, sampled while wrk runs ------------------------------------------------
# One VmRSS figure (kB) a line, every 0.1 s; each run's peak is the largest of its lines.
sample_memory() {
  local key value _
  while kill -0 "$styr_pid" 2>/dev/null; do
    while read -r key value _; do
      [[ "$key" == "VmRSS:" ]] && echo "$value"
    done <"/proc/$styr_pid/status" 2>/dev/null || true
    sleep 0.1
  done >>"$work/rss.log"
}
memory_kb() { sed -n "s/^$1:[[:space:]]*\([0-9]*\) kB/\1/p" "/proc/$styr_pid/status"; }
rss_before=$(memory_kb VmRSS)
: >"$work/rss.log"
sample_memory &
sampler_pid=$!

# --- wrk ------------------------------------------------------------------------------------
to_ms() {  # wrk's "1.23ms", "456.00us", "1.20s", "2.00m" in milliseconds
  awk -v t="$1" 'BEGIN {
    if (t ~ /us$/) { sub(/us$/, "", t); print t / 1000 }
    else if (t ~ /ms$/) { sub(/ms$/, "", t); print t + 0 }
    else if (t ~ /s$/) { sub(/s$/, "", t); print t * 1000 }
    else if (t ~ /m$/) { sub(/m$/, "", t); print t * 60000 }
    else if (t ~ /h$/) { sub(/h$/, "", t); print t * 3600000 }
    else print "nan" }'
}
# Prints "requests/s p99_ms errors rss_peak_kb" for one wrk run; wrk's own output is kept in
# $work/wrk.log.
measure() {  # URL CONNECTIONS
  local out rps p99 errors first rss
  # Keep what is not an access-log line (the server's own log), then empty the file.
  grep -av '^{"time"' "$work/styr.out" >>"$work/styr.log" || true
  : >"$work/styr.out"
  first=$(($(wc -l <"$work/rss.log") + 1))
  out=$(wrk -t2 -c"$2" -d"$duration" --latency -H "$header" "$1" 2>&1)
  printf '### wrk -t2 -c%s -d%s --latency %s\n%s\n' "$2" "$duration" "$1" "$out" >>"$work/wrk.log"
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
  errors=$(awk '/Socket errors:/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10}
                /Non-2xx or 3xx responses:/ {n += $5}
                END {print n + 0}' <<<"$out")
  rss=$(tail -n +"$first" "$work/rss.log" | sort -n | tail -n 1)
  echo "${rps:-0} ${p99:-nan} $errors ${rss:-0}"
  settle "/${1#http://*/} at $2 connections"
}
# Waits until Styr is idle: requests that wrk sent before it stopped (on connections it has
# since closed) are still answered, and would otherwise run into the next measurement.
settle() {  # LABEL
  local before after waited=0
  before=$(cpu_ticks)
  while ((waited < 120)); do
    sleep 0.5
    after=$(cpu_ticks)
    ((after - before <= 2)) && break
    before=$after
    waited=$((waited + 1))
  done
  if ((waited > 2)); then
    echo "   $1: Styr kept answering for about $((waited / 2)) s after wrk stopped" \
      >>"$work/settle.log"
  fi
}
cpu_ticks() {  # user + system time of Styr, in clock ticks
  awk '{print $14 + $15}' "/proc/$styr_pid/stat"
}

rows=()
missed=0
for path in "$chain_path" "$trace_path" "$health_path"; do
  for connections in 64 1000; do
    [[ "$path" == "$health_path" && "$connections" == 1000 ]] && continue
    read -r s_rps s_p99 s_err s_rss <<<"$(measure "$styr$path" "$connections")"
    read -r n_rps n_p99 n_err _ <<<"$(measure "$nginx$path" "$connections")"
    ratio=$(awk -v a="$s_rps" -v b="$n_rps" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')
    p99_ratio=$(awk -v a="$s_p99" -v b="$n_p99" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')
    if [[ "$path" == "$health_path" ]]; then
      verdict="baseline, no target"
    elif [[ "$connections" == 64 ]]; then
      if awk -v r="$ratio" 'BEGIN {exit !(r >= 0.25)}'; then
        verdict="met (req/s ratio >= 0.25)"
      else
        verdict="MISSED (req/s ratio < 0.25)"
        missed=$((missed + 1))
      fi
    else
      reasons=()
      awk -v r="$p99_ratio" 'BEGIN {exit !(r <= 2)}' || reasons+=("p99 ratio > 2")
      ((s_err > 0)) && reasons+=("$s_err errors")
      if ((${#reasons[@]} == 0)); then
        verdict="met (p99 ratio <= 2, no errors)"
      else
        verdict="MISSED ($(IFS=/; echo "${reasons[*]}"))"
        missed=$((missed + 1))
      fi
    fi
    rows+=("$(printf '%-44s %5s %8.0f %9.0f %5s %8.2f %9.2f %5s %6s %7s %7.1f  %s' \
      "$path" "$connections" "$s_rps" "$n_rps" "$ratio" "$s_p99" "$n_p99" "$p99_ratio" \
      "$s_err" "$n_err" "$(awk -v k="$s_rss" 'BEGIN {print k / 1024}')" "$verdict")")
  done
done

if [[ -n "${STYR_BENCH_WRK_LOG:-}" ]]; then cp "$work/wrk.log" "$STYR_BENCH_WRK_LOG"; fi
kill "$sampler_pid" 2>/dev/null || true
wait "$sampler_pid" 2>/dev/null || true
sampler_pid=""
hwm=$(memory_kb VmHWM)
rss_after=$(memory_kb VmRSS)
rss_peak=$(sort -n "$work/rss.log" | tail -n 1)

echo "== wrk: Styr against nginx (req/s ratio = styr/nginx; p99 in ms, p99 ratio = styr/nginx;"
echo "   errors: wrk's socket errors and non-2xx responses; a response slower than wrk's 2 s"
echo "   timeout counts as an error and is left out of p99; styr_MB: Styr's peak VmRSS in the run)"
printf '%-44s %5s %8s %9s %5s %8s %9s %5s %6s %7s %7s  %s\n' \
  path conns styr_rps nginx_rps ratio styr_p99 nginx_p99 ratio errors nginx_e styr_MB target
for row in "${rows[@]}"; do echo "$row"; done

mb() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }
echo "== Styr's resident memory (target < 150 MB)"
echo "   before wrk $(mb "$rss_before") MB, peak sampled during wrk (VmRSS, every 0.1 s)" \
  "$(mb "$rss_peak") MB, after $(mb "$rss_after") MB, VmHWM (whole process) $(mb "$hwm") MB"
peak=$((hwm > rss_peak ? hwm : rss_peak))
if ((peak < 150 * 1024)); then
  echo "   met: peak $(mb "$peak") MB < 150 MB"
else
  echo "   MISSED: peak $(mb "$peak") MB >= 150 MB"
  missed=$((missed + 1))
fi
grep -av '^{"time"' "$work/styr.out" >>"$work/styr.log" || true
if cat "$work/styr.log" "$work/styr.err" | grep -qaiE "error|fail|warn"; then
  echo "== Styr logged errors or warnings (count, message):"
  cat "$work/styr.log" "$work/styr.err" | grep -aiE "error|fail|warn" |
    sed 's/^\[[^]]*\] //' | sort | uniq -c | sort -rn | head -5
fi
if [[ -s "$work/settle.log" ]]; then
  echo "== Styr still busy after wrk (with requests of connections wrk had closed):"
  cat "$work/settle.log"
fi
if ((missed > 0)); then
  echo "== $missed target(s) MISSED"
else
  echo "== every target met"
fi
exit 0
