package org.ctemcycles.ingest.epss;

import org.ctemcycles.core.scoring.CveId;
import org.ctemcycles.core.scoring.epss.EpssFeed;
import org.ctemcycles.core.scoring.epss.EpssFeedInfo;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.support.Gzip;
import org.ctemcycles.ingest.support.LimitException;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Streams FIRST's bulk EPSS feed ({@code epss_scores-YYYY-MM-DD.csv} or {@code .csv.gz}; gzip is recognised by its
 * magic bytes, not by the file name) into an {@link EpssFeed}, validating every line:
 * <pre>
 * #model_version:v2026.06.15,score_date:2026-09-26T12:00:22Z
 * cve,epss,percentile
 * CVE-2021-44228,0.94358,0.99957
 * </pre>
 * The first line carries the model version and the score date, in either form seen in the wild
 * ({@code 2023-06-01T00:00:00+0000} in older files, {@code 2026-09-26T12:00:22Z} in recent ones). Any fault (a
 * missing first line or header, a row without three columns, a malformed CVE, a value outside 0-1, a CVE scored twice,
 * an empty feed, a truncated gzip) rejects the whole feed with a message that names the line and column, so a broken
 * download can never replace a good feed. The feed is read within the import limits: its size after decompression,
 * and no line longer than a row can be.
 */
public final class EpssCsvReader {

    /** Both score_date forms: offset as {@code Z}, {@code +0000} or {@code +00:00}; fractional seconds optional. */
    static final DateTimeFormatter SCORE_DATE = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private static final int MAX_LINE = 512;

    private final int maxRows;
    private final ImportLimits limits;

    /**
     * @param maxRows the most CVEs a feed may score (the real feed has about 330,000)
     * @param limits  the bounds of every import; the feed's size after decompression is bounded by its maxBytes
     */
    public EpssCsvReader(int maxRows, ImportLimits limits) {
        this.maxRows = maxRows;
        this.limits = limits;
    }

    /** @param maxRows the most CVEs a feed may score, within the default limits */
    public EpssCsvReader(int maxRows) {
        this(maxRows, ImportLimits.defaults());
    }

    /** A reader for feeds of up to 2,000,000 CVEs within the given limits. */
    public EpssCsvReader(ImportLimits limits) {
        this(2_000_000, limits);
    }

    /** A reader for feeds of up to 2,000,000 CVEs within the default limits. */
    public EpssCsvReader() {
        this(ImportLimits.defaults());
    }

    /**
     * Reads a whole feed.
     *
     * @param in       the feed, plain or gzip-compressed; not closed
     * @param source   where it came from (file name or URL), recorded as provenance
     * @param loadedAt when it is read
     */
    public EpssFeed read(InputStream in, String source, Instant loadedAt) throws ImportException {
        try {
            BufferedReader reader = new BufferedReader(new LineBound(new InputStreamReader(
                    Gzip.decompress(in, limits, "the EPSS feed"), StandardCharsets.UTF_8)), 1 << 16);
            String first = reader.readLine();
            if (first == null) {
                throw new ImportException("line 1: the EPSS feed is empty");
            }
            if (!first.isEmpty() && first.charAt(0) == '\uFEFF') {
                first = first.substring(1);
            }
            String[] model = parseFirstLine(first.strip());
            String header = reader.readLine();
            if (header == null || !header.strip().equalsIgnoreCase("cve,epss,percentile")) {
                throw new ImportException("line 2: expected the header 'cve,epss,percentile' but found "
                        + (header == null ? "the end of the file" : "'" + abbreviate(header) + "'"));
            }
            EpssFeed.Builder builder = new EpssFeed.Builder();
            int lineNumber = 2;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isEmpty() && isEnd(reader)) {
                    break; // a final empty line
                }
                if (builder.size() == maxRows) {
                    throw new ImportException("line " + lineNumber + ": the feed has more than " + maxRows
                            + " rows, the most this reader accepts");
                }
                row(line, lineNumber, builder);
            }
            if (builder.size() == 0) {
                throw new ImportException("line " + (lineNumber + 1) + ": the EPSS feed scores no CVE");
            }
            Instant scoreDate = parseScoreDate(model[1]);
            try {
                return builder.build(new EpssFeedInfo(model[0], scoreDate, source, builder.size(), loadedAt));
            } catch (EpssFeed.DuplicateCveException e) {
                throw new ImportException("line " + (e.second() + 3) + ": " + e.cve() + " is scored twice (also on line "
                        + (e.first() + 3) + ")");
            }
        } catch (LimitException e) {
            throw new ImportException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ImportException("the EPSS feed cannot be read (truncated or corrupt download?): " + e.getMessage(),
                    e);
        }
    }

    /**
     * Refuses a line longer than any row of the feed before a line reader holds it: a feed that decompresses into one
     * endless line must not fill the memory.
     */
    private static final class LineBound extends FilterReader {
        private long line = 1;
        private int length;

        LineBound(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] buffer, int offset, int count) throws IOException {
            int n = super.read(buffer, offset, count);
            for (int i = offset; i < offset + n; i++) {
                if (buffer[i] == '\n') {
                    line++;
                    length = 0;
                } else if (++length > MAX_LINE + 1) { // + 1: a CR before the LF
                    throw new LimitException("line " + line + ": longer than " + MAX_LINE + " characters, which no"
                            + " line of an EPSS feed is");
                }
            }
            return n;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    private static boolean isEnd(BufferedReader reader) throws IOException {
        reader.mark(1);
        int next = reader.read();
        reader.reset();
        return next < 0;
    }

    /** {@code [model_version, score_date text]} from {@code #model_version:...,score_date:...}. */
    static String[] parseFirstLine(String line) throws ImportException {
        String prefix = "#model_version:";
        int comma = line.indexOf(",score_date:");
        if (!line.startsWith(prefix) || comma < 0) {
            throw new ImportException("line 1: expected '#model_version:<version>,score_date:<date>' but found '"
                    + abbreviate(line) + "'");
        }
        String version = line.substring(prefix.length(), comma).strip();
        String date = line.substring(comma + ",score_date:".length()).strip();
        if (version.isEmpty()) {
            throw new ImportException("line 1: model_version is empty");
        }
        return new String[]{version, date};
    }

    static Instant parseScoreDate(String text) throws ImportException {
        try {
            var parsed = SCORE_DATE.parseBest(text, java.time.OffsetDateTime::from,
                    java.time.LocalDateTime::from);
            if (parsed instanceof java.time.OffsetDateTime offset) {
                return offset.toInstant();
            }
            // no offset at all: FIRST publishes in UTC
            return ((java.time.LocalDateTime) parsed).toInstant(java.time.ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new ImportException("line 1: score_date '" + abbreviate(text)
                    + "' is not a date-time such as 2026-09-26T12:00:22Z or 2023-06-01T00:00:00+0000");
        }
    }

    private static void row(String line, int lineNumber, EpssFeed.Builder builder) throws ImportException {
        if (line.length() > MAX_LINE) {
            throw new ImportException("line " + lineNumber + ": longer than " + MAX_LINE + " characters");
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        int c1 = line.indexOf(',');
        int c2 = c1 < 0 ? -1 : line.indexOf(',', c1 + 1);
        if (c2 < 0 || c2 >= end || line.indexOf(',', c2 + 1) >= 0) {
            throw new ImportException("line " + lineNumber + ": expected 3 columns 'cve,epss,percentile' but found '"
                    + abbreviate(line) + "'");
        }
        long key = CveId.key(line, 0, c1);
        if (key < 0) {
            throw new ImportException("line " + lineNumber + ", column cve: '" + abbreviate(line.substring(0, c1))
                    + "' is not a CVE identifier");
        }
        double epss = value(line, c1 + 1, c2, lineNumber, "epss");
        double percentile = value(line, c2 + 1, end, lineNumber, "percentile");
        builder.add(key, epss, percentile);
    }

    private static double value(String line, int from, int to, int lineNumber, String column) throws ImportException {
        double fast = plainDecimal(line, from, to);
        if (fast >= 0 && fast <= 1) {
            return fast;
        }
        String text = line.substring(from, to);
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new ImportException("line " + lineNumber + ", column " + column + ": '" + abbreviate(text)
                    + "' is not a number");
        }
        // NaN fails both tests; "Infinity" and hex floats are caught by the character check
        if (!(value >= 0 && value <= 1) || !plainDecimal(text)) {
            throw new ImportException("line " + lineNumber + ", column " + column + ": " + abbreviate(text)
                    + " is not a decimal between 0 and 1");
        }
        return value;
    }

    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15};

    /**
     * The value of {@code digits[.digits]} with at most 15 digits, without making a String; -1 for anything else (which
     * the exact but slower {@link Double#parseDouble} path then reads or rejects). Both the digits, as a long below
     * 2^53, and the power of ten are exact doubles, so the one division is correctly rounded: the same double as
     * {@code Double.parseDouble} gives.
     */
    static double plainDecimal(String line, int from, int to) {
        long digits = 0;
        int count = 0;
        int scale = -1;
        for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = digits * 10 + (c - '0');
                if (++count > 15) {
                    return -1;
                }
                if (scale >= 0) {
                    scale++;
                }
            } else if (c == '.' && scale < 0) {
                scale = 0;
            } else {
                return -1;
            }
        }
        if (count == 0 || scale == 0) {
            return -1;
        }
        return scale < 0 ? digits : digits / POWERS[scale];
    }

    private static boolean plainDecimal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && c != '.' && c != 'e' && c != 'E' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
