package org.ctemcycles.core.mobilisation;

/**
 * The port through which mobilisation reads what an issue should say about a finding ({@link ExposureBrief}):
 * discovery's facts and prioritisation's newest decision, which the mobilisation package may not read itself (it
 * sits below prioritisation). The composition root implements it over the record.
 */
public interface ExposureBriefs {

    /** Only the finding's key: for records without discovery facts (the command line's tests, inherited entries). */
    ExposureBriefs BARE = (cycleKey, findingKey) -> ExposureBrief.bare(findingKey);

    /** The brief of a finding in the cycle's register; a bare one when the record holds no facts about it. */
    ExposureBrief brief(String cycleKey, String findingKey);
}
