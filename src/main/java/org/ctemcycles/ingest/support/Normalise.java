package org.ctemcycles.ingest.support;

import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.scope.AssetKind;
import org.ctemcycles.core.scope.AssetRef;
import org.ctemcycles.core.scoring.cvss.CvssVector;
import org.ctemcycles.core.scoring.cvss.InvalidVectorException;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The mappings every importer shares: severity words and scores, CVE and CWE ids, CVSS vectors, asset kinds. */
public final class Normalise {

    private static final Pattern CVE = Pattern.compile("(?i)^\\s*CVE-(\\d{4})-(\\d{4,19})\\s*$");
    private static final Pattern NUMBER = Pattern.compile("^-?\\d{1,9}$");
    private static final Pattern CWE = Pattern.compile("(?i)^CWE[-_: ]?0*(\\d{1,6})\\b.*$", Pattern.DOTALL);
    private static final Pattern CWE_ANYWHERE = Pattern.compile("(?i)\\bcwe[-_/: ]?0*(\\d{1,6})\\b");
    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");
    private static final Pattern IPV6 = Pattern.compile("^\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]?$");

    private Normalise() {
    }

    /**
     * A severity word onto the common scale: info/informational/none/note, low, medium/moderate, high/important,
     * critical; anything else (including "unknown" and blank) is UNKNOWN.
     */
    public static ObservedSeverity severityWord(String word) {
        if (word == null) {
            return ObservedSeverity.UNKNOWN;
        }
        return switch (word.trim().toLowerCase(Locale.ROOT)) {
            case "info", "informational", "information", "none", "note" -> ObservedSeverity.INFO;
            case "low" -> ObservedSeverity.LOW;
            case "medium", "moderate" -> ObservedSeverity.MEDIUM;
            case "high", "important" -> ObservedSeverity.HIGH;
            case "critical" -> ObservedSeverity.CRITICAL;
            default -> ObservedSeverity.UNKNOWN;
        };
    }

    /** A 0-10 score banded as CVSS v3 does: 0 none (INFO), 0.1-3.9 low, 4-6.9 medium, 7-8.9 high, 9-10 critical. */
    public static ObservedSeverity severityScore(BigDecimal score) {
        if (score.signum() <= 0) {
            return ObservedSeverity.INFO;
        }
        if (score.compareTo(BigDecimal.valueOf(4)) < 0) {
            return ObservedSeverity.LOW;
        }
        if (score.compareTo(BigDecimal.valueOf(7)) < 0) {
            return ObservedSeverity.MEDIUM;
        }
        if (score.compareTo(BigDecimal.valueOf(9)) < 0) {
            return ObservedSeverity.HIGH;
        }
        return ObservedSeverity.CRITICAL;
    }

    /** A decimal score in 0..10, or null when the text is not one. */
    public static BigDecimal score(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal score = new BigDecimal(text.trim());
            return score.signum() < 0 || score.compareTo(BigDecimal.TEN) > 0 ? null : score;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "CVE-2021-44228" in upper case, or null when the text is not a CVE id. */
    public static String cve(String text) {
        if (text == null || !startsWithC(text)) {
            return null;
        }
        Matcher m = CVE.matcher(text);
        return m.matches() ? "CVE-" + m.group(1) + "-" + m.group(2) : null;
    }

    /**
     * Whether the first character past leading whitespace (as the CVE pattern's {@code \s} counts it) is a C: every
     * rule id and tag is asked whether it is a CVE, and most are not, so they are told without the pattern.
     */
    private static boolean startsWithC(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != 0x0B && c != '\f' && c != '\r') {
                return c == 'C' || c == 'c';
            }
        }
        return false;
    }

    /** "CWE-79" from "79", "CWE-79", "cwe-079" or "CWE-79: Improper Neutralization..."; null for 0, -1 or other text. */
    public static String cwe(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        long number;
        if (NUMBER.matcher(trimmed).matches()) {
            number = Long.parseLong(trimmed);
        } else {
            Matcher m = CWE.matcher(trimmed);
            if (!m.matches()) {
                return null;
            }
            number = Long.parseLong(m.group(1));
        }
        return number <= 0 ? null : "CWE-" + number;
    }

    /** Every CWE named inside a tag or text such as "external/cwe/cwe-079" or "CWE-89: SQL Injection". */
    public static List<String> cwesIn(String text) {
        List<String> cwes = new ArrayList<>();
        if (text == null) {
            return cwes;
        }
        Matcher m = CWE_ANYWHERE.matcher(text);
        while (m.find()) {
            long number = Long.parseLong(m.group(1));
            if (number > 0) {
                cwes.add("CWE-" + number);
            }
        }
        return cwes;
    }

    /** The distinct CVE ids among the texts, in order; texts that are not CVE ids are left out. */
    public static List<String> cves(Collection<String> texts) {
        Set<String> cves = new LinkedHashSet<>();
        for (String text : texts) {
            String cve = cve(text);
            if (cve != null) {
                cves.add(cve);
            }
        }
        return new ArrayList<>(cves);
    }

    /** The distinct CWE ids among the texts, in order. */
    public static List<String> cwes(Collection<String> texts) {
        Set<String> cwes = new LinkedHashSet<>();
        for (String text : texts) {
            String cwe = cwe(text);
            if (cwe != null) {
                cwes.add(cwe);
            }
        }
        return new ArrayList<>(cwes);
    }

    /**
     * A CVSS vector in the form core/scoring/cvss parses, or null (with the reason in {@code problems}) when the text
     * is not a valid vector. v2 vectors lose a "CVSS2#" prefix (Nessus) or surrounding parentheses; a v3/v4 vector
     * without its "CVSS:x.y/" prefix gets the one its {@code version} hint names ("3.0", "3.1", "4.0"), if any.
     */
    public static String vector(String text, String version, List<String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String vector = text.trim();
        if (vector.startsWith("CVSS2#")) {
            vector = vector.substring("CVSS2#".length());
        }
        if (vector.startsWith("(") && vector.endsWith(")")) {
            vector = vector.substring(1, vector.length() - 1);
        }
        if (!vector.startsWith("CVSS:") && version != null && !version.startsWith("2")
                && vector.startsWith("AV:") && !vector.contains("/Au:")) {
            vector = "CVSS:" + version + "/" + vector;
        }
        try {
            return CvssVector.parse(vector).text();
        } catch (InvalidVectorException e) {
            problems.add("the CVSS vector '" + abbreviate(text, 120) + "' is not valid (" + e.getMessage() + ")");
            return null;
        }
    }

    /** The asset kind of a bare host name or address: an IPv4 or IPv6 literal is IP_ADDRESS, anything else HOST. */
    public static AssetRef hostOrIp(String host) {
        String value = host.trim();
        return new AssetRef(isIp(value) ? AssetKind.IP_ADDRESS : AssetKind.HOST, value);
    }

    public static boolean isIp(String value) {
        Matcher m = IPV4.matcher(value);
        if (m.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(m.group(i)) > 255) {
                    return false;
                }
            }
            return true;
        }
        return value.indexOf(':') >= 0 && IPV6.matcher(value).matches();
    }

    /**
     * A URL with its query values dropped and its parameter names sorted ("https://h/p?b=2&a=1" becomes
     * "https://h/p?a&b"), as ZAP names a node: session tokens and cache-busters in query values change between scans
     * and must not split one exposure into many. Scheme and host are lower-cased; the fragment is dropped.
     */
    public static String stableUrl(String url) {
        if (url == null) {
            return "";
        }
        String trimmed = url.trim();
        int hash = trimmed.indexOf('#');
        if (hash >= 0) {
            trimmed = trimmed.substring(0, hash);
        }
        int question = trimmed.indexOf('?');
        String base = question >= 0 ? trimmed.substring(0, question) : trimmed;
        base = lowerSchemeAndHost(base);
        if (question < 0) {
            return base;
        }
        TreeMap<String, Boolean> names = new TreeMap<>();
        for (String pair : trimmed.substring(question + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            names.put(equals >= 0 ? pair.substring(0, equals) : pair, Boolean.TRUE);
        }
        return names.isEmpty() ? base : base + "?" + String.join("&", names.keySet());
    }

    /** The scheme and authority of a URL, lower-cased ("https://Shop.Example.com:443"), or null if it has none. */
    public static String origin(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return null;
            }
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
        } catch (Exception e) {
            int scheme = url.indexOf("://");
            if (scheme < 0) {
                return null;
            }
            int slash = url.indexOf('/', scheme + 3);
            return (slash < 0 ? url : url.substring(0, slash)).toLowerCase(Locale.ROOT);
        }
    }

    private static String lowerSchemeAndHost(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int slash = url.indexOf('/', scheme + 3);
        String head = slash < 0 ? url : url.substring(0, slash);
        return head.toLowerCase(Locale.ROOT) + (slash < 0 ? "" : url.substring(slash));
    }

    /** The first line of a text, at most {@code max} characters (titles made from messages). */
    public static String firstLine(String text, int max) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        if (newline >= 0) {
            trimmed = trimmed.substring(0, newline).strip();
        }
        return abbreviate(trimmed, max);
    }

    public static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
