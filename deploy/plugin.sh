#!/usr/bin/env bash
# Adds a Kinship plugin to a server: the packaging step, no change to Kinship's code.
#
#   deploy/plugin.sh add <plugin.jar> [<kinship.ear>] [-o <out.ear>]   put the jar in the EAR's lib/
#   deploy/plugin.sh remove <jar name> [<kinship.ear>] [-o <out.ear>]  take it out again
#   deploy/plugin.sh list [<kinship.ear>]                              the plugins an EAR carries
#
# <kinship.ear> defaults to ear/target/kinship.ear. Without -o the EAR is changed in place; with -o
# the original is left alone and the result written to <out.ear>. The plugin host finds the plugin at
# the next deployment (ServiceLoader over lib/), and each community admin then switches it on.
set -euo pipefail

SERVICE=META-INF/services/org.kinship.plugin.api.KinshipPlugin
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEFAULT_EAR=$ROOT/ear/target/kinship.ear

die() { echo "plugin.sh: $*" >&2; exit 1; }
usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

for tool in unzip zip; do
  command -v "$tool" >/dev/null || die "needs '$tool' (apt-get install $tool)"
done

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# The provider classes a jar registers, one a line; nothing if it registers none.
providers() {
  unzip -p "$1" "$SERVICE" 2>/dev/null | sed 's/#.*//; s/[[:space:]]//g' | grep -v '^$' || true
}

manifest_value() { # jar key
  # A jar without a manifest is fine: it just has no title to show.
  { unzip -p "$1" META-INF/MANIFEST.MF 2>/dev/null || true; } | tr -d '\r' | sed -n "s/^$2: //p" | head -1
}

# Reads [<ear>] [-o <out>] into EAR and OUT.
parse_target() {
  EAR=$DEFAULT_EAR
  OUT=
  while [ $# -gt 0 ]; do
    case "$1" in
      -o) [ $# -ge 2 ] || usage; OUT=$2; shift 2 ;;
      -*) usage ;;
      *) EAR=$1; shift ;;
    esac
  done
  [ -f "$EAR" ] || die "no EAR at $EAR (build it with: mvn package)"
  EAR=$(realpath "$EAR")
  unzip -tq "$EAR" >/dev/null 2>&1 || die "$EAR is not a readable EAR (zip) file"
  unzip -l "$EAR" META-INF/application.xml >/dev/null 2>&1 || die "$EAR has no META-INF/application.xml: is it kinship.ear?"
  if [ -n "$OUT" ]; then
    OUT=$(realpath -m "$OUT")
    mkdir -p "$(dirname "$OUT")"
    # Build next to the destination, then move: a failure never leaves half an EAR behind.
    cp "$EAR" "$OUT.tmp"
    TARGET=$OUT.tmp
  else
    TARGET=$EAR
  fi
}

finish() {
  if [ -n "$OUT" ]; then
    mv "$OUT.tmp" "$OUT"
    echo "Wrote $OUT (from $EAR)."
  else
    echo "Changed $EAR in place."
  fi
}

cmd_add() {
  [ $# -ge 1 ] || usage
  local jar=$1; shift
  [ -f "$jar" ] || die "no such file: $jar"
  jar=$(realpath "$jar")
  unzip -tq "$jar" >/dev/null 2>&1 || die "$jar is not a jar (zip) file"
  local classes
  classes=$(providers "$jar")
  [ -n "$classes" ] || die "$jar is not a Kinship plugin: it has no $SERVICE naming its KinshipPlugin class. Nothing changed."
  # A plugin that carries its own copy of the API would not be the host's KinshipPlugin: the host would skip it.
  if unzip -l "$jar" 'org/kinship/plugin/api/*' >/dev/null 2>&1; then
    die "$jar contains the plugin API's classes (org/kinship/plugin/api): depend on kinship-plugin-api with <scope>provided</scope>. Nothing changed."
  fi
  parse_target "$@"
  local name
  name=$(basename "$jar")
  [[ "$name" == *.jar ]] || name=$name.jar
  local replaced=no
  if unzip -l "$TARGET" "lib/$name" >/dev/null 2>&1; then replaced=yes; fi
  mkdir -p "$TMP/lib"
  cp "$jar" "$TMP/lib/$name"
  (cd "$TMP" && zip -q -X "$TARGET" "lib/$name") || { rm -f "${OUT:+$OUT.tmp}"; die "could not write $TARGET"; }
  if [ $replaced = yes ]; then echo "Replaced lib/$name in the EAR."; else echo "Added lib/$name to the EAR."; fi
  local title version
  title=$(manifest_value "$jar" Implementation-Title)
  version=$(manifest_value "$jar" Implementation-Version)
  [ -z "$title" ] || echo "  $title${version:+ $version}"
  echo "$classes" | sed 's/^/  plugin class: /'
  finish
  echo "Redeploy the EAR (or restart the server); then each community admin switches the plugin on in the community's settings."
  echo "The server log names each plugin it loads, and any it refuses and why."
}

cmd_remove() {
  [ $# -ge 1 ] || usage
  local name
  name=$(basename "$1"); shift
  parse_target "$@"
  unzip -l "$TARGET" "lib/$name" >/dev/null 2>&1 || { rm -f "${OUT:+$OUT.tmp}"; die "the EAR has no lib/$name (see: plugin.sh list). Nothing changed."; }
  zip -q -d "$TARGET" "lib/$name" >/dev/null
  echo "Removed lib/$name from the EAR. Its tables and data stay in the database."
  finish
}

cmd_list() {
  local ear=${1:-$DEFAULT_EAR}
  [ -f "$ear" ] || die "no EAR at $ear"
  unzip -q -o "$ear" 'lib/*.jar' -d "$TMP" 2>/dev/null || true
  local found=0 jar classes title version
  for jar in "$TMP"/lib/*.jar; do
    [ -f "$jar" ] || continue
    classes=$(providers "$jar")
    [ -n "$classes" ] || continue
    found=$((found + 1))
    title=$(manifest_value "$jar" Implementation-Title)
    version=$(manifest_value "$jar" Implementation-Version)
    echo "lib/$(basename "$jar")${title:+  ($title${version:+ $version})}"
    echo "$classes" | sed 's/^/  plugin class: /'
  done
  [ $found -gt 0 ] || echo "No plugins in $ear."
}

[ $# -ge 1 ] || usage
command=$1; shift
case "$command" in
  add) cmd_add "$@" ;;
  remove) cmd_remove "$@" ;;
  list) cmd_list "$@" ;;
  -h|--help|help) usage ;;
  *) usage ;;
esac
