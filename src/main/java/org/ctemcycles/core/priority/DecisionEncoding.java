package org.ctemcycles.core.priority;

/**
 * The one text form of a {@link Decision}: what the API and the command line show and what the store keeps
 * (ADR 021). Lossless: {@code decode(encode(d))} equals {@code d}. Core has no JSON library, so the encoding lives
 * with the report's JSON ({@code report.json.DecisionJson}) and reaches the store through this port, wired by the app.
 */
public interface DecisionEncoding {

    String encode(Decision decision);

    /** @throws IllegalArgumentException naming the field, when the text is not an encoded decision */
    Decision decode(String text);
}
