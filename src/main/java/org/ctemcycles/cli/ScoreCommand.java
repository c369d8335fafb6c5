package org.ctemcycles.cli;

import org.ctemcycles.core.scoring.cvss.CvssCalculator;
import org.ctemcycles.core.scoring.cvss.InvalidVectorException;
import org.ctemcycles.report.json.CvssScoreJson;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * {@code ctem score}: scores CVSS vectors given as arguments, or one a line on standard input, and prints one JSON
 * object a line; exits with 2 when any vector was invalid (after printing every line).
 */
final class ScoreCommand {

    static final String USAGE = """
            ctem score [VECTOR ...]
                Scores CVSS v2.0, v3.0, v3.1 and v4.0 vectors (arguments, or one a line on standard input) and
                prints one JSON object a line: {"vector","version","base","temporal","environmental","severity"}
                for v2/v3.x, {"vector","version","score","nomenclature","severity"} for v4.0, {"vector","error"}
                for an invalid vector (exit code 2 if any was invalid).""";

    private final CommandContext context;
    private final CvssCalculator calculator = new CvssCalculator();

    ScoreCommand(CommandContext context) {
        this.context = context;
    }

    int run(List<String> words) {
        Arguments args = Arguments.parse(words, Set.of(), Set.of());
        boolean invalid = false;
        if (!args.positional().isEmpty()) {
            for (String vector : args.positional()) {
                invalid |= !score(vector);
            }
        } else {
            try {
                BufferedReader in = new BufferedReader(new InputStreamReader(context.in, StandardCharsets.UTF_8));
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isBlank()) {
                        invalid |= !score(line.strip());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read standard input", e);
            }
        }
        return invalid ? Ctem.BAD_INPUT : Ctem.OK;
    }

    private boolean score(String vector) {
        try {
            context.out.println(CvssScoreJson.scored(vector, calculator.score(vector)));
            return true;
        } catch (InvalidVectorException e) {
            context.out.println(CvssScoreJson.invalid(vector, e.getMessage()));
            return false;
        }
    }
}
