package org.ctemcycles.cli.remote;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.ctemcycles.cli.Ctem;
import org.ctemcycles.core.common.InvalidInputException;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The CTEM Cycles REST API of one Jira, as the {@code ctem} command calls it: over HTTPS (plain HTTP only to this
 * machine, with a warning), authenticated by a personal access token ({@code Authorization: Bearer}; Jira 11 turns
 * basic authentication off), with Jira's XSRF header on every request. Failures become {@link RemoteException}s
 * with a plain message and the command's exit code: the server's own error JSON becomes its lines.
 */
public final class JiraClient {

    static final String API = "/rest/ctem/1.0";
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final URI jira;
    private final String token;
    private final HttpClient http;

    private JiraClient(URI jira, String token) {
        this.jira = jira;
        this.token = token;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
    }

    /**
     * @param server the Jira base URL as the user gave it (with its context path, if any)
     * @param token  the personal access token; never printed
     * @param err    where a warning about plain HTTP goes
     * @throws InvalidInputException naming --server or --token when they cannot be used
     */
    public static JiraClient connect(String server, String token, PrintStream err) {
        if (server == null || server.isBlank()) {
            throw new InvalidInputException("--server", "needs the Jira base URL, e.g. https://jira.example.com");
        }
        if (token == null || token.isBlank()) {
            throw new InvalidInputException("--token", "is required with --server: a Jira personal access token"
                    + " (or set CTEM_TOKEN)");
        }
        if (token.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
            throw new InvalidInputException("--token", "is not a personal access token (it holds spaces or"
                    + " control characters)");
        }
        URI uri;
        try {
            uri = new URI(server.strip().replaceAll("/+$", ""));
        } catch (URISyntaxException e) {
            throw new InvalidInputException("--server", "'" + server + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new InvalidInputException("--server", "'" + server + "' is not an https:// URL of a Jira");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new InvalidInputException("--server", "give the Jira base URL alone, without user, query or"
                    + " fragment");
        }
        if (scheme.equals("http")) {
            if (!LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException("--server", "http:// would send the token in clear text: use"
                        + " https:// (plain http is accepted only for localhost)");
            }
            err.println("ctem: warning: plain http to " + uri.getHost() + ": the token is sent unencrypted");
        }
        return new JiraClient(uri, token);
    }

    /** The Jira base URL, for messages. */
    public URI jira() {
        return jira;
    }

    /** A request to a path under the API ({@code /cycles/...}), authenticated, with the XSRF header. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(jira + API + path))
                .header("Authorization", "Bearer " + token)
                .header("X-Atlassian-Token", "no-check")
                .header("Accept", "application/json, */*");
    }

    /** GETs a JSON answer. */
    public JsonElement getJson(String path) {
        HttpResponse<String> response = send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw failure(response.statusCode(), response.body());
        }
        return json(response.statusCode(), response.body());
    }

    /**
     * Sends a request; a failure to reach the server becomes a {@link RemoteException}. The answer may have any
     * status: see {@link #failure}.
     */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (HttpTimeoutException e) {
            throw new RemoteException(RemoteException.UNREACHABLE, jira + " did not answer in time ("
                    + e.getMessage() + ")");
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException(Ctem.INTERNAL_ERROR, "interrupted while waiting for " + jira);
        }
    }

    private RemoteException unreachable(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException tls) {
                return new RemoteException(RemoteException.TLS_FAILED, "TLS with " + jira + " failed: "
                        + tls.getMessage() + " (is it https, and is its certificate trusted? A private CA goes in"
                        + " a trust store: CTEM_JAVA_OPTS=-Djavax.net.ssl.trustStore=FILE)");
            }
        }
        String why = e instanceof ConnectException ? "connection refused or host unknown"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new RemoteException(RemoteException.UNREACHABLE, "cannot reach " + jira + ": " + why);
    }

    /**
     * What a failed answer says, as the command says it: the API's error JSON ({@code code, message, errors[]}) as
     * lines naming their field; 401 and 403 with what to do about them.
     */
    public RemoteException failure(int status, String body) {
        JsonObject error = errorJson(body);
        List<String> lines = new ArrayList<>();
        if (error != null && error.has("errors") && error.get("errors").isJsonArray()
                && !error.getAsJsonArray("errors").isEmpty()) {
            error.getAsJsonArray("errors").forEach(e -> lines.add(problem(e.getAsJsonObject())));
        } else if (error != null && error.has("message")) {
            lines.add(error.get("message").getAsString());
        }
        if (status == 401) {
            return new RemoteException(RemoteException.REFUSED, jira + " did not accept the token (401): check"
                    + " --token or CTEM_TOKEN (a Jira personal access token that has not expired)");
        }
        if (status == 403) {
            return new RemoteException(RemoteException.REFUSED, "forbidden by " + jira + " (403): "
                    + (lines.isEmpty() ? "the token's user may not do this" : String.join("; ", lines)));
        }
        if (lines.isEmpty()) {
            String text = body == null ? "" : body.strip();
            lines.add(jira + " answered " + status + (text.isEmpty() ? "" : ": "
                    + text.substring(0, Math.min(200, text.length())).replaceAll("\\s+", " "))
                    + (status >= 300 && status < 400 ? " (is --server the Jira base URL?)" : ""));
        }
        int exit = switch (status) {
            case 400, 404, 415 -> Ctem.BAD_INPUT;
            case 409 -> Ctem.CONFLICT;
            default -> Ctem.INTERNAL_ERROR;
        };
        return new RemoteException(exit, lines);
    }

    private static String problem(JsonObject error) {
        String message = error.has("message") && !error.get("message").isJsonNull()
                ? error.get("message").getAsString() : "";
        return error.has("field") && !error.get("field").isJsonNull()
                ? error.get("field").getAsString() + ": " + message : message;
    }

    /** The API's error object, or null when the body is something else (a proxy's page, Jira's login page). */
    static JsonObject errorJson(String body) {
        try {
            JsonElement parsed = JsonParser.parseString(body == null ? "" : body);
            return parsed.isJsonObject() && parsed.getAsJsonObject().has("code") ? parsed.getAsJsonObject() : null;
        } catch (JsonParseException e) {
            return null;
        }
    }

    /** A 200 answer's JSON; anything else means --server does not lead to the app. */
    public JsonElement json(int status, String body) {
        try {
            return JsonParser.parseString(body);
        } catch (JsonParseException e) {
            throw new RemoteException(Ctem.INTERNAL_ERROR, jira + " answered " + status + " with no JSON: is"
                    + " CTEM Cycles installed there, and is --server the Jira base URL?");
        }
    }
}
