package org.ctemcycles.core.evidence;

/**
 * Where a cycle's record ended when its evidence pack was assembled: the highest finding, register entry and
 * validation ids and the last log sequence number. Every rendering reads the record again, page by page, up to these
 * bounds only, so all renderings of one pack show the same rows even while the cycle goes on changing.
 */
public record Snapshot(long findingId, long registerId, long validationId, long logSequence) {
}
