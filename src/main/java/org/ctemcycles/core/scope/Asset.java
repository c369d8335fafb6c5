package org.ctemcycles.core.scope;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An asset in its canonical form, the one scope rules match and finding identities use, beside the text the tool
 * wrote ({@link #value()}). Canonical keys make one asset look the same whichever tool named it:
 * <ul>
 *   <li>host: lower case, no trailing dot, no ":port"; a host written as an IP literal becomes an IP address;</li>
 *   <li>IP address: dotted IPv4, or RFC 5952 IPv6; IPv4-mapped IPv6 as IPv4;</li>
 *   <li>URL: {@link WebAddress#canonical()};</li>
 *   <li>repository: host/path in lower case, without scheme, credentials, ".git" or trailing "/"
 *       ({@code git@github.com:Acme/Shop.git} = {@code github.com/acme/shop});</li>
 *   <li>container image: the image repository without tag or digest, Docker Hub names completed
 *       ({@code shop:1.4} = {@code docker.io/library/shop}), so that a re-scan of a newer tag is the same asset;</li>
 *   <li>package: the package URL without version, qualifiers or subpath, for the same reason;</li>
 *   <li>cloud account: lower case; an ARN becomes {@code aws:ACCOUNT}.</li>
 * </ul>
 */
public record Asset(AssetKind kind, String key, String value) {

    public Asset {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    public static Asset of(AssetRef ref) {
        String value = ref.value().trim();
        return switch (ref.kind()) {
            case HOST, IP_ADDRESS -> host(value);
            case URL -> new Asset(AssetKind.URL,
                    WebAddress.parse(value).map(WebAddress::canonical).orElse(value), value);
            case REPOSITORY -> new Asset(AssetKind.REPOSITORY, repository(value), value);
            case CONTAINER_IMAGE -> new Asset(AssetKind.CONTAINER_IMAGE, ImageName.parse(value).repository(), value);
            case PACKAGE -> new Asset(AssetKind.PACKAGE, packageWithoutVersion(value), value);
            case CLOUD_ACCOUNT -> new Asset(AssetKind.CLOUD_ACCOUNT, cloudAccount(value), value);
            case OTHER -> new Asset(AssetKind.OTHER, value, value);
        };
    }

    /**
     * The asset as identities and coverage compare it: its class and canonical key. Host names and IP addresses are
     * one class ("host"), since tools name the same machine either way; every other kind is its own class.
     */
    public String identityKey() {
        String assetClass = switch (kind) {
            case HOST, IP_ADDRESS -> "host";
            default -> kind.name().toLowerCase(Locale.ROOT);
        };
        return assetClass + ":" + key;
    }

    /** The host's IP address, when this asset is one. */
    public Optional<IpAddress> ip() {
        return kind == AssetKind.IP_ADDRESS ? IpAddress.parse(key) : Optional.empty();
    }

    private static Asset host(String value) {
        String bare = HostNames.withoutPort(value);
        Optional<IpAddress> ip = IpAddress.parse(bare);
        if (ip.isPresent()) {
            return new Asset(AssetKind.IP_ADDRESS, ip.get().toString(), value);
        }
        return new Asset(AssetKind.HOST, HostNames.canonical(bare), value);
    }

    /** Repository location in canonical form (also used for repository scope rules). */
    static String repository(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        } else {
            // scp-like "git@github.com:acme/shop.git": the colon separates host and path, not a port
            int colon = s.indexOf(':');
            int slash = s.indexOf('/');
            if (colon > 0 && (slash < 0 || colon < slash)) {
                String afterColon = s.substring(colon + 1);
                int end = afterColon.indexOf('/');
                String first = end < 0 ? afterColon : afterColon.substring(0, end);
                if (first.isEmpty() || !first.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                    s = s.substring(0, colon) + "/" + afterColon;
                }
            }
        }
        int slash = s.indexOf('/');
        int at = s.indexOf('@');
        if (at >= 0 && (slash < 0 || at < slash)) {
            s = s.substring(at + 1);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.endsWith(".git")) {
            s = s.substring(0, s.length() - 4);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static String packageWithoutVersion(String value) {
        String s = value;
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        int query = s.indexOf('?');
        if (query >= 0) {
            s = s.substring(0, query);
        }
        int at = s.lastIndexOf('@');
        if (at > s.lastIndexOf('/') && at > 0) {
            s = s.substring(0, at);
        }
        if (s.regionMatches(true, 0, "pkg:", 0, 4)) {
            int slash = s.indexOf('/');
            if (slash > 0) {
                s = s.substring(0, slash).toLowerCase(Locale.ROOT) + s.substring(slash);
            }
        }
        return s;
    }

    /** Cloud account in canonical form (also used for cloud-account scope rules). */
    static String cloudAccount(String value) {
        String s = value.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("arn:")) {
            String[] parts = s.split(":", 6);
            if (parts.length >= 5 && !parts[4].isEmpty()) {
                String partition = parts[1].startsWith("aws") ? "aws" : parts[1];
                return partition + ":" + parts[4];
            }
        }
        return s;
    }
}
