#!/usr/bin/env bash
# CI check of server mode with a client nobody here wrote: the AWS CLI drives `lambda-mock serve`
# through create, get, list, invoke (a payload file), publish, alias (when CreateAlias is answered) and
# delete, and each answer is checked. The CLI is installed with apt-get when absent; where it cannot be,
# the check is skipped with a message (exit 0).
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf 'cli-check: %s\n' "$*"; }
fail() {
  log "FAILED: $*"
  exit 1
}

install_aws_cli() {
  command -v aws >/dev/null 2>&1 && return 0
  command -v apt-get >/dev/null 2>&1 || return 1
  local sudo=''
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || return 1
    sudo='sudo -n'
  fi
  log 'installing the AWS CLI (apt-get install awscli)'
  $sudo apt-get update -qq >/dev/null 2>&1 || return 1
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq awscli >/dev/null 2>&1 || return 1
  command -v aws >/dev/null 2>&1
}

if ! install_aws_cli; then
  log 'skipped: the AWS CLI is not installed and apt-get could not install it'
  exit 0
fi
log "using $(aws --version 2>&1)"

work="$(mktemp -d)"
server_pid=''
cleanup() {
  if [ -n "$server_pid" ]; then
    kill -INT "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

node bin/lambda-mock.js serve --port 0 >"$work/server.log" 2>&1 &
server_pid=$!
url=''
for _ in $(seq 1 200); do
  url="$(sed -n 's/^lambda-mock listening on //p' "$work/server.log")"
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || fail "the server did not start: $(cat "$work/server.log")"
  sleep 0.05
done
[ -n "$url" ] || fail 'the server printed no URL'
log "server at $url"

# Any credentials do: the server checks no signature. Nothing of the caller's own configuration is used.
export AWS_ACCESS_KEY_ID=cli-check AWS_SECRET_ACCESS_KEY=cli-check AWS_DEFAULT_REGION=us-east-1 AWS_REGION=us-east-1 AWS_PAGER=''
export AWS_CONFIG_FILE="$work/config" AWS_SHARED_CREDENTIALS_FILE="$work/credentials"
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_ENDPOINT_URL AWS_ENDPOINT_URL_LAMBDA
lambda() { aws --endpoint-url "$url" --output text lambda "$@"; }

expect_eq() { # actual expected what
  [ "$1" = "$2" ] || fail "$3: expected '$2', got '$1'"
  log "ok: $3"
}

# A deployment package and a payload file.
node -e 'const { zipSync, strToU8 } = require("fflate"); require("fs").writeFileSync(process.argv[1], zipSync({ "index.js": strToU8("exports.handler = async (e) => e;") }))' "$work/function.zip"
printf '{"order":42}' >"$work/payload.json"
role='arn:aws:iam::123456789012:role/lambda-role'

expect_eq "$(lambda create-function --function-name cli-orders --runtime nodejs22.x --handler index.handler --role "$role" \
  --zip-file "fileb://$work/function.zip" --query '[FunctionName, State]')" $'cli-orders\tPending' 'create-function'

expect_eq "$(lambda get-function --function-name cli-orders --query 'Configuration.[State, Runtime, CodeSize]')" \
  $'Active\tnodejs22.x\t'"$(wc -c <"$work/function.zip" | tr -d ' ')" 'get-function'

expect_eq "$(lambda list-functions --query 'Functions[].FunctionName')" 'cli-orders' 'list-functions'

expect_eq "$(lambda invoke --function-name cli-orders --payload "fileb://$work/payload.json" --log-type Tail \
  --query '[StatusCode, ExecutedVersion]' "$work/out.json")" $'200\t$LATEST' 'invoke (status, executed version)'
expect_eq "$(cat "$work/out.json")" '{"order":42}' 'invoke (the payload file echoed back)'
log_tail="$(lambda invoke --function-name cli-orders --log-type Tail --query LogResult "$work/out.json" | base64 -d)"
case "$log_tail" in
  'START RequestId: '*'Version: $LATEST'*'REPORT RequestId: '*) log 'ok: invoke --log-type Tail (LogResult)' ;;
  *) fail "invoke --log-type Tail: no execution log in LogResult: $log_tail" ;;
esac

# A result queued through moto's endpoint, as a moto user would.
node -e 'fetch(process.argv[1] + "/moto-api/static/lambda-simple/response", { method: "POST", body: JSON.stringify({ results: ["{\"status\":\"charged\"}"] }) }).then((r) => process.exit(r.status === 201 ? 0 : 1))' "$url" ||
  fail 'POST /moto-api/static/lambda-simple/response did not answer 201'
expect_eq "$(lambda invoke --function-name cli-orders --payload "fileb://$work/payload.json" --query StatusCode "$work/out.json")" '200' 'invoke (after queuing a result)'
expect_eq "$(cat "$work/out.json")" '{"status":"charged"}' 'invoke (the queued result, not the echo)'

expect_eq "$(lambda publish-version --function-name cli-orders --query Version)" '1' 'publish-version'

if lambda create-alias --function-name cli-orders --name live --function-version 1 --query '[Name, FunctionVersion]' >"$work/alias.txt" 2>"$work/alias.err"; then
  expect_eq "$(cat "$work/alias.txt")" $'live\t1' 'create-alias'
  expect_eq "$(lambda get-alias --function-name cli-orders --name live --query FunctionVersion)" '1' 'get-alias'
  expect_eq "$(lambda invoke --function-name cli-orders --qualifier live --query ExecutedVersion "$work/out.json")" '1' 'invoke through the alias'
elif grep -q 'UnhandledCommandError' "$work/alias.err"; then
  log 'skipped alias: lambda-mock does not answer CreateAlias yet'
else
  fail "create-alias: $(cat "$work/alias.err")"
fi

lambda delete-function --function-name cli-orders >/dev/null
log 'ok: delete-function'
if lambda get-function --function-name cli-orders >/dev/null 2>"$work/error.txt"; then
  fail 'get-function after delete-function succeeded'
fi
expect_eq "$(tr -d '\n' <"$work/error.txt")" \
  'An error occurred (ResourceNotFoundException) when calling the GetFunction operation: Function not found: arn:aws:lambda:us-east-1:123456789012:function:cli-orders' \
  'get-function after delete-function (the service error, as the CLI prints it)'

log 'passed'
