#!/usr/bin/env bash
# Quick start: builds gitform and the bundled GitLab emulator, starts the emulator on a free
# loopback port, seeds it the way a GitLab administrator would (a bot user and a project), then
# runs gitform against this folder's configuration. Token values are never printed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
emulator_pid=""
cleanup() {
  if [ -n "$emulator_pid" ]; then kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n==> %s\n' "$*"; }

step "Building gitform and gitlab-emulator"
(cd "$root" && swift build 2>&1 | tail -1)
bin="$(cd "$root" && swift build --show-bin-path)"

step "Starting the GitLab emulator"
root_token="glpat-quickstart-root-token"
"$bin/gitlab-emulator" -port 0 -root-token "$root_token" -now 2026-11-24T09:00:00Z >"$work/emulator.out" 2>"$work/emulator.err" &
emulator_pid=$!
for _ in $(seq 1 100); do
  grep -q 'listening on' "$work/emulator.out" 2>/dev/null && break
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$work/emulator.err" >&2; exit 1; }
  sleep 0.1
done
ready="$(head -1 "$work/emulator.out")"
echo "$ready"
url="${ready##* }"
api="$url/api/v4"

# A small JSON reader for the one field each call needs (python3 is not required).
field() { sed -E "s/.*\"$1\":(\"([^\"]*)\"|([0-9]+|true|false|null)).*/\2\3/"; }
request() { # METHOD PATH [JSON]: prints the body, fails on an HTTP error
  local method=$1 path=$2 data=${3:-}
  if [ -n "$data" ]; then
    curl -sS --fail-with-body -X "$method" -H "PRIVATE-TOKEN: $root_token" -H 'Content-Type: application/json' --data "$data" "$api$path"
  else
    curl -sS --fail-with-body -X "$method" -H "PRIVATE-TOKEN: $root_token" "$api$path"
  fi
}

step "Seeding it as an administrator would: a bot user and a project"
whoami="$(request GET /user)"
echo "authenticated as $(field username <<<"$whoami") (is_admin: $(field is_admin <<<"$whoami"))"
bot="$(request POST /users '{"username":"ci-bot","name":"CI Bot","email":"ci-bot@example.com","password":"quickstart-password-1"}')"
bot_id="$(field id <<<"$bot")"
echo "created user ci-bot (id $bot_id)"
group="$(request POST /groups '{"name":"platform","path":"platform"}')"
project="$(request POST /projects "{\"name\":\"deployer\",\"path\":\"deployer\",\"namespace_id\":$(field id <<<"$group")}")"
echo "created project $(field path_with_namespace <<<"$project") (id $(field id <<<"$project"))"

step "gitform: fmt and validate"
cp "$here"/*.gf.hcl "$work/"
gitform() { "$bin/gitform" -chdir="$work" "$@"; }
export GITLAB_BASE_URL="$url" GITLAB_TOKEN="$root_token" GITFORM_NOW="2026-11-24T09:00:00Z"
gitform fmt -check && echo "fmt: every file is formatted"
gitform validate

step "gitform plan"
gitform plan -no-color

step "gitform apply -auto-approve"
gitform apply -auto-approve -no-color

step "gitform plan, again: GitLab now matches the configuration"
gitform plan -no-color -detailed-exitcode

step "gitform expiry: when each managed token expires and rotates"
gitform expiry

step "What GitLab holds now (token values are never shown)"
{ request GET "/projects/platform%2Fdeployer/access_tokens"; echo; } | tr '{' '\n' | sed -nE 's/.*"id":([0-9]+),"name":"([^"]*)".*"scopes":\[([^]]*)\].*"expires_at":"([^"]*)".*/  project token \1 "\2" scopes \3 expires \4/p'
{ request GET "/personal_access_tokens?user_id=$bot_id"; echo; } | tr '{' '\n' | sed -nE 's/.*"id":([0-9]+),"name":"([^"]*)".*"expires_at":"([^"]*)".*/  personal token \1 "\2" of ci-bot expires \3/p'
{ request GET "/projects/platform%2Fdeployer/variables"; echo; } | tr '{' '\n' | sed -nE 's/.*"key":"([^"]*)".*"masked":(true|false).*/  variable \1 (masked: \2)/p'
echo "state file: $(ls -l "$work/gitform.tfstate" | cut -d' ' -f1) gitform.tfstate"

step "What the emulator served"
curl -sS -H "PRIVATE-TOKEN: $root_token" "$url/-/emulator/stats"
echo
