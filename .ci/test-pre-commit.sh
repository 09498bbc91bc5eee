#!/usr/bin/env bash
# Runs the pre-commit hooks of this checkout for real, configured as the README's examples say: a
# throw-away git repository with a bad template must have its commit blocked with the rule id
# shown, and the fixed template must commit.
#
#   .ci/test-pre-commit.sh
#
# Uses this checkout's HEAD as the hooks' `rev`, so .pre-commit-hooks.yaml and bin/ must be
# committed. Needs git, pre-commit, Java and Maven; target/polygraph.jar (mvn package) for the
# polygraph-system hook. Prints the wall time of the first run (clone and Maven build included)
# and of a later run on one file.
set -euo pipefail

checkout="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rev="$(git -C "$checkout" rev-parse HEAD)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A private pre-commit cache: the first run clones and builds as a new user's would.
export PRE_COMMIT_HOME="$work/pre-commit-home"

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
die() {
  echo "test-pre-commit: $*" >&2
  exit 1
}

# Commits everything staged in $repo with the given hook; sets $output, $status and $took.
commit() {
  local start
  start="$(now)"
  set +e
  output="$(git -C "$repo" commit -q -m "$1" 2>&1)"
  status=$?
  set -e
  took="$(seconds "$start" "$(now)")"
}

# The Nth ```yaml block of the README's "## pre-commit" section.
readme_config() {
  awk -v n="$1" '
    /^## / { in_section = ($0 == "## pre-commit") }
    in_section && /^```yaml$/ { count++; if (count == n) { inside = 1; next } }
    inside && /^```$/ { exit }
    inside { print }
  ' "$checkout/README.md"
}

# A new repository $repo whose .pre-commit-config.yaml is the README's Nth example, pointing at
# this checkout instead of GitHub.
new_repo() {
  repo="$work/$1"
  git init -q "$repo"
  git -C "$repo" config user.email ci@example.com
  git -C "$repo" config user.name CI
  git -C "$repo" config commit.gpgsign false
  readme_config "$2" \
    | sed -e "s|^\( *- repo:\).*|\1 $checkout|" -e "s|^\( *rev:\).*|\1 $rev|" \
    > "$repo/.pre-commit-config.yaml"
  grep -q "repo: $checkout\$" "$repo/.pre-commit-config.yaml" \
    || die "README pre-commit example $2 has no repo: line"
  grep -q "id: $3\$" "$repo/.pre-commit-config.yaml" || die "README pre-commit example $2 is not hook $3"
  (cd "$repo" && pre-commit install >/dev/null)
}

bad="$checkout/examples/eks-nodes.yaml"
good="$checkout/fixtures/EKS004/cfn/good-managed-policies.yaml"

# --- the `polygraph` hook: Java and Maven only ---------------------------------------------------
new_repo script 1 polygraph
mkdir -p "$repo/infra"
cp "$bad" "$repo/infra/nodes.yaml"
git -C "$repo" add .
commit "bad template"
first="$took"
printf '%s\n' "$output"
[ "$status" -ne 0 ] || die "the commit of a bad template was not blocked"
grep -q 'infra/nodes.yaml:[0-9]*:[0-9]*: error EKS004 ' <<<"$output" || die "EKS004 not shown"

cp "$good" "$repo/infra/nodes.yaml"
git -C "$repo" add .
commit "fixed template"
printf '%s\n' "$output"
[ "$status" -eq 0 ] || die "the commit of the fixed template was blocked"

# A later commit of one file: the jar is cached, only the scan runs.
cp "$good" "$repo/infra/other.yaml"
git -C "$repo" add infra/other.yaml
commit "one more template"
[ "$status" -eq 0 ] || die "the commit of a good template was blocked: $output"
later="$took"

# Files outside the commit do not block it, but a committed file that a finding relates to does:
# the node group in cluster.yaml runs as the role in node-role.yaml, which cannot pull from ECR.
cross="$checkout/fixtures/EKS004/cfn/bad-import"
cp "$cross/node-role.yaml" "$repo/infra/node-role.yaml"
git -C "$repo" add infra/node-role.yaml
git -C "$repo" commit -q --no-verify -m "a role, committed without the hook"
cp "$cross/cluster.yaml" "$repo/infra/cluster.yaml"
git -C "$repo" add infra/cluster.yaml
commit "the node group that uses the role"
printf '%s\n' "$output"
[ "$status" -ne 0 ] || die "a node group whose role lacks ECR permissions was committed"
grep -q 'infra/node-role.yaml:[0-9]*:[0-9]*: error EKS004 ' <<<"$output" || die "cross-file EKS004 not shown"

# --- the `polygraph-system` hook: polygraph on PATH -----------------------------------------------
[ -f "$checkout/target/polygraph.jar" ] || die "target/polygraph.jar missing: run mvn package first"
mkdir -p "$work/bin"
printf '#!/bin/sh\nexec java -jar "%s" "$@"\n' "$checkout/target/polygraph.jar" > "$work/bin/polygraph"
chmod +x "$work/bin/polygraph"
export PATH="$work/bin:$PATH"
new_repo system 2 polygraph-system
cp "$bad" "$repo/nodes.yaml"
git -C "$repo" add .
commit "bad template"
printf '%s\n' "$output"
[ "$status" -ne 0 ] || die "polygraph-system: the commit of a bad template was not blocked"
grep -q 'nodes.yaml:[0-9]*:[0-9]*: error EKS004 ' <<<"$output" || die "polygraph-system: EKS004 not shown"
cp "$good" "$repo/nodes.yaml"
git -C "$repo" add .
commit "fixed template"
[ "$status" -eq 0 ] || die "polygraph-system: the commit of the fixed template was blocked: $output"

# Terraform: the module is the directory. A committed terraform.tfvars that makes the cluster IPv6
# blocks the commit with the finding on the node role in main.tf, which the commit did not touch.
mkdir -p "$repo/tf"
cp "$checkout/examples/terraform/main.tf" "$checkout/examples/terraform/variables.tf" "$repo/tf/"
printf 'ip_family = "ipv4"\n' > "$repo/tf/terraform.tfvars"
git -C "$repo" add tf
commit "an IPv4 cluster in Terraform"
[ "$status" -eq 0 ] || die "polygraph-system: the IPv4 Terraform configuration was blocked: $output"
printf 'ip_family = "ipv6"\n' > "$repo/tf/terraform.tfvars"
git -C "$repo" add tf/terraform.tfvars
commit "the cluster becomes IPv6"
printf '%s\n' "$output"
[ "$status" -ne 0 ] || die "polygraph-system: an IPv6 cluster whose node role has the IPv4 CNI policy was committed"
grep -q 'tf/main.tf:[0-9]*:[0-9]*: error EKS006 ' <<<"$output" || die "polygraph-system: EKS006 not shown"

# --- the README's example with args: warnings block the commit too ---------------------------------
new_repo args 3 polygraph
cp "$checkout/fixtures/EKS007/cfn/bad-wildcard-action.yaml" "$repo/cni.yaml"
git -C "$repo" add .
commit "a CNI policy with a wildcard action"
printf '%s\n' "$output"
[ "$status" -ne 0 ] || die "--fail-on warning: the commit of a template with a warning was not blocked"
grep -q 'cni.yaml:[0-9]*:[0-9]*: warning EKS007 ' <<<"$output" || die "--fail-on warning: EKS007 not shown"

echo "pre-commit hooks: OK (first run with clone and build: ${first} s; later run on one file: ${later} s)"
