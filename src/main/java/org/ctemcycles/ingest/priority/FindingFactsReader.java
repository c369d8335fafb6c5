package org.ctemcycles.ingest.priority;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import org.ctemcycles.core.priority.CompensatingControl;
import org.ctemcycles.core.priority.PriorityInput;
import org.ctemcycles.core.scope.Criticality;
import org.ctemcycles.core.scope.Exposure;
import org.ctemcycles.core.scoring.CveId;
import org.ctemcycles.core.scoring.cvss.CvssVector;
import org.ctemcycles.core.scoring.cvss.InvalidVectorException;
import org.ctemcycles.core.scoring.ssvc.Automatable;
import org.ctemcycles.core.scoring.ssvc.Exploitation;
import org.ctemcycles.core.scoring.ssvc.PublicWellBeingImpact;
import org.ctemcycles.core.scoring.ssvc.TechnicalImpact;
import org.ctemcycles.core.validation.ValidationOutcome;
import org.ctemcycles.ingest.ImportException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads finding facts, one JSON object a line (JSON Lines), into {@link PriorityInput}s: the input of
 * {@code ctem prioritise --findings}. Fields (only {@code key} is required; README, "Finding facts", documents them):
 * <pre>
 * {"key":"log4shell@app-1","cves":["CVE-2021-44228"],"cvss":["CVSS:3.1/AV:N/..."],"criticality":"critical",
 *  "exposure":"internet-facing","controls":[{"name":"WAF virtual patch","points":-15,"evidence":"CHG-1234"}],
 *  "validation":"not_exploitable","exploitation":"active","automatable":"yes","technicalImpact":"total",
 *  "publicWellBeing":"material","firstSeen":"2025-08-01"}
 * </pre>
 * The whole file is rejected, listing every fault with its line and field (up to 50), if any line is wrong; blank
 * lines are skipped. Unknown fields are faults, so a misspelt field is never silently ignored.
 */
public final class FindingFactsReader {

    private static final Set<String> FIELDS = Set.of("key", "cves", "cvss", "criticality", "exposure", "controls",
            "validation", "exploitation", "automatable", "technicalImpact", "publicWellBeing", "firstSeen");
    private static final Set<String> CONTROL_FIELDS = Set.of("name", "points", "evidence");
    private static final int MAX_PROBLEMS = 50;
    private static final int MAX_LINE = 1 << 20;

    private final int maxFindings;

    public FindingFactsReader(int maxFindings) {
        this.maxFindings = maxFindings;
    }

    public FindingFactsReader() {
        this(2_000_000);
    }

    public List<PriorityInput> read(BufferedReader in) throws ImportException {
        List<PriorityInput> inputs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> keys = new HashMap<>();
        int lineNumber = 0;
        try {
            String line;
            while ((line = in.readLine()) != null && problems.size() < MAX_PROBLEMS) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                if (inputs.size() == maxFindings) {
                    throw new ImportException("line " + lineNumber + ": more than " + maxFindings + " findings");
                }
                String where = "line " + lineNumber + ": ";
                if (line.length() > MAX_LINE) {
                    problems.add(where + "longer than " + MAX_LINE + " characters");
                    continue;
                }
                JsonObject json;
                try {
                    JsonReader reader = new JsonReader(new StringReader(line));
                    reader.setStrictness(Strictness.STRICT);
                    reader.setNestingLimit(8);
                    JsonElement element = JsonParser.parseReader(reader);
                    if (!element.isJsonObject()) {
                        problems.add(where + "expected a JSON object");
                        continue;
                    }
                    json = element.getAsJsonObject();
                } catch (JsonParseException | IllegalStateException e) {
                    problems.add(where + "not valid JSON: " + rootMessage(e));
                    continue;
                }
                PriorityInput input = input(json, new JsonFields(where, problems), problems.size());
                if (input != null) {
                    Integer first = keys.putIfAbsent(input.key(), lineNumber);
                    if (first != null) {
                        problems.add(where + "key: '" + input.key() + "' is also the key on line " + first);
                    } else {
                        inputs.add(input);
                    }
                }
            }
        } catch (IOException e) {
            throw new ImportException("cannot read the findings: " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new ImportException(String.join("\n", problems));
        }
        return inputs;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    private static PriorityInput input(JsonObject json, JsonFields f, int problemsBefore) {
        f.onlyKnown(json, "", FIELDS);
        String key = f.string(json, "", "key");
        if (key == null || key.isBlank()) {
            f.problem("key", "is required");
        } else if (key.length() > 255) {
            f.problem("key", "is " + key.length() + " characters long; at most 255 are allowed");
        }
        List<String> cves = f.strings(json, "", "cves");
        for (int i = 0; i < cves.size(); i++) {
            if (!CveId.isValid(cves.get(i))) {
                f.problem("cves[" + i + "]", "'" + cves.get(i) + "' is not a CVE identifier such as CVE-2021-44228");
            }
        }
        List<CvssVector> vectors = new ArrayList<>();
        List<String> texts = f.strings(json, "", "cvss");
        for (int i = 0; i < texts.size(); i++) {
            try {
                vectors.add(CvssVector.parse(texts.get(i)));
            } catch (InvalidVectorException e) {
                f.problem("cvss[" + i + "]", e.getMessage());
            }
        }
        List<CompensatingControl> controls = new ArrayList<>();
        JsonElement controlArray = json.get("controls");
        if (controlArray != null && !controlArray.isJsonNull()) {
            if (!controlArray.isJsonArray()) {
                f.problem("controls", "must be an array of {name, points, evidence}");
            } else {
                for (int i = 0; i < controlArray.getAsJsonArray().size(); i++) {
                    String path = "controls[" + i + "].";
                    JsonElement c = controlArray.getAsJsonArray().get(i);
                    if (!c.isJsonObject()) {
                        f.problem("controls[" + i + "]", "must be an object {name, points, evidence}");
                        continue;
                    }
                    JsonObject control = c.getAsJsonObject();
                    f.onlyKnown(control, path, CONTROL_FIELDS);
                    String name = f.string(control, path, "name");
                    BigDecimal points = f.number(control, path, "points");
                    String evidence = f.string(control, path, "evidence");
                    if (name == null || name.isBlank()) {
                        f.problem(path + "name", "is required");
                    }
                    if (points == null) {
                        f.problem(path + "points", "is required (negative lowers the score)");
                    } else if (points.stripTrailingZeros().scale() > 1) {
                        f.problem(path + "points", points.toPlainString() + " has more than one decimal");
                    }
                    if (evidence == null || evidence.isBlank()) {
                        f.problem(path + "evidence", "is required: a control nobody can show does not count");
                    }
                    if (name != null && !name.isBlank() && points != null && points.stripTrailingZeros().scale() <= 1
                            && evidence != null && !evidence.isBlank()) {
                        controls.add(new CompensatingControl(name.strip(), points, evidence.strip()));
                    }
                }
            }
        }
        Criticality criticality = f.enumValue(json, "", "criticality", Criticality.class);
        Exposure exposure = f.enumValue(json, "", "exposure", Exposure.class);
        ValidationOutcome validation = f.enumValue(json, "", "validation", ValidationOutcome.class);
        Exploitation exploitation = f.enumValue(json, "", "exploitation", Exploitation.class);
        Automatable automatable = f.enumValue(json, "", "automatable", Automatable.class);
        TechnicalImpact impact = f.enumValue(json, "", "technicalImpact", TechnicalImpact.class);
        PublicWellBeingImpact wellBeing = f.enumValue(json, "", "publicWellBeing", PublicWellBeingImpact.class);
        var firstSeen = f.date(json, "", "firstSeen");
        if (f.problemCount() > problemsBefore) {
            return null;
        }
        return new PriorityInput(key, cves, vectors, criticality, exposure, controls, validation, exploitation,
                automatable, impact, wellBeing, firstSeen);
    }
}
