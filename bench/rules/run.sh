#!/usr/bin/env bash
# Rules benchmark (not part of `verify`): decisions/s of adjustment-tolerance through decide() vs a bare
# stateless KieSession on the same KieBase and fact, decide() with its decision-log write, and the time to
# compile and publish a new version. Usage: bench/rules/run.sh [seconds-per-measurement, default 10]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -o -q compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
CP="target/classes:$(cat target/bench-classpath.txt)"
mkdir -p target/bench-classes
javac -proc:none -d target/bench-classes -cp "$CP" bench/rules/RulesBenchmark.java
exec java -Xmx1g -cp "target/bench-classes:$CP" com.invgov.rules.internal.RulesBenchmark "$@"
