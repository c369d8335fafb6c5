package org.ctemcycles.jira.fields;

/**
 * The app's custom fields: one per value of the record that people filter or sort issues by, each computed from the
 * record when Jira reads it (never a stored copy). The module key names the field's type in atlassian-plugin.xml
 * ({@code <customfield-type key=...>}); the searcher is the app's thin wrapper of Jira's exact text searcher, or, for
 * numbers and the deadline, Jira's own number and date range searcher modules (docs/adr/104).
 */
public enum CtemField {
    CYCLE("ctem-cycle-field", "CTEM Cycle", Kind.TEXT, "the cycle the issue's finding is worked in"),
    STAGE("ctem-stage-field", "CTEM Stage", Kind.TEXT, "the stage of that cycle"),
    RANK("ctem-rank-field", "CTEM Rank", Kind.NUMBER, "the finding's rank in the cycle's current queue, from 1"),
    SCORE("ctem-score-field", "CTEM Score", Kind.NUMBER, "the finding's priority score, 0 to 100"),
    TIER("ctem-tier-field", "CTEM Tier", Kind.TEXT, "critical, high, medium or low"),
    DEADLINE("ctem-deadline-field", "CTEM Deadline", Kind.DATE, "the deadline in force"),
    KEV("ctem-kev-field", "CTEM KEV", Kind.TEXT, "yes when a CISA KEV entry counted in the ranking, else no"),
    STATUS("ctem-status-field", "CTEM Register Status", Kind.TEXT, "the finding's status in the cycle's register"),
    VALIDATION("ctem-validation-field", "CTEM Validation", Kind.TEXT,
            "the outcome of the finding's latest validation in the cycle");

    /** The Java type of the value the field hands to Jira's indexer: Double, java.util.Date or String. */
    public enum Kind {
        /** Jira's number range searcher of its number fields, which the rank's and score's types name as valid. */
        NUMBER("com.atlassian.jira.plugin.system.customfieldtypes:numberrange"),
        /** Jira's date range searcher of its date picker fields, which the deadline's type names as valid. */
        DATE("com.atlassian.jira.plugin.system.customfieldtypes:daterange"),
        TEXT(CtemFields.PLUGIN_KEY + ":ctem-text-searcher");

        private final String searcherKey;

        Kind(String searcherKey) {
            this.searcherKey = searcherKey;
        }

        /** The full key ("plugin key:module key") of the searcher module the field is created with. */
        public String searcherKey() {
            return searcherKey;
        }
    }

    private final String moduleKey;
    private final String fieldName;
    private final Kind kind;
    private final String description;

    CtemField(String moduleKey, String fieldName, Kind kind, String description) {
        this.moduleKey = moduleKey;
        this.fieldName = fieldName;
        this.kind = kind;
        this.description = description;
    }

    public String moduleKey() {
        return moduleKey;
    }

    public String fieldName() {
        return fieldName;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }
}
