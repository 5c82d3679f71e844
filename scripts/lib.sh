# Sourced by the other scripts: finds a JDK 21+ and sets up Maven. Never run directly.
set -euo pipefail

WINBACK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

java_major() {
  # Prints the feature version of the java binary given, or nothing.
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n1
}

find_jdk() {
  local candidates=()
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  # Prefer Temurin, newest first, then any other JDK under /usr/lib/jvm.
  local d
  for d in $(ls -d /usr/lib/jvm/temurin-* 2>/dev/null | sort -rV) $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -rV); do
    candidates+=("$d")
  done
  for d in "${candidates[@]}"; do
    if [[ -x "$d/bin/java" && -x "$d/bin/javac" ]]; then
      local major
      major="$(java_major "$d/bin/java")"
      if [[ -n "$major" && "$major" -ge 21 ]]; then
        echo "$d"
        return 0
      fi
    fi
  done
  return 1
}

if ! JAVA_HOME="$(find_jdk)"; then
  echo "error: Winback needs a JDK 21 or newer. Set JAVA_HOME to one, or install one under /usr/lib/jvm." >&2
  echo "       (checked JAVA_HOME=${JAVA_HOME:-<unset>} and /usr/lib/jvm/*)" >&2
  exit 2
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.8 on JDK 24+ warns about sun.misc.Unsafe on every run.
if [[ "$(java_major "$JAVA_HOME/bin/java")" -ge 24 ]]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
command -v mvn >/dev/null || { echo "error: Maven (mvn) is not on PATH." >&2; exit 2; }

mvn_quiet() {
  mvn -B -q -f "$WINBACK_ROOT/pom.xml" "$@"
}
