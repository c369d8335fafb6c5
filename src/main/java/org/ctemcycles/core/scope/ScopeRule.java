package org.ctemcycles.core.scope;

import org.ctemcycles.core.common.InvalidInputException;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One rule of a surface's scope: which assets belong to the surface. Written as {@code KIND:PATTERN}:
 * <ul>
 *   <li>{@code host:web01.example.com} one host name; {@code host:*.example.com} every name below example.com
 *       (not example.com itself). Matches hosts and the host of URLs.</li>
 *   <li>{@code ip:10.0.0.7}, {@code ip:10.0.0.0/8}, {@code ip:2001:db8::/32}: an IPv4 or IPv6 address or CIDR
 *       block. Matches IP addresses, hosts written as IP literals, and URLs whose host is one.</li>
 *   <li>{@code url:https://shop.example.com/api/}: a URL prefix on a path boundary (same scheme, host and port).</li>
 *   <li>{@code repo:github.com/acme/shop} one repository (any spelling: https, ssh, ".git"); {@code repo:github.com/acme/*}
 *       every repository below.</li>
 *   <li>{@code image:registry.example.com/shop} every tag of an image; {@code image:shop:1.4} one tag;
 *       {@code image:registry.example.com/team/*} every image below.</li>
 *   <li>{@code cloud:aws:123456789012} (or the bare account id): one cloud account; an ARN in that account matches.</li>
 * </ul>
 * Patterns are stored in canonical form, so two spellings of one rule are equal.
 */
public record ScopeRule(Kind kind, String pattern) {

    /** The kinds of scope rule, with the prefix each is written with. */
    public enum Kind {
        HOSTNAME("host"),
        IP_RANGE("ip"),
        URL_PREFIX("url"),
        REPOSITORY("repo"),
        CONTAINER_IMAGE("image"),
        CLOUD_ACCOUNT("cloud");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }

        /** The kind written as its short prefix ({@code host}) or its full name ({@code HOSTNAME}), any case. */
        static Optional<Kind> ofPrefix(String prefix) {
            return Arrays.stream(values())
                    .filter(k -> k.prefix.equalsIgnoreCase(prefix) || k.name().equalsIgnoreCase(prefix)).findFirst();
        }
    }

    private static final int MAX_PATTERN_LENGTH = 450;
    private static final Pattern HOST_LABELS = Pattern.compile("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*");

    public ScopeRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pattern, "pattern");
        pattern = canonical(kind, pattern.trim());
    }

    /**
     * Reads {@code KIND:PATTERN} as written on the command line or in a form.
     *
     * @throws InvalidInputException (field "rule") naming what is wrong
     */
    public static ScopeRule parse(String text) {
        String s = text == null ? "" : text.trim();
        int colon = s.indexOf(':');
        Optional<Kind> kind = colon > 0 ? Kind.ofPrefix(s.substring(0, colon)) : Optional.empty();
        if (kind.isEmpty()) {
            throw new InvalidInputException("rule", "'" + s + "' does not start with a rule kind: write KIND:PATTERN with"
                    + " KIND one of " + Arrays.stream(Kind.values()).map(Kind::prefix).collect(Collectors.joining(", "))
                    + " (for example host:*.example.com or ip:10.0.0.0/8)");
        }
        return new ScopeRule(kind.get(), s.substring(colon + 1));
    }

    @Override
    public String toString() {
        return kind.prefix + ":" + pattern;
    }

    /** The rule ready to match many assets quickly; see {@link Matcher#specificity(Asset)}. */
    Matcher compile() {
        return switch (kind) {
            case HOSTNAME -> hostMatcher();
            case IP_RANGE -> ipMatcher();
            case URL_PREFIX -> urlMatcher();
            case REPOSITORY -> prefixMatcher(AssetKind.REPOSITORY, 1000);
            case CONTAINER_IMAGE -> imageMatcher();
            case CLOUD_ACCOUNT -> cloudMatcher();
        };
    }

    /** A compiled rule. */
    interface Matcher {
        /**
         * How closely the rule matches the asset, or -1 when it does not. Between surfaces whose rules both match,
         * the more specific rule wins: a URL prefix over a host name (longer prefixes first), an exact host name
         * over a wildcard (longer suffixes first), a longer CIDR prefix over a shorter one.
         */
        int specificity(Asset asset);
    }

    private Matcher hostMatcher() {
        boolean wildcard = pattern.startsWith("*.");
        String suffix = wildcard ? pattern.substring(1) : pattern;
        return asset -> {
            String host = hostOf(asset);
            if (host == null) {
                return -1;
            }
            if (wildcard) {
                return host.endsWith(suffix) && host.length() > suffix.length() ? 500 + suffix.length() : -1;
            }
            return host.equals(pattern) ? 1000 + pattern.length() : -1;
        };
    }

    private static String hostOf(Asset asset) {
        if (asset.kind() == AssetKind.HOST) {
            return asset.key();
        }
        if (asset.kind() == AssetKind.URL) {
            return WebAddress.parse(asset.key()).filter(w -> w.ip().isEmpty()).map(WebAddress::host).orElse(null);
        }
        return null;
    }

    private Matcher ipMatcher() {
        int slash = pattern.indexOf('/');
        IpAddress network = IpAddress.parse(slash < 0 ? pattern : pattern.substring(0, slash)).orElseThrow();
        int prefix = slash < 0 ? network.bitLength() : Integer.parseInt(pattern.substring(slash + 1));
        return asset -> {
            IpAddress ip = asset.ip().orElse(null);
            if (ip == null && asset.kind() == AssetKind.URL) {
                ip = WebAddress.parse(asset.key()).flatMap(WebAddress::ip).orElse(null);
            }
            return ip != null && network.samePrefix(ip, prefix) ? 100 + prefix : -1;
        };
    }

    private Matcher urlMatcher() {
        WebAddress prefix = WebAddress.parse(pattern).orElseThrow();
        String origin = prefix.origin();
        String path = prefix.path();
        return asset -> {
            if (asset.kind() != AssetKind.URL) {
                return -1;
            }
            String key = asset.key();
            if (!key.startsWith(origin) || !onBoundary(key.substring(origin.length()), path)) {
                return -1;
            }
            return 2000 + pattern.length();
        };
    }

    private static boolean onBoundary(String assetPath, String prefixPath) {
        if (!assetPath.startsWith(prefixPath)) {
            return false;
        }
        if (prefixPath.endsWith("/") || assetPath.length() == prefixPath.length()) {
            return true;
        }
        char next = assetPath.charAt(prefixPath.length());
        return next == '/' || next == '?' || next == '#';
    }

    /** Exact repository, or with a trailing "/*" everything below it. */
    private Matcher prefixMatcher(AssetKind assetKind, int exactScore) {
        boolean wildcard = pattern.endsWith("/*");
        String base = wildcard ? pattern.substring(0, pattern.length() - 1) : pattern;
        return asset -> {
            if (asset.kind() != assetKind) {
                return -1;
            }
            if (wildcard) {
                return asset.key().startsWith(base) && asset.key().length() > base.length() ? 500 + base.length() : -1;
            }
            return asset.key().equals(pattern) ? exactScore : -1;
        };
    }

    private Matcher imageMatcher() {
        if (pattern.endsWith("/*")) {
            return prefixMatcher(AssetKind.CONTAINER_IMAGE, 1000);
        }
        ImageName wanted = ImageName.parse(pattern);
        return asset -> {
            if (asset.kind() != AssetKind.CONTAINER_IMAGE || !asset.key().equals(wanted.repository())) {
                return -1;
            }
            if (wanted.tag().isEmpty() && wanted.digest().isEmpty()) {
                return 1000;
            }
            ImageName seen = ImageName.parse(asset.value());
            boolean tagMatches = wanted.tag().isEmpty() || wanted.tag().equals(seen.tag());
            boolean digestMatches = wanted.digest().isEmpty() || wanted.digest().equalsIgnoreCase(seen.digest());
            return tagMatches && digestMatches ? 2000 : -1;
        };
    }

    private Matcher cloudMatcher() {
        String account = bareAccount(pattern);
        boolean qualified = !account.equals(pattern);
        return asset -> {
            if (asset.kind() != AssetKind.CLOUD_ACCOUNT) {
                return -1;
            }
            if (asset.key().equals(pattern)) {
                return 1000;
            }
            String seen = bareAccount(asset.key());
            boolean seenQualified = !seen.equals(asset.key());
            // "123456789012" matches "aws:123456789012" and the reverse, but aws:1 never matches gcp:1
            return (!qualified || !seenQualified) && seen.equals(account) ? 900 : -1;
        };
    }

    private static String bareAccount(String key) {
        int colon = key.lastIndexOf(':');
        return colon >= 0 ? key.substring(colon + 1) : key;
    }

    private static String canonical(Kind kind, String raw) {
        if (raw.isEmpty()) {
            throw invalid(kind, raw, "the pattern is empty");
        }
        if (raw.length() > MAX_PATTERN_LENGTH) {
            throw invalid(kind, raw.substring(0, 40) + "...", "the pattern is " + raw.length()
                    + " characters long; at most " + MAX_PATTERN_LENGTH + " are allowed");
        }
        return switch (kind) {
            case HOSTNAME -> hostPattern(raw);
            case IP_RANGE -> ipPattern(raw);
            case URL_PREFIX -> WebAddress.parse(raw).map(WebAddress::canonical).orElseThrow(() -> invalid(kind, raw,
                    "not a URL: write scheme://host[:port][/path], e.g. https://shop.example.com/api/"));
            case REPOSITORY -> repositoryPattern(raw);
            case CONTAINER_IMAGE -> imagePattern(raw);
            case CLOUD_ACCOUNT -> cloudPattern(raw);
        };
    }

    private static String hostPattern(String raw) {
        String host = HostNames.canonical(raw);
        boolean wildcard = host.startsWith("*.");
        String rest = wildcard ? host.substring(2) : host;
        if (IpAddress.parse(rest).isPresent()) {
            throw invalid(Kind.HOSTNAME, raw, "an IP address: use ip:" + raw);
        }
        if (!HOST_LABELS.matcher(rest).matches()) {
            throw invalid(Kind.HOSTNAME, raw, "not a host name: use letters, digits, hyphens and dots, optionally"
                    + " starting with \"*.\" for every name below a domain");
        }
        return host;
    }

    private static String ipPattern(String raw) {
        int slash = raw.indexOf('/');
        String address = slash < 0 ? raw : raw.substring(0, slash);
        IpAddress ip = IpAddress.parse(address).orElseThrow(() -> invalid(Kind.IP_RANGE, raw,
                "not an IPv4 or IPv6 address or CIDR block (e.g. 10.0.0.0/8, 2001:db8::/32)"));
        if (slash < 0) {
            return ip.toString();
        }
        String bits = raw.substring(slash + 1);
        int prefix;
        try {
            prefix = Integer.parseInt(bits);
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (prefix < 0 || prefix > ip.bitLength()) {
            throw invalid(Kind.IP_RANGE, raw, "the prefix length '" + bits + "' must be 0 to " + ip.bitLength());
        }
        // host bits after the prefix are cleared: 10.1.2.3/16 is the block 10.1.0.0/16
        return ip.network(prefix) + "/" + prefix;
    }

    private static String repositoryPattern(String raw) {
        boolean wildcard = raw.endsWith("/*");
        String repository = Asset.repository(wildcard ? raw.substring(0, raw.length() - 2) : raw);
        if (repository.isEmpty() || (!wildcard && repository.indexOf('/') < 0) || repository.contains("*")) {
            throw invalid(Kind.REPOSITORY, raw, "not a repository: write host/path such as github.com/acme/shop,"
                    + " or github.com/acme/* for every repository below");
        }
        return wildcard ? repository + "/*" : repository;
    }

    private static String imagePattern(String raw) {
        if (raw.endsWith("/*")) {
            String base = raw.substring(0, raw.length() - 2).toLowerCase(Locale.ROOT);
            if (base.isEmpty() || base.contains("*") || base.contains(":") && base.lastIndexOf(':') > base.lastIndexOf('/')) {
                throw invalid(Kind.CONTAINER_IMAGE, raw, "a wildcard image pattern is registry/namespace/*");
            }
            return base + "/*";
        }
        if (raw.contains("*") || raw.contains(" ")) {
            throw invalid(Kind.CONTAINER_IMAGE, raw, "not an image reference (e.g. registry.example.com/shop,"
                    + " shop:1.4, or registry.example.com/team/*)");
        }
        ImageName image = ImageName.parse(raw);
        return image.repository() + (image.tag().isEmpty() ? "" : ":" + image.tag())
                + (image.digest().isEmpty() ? "" : "@" + image.digest());
    }

    private static String cloudPattern(String raw) {
        String account = Asset.cloudAccount(raw);
        if (account.contains("*") || account.contains(" ") || bareAccount(account).isEmpty()) {
            throw invalid(Kind.CLOUD_ACCOUNT, raw, "not a cloud account: write the account id, optionally with"
                    + " its provider (e.g. aws:123456789012)");
        }
        return account;
    }

    private static InvalidInputException invalid(Kind kind, String raw, String why) {
        return new InvalidInputException("rule", "'" + kind.prefix + ":" + raw + "': " + why);
    }
}
