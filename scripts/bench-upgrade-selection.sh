#!/usr/bin/env bash
# JMH benchmark of upgrade selection: one running tag against 10,000 realistic tags, one thread.
# Extra arguments go to JMH, e.g. `-f 1 -wi 2 -i 3` for a quicker run, `-prof gc` for allocations.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -pl inspectr-core -am test-compile
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -B -q -ntp -pl inspectr-core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
exec java -cp "inspectr-core/target/test-classes:inspectr-core/target/classes:$(cat "$cp_file")" \
  org.openjdk.jmh.Main UpgradeSelectionBenchmark "$@"
