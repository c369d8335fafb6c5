package org.ctemcycles.core.finding;

import org.ctemcycles.core.scope.Asset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

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
 * An observation with a {@link Observation#deployment() deployment} (a Kubernetes workload running an image) adds it
 * to every kind: the same image in two workloads is two exposures on one asset, each fixed and verified on its own.
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

    public FindingIdentity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(hash, "hash");
    }

    public static FindingIdentity of(Observation observation, Asset asset) {
        return of(observation, asset, sha256());
    }

    /**
     * As {@link #of(Observation, Asset)}, hashing with the given SHA-256 digest: a caller that computes many
     * identities on one thread keeps one digest instead of looking one up per observation.
     */
    public static FindingIdentity of(Observation observation, Asset asset, MessageDigest sha256) {
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
        if (observation.deployment() != null) {
            // only when present, so that every identity formed before deployments existed stays what it was
            parts.add("deployment");
            parts.add(observation.deployment());
        }
        return new FindingIdentity(kind, parts.sha256(sha256));
    }

    /** The valid CVE ids among {@code raw}, upper case, sorted, without repeats. */
    public static List<String> cves(List<String> raw) {
        if (raw.isEmpty()) {
            return List.of();
        }
        TreeSet<String> out = new TreeSet<>();
        for (String id : raw) {
            String cve = cve(id);
            if (cve != null) {
                out.add(cve);
            }
        }
        return List.copyOf(out);
    }

    /** {@code id} as a CVE id (CVE-YYYY-NNNN..., upper case, trimmed), or null when it is not one. */
    public static String cve(String id) {
        if (id == null) {
            return null;
        }
        String s = id.strip();
        // CVE-YYYY-NNNN with at least four digits in the sequence number; checked by hand: this runs per observation
        if (s.length() < 13 || !s.regionMatches(true, 0, "CVE-", 0, 4) || s.charAt(8) != '-') {
            return null;
        }
        for (int i = 4; i < s.length(); i++) {
            if (i != 8 && (s.charAt(i) < '0' || s.charAt(i) > '9')) {
                return null;
            }
        }
        return s.startsWith("CVE-") ? s : "CVE-" + s.substring(4);
    }

    /** A tool name as identities and signals compare it: trimmed, lower case, inner spaces collapsed, at most 200. */
    public static String toolKey(String tool) {
        StringBuilder key = new StringBuilder(tool.length());
        boolean space = false;
        for (int i = 0; i < tool.length() && key.length() < MAX_TOOL_KEY; i++) {
            char c = tool.charAt(i);
            if (Character.isWhitespace(c)) {
                space = key.length() > 0;
                continue;
            }
            if (space) {
                key.append(' ');
                space = false;
            }
            key.append(Character.toLowerCase(c));
        }
        return key.length() > MAX_TOOL_KEY ? key.substring(0, MAX_TOOL_KEY) : key.toString();
    }

    /** A new SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Length-prefixed parts, so that no two different part lists encode to the same text. */
    private static final class Encoder {
        private final StringBuilder text = new StringBuilder(128);

        void add(String part) {
            text.append(part.length()).append(':').append(part).append(';');
        }

        String sha256(MessageDigest digest) {
            digest.reset();
            return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        }
    }
}
