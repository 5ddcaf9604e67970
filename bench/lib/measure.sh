# Timing for bench/run.sh. Sourced, not run.
#
# hyperfine runs its commands one after the other: all runs of the first command, then all runs
# of the second. On a machine shared with other jobs the load drifts within a minute by more
# than the differences measured here, so a ratio taken that way favours whichever command ran
# during the quieter stretch. `measure` interleaves the commands instead. It times every
# command once per round with hyperfine, in an order that reverses every round (A B, B A, ...),
# so that a drift shifts all commands alike. It reports the median over the rounds.

# measure ID SHELL WARMUP ROUNDS NAME COMMAND [NAME COMMAND ...]
#
# Runs each COMMAND WARMUP times untimed, then ROUNDS times timed, in the busybox project.
# SHELL is `none` for commands that hyperfine starts directly, or `bash` for pipelines, which
# run with pipefail so that a failure anywhere in the pipe stops the benchmark. Each run's time
# in seconds is appended to $work/ID-NAME.times.
measure() {
  local id=$1 shell=$2 warmup_runs=$3 rounds=$4
  shift 4
  local names=() commands=()
  while (($# > 0)); do
    names+=("$1")
    commands+=("$2")
    shift 2
  done
  log "measuring $id: ${names[*]}, $warmup_runs warm-up and $rounds timed rounds"

  local round index
  local forward=("${!names[@]}") backward=()
  for ((index = ${#names[@]} - 1; index >= 0; index--)); do
    backward+=("$index")
  done
  for ((round = -warmup_runs; round < rounds; round++)); do
    local order=("${forward[@]}")
    ((round % 2 == 0)) || order=("${backward[@]}")
    for index in "${order[@]}"; do
      time_once "$shell" "${commands[index]}" || return 1
      if ((round >= 0)); then
        awk -F, 'NR == 2 { print $4 }' "$work/once.csv" >>"$work/$id-${names[index]}.times"
      fi
    done
  done

  for index in "${!names[@]}"; do
    log "  ${names[index]}: median $(ms "$(median "$id" "${names[index]}")")," \
      "range $(ms "$(minimum "$id" "${names[index]}")") to $(ms "$(maximum "$id" "${names[index]}")")"
  done
}

# Times one run of COMMAND with hyperfine into $work/once.csv. A failing command stops the
# benchmark after running it once more without hyperfine, so that its error output is shown.
time_once() {
  local shell=$1 command=$2
  local options=(--runs 1 --style none --export-csv "$work/once.csv")
  if [[ "$shell" == none ]]; then
    options+=(-N)
  else
    options+=(--shell "$shell")
    command="set -o pipefail; $command"
  fi
  if ! (cd "$plain" && hyperfine "${options[@]}" "$command") >/dev/null; then
    log "command failed: $command"
    log "its error output when run again:"
    (cd "$plain" && bash -c "$command") >/dev/null || true
    return 1
  fi
}

# Prints the median of a command's times in seconds.
median() {
  sort -g "$work/$1-$2.times" | awk '
    { value[NR] = $1 }
    END { print (NR % 2 == 1) ? value[(NR + 1) / 2] : (value[NR / 2] + value[NR / 2 + 1]) / 2 }'
}

# Prints the median over the rounds of NAME's time minus OTHER's time in the same round, in
# seconds. Both ran back to back in each round, so a load drift between rounds cancels out.
median_difference() {
  local id=$1 name=$2 other=$3
  paste "$work/$id-$name.times" "$work/$id-$other.times" | awk '{ print $1 - $2 }' | sort -g \
    | awk '
      { value[NR] = $1 }
      END { print (NR % 2 == 1) ? value[(NR + 1) / 2] : (value[NR / 2] + value[NR / 2 + 1]) / 2 }'
}

minimum() {
  sort -g "$work/$1-$2.times" | head -n 1
}

maximum() {
  sort -g "$work/$1-$2.times" | tail -n 1
}

# Quotes each argument for hyperfine's command line, which hyperfine splits like a shell.
quote() {
  printf '%q ' "$@"
}

# Prints a command line that runs iso in DIR without a shell. `env -C` leaves PWD unchanged, so
# PWD is set to DIR as a shell's cd would set it.
iso_in() {
  local dir=$1
  shift
  quote env -C "$dir" "PWD=$dir" "$iso" "$@"
}
