package org.ctemcycles.app;

import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogRecord;
import org.ctemcycles.core.audit.StateText;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.discovery.DiscoverySource;
import org.ctemcycles.core.discovery.SourceRepository;
import org.ctemcycles.core.discovery.SourceRun;
import org.ctemcycles.ingest.ImportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Scheduled discovery sources: each run of a due source becomes ordinary discovery runs through the one import path
 * ({@link ReportImport}: its limits, its partial-run rules, and its idempotency, so an unchanged report changes
 * nothing). An HTTPS source is fetched by {@link ReportFetcher} (allow-list, same-host redirects, size limit); a
 * folder source imports each regular file of its folder in name order. Whether a source is due is read from the
 * injected clock. Tokens are sealed by {@link TokenSeal} before they are stored and opened only to be sent.
 */
public final class ScheduledDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledDiscovery.class);
    static final Duration SHORTEST = Duration.ofMinutes(5);
    /** Longer intervals are no schedule; the bound also keeps every next-run time and back-off within range. */
    static final Duration LONGEST = Duration.ofDays(366);

    private final SourceRepository sources;
    private final ReportImport imports;
    private final ReportFetcher fetcher;
    private final TokenSeal seal;
    private final ActivityLog log;
    private final Clock clock;

    public ScheduledDiscovery(SourceRepository sources, ReportImport imports, ReportFetcher fetcher, TokenSeal seal,
                              ActivityLog log, Clock clock) {
        this.sources = sources;
        this.imports = imports;
        this.fetcher = fetcher;
        this.seal = seal;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Adds a source after checking it: the cycle and covered surfaces (as an import would), an https URL on the
     * allow-list or an existing folder, a schedule of at least five minutes.
     *
     * @param token null or empty for none; only its sealed form is stored
     */
    public DiscoverySource add(String cycleKey, String name, DiscoverySource.Kind kind, String location,
                               String token, Duration every, List<String> covers, String format, String actor) {
        List<Problem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new Problem("name", "is required"));
        }
        if (every == null || every.compareTo(SHORTEST) < 0) {
            problems.add(new Problem("every", "must be at least " + SHORTEST.toMinutes() + " minutes"));
        } else if (every.compareTo(LONGEST) > 0) {
            problems.add(new Problem("every", "must be at most " + LONGEST.toDays() + " days"));
        }
        String where = location == null ? "" : location.trim();
        if (kind == DiscoverySource.Kind.HTTPS) {
            try {
                where = fetcher.check(where).toString();
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        } else {
            Path folder = Path.of(where).toAbsolutePath().normalize();
            if (!Files.isDirectory(folder)) {
                problems.add(new Problem("folder", "'" + where + "' is not a folder"));
            }
            if (token != null && !token.isEmpty()) {
                problems.add(new Problem("token", "a folder source takes no token"));
            }
            where = folder.toString();
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        imports.check(new ReportImport.Options(cycleKey, null, null, covers, null, format, actor));
        String sealed = token == null || token.isEmpty() ? "" : seal.seal(token);
        DiscoverySource added = sources.insert(new DiscoverySource(0, cycleKey.trim().toUpperCase(
                java.util.Locale.ROOT), name.trim(), kind, where, sealed, every, covers, format, actor, null, "", 0));
        // an auditor reads what fed the cycle's discovery and who set it up; never the token
        log.append(new LogRecord(added.cycleKey(), clock.instant(), actor, LogAction.SOURCE_ADDED,
                LogRecord.cycleSubject(added.cycleKey()), "", described(added)));
        return added;
    }

    private static String described(DiscoverySource source) {
        return StateText.of("source", source.id()).and("name", source.name()).and("kind", source.kind())
                .and("location", source.location()).and("every", DiscoverySource.text(source.every()))
                .and("token", source.sealedToken().isEmpty() ? "none" : "sealed").toString();
    }

    public List<DiscoverySource> list() {
        return sources.list();
    }

    /** The newest runs of a source, newest first. */
    public List<SourceRun> runs(long sourceId) {
        return sources.runs(sourceId, SourceRepository.KEPT_RUNS);
    }

    /** Removes a source with its runs; the removal, with what the source was, goes into its cycle's log. */
    public void remove(long id, String actor) {
        DiscoverySource source = sources.find(id).orElse(null);
        if (source == null || !sources.remove(id)) {
            throw new NotFoundException("no discovery source " + id);
        }
        log.append(new LogRecord(source.cycleKey(), clock.instant(), actor, LogAction.SOURCE_REMOVED,
                LogRecord.cycleSubject(source.cycleKey()), described(source), ""));
    }

    /** Runs every source that is due now by the clock; answers what each did. */
    public List<DiscoverySource> runDue(String actor) {
        List<DiscoverySource> ran = new ArrayList<>();
        for (DiscoverySource source : sources.list()) {
            if (source.due(clock.instant())) {
                ran.add(run(source, actor, 1, pause -> { }));
            }
        }
        return ran;
    }

    /** Runs one source now, due or not. */
    public DiscoverySource run(long id, String actor) {
        return run(id, actor, 1, pause -> { });
    }

    /**
     * Runs one source now, due or not, trying it again while the fetch fails (unreachable, timed out) up to
     * {@code attempts} times, waiting {@link #retryPause} between attempts. Each attempt is a run of its own in the
     * log and among the source's runs; the source's back-off counts the whole as one run.
     */
    public DiscoverySource run(long id, String actor, int attempts, Consumer<Duration> pause) {
        return run(sources.find(id).orElseThrow(() -> new NotFoundException("no discovery source " + id)), actor,
                attempts, pause);
    }

    /** 2 s after the first failed attempt, 4 s after the second. */
    public static Duration retryPause(int attempt) {
        return Duration.ofSeconds(1L << attempt);
    }

    private DiscoverySource run(DiscoverySource source, String actor, int attempts, Consumer<Duration> pause) {
        SourceRun last = attempt(source, actor);
        for (int attempt = 1; attempt < attempts && last.result().equals("failed"); attempt++) {
            pause.accept(retryPause(attempt));
            last = attempt(source, actor);
        }
        DiscoverySource done = source.ran(last.at(), last.outcome(), last.failed());
        sources.recorded(done);
        if (done.failures() > 0) {
            LOG.info("CTEM discovery source {} ({}) of cycle {}: {} failed runs in a row, next run at {}",
                    source.id(), source.name(), source.cycleKey(), done.failures(), done.nextRunAt());
        }
        return done;
    }

    private SourceRun attempt(DiscoverySource source, String actor) {
        String outcome;
        String result;
        int[] observations = {0};
        try {
            outcome = source.kind() == DiscoverySource.Kind.HTTPS ? fetchAndImport(source, actor, observations)
                    : importFolder(source, actor, observations);
            result = outcome.contains("rejected") ? "partly rejected" : "ran";
        } catch (ImportException e) {
            outcome = "rejected, nothing stored: " + e.getMessage();
            result = "rejected";
        } catch (InvalidInputException | NotFoundException e) {
            outcome = "refused: " + e.getMessage();
            result = "refused";
        } catch (IOException e) {
            outcome = "failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            result = "failed";
        }
        Instant now = clock.instant();
        SourceRun run = new SourceRun(source.id(), now, result, observations[0], outcome);
        sources.addRun(run);
        // the log and the chain get what happened but not a rejection's reason, which may quote the report; the
        // source keeps the whole outcome for the lead. Neither ever holds the token.
        String said = result.equals("ran") || result.equals("refused") || result.equals("failed") ? outcome : result;
        log.append(new LogRecord(source.cycleKey(), now, actor, LogAction.SOURCE_RAN,
                LogRecord.cycleSubject(source.cycleKey()), "", StateText.of("source", source.id())
                .and("name", source.name()).and("result", result)
                .and("outcome", said.length() > 500 ? said.substring(0, 500) : said).toString()));
        LOG.info("CTEM discovery source {} ({}) of cycle {}: {}", source.id(), source.name(), source.cycleKey(),
                said.length() > 300 ? said.substring(0, 300) : said);
        return run;
    }

    private String fetchAndImport(DiscoverySource source, String actor, int[] observations)
            throws IOException, ImportException {
        String token = source.sealedToken().isEmpty() ? null : seal.open(source.sealedToken());
        byte[] report = fetcher.fetch(source.location(), token);
        String file = source.location().substring(source.location().lastIndexOf('/') + 1);
        return outcome(imports.read(file.isEmpty() ? source.name() : file, new ByteArrayInputStream(report),
                options(source, actor)), observations);
    }

    private String importFolder(DiscoverySource source, String actor, int[] observations)
            throws IOException, ImportException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(Path.of(source.location()))) {
            files = listed.filter(Files::isRegularFile).sorted().toList();
        }
        List<String> outcomes = new ArrayList<>();
        for (Path file : files) {
            try (InputStream content = Files.newInputStream(file)) {
                outcomes.add(file.getFileName() + ": " + outcome(imports.read(file.getFileName().toString(), content,
                        options(source, actor)), observations));
            } catch (ImportException e) {
                outcomes.add(file.getFileName() + ": rejected, nothing stored: " + e.getMessage());
            }
        }
        return outcomes.isEmpty() ? "no report in the folder" : String.join("; ", outcomes);
    }

    private static ReportImport.Options options(DiscoverySource source, String actor) {
        return new ReportImport.Options(source.cycleKey(), null, null, source.covers(), null, source.format(), actor);
    }

    /** The outcome in words; adds the observations read to {@code observations[0]}. */
    private static String outcome(ReportImport.Result result, int[] observations) {
        observations[0] += result.summary().counts().observations();
        if (result.summary().alreadyImported()) {
            return "unchanged, run " + result.summary().runId() + " already holds this report";
        }
        return "imported as run " + result.summary().runId() + " (" + result.summary().counts().observations()
                + " observations, " + result.summary().counts().newFindings() + " new findings)";
    }
}
