# Sourced by the project's scripts: exports JAVA_HOME pointing at a JDK >= 21.
# Order: JAVA_HOME if it is >= 21, then `java` on PATH, then the usual JVM directories.
# Fails with a clear message when none is found.

lbr_java_major() { # $1 = path to a java binary; prints its major version
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

lbr_find_jdk() {
  local candidate major
  for candidate in ${JAVA_HOME:+"$JAVA_HOME"} \
    $(command -v javac >/dev/null 2>&1 && dirname "$(dirname "$(readlink -f "$(command -v javac)")")") \
    /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(lbr_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! LBR_JDK=$(lbr_find_jdk); then
  echo "error: no JDK >= 21 found (looked at JAVA_HOME, PATH and /usr/lib/jvm). Install one, e.g. 'apt-get install openjdk-21-jdk-headless', or set JAVA_HOME." >&2
  exit 1
fi
export JAVA_HOME="$LBR_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
