package org.ctemcycles.jira.tracker;

import org.ctemcycles.core.mobilisation.ExposureBrief;
import org.ctemcycles.core.mobilisation.TrackerRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The text of the issues and comments the app writes, in Jira's wiki markup: what, where, why now (the decision's
 * tier, score, rationale and factors), by when (and which rule set the deadline), how to verify, the change record
 * and dependency, and links to the evidence in the cycle record. Every value from the record goes through
 * {@link WikiText#escape}; only the headings, list bullets and links are markup of the app's own, and the links'
 * targets are URL-encoded.
 */
final class IssueText {

    private final String baseUrl;

    /** @param baseUrl Jira's canonical base URL, without a trailing slash */
    IssueText(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    String summary(TrackerRequest request) {
        return WikiText.summary(request.summary());
    }

    String description(TrackerRequest request) {
        ExposureBrief brief = request.brief();
        StringBuilder text = new StringBuilder(1024);
        heading(text, "What");
        line(text, brief.title().isEmpty() ? "Exposure " + request.findingKey() : brief.title());
        if (!brief.tool().isEmpty() || !brief.ruleId().isEmpty()) {
            line(text, "Reported by " + (brief.tool().isEmpty() ? "a tool" : brief.tool())
                    + (brief.ruleId().isEmpty() ? "" : ", rule " + brief.ruleId()));
        }
        if (!brief.cves().isEmpty()) {
            line(text, "CVEs: " + String.join(", ", brief.cves()));
        }
        heading(text, "Where");
        line(text, "Asset: " + or(brief.asset(), "not recorded"));
        if (!brief.location().isEmpty()) {
            line(text, "Location: " + brief.location());
        }
        if (!brief.surface().isEmpty()) {
            line(text, "Surface: " + brief.surface());
        }
        heading(text, "Why now");
        if (brief.rationale().isEmpty()) {
            line(text, "Not prioritised yet in cycle " + request.cycleKey() + ".");
        } else {
            line(text, brief.rationale());
            for (String factor : brief.factors()) {
                text.append("* ").append(WikiText.escape(factor)).append('\n');
            }
        }
        heading(text, "By when");
        line(text, request.dueDate() + (brief.deadlineRule().isEmpty() ? "" : " (" + brief.deadlineRule() + ")"));
        heading(text, "How to verify");
        line(text, or(request.verificationStep(), "not recorded"));
        if (!request.changeRecord().isEmpty() || !request.dependency().isEmpty()) {
            heading(text, "Change and dependency");
            if (!request.changeRecord().isEmpty()) {
                line(text, "Change record: " + request.changeRecord());
            }
            if (!request.dependency().isEmpty()) {
                line(text, "Dependency: " + request.dependency());
            }
        }
        heading(text, "Evidence");
        link(text, "Finding " + request.findingKey() + " with its signals", findingPath(request));
        link(text, "Its history in every cycle", findingPath(request) + "/history");
        link(text, "The evidence pack of cycle " + request.cycleKey(), "/cycles/" + segment(request.cycleKey())
                + "/evidence.html");
        if (!brief.evidence().isEmpty()) {
            line(text, "Reported by: " + String.join("; ", brief.evidence()));
        }
        text.append("----\n");
        line(text, "CTEM finding " + request.findingKey() + " of cycle " + request.cycleKey() + ". Resolving this"
                + " issue asks for a retest; the finding is closed when a retest or a later discovery run verifies"
                + " the fix.");
        return text.toString();
    }

    /** A comment of the record's: why, and a link to the activity log entry that records the change. */
    String comment(String cycleKey, String why, long logEntry) {
        StringBuilder text = new StringBuilder();
        line(text, why);
        link(text, "Activity log entry " + logEntry + " of cycle " + cycleKey, "/cycles/" + segment(cycleKey)
                + "/log?after=" + Math.max(0, logEntry - 1) + "&limit=1");
        return text.toString();
    }

    /** A comment of the app's own words (no value from the record in it but escaped ones). */
    String note(String words) {
        return WikiText.escape(words) + "\n";
    }

    private String findingPath(TrackerRequest request) {
        return "/cycles/" + segment(request.cycleKey()) + "/findings/" + segment(request.findingKey());
    }

    private static void heading(StringBuilder text, String words) {
        text.append("h3. ").append(words).append('\n');
    }

    private static void line(StringBuilder text, String value) {
        text.append(WikiText.escape(value)).append('\n');
    }

    private void link(StringBuilder text, String words, String apiPath) {
        text.append("* [").append(WikiText.escape(words)).append('|').append(baseUrl).append("/rest/ctem/1.0")
                .append(apiPath).append("]\n");
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String or(String value, String otherwise) {
        return value == null || value.isEmpty() ? otherwise : value;
    }

    static List<String> headings() {
        return List.of("What", "Where", "Why now", "By when", "How to verify", "Evidence");
    }
}
