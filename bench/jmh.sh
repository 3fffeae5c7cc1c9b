#!/usr/bin/env bash
# Builds Steward and its benchmarks, then runs them.
#
#   bench/jmh.sh                       every JMH benchmark with short defaults (-f 1 -wi 2 -i 3)
#   bench/jmh.sh Append -wi 3 -i 5     JMH benchmarks whose name matches, any JMH options after
#   bench/jmh.sh bytes                 bytes per sample after one hour of probe-like data (a main, not JMH)
#   bench/jmh.sh memory                index + labels memory per series (a main, not JMH)
#   bench/jmh.sh check-memory [N]      memory per configured check without samples (a main, not JMH)
#   bench/jmh.sh rule-load             CPU of 1,000 alerting rules over 10,000 series every 15 s (a main, not JMH)
#   bench/jmh.sh routing-pauses        routing pauses at 100,000 alerts in 10,000 groups (a main, not JMH)
#   SKIP_BUILD=1 bench/jmh.sh ...      reuse the jars already built
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
if [[ -z "${JAVA_HOME:-}" && -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [[ -z "${SKIP_BUILD:-}" ]]; then
  (cd "$root" && ./mvnw -q -B -ntp -DskipTests -Dspotless.skip=true install)
  (cd "$here" && "$root/mvnw" -q -B -ntp -f "$here/pom.xml" package)
fi
jar="$here/target/benchmarks.jar"

case "${1:-}" in
  bytes)  shift; exec "$java" -Xmx2g -cp "$jar" dev.steward.bench.BytesPerSample "$@" ;;
  routing-pauses) shift; exec "$java" -Xmx2g -cp "$jar" dev.steward.bench.RoutingPauses "$@" ;;
  rule-load) shift; exec "$java" -Xmx2g -cp "$jar" dev.steward.bench.RuleLoadCost "$@" ;;
  check-memory) shift; exec "$java" -Xmx2g -XX:+UseSerialGC -cp "$jar" dev.steward.bench.MemoryPerCheck "$@" ;;
  memory) shift; exec "$java" -Xmx2g -XX:+UseSerialGC -Djdk.attach.allowAttachSelf=true -Djol.magicFieldOffset=true \
            -cp "$jar" dev.steward.bench.MemoryPerSeries "$@" ;;
esac

pattern=()
if [[ $# -gt 0 && "$1" != -* ]]; then
  pattern=("$1")
  shift
fi
# Short defaults for a shared machine; an option given on the command line replaces its default.
defaults=(-f 1 -wi 2 -w 2s -i 3 -r 3s -jvmArgs -Xmx2g)
args=()
for ((k = 0; k < ${#defaults[@]}; k += 2)); do
  flag="${defaults[k]}"
  given=""
  for a in "$@"; do [[ "$a" == "$flag" ]] && given=1; done
  [[ -z "$given" ]] && args+=("$flag" "${defaults[k + 1]}")
done
exec "$java" -jar "$jar" "${pattern[@]}" "${args[@]}" "$@"
