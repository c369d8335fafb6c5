# Sourced by ./ctem, scripts/import-compare and scripts/start-compare: the class data a ctem command's JVM maps
# instead of loading, verifying and linking the same classes (Active Objects, H2, the app) at every start (ADR 038).
#
# JDK 25 and newer: an ahead-of-time cache (JEP 483: classes loaded and linked ahead of time; JEP 514: made by one
# training run with -XX:AOTCacheOutput). Its training is one `ctem import` of the sample reports in demo/reports (six
# formats) into a scratch cycle whose surfaces match them, made by two ordinary commands before it: an import is
# where a user waits longest, and every importer's classes are then in the cache. (`ctem demo` as the training put
# 4,944 classes in the cache instead of 3,882, and the JVM loads them all at every start: short commands cost more
# than with the CDS archive; BENCHMARKS.md.) JDK 19 to 24: a dynamic CDS archive (-XX:ArchiveClassesAtExit) of a
# `cycles list` on a scratch database, as before ADR 038 (JDK 24 has the AOT cache in two steps only). The two cannot
# be combined: the JVM refuses -XX:SharedArchiveFile beside -XX:AOTCache.
ctem_class_data_samples="$(dirname "${BASH_SOURCE[0]}")/../demo/reports"

# ctem_class_data_kind MAJOR: aot, cds or none, the class data a JDK of that major version gets
ctem_class_data_kind() {
    if [ "$1" -ge 25 ]; then echo aot; elif [ "$1" -ge 19 ]; then echo cds; else echo none; fi
}

# ctem_class_data KIND ARCHIVE APP-JAR CLASSPATH JAVA-OPTION...: trains ARCHIVE when it is missing, older than
# APP-JAR, or made by another JDK or with other JAVA-OPTIONs (ARCHIVE.jdk names the JDK and the options that made it;
# the JVM ignores an archive made with another object layout, for one), with the JAVA-OPTIONs its commands run
# with; then sets the array ctem_class_data_options to the options that map it (empty when there is none). Before a
# training it prints $ctem_class_data_notice, if set, to a standard error that is a terminal.
# CLASSPATH must be the very string the commands pass to -cp: the JVM ignores the archive when it differs.
ctem_class_data() {
    local kind=$1 archive=$2 app_jar=$3 classpath=$4
    shift 4
    ctem_class_data_options=()
    if [ "$kind" = none ]; then return 0; fi
    local jdk made_by=""
    jdk="$JAVA_HOME $(sed -n 's/^JAVA_RUNTIME_VERSION=//p' "$JAVA_HOME/release" 2>/dev/null || true) $*"
    if [ -f "$archive.jdk" ]; then read -r made_by <"$archive.jdk" || true; fi
    if [ ! -f "$archive" ] || [ "$app_jar" -nt "$archive" ] || [ "$made_by" != "$jdk" ]; then
        if [ -n "${ctem_class_data_notice:-}" ] && [ -t 2 ]; then echo "$ctem_class_data_notice" >&2; fi
        ctem_class_data_train "$kind" "$archive" "$classpath" "$jdk" "$@"
    fi
    if [ ! -s "$archive" ]; then return 0; fi
    # the JVM's own messages about class data (a cache it cannot use, say) would reach stdout, which carries JSON
    case "$kind" in
        aot) ctem_class_data_options=("-XX:AOTCache=$archive" -Xlog:aot=off -Xlog:cds=off) ;;
        cds) ctem_class_data_options=("-XX:SharedArchiveFile=$archive" -Xlog:cds=off -Xlog:cds+dynamic=off) ;;
    esac
}

# ctem_class_data_train KIND ARCHIVE CLASSPATH JDK JAVA-OPTION...: one training run on a scratch folder, silent;
# written under a name of its own and then renamed, so that two commands started at once each see a whole archive
# or none.
ctem_class_data_train() {
    local kind=$1 archive=$2 classpath=$3 jdk=$4
    shift 4
    local scratch partial previous
    partial=$(mktemp "$archive.XXXXXX" 2>/dev/null) || return 0
    scratch=$(mktemp -d)
    # an interrupted training (Ctrl-C on the first command after a build) leaves nothing behind either
    previous=$(trap -p EXIT)
    trap "rm -rf $(printf '%q ' "$scratch" "$partial" "$partial.jdk" "$partial.config")" EXIT
    local ctem=("$JAVA_HOME/bin/java" "$@" -cp "$classpath" org.ctemcycles.cli.Ctem --db "$scratch/ctem")
    local trained=(--create cycles list)
    local record=("-XX:ArchiveClassesAtExit=$partial" -Xlog:cds=off -Xlog:cds+dynamic=off)
    if [ "$kind" = aot ]; then
        trained=(import --cycle TRAINING "$ctem_class_data_samples"/*)
        record=("-XX:AOTCacheOutput=$partial" -Xlog:aot=off -Xlog:cds=off)
        # the surfaces of the demo (src/main/java/org/ctemcycles/cli/DemoCommand), so that the import writes findings
        "${ctem[@]}" --create cycles create --key TRAINING --name Training --start 2000-01-01 --end 2999-12-31 \
            >/dev/null 2>&1 || true
        "${ctem[@]}" cycle scope add TRAINING --surface SAMPLES --name Samples --kind customer-facing-system \
            --rule "host:*.pay.example.com" --rule "image:registry.example.com/payments/*" --rule ip:10.20.0.0/16 \
            --rule repo:https://github.com/example/data-pipeline --rule host:sso.example.com \
            --rule host:vpn.example.com --rule url:https://sso.example.com/ --rule url:https://vpn.example.com/ \
            >/dev/null 2>&1 || true
    fi
    # a failed training leaves an empty archive: not tried again before the next build, and not used
    if ! "${ctem[@]:0:1}" "${record[@]}" "${ctem[@]:1}" "${trained[@]}" >/dev/null 2>&1; then : >"$partial"; fi
    echo "$jdk" >"$partial.jdk" && mv -f "$partial.jdk" "$archive.jdk" && mv -f "$partial" "$archive" || true
    rm -rf "$scratch" "$partial" "$partial.jdk" "$partial.config"
    eval "${previous:-trap - EXIT}"
}
