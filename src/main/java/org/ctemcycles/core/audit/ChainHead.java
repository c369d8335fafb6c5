package org.ctemcycles.core.audit;

/**
 * The last link of a cycle's activity log as recorded beside the chain: how many entries it has and the hash of the
 * last one. It lets {@link ChainVerifier} notice entries removed from, or added to, the end of the chain.
 */
public record ChainHead(String cycleKey, long length, String hash) {
}
