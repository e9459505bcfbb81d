#!/usr/bin/env bash
# Runs the whole test suite: unit tests (Surefire), integration tests against real servers
# (Failsafe), the architecture test, enforcer rules and the formatting check.
# It installs what the integration tests need when it is missing, so it works on a new machine.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-test-deps.sh

exec mvn -B -ntp verify "$@"
