#!/usr/bin/env bash
# The whole platform on this machine with one command (run from anywhere):
#
#   infra/local-stack/run.sh [--no-seed] [--help]
#
# Finds a JDK 21 or newer, builds the reactor (skip with PARTYCELL_SKIP_BUILD=1), then runs
# vn.partycell.localstack.LocalStack: MongoDB-wire store, Kafka, the four services, the gateway on
# http://localhost:8080, demo data on the first run. Ctrl-C stops everything.
# Environment: PARTYCELL_DATA_DIR, MONGODB_URI, KAFKA_BOOTSTRAP (see --help).
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "${script_dir}/../.." && pwd)"
cd "${repo_root}"

# Prints the feature version of a java binary (8, 17, 21, 25…), or nothing if it does not run.
java_major() {
  local version
  version="$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1)" || return 0
  case "${version}" in
    1.*) echo "${version#1.}" ;;
    *) echo "${version}" ;;
  esac
}

is_jdk21() {
  local home="$1" major
  [[ -x "${home}/bin/java" ]] || return 1
  major="$(java_major "${home}/bin/java")"
  [[ -n "${major}" && "${major}" =~ ^[0-9]+$ && "${major}" -ge 21 ]]
}

find_jdk() {
  if [[ -n "${JAVA_HOME:-}" ]] && is_jdk21 "${JAVA_HOME}"; then
    echo "${JAVA_HOME}"
    return 0
  fi
  if is_jdk21 /usr/lib/jvm/temurin-25-jdk-amd64; then
    echo /usr/lib/jvm/temurin-25-jdk-amd64
    return 0
  fi
  local candidate
  for candidate in /usr/lib/jvm/*; do
    if [[ -d "${candidate}" ]] && is_jdk21 "${candidate}"; then
      echo "${candidate}"
      return 0
    fi
  done
  return 1
}

if ! jdk="$(find_jdk)"; then
  echo "ERROR: a JDK 21 or newer is needed and none was found." >&2
  echo "  Tried: JAVA_HOME=${JAVA_HOME:-<unset>}, /usr/lib/jvm/temurin-25-jdk-amd64, /usr/lib/jvm/*." >&2
  echo "  Install a JDK 21+ (for example Temurin 25) and point JAVA_HOME at it." >&2
  exit 1
fi
export JAVA_HOME="${jdk}"
java_bin="${JAVA_HOME}/bin/java"

module_dir="${repo_root}/infra/local-stack"
launcher_jar="${module_dir}/target/local-stack-0.1.0-SNAPSHOT.jar"

# Check the flags before a build that takes minutes; --help needs no fresh build when the
# launcher is already there.
for arg in "$@"; do
  case "${arg}" in
    --no-seed) ;;
    --help | -h)
      if [[ -f "${launcher_jar}" ]]; then
        PARTYCELL_SKIP_BUILD="${PARTYCELL_SKIP_BUILD:-1}"
      fi
      ;;
    *)
      echo "Unknown argument '${arg}'. Usage: infra/local-stack/run.sh [--no-seed] [--help]" >&2
      exit 2
      ;;
  esac
done

if [[ "${PARTYCELL_SKIP_BUILD:-0}" != "1" ]]; then
  echo "Build (JDK: ${JAVA_HOME})…"
  if [[ "$(java_major "${java_bin}")" -ge 24 ]]; then
    # Maven's Guice calls sun.misc.Unsafe; JDK 24+ warns about it on every build.
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
  ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package
fi

if [[ ! -f "${launcher_jar}" || ! -d "${module_dir}/target/lib" ]]; then
  echo "ERROR: ${launcher_jar} or ${module_dir}/target/lib is missing." >&2
  echo "  Run again without PARTYCELL_SKIP_BUILD=1 to build them." >&2
  exit 1
fi

exec "${java_bin}" \
  -Xmx512m \
  -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 \
  -Dpartycell.root="${repo_root}" \
  -cp "${launcher_jar}:${module_dir}/target/lib/*" \
  vn.partycell.localstack.LocalStack "$@"
