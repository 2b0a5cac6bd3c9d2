#!/usr/bin/env bash
# Run the real app (real model, real index) in tmux, ask a question, print the screen.
# Usage: scripts/tmux_demo.sh ["question"] [width] [height]
# The first run builds ./index with the bundled model (about a minute).
set -euo pipefail
cd "$(dirname "$0")/.."
QUESTION=${1:-what did Ofsted say about care leavers in 2014}
WIDTH=${2:-110}
HEIGHT=${3:-40}
SESSION="ofsted-qa-demo-$$"
command -v tmux >/dev/null || { echo "tmux is not installed: apt-get install -y tmux" >&2; exit 2; }
trap 'tmux kill-session -t "$SESSION" 2>/dev/null || true' EXIT

wait_for() {  # wait_for NEEDLE SECONDS
    local deadline=$((SECONDS + $2))
    while ((SECONDS < deadline)); do
        if tmux capture-pane -p -t "$SESSION" | grep -qF -- "$1"; then return 0; fi
        sleep 0.5
    done
    echo "timed out waiting for: $1" >&2
    tmux capture-pane -p -t "$SESSION" >&2
    return 1
}

started=$SECONDS
tmux new-session -d -s "$SESSION" -x "$WIDTH" -y "$HEIGHT" ".venv/bin/ofsted-qa; sleep 5"
wait_for "Ofsted QA" 20
echo "# first paint after $((SECONDS - started))s"
tmux send-keys -t "$SESSION" -l "$QUESTION"
tmux send-keys -t "$SESSION" Enter
wait_for "hybrid: words and meaning" 600
echo "# answered with the model after $((SECONDS - started))s"
tmux capture-pane -p -t "$SESSION"
tmux send-keys -t "$SESSION" Tab
wait_for "Open source" 10  # the footer shows a card's keys once it has focus
tmux send-keys -t "$SESSION" Enter
wait_for "in this document" 30
echo "# source view (Tab, Enter)"
tmux capture-pane -p -t "$SESSION"
tmux send-keys -t "$SESSION" Escape C-q
