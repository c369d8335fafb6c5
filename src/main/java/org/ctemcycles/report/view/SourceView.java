package org.ctemcycles.report.view;

import org.ctemcycles.core.discovery.DiscoverySource;
import org.ctemcycles.core.discovery.SourceRun;

import java.time.Instant;
import java.util.List;

/**
 * A scheduled discovery source on the cycle page: where its reports come from, how often, its newest runs and when
 * it runs next (later while its runs fail). Never its token. Every text is the template's to escape.
 */
public final class SourceView {

    private final DiscoverySource source;
    private final String location;
    private final List<SourceRunView> runs;
    private final Instant now;

    /** @param location where it reads from as its readers may see it (a folder relative to ctem/sources/, ADR 094) */
    public SourceView(DiscoverySource source, String location, List<SourceRun> runs, Instant now) {
        this.source = source;
        this.location = location;
        this.runs = runs.stream().map(SourceRunView::new).toList();
        this.now = now;
    }

    public long getId() {
        return source.id();
    }

    public String getName() {
        return source.name();
    }

    /** The URL, or the folder under the shared home's ctem/sources/ (never the server's absolute path). */
    public String getLocation() {
        return location;
    }

    /** {@code https} or {@code folder}. */
    public String getKind() {
        return source.kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** E.g. "6h", "30m", "1d". */
    public String getEvery() {
        return DiscoverySource.text(source.every());
    }

    /** When it runs next (the job looks every 5 minutes): an instant, or "due now". */
    public String getNextRun() {
        Instant next = source.nextRunAt();
        return next == null || !next.isAfter(now) ? "due now" : ViewText.instant(next);
    }

    /** "" when it works, else e.g. "3 failed runs in a row: waiting 8h". */
    public String getBackOff() {
        return source.failures() == 0 ? "" : source.failures() + (source.failures() == 1 ? " failed run" : " failed runs")
                + " in a row: waiting " + DiscoverySource.text(source.nextWait());
    }

    public List<SourceRunView> getRuns() {
        return runs;
    }
}
