package org.ctemcycles.ingest;

/**
 * Bounds on what one import may take in, so that a hostile or runaway report cannot exhaust memory or the database.
 * Every bound is checked while the report is read, before a parser holds what would break it, and every breach is an
 * {@link ImportException} that names the bound, the place (line and column, or byte offset) and the option of the
 * {@code ctem} command that raises it. Scanner reports and feeds (EPSS, KEV) are read with the same bounds.
 *
 * @param maxBytes        the largest report, after decompression
 * @param maxObservations the most observations one report may yield
 * @param maxFieldLength  the longest text value kept, in characters: a JSON string, an XML text, attribute value or
 *                        name, a CSV field (longer ones are rejected, not truncated silently)
 * @param maxDepth        the deepest JSON or XML nesting accepted
 * @param maxRecordValues the most values one record (a SARIF result, a ReportItem, a CSV row, a JSON line) may hold:
 *                        JSON values, XML elements and attributes, CSV fields. A record's text is bounded too, at
 *                        {@link #maxRecordText()}
 */
public record ImportLimits(long maxBytes, int maxObservations, int maxFieldLength, int maxDepth,
                           int maxRecordValues) {

    /** The command-line options that set each bound, named in the messages of a breach. */
    public static final String BYTES_OPTION = "--max-bytes";
    public static final String OBSERVATIONS_OPTION = "--max-observations";
    public static final String FIELD_LENGTH_OPTION = "--max-field-length";
    public static final String DEPTH_OPTION = "--max-depth";
    public static final String RECORD_VALUES_OPTION = "--max-record-values";

    /** How many fields' worth of text one record may hold. */
    public static final int RECORD_TEXT_FIELDS = 8;

    public ImportLimits {
        if (maxBytes < 1 || maxObservations < 1 || maxFieldLength < 1 || maxDepth < 1 || maxRecordValues < 1) {
            throw new IllegalArgumentException("every import limit must be positive");
        }
    }

    /** The limits with the default bound on values per record. */
    public ImportLimits(long maxBytes, int maxObservations, int maxFieldLength, int maxDepth) {
        this(maxBytes, maxObservations, maxFieldLength, maxDepth, defaults().maxRecordValues());
    }

    /**
     * Defaults sized for real scanner output: 1 GiB, 2,000,000 observations, 1 MiB per field, depth 256, 200,000
     * values per record.
     */
    public static ImportLimits defaults() {
        return new ImportLimits(1L << 30, 2_000_000, 1 << 20, 256, 200_000);
    }

    /** The most characters of text (strings, names, attribute values) one record may hold: 8 fields' worth. */
    public long maxRecordText() {
        return (long) RECORD_TEXT_FIELDS * maxFieldLength;
    }

    /** " (OPTION raises it)": how a message of a breach names the option that raises the bound. */
    public static String raisedBy(String option) {
        return " (" + option + " raises it)";
    }

    /** The message of a report that yields more observations than allowed, at {@code where}. */
    public String tooManyObservations(String where) {
        return where + ": the report holds more than the limit of " + maxObservations + " observations"
                + raisedBy(OBSERVATIONS_OPTION);
    }

    /** The message of a text value over the field length, at {@code where}; {@code what} says which value. */
    public String tooLong(String where, String what) {
        return where + ": " + what + " is longer than the limit of " + maxFieldLength + " characters"
                + raisedBy(FIELD_LENGTH_OPTION);
    }

    /** The message of nesting deeper than allowed, at {@code where}; {@code what} says what is nested. */
    public String tooDeep(String where, String what) {
        return where + ": " + what + " nested deeper than the limit of " + maxDepth + " levels"
                + raisedBy(DEPTH_OPTION);
    }

    /** The message of a record with more values than allowed; {@code values} says what is counted. */
    public String tooManyValues(String where, String record, String values) {
        return where + ": " + record + " holds more than the limit of " + maxRecordValues + " " + values
                + raisedBy(RECORD_VALUES_OPTION);
    }

    /** The message of a record with more text than allowed. */
    public String tooMuchText(String where, String record) {
        return where + ": " + record + " holds more than the limit of " + maxRecordText() + " characters of text ("
                + RECORD_TEXT_FIELDS + " fields' worth; " + FIELD_LENGTH_OPTION + " raises it)";
    }

    /** The message of a report larger than allowed, found at byte {@code offset} of the decompressed content. */
    public String tooLarge(long offset) {
        return tooLarge(offset, "the report");
    }

    /** The message of a file larger than allowed; {@code what} names it ("the EPSS feed"). */
    public String tooLarge(long offset, String what) {
        return "offset " + offset + ": " + what + " is larger than the limit of " + maxBytes + " bytes, counted after"
                + " decompression" + raisedBy(BYTES_OPTION);
    }
}
