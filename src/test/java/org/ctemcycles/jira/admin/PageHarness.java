package org.ctemcycles.jira.admin;

import com.atlassian.jira.security.request.RequestMethod;
import com.atlassian.jira.security.request.SupportedMethods;
import com.atlassian.jira.security.xsrf.RequiresXsrfCheck;
import com.atlassian.jira.web.action.JiraWebActionSupport;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.ctemcycles.testing.Descriptor;
import org.ctemcycles.testing.JiraVelocity;
import org.ctemcycles.testing.PropertiesI18n;
import org.ctemcycles.testing.RecordingWebResourceManager;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.VelocityTemplateRenderer;
import org.w3c.dom.Element;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the app's pages on the {@link RestHarness}'s origin ({@code /secure/...jspa}, beside {@code /rest/ctem/1.0}),
 * doing for them what Jira's webwork does and no more: finds the action by its alias in atlassian-plugin.xml, binds
 * the request's parameters through its setters, refuses a method its {@code @SupportedMethods} does not name (405)
 * and a request to a {@code @RequiresXsrfCheck} command without the page's {@code atl_token} (403, the action not
 * run), runs the command, and renders the view the descriptor names for its result with Velocity configured like
 * Jira's ($action, $i18n, $webResourceManager, $atl_token). An action marked {@code @WebSudoRequired} is run only
 * for a user in a secure administrator session ({@link #startWebSudo}); others are sent to Jira's WebSudo page.
 * The page goes out inside a shell that stands in for
 * Jira's decorator: Atlassian's AUI styles (from target/ui-vendor, fetched by scripts/fetch-ui-vendor) and the
 * app's web resource. Who asks is the harness's user cookie, as for the API.
 */
public final class PageHarness implements HttpHandler {

    /** Where scripts/fetch-ui-vendor puts AUI and axe-core. */
    public static final Path UI_VENDOR = Path.of("target", "ui-vendor");
    /** The app's web resources (css/, js/) as Jira's web resource manager serves them. */
    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final Pattern PAGE = Pattern.compile("/secure/(?:admin/)?(\\w+)(?:!(\\w+))?\\.jspa");
    /** Where Jira sends a request to a {@code @WebSudoRequired} action outside a secure administrator session. */
    public static final String WEBSUDO_LOGIN = "/secure/admin/WebSudoAuthenticate!default.jspa";

    private final RestHarness api;
    private final Descriptor descriptor = Descriptor.load();
    private final JiraVelocity velocity = new JiraVelocity(descriptor.allowlist());
    private final String token = UUID.randomUUID().toString();
    private final Map<String, Function<PageHarness, JiraWebActionSupport>> actions = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final java.util.Set<String> webSudoSessions = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private String redirect;

    public PageHarness(RestHarness api) {
        this.api = api;
        actions.put(CycleAdminAction.class.getName(), h -> new CycleAdminAction(api.services(), api.permissions(),
                api.jira.authentication) {
            @Override
            public String getRedirect(String url) {
                redirect = url;
                return NONE;
            }
        });
        actions.put(CyclePageAction.class.getName(), h -> new CyclePageAction(api.services(), api.permissions(),
                api.jira.authentication, new PropertiesI18n(), api.sources()) {
            @Override
            public String getRedirect(String url) {
                redirect = url;
                return NONE;
            }
        });
        actions.put(ProjectCyclesAction.class.getName(), h -> new ProjectCyclesAction(api.services(), api.permissions(),
                api.jira.authentication));
        actions.put(CycleReportAction.class.getName(), h -> new CycleReportAction(api.services(), api.permissions(),
                api.jira.authentication, new VelocityTemplateRenderer(), new PropertiesI18n()));
        actions.put(CtemConfigurationAction.class.getName(), h -> new CtemConfigurationAction(api.services(),
                api.permissions(), new org.ctemcycles.jira.security.CtemSettings(api.jira.settingsFactory),
                new org.ctemcycles.jira.tracker.TrackerSettings(api.jira.settingsFactory, api.jiraIssues.api()),
                api.fields(), api.sources(), api.jira.authentication) {
            @Override
            public String getRedirect(String url) {
                redirect = url;
                return NONE;
            }
        });
        api.serve("/secure/", this);
        api.serve("/ui-vendor/", exchange -> file(exchange, UI_VENDOR, "/ui-vendor/"));
        api.serve("/ctem-resources/", exchange -> file(exchange, RESOURCES, "/ctem-resources/"));
    }

    /** The address of a page, e.g. {@code CtemCycles!default.jspa}. */
    public String url(String page) {
        return api.jiraUrl() + "/secure/" + page;
    }

    /** GETs a page as {@code user} (null: anonymous), redirects not followed. */
    public HttpResponse<String> get(String user, String page) {
        return send(user, HttpRequest.newBuilder(URI.create(url(page))).GET());
    }

    /** POSTs a form ({@code a=1&b=2}) to a page as {@code user}, as a browser submits it. */
    public HttpResponse<String> post(String user, String page, String form) {
        return send(user, HttpRequest.newBuilder(URI.create(url(page)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Sends a request with the harness's user cookie for {@code user} (none when null). */
    public HttpResponse<String> send(String user, HttpRequest.Builder request) {
        if (user != null) {
            request.header("Cookie", RestHarness.USER_COOKIE + "=" + user);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens a secure administrator session for {@code user}, as Jira's WebSudo page does once they authenticated
     * again: until then, an action marked {@code @WebSudoRequired} is not run for them and they are sent to that page.
     */
    public void startWebSudo(String user) {
        webSudoSessions.add(user);
    }

    /** Ends {@code user}'s secure administrator session (it timed out, or they dropped it). */
    public void endWebSudo(String user) {
        webSudoSessions.remove(user);
    }

    /** The XSRF token the pages carry (Jira's $atl_token). */
    public String token() {
        return token;
    }

    @Override
    public synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher page = PAGE.matcher(exchange.getRequestURI().getPath());
            Element declared = page.matches() ? action(page.group(1)) : null;
            if (declared == null) {
                send(exchange, 404, "text/plain", "no such page");
                return;
            }
            Map<String, String> parameters = parameters(exchange);
            String user = user(exchange);
            api.jira.logIn(user == null ? null : api.jira.byName(user));
            try {
                JiraWebActionSupport action = actions.get(declared.getAttribute("name")).apply(this);
                if (webSudoRequired(action.getClass()) && (user == null || !webSudoSessions.contains(user))) {
                    exchange.getResponseHeaders().add("Location", WEBSUDO_LOGIN);
                    send(exchange, 302, "text/plain", "");
                    return;
                }
                Method command = command(action, page.group(2));
                RequestMethod method = RequestMethod.valueOf(exchange.getRequestMethod());
                SupportedMethods supported = command.getAnnotation(SupportedMethods.class);
                if (supported != null && !Arrays.asList(supported.value()).contains(method)) {
                    send(exchange, 405, "text/plain", exchange.getRequestMethod() + " is not supported here");
                    return;
                }
                if (command.isAnnotationPresent(RequiresXsrfCheck.class) && !token.equals(parameters.get("atl_token"))) {
                    send(exchange, 403, "text/html;charset=UTF-8", shell("XSRF Security Token Missing",
                            "<div class=\"aui-message aui-message-error\" id=\"xsrf-error\"><p>XSRF Security Token "
                                    + "Missing</p></div>"));
                    return;
                }
                bind(action, parameters);
                redirect = null;
                command.setAccessible(true);
                String result = (String) command.invoke(action);
                if (redirect != null) {
                    String path = exchange.getRequestURI().getPath(); // relative to the page, as a browser reads it
                    exchange.getResponseHeaders().add("Location", path.substring(0, path.lastIndexOf('/') + 1)
                            + redirect);
                    send(exchange, 302, "text/plain", "");
                    return;
                }
                if (JiraWebActionSupport.PERMISSION_VIOLATION_RESULT.equals(result)) {
                    send(exchange, 403, "text/html;charset=UTF-8", shell("Permission violation",
                            "<div class=\"aui-message aui-message-warning\" id=\"permission-violation\"><p>You do not "
                                    + "have permission to access this page.</p></div>"));
                    return;
                }
                RecordingWebResourceManager resources = new RecordingWebResourceManager();
                String html = velocity.render(view(declared, result), Map.of("action", action,
                        "i18n", new PropertiesI18n(), "webResourceManager", resources, "atl_token", token));
                send(exchange, 200, "text/html;charset=UTF-8", decorate(html, resources(resources.required())));
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            } finally {
                api.jira.logIn(null);
            }
        }
    }

    /** Whether the action's class (the harness's subclasses stand for it) is marked {@code @WebSudoRequired}. */
    private static boolean webSudoRequired(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(com.atlassian.sal.api.websudo.WebSudoRequired.class)) {
                return true;
            }
        }
        return false;
    }

    private Element action(String alias) {
        return descriptor.elements("action").stream().filter(e -> e.getAttribute("alias").equals(alias)).findFirst()
                .orElse(null);
    }

    private static String view(Element action, String result) {
        for (int i = 0; i < action.getElementsByTagName("view").getLength(); i++) {
            Element view = (Element) action.getElementsByTagName("view").item(i);
            if (view.getAttribute("name").equals(result)) {
                return view.getTextContent().trim().substring(1);
            }
        }
        throw new IllegalStateException("the descriptor names no view for result " + result);
    }

    /** {@code Alias!name.jspa} runs doName, {@code Alias.jspa} runs doExecute, as webwork does. */
    private static Method command(Object action, String name) throws NoSuchMethodException {
        String method = name == null ? "doExecute" : "do" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Class<?> type = action.getClass(); type != null; type = type.getSuperclass()) {
            for (Method candidate : type.getDeclaredMethods()) {
                if (candidate.getName().equals(method) && candidate.getParameterCount() == 0) {
                    return candidate;
                }
            }
        }
        throw new NoSuchMethodException(method);
    }

    private static void bind(Object action, Map<String, String> parameters) throws ReflectiveOperationException {
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (name.isEmpty()) {
                continue;
            }
            String setter = "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
            for (Method method : action.getClass().getMethods()) {
                if (method.getName().equals(setter) && method.getParameterCount() == 1) {
                    Class<?> type = method.getParameterTypes()[0];
                    String value = parameter.getValue();
                    if (type == String.class) {
                        method.invoke(action, value);
                    } else if (type == long.class) {
                        method.invoke(action, Long.parseLong(value));
                    } else if (type == boolean.class) {
                        method.invoke(action, Boolean.parseBoolean(value));
                    }
                }
            }
        }
    }

    private static Map<String, String> parameters(HttpExchange exchange) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        add(parameters, exchange.getRequestURI().getRawQuery());
        if ("POST".equals(exchange.getRequestMethod())) {
            try (InputStream in = exchange.getRequestBody()) {
                add(parameters, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static void add(Map<String, String> parameters, String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.put(name, value);
        }
    }

    private static String user(HttpExchange exchange) {
        List<String> cookies = exchange.getRequestHeaders().getOrDefault("Cookie", List.of());
        for (String header : cookies) {
            for (String cookie : header.split(";")) {
                String[] pair = cookie.trim().split("=", 2);
                if (pair.length == 2 && pair[0].equals(RestHarness.USER_COOKIE)) {
                    return pair[1];
                }
            }
        }
        return null;
    }

    /**
     * The files of the web resources a view required ({@code PLUGIN:KEY}), as the descriptor lists them: what Jira's
     * web resource manager would put into the page's head.
     */
    private List<String> resources(List<String> required) {
        List<String> files = new java.util.ArrayList<>();
        for (String moduleKey : required) {
            String key = moduleKey.substring(moduleKey.indexOf(':') + 1);
            Element resource = descriptor.elements("web-resource").stream()
                    .filter(e -> e.getAttribute("key").equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the descriptor has no web-resource " + moduleKey));
            for (int i = 0; i < resource.getElementsByTagName("resource").getLength(); i++) {
                files.add(((Element) resource.getElementsByTagName("resource").item(i)).getAttribute("location"));
            }
        }
        return files;
    }

    /** The view's page inside the stand-in decorator: its title, then its body in an AUI page panel. */
    private static String decorate(String html, List<String> resources) {
        String title = html.substring(html.indexOf("<title>") + "<title>".length(), html.indexOf("</title>")).trim();
        String body = between(html, "<body>", "</body>"); // the last </body>: the view's own
        return shell(title, body, resources);
    }

    private static String between(String html, String open, String close) {
        int start = html.indexOf(open);
        int end = html.lastIndexOf(close);
        if (start < 0 || end < start) {
            throw new IllegalStateException("the view has no " + open + ": " + html);
        }
        return html.substring(start + open.length(), end).trim();
    }

    /** Jira's page around the content: AUI's header and page panel, AUI's styles and the app's web resource. */
    static String shell(String title, String content) {
        return shell(title, content, List.of("css/ctem-admin.css"));
    }

    private static String shell(String title, String content, List<String> resources) {
        StringBuilder head = new StringBuilder("<link rel=\"stylesheet\" href=\"/ui-vendor/aui/aui-prototyping.css\"/>\n");
        for (String file : resources) {
            head.append(file.endsWith(".js") ? "<script src=\"/ctem-resources/" + file + "\" defer></script>\n"
                    : "<link rel=\"stylesheet\" href=\"/ctem-resources/" + file + "\"/>\n");
        }
        return page(title, head.toString(), content);
    }

    /** Jira's page around the content: AUI's header and page panel; {@code head} links the styles and scripts. */
    public static String page(String title, String head, String content) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>" + title
                + " - Jira</title>\n" + head + "</head>\n"
                + "<body class=\"aui-layout aui-theme-default\"><div id=\"page\">\n"
                + "<header id=\"header\"><nav class=\"aui-header\" aria-label=\"Jira\"><div class=\"aui-header-inner\">"
                + "<div class=\"aui-header-primary\"><span class=\"aui-header-logo aui-header-logo-textonly\">"
                + "<span class=\"aui-header-logo-device\">Jira</span></span></div></div></nav></header>\n"
                + "<main id=\"content\"><div class=\"aui-page-panel\"><div class=\"aui-page-panel-inner\">"
                + "<section class=\"aui-page-panel-content\">\n" + content
                + "\n</section></div></div></main></div></body></html>\n";
    }

    private static void file(HttpExchange exchange, Path root, String prefix) throws IOException {
        try (exchange) {
            String relative = exchange.getRequestURI().getPath().substring(prefix.length());
            Path file = root.resolve(relative).normalize();
            boolean webResource = root != RESOURCES || file.startsWith(RESOURCES.resolve("css"))
                    || file.startsWith(RESOURCES.resolve("js"));
            if (!file.startsWith(root) || !webResource || !Files.isRegularFile(file)) {
                send(exchange, 404, "text/plain", "not found: " + relative);
                return;
            }
            String type = relative.endsWith(".css") ? "text/css" : relative.endsWith(".js") ? "text/javascript"
                    : relative.endsWith(".svg") ? "image/svg+xml" : "application/octet-stream";
            exchange.getResponseHeaders().add("Content-Type", type);
            byte[] bytes = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
