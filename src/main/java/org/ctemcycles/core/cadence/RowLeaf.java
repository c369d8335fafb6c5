package org.ctemcycles.core.cadence;

/**
 * One row of the record as a record digest sees it: its place ({@code id}: the row id, or a decision's rank), the
 * finding it is about, the hash of its stored fields ({@code leaf}, hex) and, for a finding, the latest discovery run
 * that changed it ({@code touchedBy}; 0 otherwise).
 */
public record RowLeaf(long id, String key, String leaf, long touchedBy) {
}
