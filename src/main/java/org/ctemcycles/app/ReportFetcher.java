package org.ctemcycles.app;

import org.ctemcycles.core.common.InvalidInputException;

import javax.net.ssl.SSLContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fetches a report over HTTPS for a scheduled discovery source, so that a source cannot be used to reach what the
 * administrator has not allowed: only {@code https} URLs, only hosts on the allow-list (checked again on every hop),
 * redirects followed only to the same host (at most {@value #MAX_REDIRECTS}), a timeout, and at most
 * {@code maxBytes} read. The token goes in the {@code Authorization} header only, and no message names it.
 */
public final class ReportFetcher {

    static final int MAX_REDIRECTS = 3;

    private final Set<String> allowedHosts;
    private final long maxBytes;
    private final Duration timeout;
    private final HttpClient client;

    /**
     * @param allowedHosts host names (any case) the administrator allows sources to fetch from
     * @param tls          the TLS context (the JVM's default trust in production; a test's own in tests)
     */
    public ReportFetcher(Set<String> allowedHosts, long maxBytes, Duration timeout, SSLContext tls) {
        this.allowedHosts = allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).sslContext(tls)
                .connectTimeout(timeout).build();
    }

    /**
     * Checks a source's URL before it is stored: https, a host on the allow-list, no user information.
     *
     * @throws InvalidInputException (field "url") naming what is wrong
     */
    public URI check(String url) {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("url", "'" + url + "' is not a URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new InvalidInputException("url", "'" + uri + "' is not an https URL; sources fetch over HTTPS only");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInputException("url", "a source URL may not hold a user name or password; give a token");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!allowedHosts.contains(host)) {
            throw new InvalidInputException("url", "host " + host + " is not on the administrator's allow-list of"
                    + " source hosts" + (allowedHosts.isEmpty() ? " (which is empty)" : " (" + allowedHosts.stream()
                    .sorted().collect(Collectors.joining(", ")) + ")"));
        }
        return uri;
    }

    /**
     * The report at {@code url}.
     *
     * @param token null or empty for none
     * @throws InvalidInputException when the URL, a redirect, the answer or its size is refused
     * @throws IOException           when the server cannot be reached or the connection fails
     */
    public byte[] fetch(String url, String token) throws IOException {
        URI uri = check(url);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
            if (token != null && !token.isEmpty()) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<InputStream> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while fetching from " + host, e);
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                response.body().close();
                String location = response.headers().firstValue("Location").orElseThrow(() ->
                        new InvalidInputException("url", host + " answered " + status + " without a Location"));
                URI next = uri.resolve(location);
                if (next.getHost() == null || !next.getHost().equalsIgnoreCase(host)
                        || !"https".equalsIgnoreCase(next.getScheme())) {
                    throw new InvalidInputException("url", host + " redirected to " + (next.getHost() == null
                            ? "a URL without a host" : next.getScheme() + "://" + next.getHost())
                            + "; a source follows redirects only to https on the same host");
                }
                if (hop + 1 > MAX_REDIRECTS) {
                    throw new InvalidInputException("url", host + " redirected more than " + MAX_REDIRECTS + " times");
                }
                uri = check(next.toString());
                continue;
            }
            if (status != 200) {
                response.body().close();
                throw new InvalidInputException("url", host + " answered HTTP " + status);
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                response.body().close();
                throw new InvalidInputException("url", "the report at " + host + " is " + declared
                        + " bytes, more than the limit of " + maxBytes);
            }
            try (InputStream body = response.body()) {
                return bounded(body, host);
            }
        }
    }

    private byte[] bounded(InputStream body, String host) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = body.read(buffer)) > 0; ) {
            total += n;
            if (total > maxBytes) {
                throw new InvalidInputException("url", "the report at " + host + " is more than the limit of "
                        + maxBytes + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
