package org.ctemcycles.core.scope;

import java.util.Locale;

/**
 * A container image reference split into repository, tag and digest, with Docker's defaults applied: no registry
 * means Docker Hub ({@code docker.io}), and a single name component lives in {@code library/}.
 *
 * @param repository registry/namespace/name in lower case
 * @param tag        the tag, or "" when none was written
 * @param digest     the digest (e.g. sha256:...), or ""
 */
public record ImageName(String repository, String tag, String digest) {

    public static ImageName parse(String reference) {
        String s = reference.trim();
        String digest = "";
        int at = s.indexOf('@');
        if (at >= 0) {
            digest = s.substring(at + 1);
            s = s.substring(0, at);
        }
        String tag = "";
        int colon = s.lastIndexOf(':');
        if (colon > s.lastIndexOf('/')) {
            tag = s.substring(colon + 1);
            s = s.substring(0, colon);
        }
        s = s.toLowerCase(Locale.ROOT);
        String[] parts = s.split("/");
        if (parts.length == 1) {
            s = "docker.io/library/" + s;
        } else if (parts[0].equals("index.docker.io")) {
            s = "docker.io" + s.substring("index.docker.io".length());
        } else if (!(parts[0].contains(".") || parts[0].contains(":") || parts[0].equals("localhost"))) {
            s = "docker.io/" + s;
        }
        if (s.startsWith("docker.io/") && s.indexOf('/', "docker.io/".length()) < 0) {
            s = "docker.io/library/" + s.substring("docker.io/".length());
        }
        return new ImageName(s, tag, digest);
    }
}
