package org.ctemcycles.ingest.kev;

import org.ctemcycles.core.scoring.CveId;
import org.ctemcycles.core.scoring.kev.KevEntry;
import org.ctemcycles.core.scoring.kev.RansomwareUse;
import org.ctemcycles.ingest.ImportException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules of the KEV schema that both the JSON and the CSV form obey, so that both readers accept and reject
 * exactly the same entries. {@code where} names the entry in messages (e.g. "vulnerabilities[12] (CVE-2021-44228)"
 * or "line 14").
 */
final class KevFields {

    static final List<String> COLUMNS = List.of("cveID", "vendorProject", "product", "vulnerabilityName", "dateAdded",
            "shortDescription", "requiredAction", "dueDate", "knownRansomwareCampaignUse", "notes", "cwes");
    static final List<String> REQUIRED = COLUMNS.subList(0, 8);
    static final int MAX_FIELD = 65_536;
    static final int MAX_ENTRIES = 100_000;

    private static final Pattern CVE = Pattern.compile("CVE-[0-9]{4}-[0-9]{4,19}");
    private static final Pattern CWE = Pattern.compile("CWE-[0-9]+");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private KevFields() {
    }

    /** Builds an entry from field texts (absent optional fields missing from the map or null). */
    static KevEntry entry(Map<String, String> fields, List<String> cwes, String where) throws ImportException {
        for (String name : REQUIRED) {
            if (fields.get(name) == null) {
                throw new ImportException(where + ": " + name + " is required");
            }
        }
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (field.getValue() != null && field.getValue().length() > MAX_FIELD) {
                throw new ImportException(where + ": " + field.getKey() + " is longer than " + MAX_FIELD
                        + " characters");
            }
        }
        String cve = fields.get("cveID");
        if (!CVE.matcher(cve).matches() || !CveId.isValid(cve)) {
            throw new ImportException(where + ": cveID '" + cve + "' is not of the form CVE-YYYY-NNNN");
        }
        RansomwareUse ransomware = RansomwareUse.parse(fields.get("knownRansomwareCampaignUse"));
        if (ransomware == null) {
            throw new ImportException(where + " (" + cve + "): knownRansomwareCampaignUse '"
                    + fields.get("knownRansomwareCampaignUse") + "' is neither Known nor Unknown");
        }
        for (String cwe : cwes) {
            if (!CWE.matcher(cwe).matches()) {
                throw new ImportException(where + " (" + cve + "): cwes: '" + cwe + "' is not of the form CWE-NNN");
            }
        }
        return new KevEntry(cve, fields.get("vendorProject"), fields.get("product"), fields.get("vulnerabilityName"),
                date(fields, "dateAdded", where, cve), fields.get("shortDescription"), fields.get("requiredAction"),
                date(fields, "dueDate", where, cve), ransomware, fields.get("notes"), cwes);
    }

    private static LocalDate date(Map<String, String> fields, String name, String where, String cve)
            throws ImportException {
        String text = fields.get(name);
        try {
            if (DATE.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // falls through to the message below
        }
        throw new ImportException(where + " (" + cve + "): " + name + " '" + text + "' is not a date YYYY-MM-DD");
    }
}
