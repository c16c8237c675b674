#!/usr/bin/env bash
# Sends a PushNotifi alert with the per-user inbound-webhook token:
#   PUSHNOTIFI_WEBHOOK_TOKEN=... scripts/notify.sh "Deploy failed" "my-repo run 42"
# Optional: PUSHNOTIFI_API_BASE_URL (default https://api.pushnotifi.me), e.g. the local sandbox.
# The token is a secret: it is never echoed, and it reaches curl on stdin, not in its arguments or a log.
set -euo pipefail
set +x # tracing would print the token

: "${PUSHNOTIFI_WEBHOOK_TOKEN:?PUSHNOTIFI_WEBHOOK_TOKEN must be set}"
title="${1:?usage: notify.sh <title> <message>}"
message="${2:?usage: notify.sh <title> <message>}"
base_url="${PUSHNOTIFI_API_BASE_URL:-https://api.pushnotifi.me}"

body="$(jq -nc --arg t "$title" --arg m "$message" '{title: $t, message: $m}')"

# printf is a shell builtin, so the URL with the token never appears in the process list.
printf 'url = "%s/api/v1/webhooks/incoming/%s"\n' "${base_url%/}" "$PUSHNOTIFI_WEBHOOK_TOKEN" \
  | curl -fsS -X POST -H "Content-Type: application/json" --data-binary "$body" --config -
echo
