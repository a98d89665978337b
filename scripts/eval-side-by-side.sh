#!/usr/bin/env bash
# Run eval suites twice, on the embedded engines (SQLite, on-disk Chroma, in-process
# llama.cpp) and on the scale-out ones (PostgreSQL, a Chroma server, llama.cpp's
# OpenAI-compatible server), then print the deltas. Usage:
#   scripts/eval-side-by-side.sh OUT_DIR [SUITE ...]      (default suites: retrieval knowledge)
set -euo pipefail
OUT="${1:?usage: $0 OUT_DIR [SUITE ...]}"; shift || true
SUITES=("${@:-retrieval}"); [ $# -eq 0 ] && SUITES=(retrieval knowledge)
BIN="$(cd "$(dirname "$0")/.." && pwd)/.venv/bin"
WORK="$(mktemp -d /tmp/shopmage-side-by-side-XXXXXX)"
free_port() { "$BIN/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() { for _ in $(seq 1 180); do curl -sf "$1" >/dev/null && return 0; sleep 0.5; done; echo "no answer at $1" >&2; exit 1; }

PG_URL="$("$(dirname "$0")/postgres-for-tests.sh")"
CHROMA_PORT="$(free_port)"; MODEL_PORT="$(free_port)"
"$BIN/chroma" run --path "$WORK/chroma" --host 127.0.0.1 --port "$CHROMA_PORT" >"$WORK/chroma.log" 2>&1 &
CHROMA_PID=$!
MODEL="$("$BIN/python" -c 'from knowledge.settings import default_llm_path; print(default_llm_path())')"
"$BIN/python" -m knowledge.llm_server --model "$MODEL" --host 127.0.0.1 --port "$MODEL_PORT" \
  --n_ctx 2048 --n_threads 1 --n_threads_batch 1 --seed 0 >"$WORK/model.log" 2>&1 &
MODEL_PID=$!
trap 'kill $CHROMA_PID $MODEL_PID 2>/dev/null || true' EXIT
wait_for "http://127.0.0.1:$CHROMA_PORT/api/v2/heartbeat"
wait_for "http://127.0.0.1:$MODEL_PORT/v1/models"

for suite in "${SUITES[@]}"; do
  "$BIN/shopmage" eval run --suite "$suite" --out "$OUT/$suite-embedded"
  SHOPMAGE_DATABASE_URL="$PG_URL" SHOPMAGE_CHROMA_URL="http://127.0.0.1:$CHROMA_PORT" \
  SHOPMAGE_LLM_BASE_URL="http://127.0.0.1:$MODEL_PORT/v1" \
    "$BIN/shopmage" eval run --suite "$suite" --out "$OUT/$suite-scale" --engines configured
  "$BIN/shopmage" eval compare "$OUT/$suite-embedded" "$OUT/$suite-scale"
done
