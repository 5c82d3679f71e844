#!/usr/bin/env bash
# usage: jdk-library.sh JAVA_HOME DIR
#
# Extracts the class files of the JDK modules the functions use into DIR, once per JDK: ProGuard
# (lambda-shrink.pro) needs them as its library to see which of a jar's methods the JDK calls
# (toString, Runnable.run, Iterator.next ...). A JDK linked from its run-time image (JEP 493, e.g.
# Temurin 24+) ships no jmods/ directory, so the classes are read from lib/modules with jimage.
set -euo pipefail
java_home="$1"
dir="$2"
[[ -f "$dir/.complete" ]] && exit 0
mkdir -p "$(dirname "$dir")"
# Several function modules may build at once (sam build --parallel); one extracts, the others wait.
if command -v flock >/dev/null; then
  exec 9>"$dir.lock"
  flock 9
  [[ -f "$dir/.complete" ]] && exit 0
fi
rm -rf "$dir.tmp"
"$java_home/bin/jimage" extract --dir "$dir.tmp" \
  --include 'regex:/(java\.base|java\.logging|java\.xml|java\.sql|java\.naming|java\.management|java\.net\.http)/.*\.class' \
  "$java_home/lib/modules"
rm -rf "$dir"
mv "$dir.tmp" "$dir"
touch "$dir/.complete"
