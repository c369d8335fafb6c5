package org.ctemcycles.ingest.kev;

import org.ctemcycles.core.scoring.kev.KevCatalog;
import org.ctemcycles.core.scoring.kev.KevCatalogInfo;
import org.ctemcycles.core.scoring.kev.KevEntry;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.support.CsvTokenizer;
import org.ctemcycles.ingest.support.Gzip;
import org.ctemcycles.ingest.support.LimitException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CISA's KEV catalogue in its CSV form ({@code known_exploited_vulnerabilities.csv}) through the strict dialect
 * of {@link CsvTokenizer}: the header names the columns (the same eleven as the JSON, found by name); text fields are quoted
 * when they hold commas, with {@code ""} for a quote inside; {@code cwes} is one field such as
 * {@code "CWE-59, CWE-436"} and may be empty; CISA pads some values with a trailing space, which is kept as
 * published. Faults are reported with their line number.
 *
 * <p>The CSV carries no catalogue header: its version and release date are taken from the latest {@code dateAdded}
 * (CISA releases the catalogue when it adds entries), and the title says so.
 */
public final class KevCsvReader {

    public static final String TITLE = "CISA Catalog of Known Exploited Vulnerabilities (CSV form: version and release"
            + " date from the latest dateAdded)";
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyy.MM.dd");

    private final ImportLimits limits;

    /** A reader within the import limits: the size after decompression, the length of a field, fields per row. */
    public KevCsvReader(ImportLimits limits) {
        this.limits = limits;
    }

    public KevCsvReader() {
        this(ImportLimits.defaults());
    }

    public KevCatalog read(InputStream in, String source, Instant loadedAt) throws ImportException {
        try (Reader reader = new InputStreamReader(Gzip.decompress(in, limits, "the KEV catalogue"),
                StandardCharsets.UTF_8)) {
            CsvTokenizer csv = new CsvTokenizer(reader, new CsvTokenizer.Dialect(',', true, limits.maxFieldLength(),
                    ImportLimits.FIELD_LENGTH_OPTION, ""), limits.maxRecordValues());
            List<String> header = csv.next();
            if (header == null) {
                throw new ImportException("line 1: the KEV CSV is empty");
            }
            if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                header.set(0, header.get(0).substring(1));
            }
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                columns.putIfAbsent(header.get(i).strip(), i);
            }
            for (String name : KevFields.REQUIRED) {
                if (!columns.containsKey(name)) {
                    throw new ImportException("line 1: the header has no column " + name + " (found " + header + ")");
                }
            }
            List<KevEntry> entries = new ArrayList<>();
            LocalDate latest = null;
            List<String> record;
            while ((record = csv.next()) != null) {
                String where = "line " + csv.recordLine();
                if (record.size() != header.size()) {
                    throw new ImportException(where + ": " + record.size() + " fields where the header has "
                            + header.size());
                }
                if (entries.size() == KevFields.MAX_ENTRIES) {
                    throw new ImportException(where + ": more than " + KevFields.MAX_ENTRIES + " vulnerabilities");
                }
                Map<String, String> fields = new HashMap<>();
                for (String name : KevFields.COLUMNS) {
                    Integer at = columns.get(name);
                    if (at != null && !name.equals("cwes")) {
                        String value = record.get(at);
                        // in the CSV an absent optional value is an empty field
                        fields.put(name, value.isEmpty() && !KevFields.REQUIRED.contains(name) ? null : value);
                    }
                }
                List<String> cwes = new ArrayList<>();
                Integer cweColumn = columns.get("cwes");
                if (cweColumn != null) {
                    for (String cwe : record.get(cweColumn).split(",")) {
                        if (!cwe.isBlank()) {
                            cwes.add(cwe.strip());
                        }
                    }
                }
                KevEntry entry = KevFields.entry(fields, cwes, where);
                entries.add(entry);
                if (latest == null || entry.dateAdded().isAfter(latest)) {
                    latest = entry.dateAdded();
                }
            }
            if (entries.isEmpty()) {
                throw new ImportException("line " + csv.line() + ": the KEV CSV lists no vulnerability");
            }
            KevCatalogInfo info = new KevCatalogInfo(TITLE, latest.format(VERSION),
                    latest.atStartOfDay(ZoneOffset.UTC).toInstant(), entries.size(), source, loadedAt);
            try {
                return new KevCatalog(info, entries);
            } catch (IllegalArgumentException e) {
                throw new ImportException(e.getMessage());
            }
        } catch (LimitException e) {
            throw new ImportException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ImportException("the KEV CSV cannot be read: " + e.getMessage(), e);
        }
    }
}
