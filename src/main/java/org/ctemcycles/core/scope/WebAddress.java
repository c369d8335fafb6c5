package org.ctemcycles.core.scope;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A URL taken apart leniently (scanners write URLs that {@link java.net.URI} refuses, e.g. with spaces or raw
 * brackets in the query) and put together again in one canonical form: scheme and host in lower case, the default
 * port dropped, credentials and fragment dropped, an empty path written as "/". Percent escapes are kept as written.
 *
 * @param port the explicit port, or -1 for the scheme's default
 * @param path the path and query, always starting with "/"
 */
public record WebAddress(String scheme, String host, int port, String path) {

    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");

    public static Optional<WebAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        int sep = s.indexOf("://");
        if (sep <= 0) {
            return Optional.empty();
        }
        String scheme = s.substring(0, sep).toLowerCase(Locale.ROOT);
        if (!SCHEME.matcher(scheme).matches()) {
            return Optional.empty();
        }
        String rest = s.substring(sep + 3);
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        int end = rest.length();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '/' || c == '?') {
                end = i;
                break;
            }
        }
        String authority = rest.substring(0, end);
        String path = rest.substring(end);
        if (path.isEmpty() || path.charAt(0) == '?') {
            path = "/" + path;
        }
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        String host;
        String portText = "";
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            host = authority.substring(1, close);
            String after = authority.substring(close + 1);
            if (after.startsWith(":")) {
                portText = after.substring(1);
            } else if (!after.isEmpty()) {
                return Optional.empty();
            }
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon >= 0 ? authority.substring(0, colon) : authority;
            portText = colon >= 0 ? authority.substring(colon + 1) : "";
        }
        if (host.isEmpty()) {
            return Optional.empty();
        }
        int port = -1;
        if (!portText.isEmpty()) {
            if (portText.length() > 5 || !portText.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                return Optional.empty();
            }
            port = Integer.parseInt(portText);
            if (port > 65535) {
                return Optional.empty();
            }
            if (port == defaultPort(scheme)) {
                port = -1;
            }
        }
        String canonicalHost = IpAddress.parse(host).map(IpAddress::toString)
                .orElse(HostNames.canonical(host));
        return Optional.of(new WebAddress(scheme, canonicalHost, port, path));
    }

    /** The scheme's well-known port, or -1. */
    static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http", "ws" -> 80;
            case "https", "wss" -> 443;
            case "ftp" -> 21;
            default -> -1;
        };
    }

    /** Whether the host is an IP literal. */
    public Optional<IpAddress> ip() {
        return IpAddress.parse(host);
    }

    /** scheme://host[:port] */
    public String origin() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return scheme + "://" + h + (port < 0 ? "" : ":" + port);
    }

    public String canonical() {
        return origin() + path;
    }

    @Override
    public String toString() {
        return canonical();
    }
}
