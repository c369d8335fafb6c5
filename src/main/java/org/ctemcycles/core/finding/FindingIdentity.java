package org.ctemcycles.core.finding;

import org.ctemcycles.core.scope.Asset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What makes two observations the same finding. Built only from stable facts, never from free text: titles,
 * descriptions, plugin output, messages, evidence, timestamps, tool versions and severities change between scans of
 * an unchanged target (DefectDojo's most common duplicate bug), so none of them takes part. In order:
 * <ol>
 *   <li>{@link Kind#CVE}: the observation names CVEs. Identity = the set of CVE ids + the asset. The tool, the rule
 *       and the location do not take part, so the same CVE on the same asset merges across tools (Nessus and Trivy
 *       on one host) and across places on the asset (two ports, two packages of one image).</li>
 *   <li>{@link Kind#FINGERPRINT}: the tool gives a stable fingerprint (SARIF fingerprints or partialFingerprints).
 *       Identity = tool + rule id + fingerprint + asset; the line number does not take part, so moved code is the
 *       same finding.</li>
 *   <li>{@link Kind#RULE}: otherwise. Identity = tool + rule id (plugin id, template id, check id) + asset +
 *       location (port/protocol, path and line, URL and parameter, package).</li>
 * </ol>
 * The asset is the canonical {@link Asset} (host names in lower case, image tags and package versions dropped, ...).
 * Tool names are compared case-insensitively. The identity is the SHA-256 of an unambiguous encoding of these parts;
 * it does not include the cycle, so a finding handed over to the next cycle keeps its identity.
 *
 * @param hash 64 lower-case hex digits
 */
public record FindingIdentity(Kind kind, String hash) {

    /** Which rule formed the identity. */
    public enum Kind {
        CVE,
        FINGERPRINT,
        RULE
    }

    private static final int MAX_TOOL_KEY = 200;
    private static final Pattern CVE_ID = Pattern.compile("CVE-\\d{4}-\\d{4,}");

    public FindingIdentity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(hash, "hash");
    }

    public static FindingIdentity of(Observation observation, Asset asset) {
        List<String> cves = cves(observation.cves());
        Encoder parts = new Encoder();
        Kind kind;
        if (!cves.isEmpty()) {
            kind = Kind.CVE;
            parts.add("cve");
            parts.add(String.join(",", cves));
        } else if (observation.fingerprint() != null && !observation.fingerprint().isBlank()) {
            kind = Kind.FINGERPRINT;
            parts.add("fingerprint");
            parts.add(toolKey(observation.tool()));
            parts.add(observation.ruleId().trim());
            parts.add(observation.fingerprint().trim());
        } else {
            kind = Kind.RULE;
            parts.add("rule");
            parts.add(toolKey(observation.tool()));
            parts.add(observation.ruleId().trim());
            parts.add(observation.location().trim());
        }
        parts.add(asset.identityKey());
        return new FindingIdentity(kind, parts.sha256());
    }

    /** The valid CVE ids among {@code raw}, upper case, sorted, without repeats. */
    public static List<String> cves(List<String> raw) {
        TreeSet<String> out = new TreeSet<>();
        for (String id : raw) {
            if (id != null) {
                String cve = id.trim().toUpperCase(Locale.ROOT);
                if (CVE_ID.matcher(cve).matches()) {
                    out.add(cve);
                }
            }
        }
        return List.copyOf(out);
    }

    /** A tool name as identities and signals compare it: trimmed, lower case, inner spaces collapsed, at most 200. */
    public static String toolKey(String tool) {
        String key = tool.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return key.length() > MAX_TOOL_KEY ? key.substring(0, MAX_TOOL_KEY) : key;
    }

    /** Length-prefixed parts, so that no two different part lists encode to the same text. */
    private static final class Encoder {
        private final StringBuilder text = new StringBuilder(128);

        void add(String part) {
            text.append(part.length()).append(':').append(part).append(';');
        }

        String sha256() {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
    }
}
