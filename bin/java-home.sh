# Sourced by Steward's scripts: finds a JDK 25 or newer and exports JAVA_HOME, or exits with a clear message.
steward_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}
steward_find_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ]; then
      local major
      major=$(steward_java_major "$candidate")
      if [ -n "$major" ] && [ "${major%%.*}" -ge 25 ] 2>/dev/null; then
        export JAVA_HOME="$candidate"
        return 0
      fi
    fi
  done
  echo "steward: no JDK 25 or newer found." >&2
  echo "  looked at: JAVA_HOME=${JAVA_HOME:-<unset>}, /usr/lib/jvm/temurin-25-jdk-amd64" >&2
  echo "  install a JDK 25 (for example Temurin 25) and set JAVA_HOME to it." >&2
  exit 3
}
steward_find_jdk
export PATH="$JAVA_HOME/bin:$PATH"
