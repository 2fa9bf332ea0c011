#!/usr/bin/env bash
# A small interactive program standing in for a command line agent in tmux tests. It prints a banner,
# works in rounds (progress lines, one task-file checkbox ticked per step), asks for input with a prompt,
# reads a line and echoes it, then after a quiet spell prints a done marker and exits. Each test scripts
# it with arguments; everything it does is written with a millisecond timestamp to --log, so a test can
# check what it read and when (and whether input arrived while it was still working).
#
#   --rounds N       work/ask rounds (default 1)
#   --steps K        progress steps per round (default 3)
#   --step-sec S     seconds per step (default 0.3)
#   --task-file F    tick the next "- [ ]" of F at every step
#   --ask TEXT       the prompt (default "Your answer? ")
#   --quiet-sec Q    silence before the done marker (default 0)
#   --done TEXT      the done marker (default "ALL DONE")
#   --loop           after the rounds, keep asking and echoing forever (no done marker)
#   --hang           after the banner, print nothing more and never finish
#   --fail TEXT      after the first round's work, print "Error: TEXT" and hang
#   --exit-code C    exit status after the done marker (default 0)
#   --log F          the record of what happened (default /dev/null)
set -u
rounds=1 steps=3 step_sec=0.3 task_file="" ask="Your answer? " quiet=0 done_marker="ALL DONE" loop=0 hang=0 fail="" code=0 log=/dev/null
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift ;;
    --steps) steps=$2; shift ;;
    --step-sec) step_sec=$2; shift ;;
    --task-file) task_file=$2; shift ;;
    --ask) ask=$2; shift ;;
    --quiet-sec) quiet=$2; shift ;;
    --done) done_marker=$2; shift ;;
    --loop) loop=1 ;;
    --hang) hang=1 ;;
    --fail) fail=$2; shift ;;
    --exit-code) code=$2; shift ;;
    --log) log=$2; shift ;;
    *) echo "scripted-agent: unknown argument $1" >&2; exit 64 ;;
  esac
  shift
done

note() { printf '%s %s\n' "$(date +%s%3N)" "$*" >> "$log"; }

forever() { while :; do sleep 3600; done; }

ask_and_echo() {
  local round=$1 answer
  # Input typed while we were working would be waiting already: record it, it must not happen.
  if read -r -t 0; then note "early_input $round"; fi
  note "ask $round"
  printf '%s' "$ask"
  IFS= read -r answer || answer=""
  note "read $round $answer"
  echo "you said: $answer"
}

note "start"
echo "scripted-agent 1.0 ready"
if [ "$hang" = 1 ]; then note "hang"; forever; fi
for round in $(seq 1 "$rounds"); do
  note "work_start $round"
  for step in $(seq 1 "$steps"); do
    echo "working on step $step/$steps of round $round"
    if [ -n "$task_file" ] && [ -f "$task_file" ]; then
      sed -i '0,/- \[ \]/s//- [x]/' "$task_file"
      note "ticked $round.$step"
    fi
    sleep "$step_sec"
  done
  note "work_end $round"
  if [ -n "$fail" ]; then echo "Error: $fail"; note "failed"; forever; fi
  ask_and_echo "$round"
done
if [ "$loop" = 1 ]; then
  round=$rounds
  while :; do round=$((round + 1)); ask_and_echo "$round"; done
fi
sleep "$quiet"
note "done"
echo "$done_marker"
exit "$code"
