package org.ctemcycles.core.scoring.cvss;

import java.util.Objects;

/**
 * Scores CVSS vectors of every supported version; stateless and thread-safe, so one instance
 * can be shared (or injected) freely.
 */
public final class CvssCalculator {

    public CvssCalculator() {
    }

    /** Scores a parsed vector. */
    public CvssScores score(CvssVector vector) {
        Objects.requireNonNull(vector, "vector");
        return switch (vector.version()) {
            case V2 -> Cvss2Scorer.score(vector);
            case V3_0, V3_1 -> Cvss3Scorer.score(vector);
            case V4_0 -> Cvss4Scorer.score(vector);
        };
    }

    /**
     * Parses and scores a vector text.
     *
     * @throws InvalidVectorException if the text is not a valid vector
     */
    public CvssScores score(String vector) {
        return score(CvssVector.parse(vector));
    }
}
