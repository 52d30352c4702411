#!/usr/bin/env bash
# Runs `pulumi preview` or `pulumi up` of one stack the way every workflow does: with the
# platform's policy pack (infra/policies, mandatory), non-interactive, showing the diff, and
# keeping the command's whole output in a file, whether it succeeds or fails (the pinned
# pulumi/actions sets its `output` only on success, and drift is exactly a failure).
# With --json (a preview's digest: its steps and change summary), the file holds stdout only, so
# it stays one JSON document, and stderr goes to <output-file>.stderr (both are shown too).
#   tools/ci/bin/pulumi-stack.sh preview|up <program-dir> <org/project/stack> <output-file> [pulumi flags...]
set -uo pipefail

if [ "$#" -lt 4 ]; then
  echo "usage: pulumi-stack.sh preview|up <program-dir> <org/project/stack> <output-file> [flags...]" >&2
  exit 2
fi
command=$1 dir=$2 stack=$3 output=$4
shift 4
case "$command" in
  preview) extra=() ;;
  up) extra=(--yes) ;;
  *)
    echo "pulumi-stack.sh: unknown command '$command' (preview or up)" >&2
    exit 2
    ;;
esac
# An unset repository variable arrives as an empty string: that means Pulumi Cloud, not "".
if [ -z "${PULUMI_BACKEND_URL:-}" ]; then unset PULUMI_BACKEND_URL; fi
root=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)

json=false
for flag in "$@"; do [ "$flag" = --json ] && json=true; done
# --diff shapes the text display; the JSON digest has its own form.
if [ "$json" = false ]; then extra+=(--diff); fi

if [ "$json" = true ]; then
  pulumi "$command" --cwd "$dir" --stack "$stack" --non-interactive \
    --policy-pack "$root/infra/policies" ${extra[@]+"${extra[@]}"} "$@" 2>"$output.stderr" | tee "$output"
  status=${PIPESTATUS[0]}
  cat "$output.stderr" >&2
  exit "$status"
fi
pulumi "$command" --cwd "$dir" --stack "$stack" --non-interactive \
  --policy-pack "$root/infra/policies" ${extra[@]+"${extra[@]}"} "$@" 2>&1 | tee "$output"
exit "${PIPESTATUS[0]}"
