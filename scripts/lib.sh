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

# ---- Python tools (SAM CLI, cfn-lint, the moto AWS emulator) in a git-ignored .venv

VENV="$WINBACK_ROOT/.venv"
TOOLS_REQUIREMENTS="aws-sam-cli cfn-lint moto[server]"

ensure_python_tools() {
  if [[ -x "$VENV/bin/sam" && -x "$VENV/bin/cfn-lint" && -x "$VENV/bin/moto_server" ]]; then
    return
  fi
  echo "==> installing the SAM CLI, cfn-lint and moto into .venv (first run only)"
  command -v python3 >/dev/null || { echo "error: python3 is needed for the SAM CLI and moto" >&2; exit 2; }
  python3 -m venv "$VENV"
  # shellcheck disable=SC2086
  "$VENV/bin/pip" install --quiet $TOOLS_REQUIREMENTS
}

# ---- Chromium (Debian's package), for the browser test of the HTML report

ensure_chromium() {
  if [[ -n "${WINBACK_CHROMIUM:-}" && -x "$WINBACK_CHROMIUM" ]] || command -v chromium >/dev/null; then
    return
  fi
  echo "==> installing Chromium from Debian's packages for the report's browser test (first run only)"
  command -v apt-get >/dev/null || { echo "error: no chromium and no apt-get to install it; set WINBACK_CHROMIUM" >&2; exit 2; }
  local sudo=()
  [[ "$(id -u)" -ne 0 ]] && sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq chromium >/dev/null
  command -v chromium >/dev/null || { echo "error: chromium did not install" >&2; exit 2; }
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

start_moto() {
  MOTO_PORT="$(free_port)"
  MOTO_LOG="$(mktemp -t winback-moto.XXXXXX)"
  "$VENV/bin/moto_server" -H 127.0.0.1 -p "$MOTO_PORT" >"$MOTO_LOG" 2>&1 &
  MOTO_PID=$!
  trap 'kill $MOTO_PID 2>/dev/null || true; rm -f "$MOTO_LOG"' EXIT
  for _ in $(seq 1 100); do
    if python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$MOTO_PORT/moto-api/')" 2>/dev/null; then
      break
    fi
    sleep 0.1
  done
  export WINBACK_MOTO_ENDPOINT="http://127.0.0.1:$MOTO_PORT"
  echo "==> moto AWS emulator on $WINBACK_MOTO_ENDPOINT"
}

# ---- the local runtime (shared/local): run-local and bench run Java mains from it

LOCAL_TARGET="$WINBACK_ROOT/shared/local/target"
# Written last by a successful build, so it doubles as the build's timestamp.
LOCAL_CLASSPATH_FILE="$LOCAL_TARGET/runtime-classpath.txt"
# Added to a reactor run that packages shared/local (run_local_main's build, scripts/test's verify):
# it writes the class path in the same run, so sibling modules resolve to their freshly built jars
# rather than to whatever an old install left in ~/.m2, and run-local needs no build of its own.
LOCAL_CLASSPATH_GOAL=(dependency:build-classpath
  -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime)

local_runtime_needs_build() {
  [[ -f "$LOCAL_CLASSPATH_FILE" ]] || return 0
  [[ -d "$LOCAL_TARGET/classes" ]] || return 0
  compgen -G "$WINBACK_ROOT/functions/*/target/*-lambda.jar" >/dev/null || return 0
  local newer
  newer="$(find "$WINBACK_ROOT/pom.xml" "$WINBACK_ROOT/shared" "$WINBACK_ROOT/functions" \
    -name target -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -type f -newer "$LOCAL_CLASSPATH_FILE" -print -quit)"
  [[ -n "$newer" ]]
}

# Runs a main class of shared/local with its runtime class path, building first when sources changed.
run_local_main() {
  local main_class="$1"; shift
  if local_runtime_needs_build; then
    echo "building the local runtime (sources changed since the last build)..." >&2
    rm -f "$LOCAL_CLASSPATH_FILE"
    # Build output goes to stderr: stdout belongs to the command.
    mvn_quiet -DskipTests -pl shared/local -am package "${LOCAL_CLASSPATH_GOAL[@]}" >&2
  fi
  # The module's classes directory rather than its jar, so the cold-start probe can put the same
  # directory on a child JVM's class path.
  # A large young generation: the demo allocates fast and keeps little, so fewer, cheaper collections.
  # With LOCAL_MAIN_CHILD set the JVM runs as a child, so the caller's EXIT traps (stopping moto) still run.
  local launch=exec
  [[ -n "${LOCAL_MAIN_CHILD:-}" ]] && launch=
  # shellcheck disable=SC2086 # LOCAL_JAVA_OPTS is a list of options on purpose.
  $launch "$JAVA_HOME/bin/java" \
    --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xms1g -Xmn512m ${LOCAL_JAVA_OPTS:-} \
    -Dwinback.root="$WINBACK_ROOT" \
    -Dwinback.template="$WINBACK_ROOT/template.yaml" \
    -cp "$LOCAL_TARGET/classes:$(cat "$LOCAL_CLASSPATH_FILE")" \
    "$main_class" "$@"
}
