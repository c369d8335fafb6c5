package org.ctemcycles.jira.sources;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.ApplicationProperties;
import jakarta.inject.Inject;
import org.ctemcycles.app.KeyFile;
import org.ctemcycles.app.ReportFetcher;
import org.ctemcycles.app.ScheduledDiscovery;
import org.ctemcycles.app.TokenSeal;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.discovery.DiscoverySource;
import org.ctemcycles.core.discovery.SourceRepository;
import org.ctemcycles.core.discovery.SourceRun;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemSettings;
import org.ctemcycles.store.AoSourceRepository;
import org.springframework.stereotype.Component;

import javax.net.ssl.SSLContext;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Scheduled discovery sources inside Jira (ADR 091, 093): the app's {@link ScheduledDiscovery} with the hosts an
 * administrator allowed ({@link CtemSettings#sourceHosts}), the JVM's trust, and the key that seals tokens in a file
 * under Jira's shared home ({@code ctem/sources.key}, owner-only, made on first use): every node reads the same key,
 * and a copy of the database alone opens no token. A folder source names a folder under
 * {@code <shared home>/ctem/sources/}, so a lead cannot make the app read any other folder of the server.
 */
@Component
public class JiraSources {

    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(60);
    /** The configuration log's subject of the allow-list's changes. */
    public static final String HOSTS_SUBJECT = "configuration:source-hosts";

    private final ActiveObjects ao;
    private final CtemServices services;
    private final CtemSettings settings;
    private final ApplicationProperties application;
    private final SSLContext tls;

    @Inject
    public JiraSources(@ComponentImport ActiveObjects ao, CtemServices services, CtemSettings settings,
                       @ComponentImport ApplicationProperties application) {
        this(ao, services, settings, application, defaultTls());
    }

    /** @param tls the TLS context fetches use (a test's own trust in tests) */
    public JiraSources(ActiveObjects ao, CtemServices services, CtemSettings settings,
                       ApplicationProperties application, SSLContext tls) {
        this.ao = ao;
        this.services = services;
        this.settings = settings;
        this.application = application;
        this.tls = tls;
    }

    /**
     * Adds a source to the cycle; a folder is given relative to {@code <shared home>/ctem/sources/}.
     *
     * @throws InvalidInputException naming what is wrong; nothing is stored then
     */
    public DiscoverySource add(String cycleKey, String name, DiscoverySource.Kind kind, String location,
                               String token, Duration every, List<String> covers, String format, String actor) {
        String where = kind == DiscoverySource.Kind.FOLDER ? folder(location).toString() : location;
        return discovery().add(cycleKey, name, kind, where, token, every, covers, format, actor);
    }

    /** The cycle's sources, oldest first. */
    public List<DiscoverySource> list(String cycleKey) {
        return new AoSourceRepository(ao).list(cycleKey);
    }

    /** A source's newest runs, newest first (at most {@link SourceRepository#KEPT_RUNS}). */
    public List<SourceRun> runs(DiscoverySource source) {
        return new AoSourceRepository(ao).runs(source.id(), SourceRepository.KEPT_RUNS);
    }

    /** The cycle's source with this id. @throws NotFoundException when the cycle has none */
    public DiscoverySource get(String cycleKey, long id) {
        return of(cycleKey, id);
    }

    /** @throws NotFoundException when the cycle has no source with this id */
    public void remove(String cycleKey, long id, String actor) {
        discovery().remove(of(cycleKey, id).id(), actor);
    }

    /** Runs one source of the cycle now, due or not; answers it with its outcome. */
    public DiscoverySource run(String cycleKey, long id, String actor) {
        return discovery().run(of(cycleKey, id).id(), actor);
    }

    /**
     * Runs one source of the cycle, trying a failed fetch again up to {@code attempts} times with
     * {@code pause} between attempts (the scheduled job's way); the back-off counts it as one run.
     */
    public DiscoverySource run(String cycleKey, long id, String actor, int attempts, Consumer<Duration> pause) {
        return discovery().run(of(cycleKey, id).id(), actor, attempts, pause);
    }

    /** The hosts an administrator allowed sources to fetch from. */
    public List<String> hosts() {
        return settings.sourceHosts();
    }

    /**
     * Replaces the allow-list of hosts, logged with before and after in the configuration's chain (ADR 086); a
     * source already added to a host taken off the list is refused at its next run.
     *
     * @throws InvalidInputException naming {@code hosts} when an entry is not a host name; nothing is stored then
     */
    public List<String> setHosts(List<String> hosts, String actor) {
        return setHosts(hosts, "entry", actor);
    }

    /**
     * As {@link #setHosts(List, String)}, for hosts given as the lines of a text (the configuration page): a refused
     * host is named by its line.
     */
    public List<String> setHostLines(String text, String actor) {
        return setHosts(text == null ? List.of() : List.of(text.split("\r\n|\r|\n", -1)), "line", actor);
    }

    private List<String> setHosts(List<String> hosts, String place, String actor) {
        List<String> checked = settings.checkSourceHosts(hosts, place);
        services.record().configurationChanges().change(actor, HOSTS_SUBJECT,
                () -> Map.of("sourceHosts", String.join("\n", settings.sourceHosts())),
                Map.of("sourceHosts", String.join("\n", checked)), () -> settings.storeSourceHosts(checked));
        return settings.sourceHosts();
    }

    /** The sources of every cycle that are due now by the record's clock. */
    public List<DiscoverySource> due() {
        return new AoSourceRepository(ao).list().stream()
                .filter(s -> s.due(services.record().clock().instant())).toList();
    }

    /**
     * Where a source reads from, as its readers see it (ADR 094): the URL, or the folder relative to
     * {@code <shared home>/ctem/sources/} as a lead names it when adding it. The absolute path is the server's layout,
     * which no answer or page shows, administrators included; a folder no longer under that root (the shared home
     * moved) shows its own name only.
     */
    public String shownLocation(DiscoverySource source) {
        if (source.kind() != DiscoverySource.Kind.FOLDER) {
            return source.location();
        }
        Path folder = Path.of(source.location()).normalize();
        Path root = application.getSharedHomeDirectory().map(home -> home.resolve("ctem").resolve("sources"))
                .orElse(null);
        Path shown = root != null && folder.startsWith(root) && !folder.equals(root) ? root.relativize(folder)
                : folder.getFileName();
        return shown == null ? "" : shown.toString().replace(java.io.File.separatorChar, '/');
    }

    /** Where folder sources live: {@code <shared home>/ctem/sources}. */
    public Path folderRoot() {
        return sharedHome().resolve("ctem").resolve("sources");
    }

    private DiscoverySource of(String cycleKey, long id) {
        return list(cycleKey).stream().filter(s -> s.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("cycle " + cycleKey + " has no discovery source " + id));
    }

    private Path folder(String relative) {
        String given = relative == null ? "" : relative.trim();
        Path root = folderRoot();
        Path folder = root.resolve(given).normalize();
        if (given.isEmpty() || Path.of(given).isAbsolute() || !folder.startsWith(root) || folder.equals(root)) {
            throw new InvalidInputException("folder", "'" + given + "' is not a folder under the shared home's"
                    + " ctem/sources/: give a relative name such as nightly-scans");
        }
        return folder;
    }

    private Path sharedHome() {
        return application.getSharedHomeDirectory().orElseThrow(() -> new InvalidInputException("sources",
                "Jira names no shared home: scheduled discovery sources need one for their key and folders"));
    }

    private ScheduledDiscovery discovery() {
        byte[] key = new KeyFile(sharedHome().resolve("ctem").resolve("sources.key"), "sources key",
                "the sources' tokens are sealed with it").key().orElseThrow().bytes();
        return new ScheduledDiscovery(new AoSourceRepository(ao), services.record().imports(ImportLimits.defaults()),
                new ReportFetcher(Set.copyOf(settings.sourceHosts()), ImportLimits.defaults().maxBytes(),
                        FETCH_TIMEOUT, tls), new TokenSeal(Arrays.copyOf(key, 32)), services.record().log(),
                services.record().clock());
    }

    private static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no TLS in this JVM", e);
        }
    }
}
