# Number formatting and the Markdown report of bench/run.sh. Sourced, not run. Times are in
# seconds as hyperfine reports them, and MB/s means 10^6 bytes per second.

ms() {
  awk -v s="$1" 'BEGIN { printf "%.1f ms", s * 1000 }'
}

mb_per_s() {
  awk -v bytes="$1" -v s="$2" 'BEGIN { printf "%.0f MB/s", bytes / s / 1e6 }'
}

divide() {
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}

# Prints PASS when "VALUE OPERATOR LIMIT" is true, else MISS. OPERATOR is <, <= or >=.
verdict() {
  awk -v value="$1" -v op="$2" -v limit="$3" 'BEGIN {
    pass = (op == "<") ? value < limit : (op == "<=") ? value <= limit : value >= limit
    print pass ? "PASS" : "MISS"
  }'
}

# Prints a row that compares two medians. The ratio is iso's time divided by the other's, and
# the target is a ratio of at most MAX_RATIO, or none when MAX_RATIO is empty.
time_row() {
  local label=$1 iso_command=$2 iso_s=$3 other_command=$4 other_s=$5 max_ratio=$6
  local ratio target="—" result="—"
  ratio=$(divide "$iso_s" "$other_s")
  if [[ -n "$max_ratio" ]]; then
    target="≤ ${max_ratio}×"
    result=$(verdict "$ratio" '<=' "$max_ratio")
  fi
  echo "| $label | $iso_command | $(ms "$iso_s") | $other_command | $(ms "$other_s") \
| ${ratio}× | $target | $result |"
}

# Prints a row that compares the throughput of two streams of BYTES. The ratio is iso's MB/s
# divided by the other's, and the target is a ratio of at least 0.9.
stream_row() {
  local label=$1 iso_command=$2 iso_s=$3 other_command=$4 other_s=$5 bytes=$6
  local ratio
  ratio=$(divide "$other_s" "$iso_s")
  echo "| $label | $iso_command | $(mb_per_s "$bytes" "$iso_s") | $other_command \
| $(mb_per_s "$bytes" "$other_s") | ${ratio}× | ≥ 0.90× | $(verdict "$ratio" '>=' 0.9) |"
}

# Prints a row with ADDED, the time iso adds over a baseline, which must be less than MAX_ADDED
# seconds. The added time can be negative when it is smaller than the noise.
added_row() {
  local label=$1 iso_command=$2 iso_s=$3 other_command=$4 other_s=$5 added=$6 max_added=$7
  echo "| $label | $iso_command | $(ms "$iso_s") | $other_command | $(ms "$other_s") \
| $(signed_ms "$added") | < $(signed_ms "$max_added") | $(verdict "$added" '<' "$max_added") |"
}

signed_ms() {
  awk -v s="$1" 'BEGIN { printf "%+.1f ms", s * 1000 }'
}

# Prints a row without figures, with TEXT (n/a and the reason) in the result column. A `|` in
# TEXT is escaped so that it cannot split the row.
na_row() {
  local label=$1 text=$2 escaped_bar='\|'
  echo "| $label | | | | | | | ${text//|/$escaped_bar} |"
}

machine_summary() {
  local cpu memory
  cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
  memory=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
  echo "- Machine: $(nproc) CPUs (${cpu:-unknown model}), $memory memory," \
    "kernel $(uname -r), Docker engine $(docker version --format '{{.Server.Version}}')"
  echo "- Tools: iso $("$iso" --version), $(hyperfine --version)," \
    "@devcontainers/cli $devcontainer_version"
  echo "- Load average (1, 5, 15 min): $load_at_start at the start, $(load_average) at the end"
}

load_average() {
  cut -d ' ' -f 1-3 /proc/loadavg
}

print_report() {
  echo "## iso benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  machine_summary
  echo "- Runs: each figure is the median of $runs rounds after $warmup warm-up rounds" \
    "($((runs * 2)) rounds for \`iso --version\`), and of $stream_runs rounds for each stream" \
    "(after 1 warm-up round for the reused container), piped into \`cat > /dev/null\`." \
    "A round times each compared command once with hyperfine, in an order that reverses" \
    "every round."
  echo
  echo "| measurement | iso | median | compared with | median | iso vs other | target | result |"
  echo "|---|---|---:|---|---:|---:|---|---|"
  printf '%s\n' "${rows[@]}"
}
