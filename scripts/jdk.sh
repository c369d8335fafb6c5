# Sourced by ./ctem, ./run-tests and .ci/run: points JAVA_HOME at a JDK 21 or newer.
# Keeps a JAVA_HOME that already is one; otherwise takes the newest JDK under /usr/lib/jvm (these machines'
# default java is 17, with a Temurin 25 JDK beside it), then the java on PATH.

ctem_java_major() {
    # the JDK's release file says it without starting a JVM (which costs a short command a third of a second)
    local version
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
    if [ -n "$version" ]; then echo "$version"; return 0; fi
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

# ctem_huge_pages_offered [SETTING]: true when the kernel backs a JVM's heap with transparent huge pages if the JVM
# asks (mode "madvise") or always does ("always"); SETTING defaults to the kernel's own, absent outside Linux. Read
# without starting a process: every command asks.
ctem_huge_pages_offered() {
    local mode=""
    read -r mode 2>/dev/null <"${1:-/sys/kernel/mm/transparent_hugepage/enabled}" || true
    [[ "$mode" == *"[madvise]"* || "$mode" == *"[always]"* ]]
}

ctem_find_jdk() {
    local candidate major
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
        major=$(ctem_java_major "$JAVA_HOME")
        if [ "${major:-0}" -ge 21 ]; then return 0; fi
    fi
    for candidate in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV) /usr/local/opt/openjdk /opt/java/openjdk; do
        candidate="${candidate%/}"
        [ -x "$candidate/bin/javac" ] || continue
        major=$(ctem_java_major "$candidate")
        if [ "${major:-0}" -ge 21 ]; then export JAVA_HOME="$candidate"; return 0; fi
    done
    if command -v javac >/dev/null 2>&1; then
        candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
        major=$(ctem_java_major "$candidate")
        if [ "${major:-0}" -ge 21 ]; then export JAVA_HOME="$candidate"; return 0; fi
    fi
    echo "ctem: needs a JDK 21 or newer; none found (set JAVA_HOME to one)" >&2
    return 1
}
