package org.ctemcycles.testing;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.templaterenderer.TemplateRenderer;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import org.ctemcycles.cli.LocalIssueTracker;
import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.app.FrozenReports;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.fields.CtemFields;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CtemSettings;
import org.ctemcycles.jira.sources.JiraSources;
import org.ctemcycles.jira.tracker.IssueEventListener;
import org.ctemcycles.jira.tracker.JiraIssueTracker;
import org.ctemcycles.jira.tracker.MobilisationWorker;
import org.ctemcycles.jira.tracker.Reconciliation;
import org.ctemcycles.jira.tracker.TrackerSettings;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.rules.ExternalResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The app's REST API over real HTTP, for tests: Jersey 3 (jakarta.ws.rs, as Jira 11's REST v2) finds the resources
 * and providers in {@code org.ctemcycles.jira.rest} as Jira does (by scanning the package the descriptor's
 * {@code <rest>} module names) and builds them through their {@code @Inject} constructors; the JDK's HTTP server
 * serves them on an ephemeral port of 127.0.0.1 under {@code /rest/ctem/1.0}. Behind them is the real cycle record on
 * a fresh database (H2 or PostgreSQL). Jira's own services are {@link FakeJira}'s test doubles, and who makes a
 * request is the {@value #USER_HEADER} header (a user name of FakeJira; none for anonymous), which stands in for
 * Jira's authentication (in a browser, the {@value #USER_COOKIE} cookie, as Jira's session); so does
 * {@code Authorization: Bearer TOKEN} for a token {@link #token} issued (as a personal
 * access token would), and any other bearer token makes the request anonymous. Jira's template renderer is
 * {@link VelocityTemplateRenderer}. That is all it imitates: no Jira REST layer, no access annotations (the app
 * checks access itself, and the tests prove it).
 */
public final class RestHarness extends ExternalResource {

    public static final String USER_HEADER = "X-Ctem-Test-User";
    /** The cookie a browser in the page tests carries instead of the header (as Jira's session cookie). */
    public static final String USER_COOKIE = "ctem-test-user";
    public static final String BASE_PATH = "/rest/ctem/1.0";

    public final FakeJira jira;
    /**
     * The tracker the app mobilises into unless the harness is {@link #withJiraAdapter made with the Jira adapter}:
     * the command line's, which keeps the tracker's contract.
     */
    public final LocalIssueTracker tracker;
    /** Jira's custom fields (the app's fields are created and repaired there), shared by the cluster's nodes. */
    public final FakeCustomFields customFields;
    /**
     * Jira's issue services (cluster-wide, shared by {@link #secondNode}s): behind the tracker configuration's
     * checks ({@code TrackerSettings}), and the issues the Jira adapter mobilises into.
     */
    public final FakeJiraIssues jiraIssues;
    private final boolean jiraAdapter;
    private final TestClusterLocks locks;
    private final TestDatabase database;
    private final EmbeddedDatabase.Options options;
    private final Clock clock;
    private TestDatabase.Opened opened;
    /** A further node's own connection pool and Active Objects on the first node's database (null on the first). */
    private EmbeddedDatabase nodeDatabase;
    private CtemServices services;
    private CtemFields fields;
    private JiraSources sources;
    private CtemPermissions permissions;
    private MobilisationWorker worker;
    private JiraIssueTracker jiraTracker;
    private HttpServer server;
    private URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens;
    /** The TLS context discovery sources fetch with (a test's own trust for its local HTTPS server). */
    private javax.net.ssl.SSLContext sourcesTls;

    public RestHarness(TestDatabase database, Clock clock) {
        this(database, EmbeddedDatabase.Options.app(), clock);
    }

    /** @param options how the database is opened, e.g. with a statement-counting wrapper */
    public RestHarness(TestDatabase database, EmbeddedDatabase.Options options, Clock clock) {
        this(database, options, clock, new FakeJira(), false);
    }

    private RestHarness(TestDatabase database, EmbeddedDatabase.Options options, Clock clock, FakeJira jira,
                        boolean jiraAdapter) {
        this(database, options, clock, jira, new LocalIssueTracker("SEC"), new FakeJiraIssues(jira), jiraAdapter,
                new ConcurrentHashMap<>(), new TestClusterLocks(), new FakeCustomFields());
    }

    private RestHarness(TestDatabase database, EmbeddedDatabase.Options options, Clock clock, FakeJira jira,
                        LocalIssueTracker tracker, FakeJiraIssues jiraIssues, boolean jiraAdapter,
                        Map<String, String> tokens, TestClusterLocks locks, FakeCustomFields customFields) {
        this.database = database;
        this.options = options;
        this.clock = clock;
        this.jira = jira;
        this.tracker = tracker;
        this.tokens = tokens;
        this.jiraIssues = jiraIssues;
        this.jiraAdapter = jiraAdapter;
        this.locks = locks;
        this.customFields = customFields;
    }

    /**
     * The app as it runs inside Jira: mobilising through the Jira adapter ({@link JiraIssueTracker}) into
     * {@link #jiraIssues}, whose events reach {@link #listener()} once it is started.
     */
    public static RestHarness withJiraAdapter(TestDatabase database, EmbeddedDatabase.Options options, Clock clock) {
        return new RestHarness(database, options, clock, new FakeJira(), true);
    }

    /**
     * Discovery sources fetch with this TLS context (one that trusts a test's local HTTPS server) instead of the
     * JVM's; call before the harness starts.
     */
    public RestHarness trustingSourcesWith(javax.net.ssl.SSLContext tls) {
        this.sourcesTls = tls;
        return this;
    }

    @Override
    protected void before() {
        opened = database.open(options);
        start(opened.database().activeObjects());
    }

    /**
     * Another node of the same Data Center cluster, serving on a port of its own: its own composition root, with its
     * own connection pool and Active Objects ({@code options}, e.g. with a wrapper of its own) on this harness's
     * database; what Jira keeps cluster-wide (users, groups, project roles, plugin settings, the issues the app
     * mobilises into, the tokens it issued) is this harness's. {@link #close()} stops it and closes its pool; the
     * database stays this harness's.
     */
    public RestHarness secondNode(EmbeddedDatabase.Options options) {
        RestHarness node = new RestHarness(null, options, clock, jira, tracker, jiraIssues, jiraAdapter, tokens,
                locks, customFields);
        node.sourcesTls = sourcesTls;
        node.opened = opened;
        node.nodeDatabase = opened.another(options);
        node.start(node.nodeDatabase.activeObjects());
        return node;
    }

    /** Stops a node made by {@link #secondNode} and closes its connection pool. */
    public void close() {
        stop();
        if (nodeDatabase != null) {
            nodeDatabase.close();
            nodeDatabase = null;
        }
    }

    /** The report template's renderer as inside Jira: Velocity configured like Jira's, the bundle's words. */
    private static FrozenReports.PackHtml reportHtml() {
        return CtemServices.reportHtml(new VelocityTemplateRenderer(), new PropertiesI18n());
    }

    private void start(ActiveObjects ao) {
        CtemSettings settings = new CtemSettings(jira.settingsFactory);
        permissions = new CtemPermissions(jira.globalPermissions, jira.permissions, jira.groups,
                jira.projectManager, jira.roles, jira.userManager, settings);
        TrackerSettings trackerSettings = new TrackerSettings(jira.settingsFactory, jiraIssues.api());
        if (jiraAdapter) {
            jiraTracker = new JiraIssueTracker(jiraIssues.api(), trackerSettings, ao, clock);
            services = new CtemServices(ao, permissions, jiraTracker, clock, reportHtml());
        } else {
            services = new CtemServices(ao, permissions, tracker, clock, reportHtml());
        }
        String node = String.valueOf(System.identityHashCode(this));
        worker = new MobilisationWorker(services, locks.node(node), 2);
        fields = new CtemFields(customFields, customFields.managedConfiguration(),
                customFields.fieldConfigSchemes(), jira.projectManager, jiraIssues.issueTypeManager,
                jira.settingsFactory, locks.node(node), new TestEventPublisher(), trackerSettings, services,
                customFields::contexts);
        sources = new JiraSources(ao, services, settings, jiraIssues.applicationProperties,
                sourcesTls());
        ResourceConfig config = new ResourceConfig()
                .packages(false, "org.ctemcycles.jira.rest")
                .register(new TestUser(jira, tokens))
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(services).to(CtemServices.class);
                        bind(permissions).to(CtemPermissions.class);
                        bind(jira.authentication).to(JiraAuthenticationContext.class);
                        bind(new VelocityTemplateRenderer()).to(TemplateRenderer.class);
                        bind(trackerSettings).to(TrackerSettings.class);
                        bind(new Reconciliation(services, locks.node(node))).to(Reconciliation.class);
                        bind(worker).to(MobilisationWorker.class);
                        bind(new PropertiesI18n()).to(I18nResolver.class);
                        bind(fields).to(CtemFields.class);
                        bind(sources).to(JiraSources.class);
                    }
                });
        server = JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0" + BASE_PATH), config);
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH);
    }

    /** The TLS context sources fetch with; and Jira's shared home (a folder of the test's) for their key. */
    private javax.net.ssl.SSLContext sourcesTls() {
        if (jiraIssues.sharedHome == null) {
            try {
                jiraIssues.sharedHome = java.nio.file.Files.createTempDirectory("ctem-shared-home");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            return sourcesTls != null ? sourcesTls : javax.net.ssl.SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void after() {
        stop();
        try {
            opened.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stops serving and stops the node's mobilisation worker, as the app's stop does (the database stays open for the
     * harness that opened it): a run it was working stays unfinished for another node to resume.
     */
    public void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        if (worker != null) {
            worker.stop();
        }
    }

    /** This node's worker of mobilisation runs (what the app's scheduled job resumes runs with). */
    public MobilisationWorker worker() {
        return worker;
    }

    /** Waits until this node's worker has no run queued or in hand (a run started over REST is worked off it). */
    public void awaitMobilisations() {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (worker.busy()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the mobilisation worker is still busy after 5 minutes");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The event listener of this node (not registered until started), for a harness with the Jira adapter. */
    public IssueEventListener listener() {
        return new IssueEventListener(jiraIssues.events, services, jiraTracker);
    }

    /**
     * A new bearer token that authenticates as {@code user} (a FakeJira user name), as a personal access token does
     * in Jira.
     */
    public String token(String user) {
        jira.byName(user);
        String token = "test-pat-" + UUID.randomUUID();
        tokens.put(token, user);
        return token;
    }

    /** The Jira base URL a client is given (the API is under {@value #BASE_PATH}). */
    public URI jiraUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public URI base() {
        return base;
    }

    public CtemServices services() {
        return services;
    }

    /** The scheduled discovery sources as this node's REST resources and pages reach them. */
    public JiraSources sources() {
        return sources;
    }

    /** The app's custom fields as this node's REST resources and pages reach them. */
    public CtemFields fields() {
        return fields;
    }

    public CtemPermissions permissions() {
        return permissions;
    }

    /** Serves more than the API on the same origin: {@code handler} answers every request under {@code path}. */
    public void serve(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, handler);
    }

    public TestDatabase.Opened database() {
        return opened;
    }

    public Reply get(String user, String path) {
        return send(user, request(path).GET());
    }

    public Reply post(String user, String path, String json) {
        return send(user, request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply put(String user, String path, String json) {
        return send(user, request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply delete(String user, String path) {
        return send(user, request(path).DELETE());
    }

    /** A request to a path under the API's base, to add headers and a body to. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2));
    }

    /** Sends the request as {@code user} (a FakeJira user name; null for anonymous). */
    public Reply send(String user, HttpRequest.Builder request) {
        if (user != null) {
            request.header(USER_HEADER, user);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer: status, body, content type and location. */
    public record Reply(int status, String body, String contentType, String location) {

        public JsonElement json() {
            return JsonParser.parseString(body);
        }

        /** The error code of an error answer ({@code code} of the API's error shape). */
        public String code() {
            return json().getAsJsonObject().get("code").getAsString();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /**
     * Stands in for Jira's authentication: the request's user is the one the test header names, or the one a bearer
     * token was issued to.
     */
    @PreMatching
    private static final class TestUser implements ContainerRequestFilter, ContainerResponseFilter {

        private final FakeJira jira;
        private final Map<String, String> tokens;
    /** The TLS context discovery sources fetch with (a test's own trust for its local HTTPS server). */
    private javax.net.ssl.SSLContext sourcesTls;

        TestUser(FakeJira jira, Map<String, String> tokens) {
            this.jira = jira;
            this.tokens = tokens;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            String name = request.getHeaderString(USER_HEADER);
            if (name == null && request.getCookies().containsKey(USER_COOKIE)) {
                name = request.getCookies().get(USER_COOKIE).getValue();
            }
            String authorization = request.getHeaderString("Authorization");
            if (name == null && authorization != null && authorization.startsWith("Bearer ")) {
                name = tokens.get(authorization.substring("Bearer ".length()).trim());
            }
            jira.logIn(name == null ? null : jira.byName(name));
        }

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            jira.logIn(null);
        }
    }
}
