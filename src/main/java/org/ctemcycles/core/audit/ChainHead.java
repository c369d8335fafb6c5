package org.ctemcycles.core.audit;

/**
 * The last link of a cycle's activity log as recorded beside the chain: how many entries it has, the hash of the
 * last one, and the head's keyed anchor ({@link LogAnchor}; "" where none was written). It lets {@link ChainVerifier}
 * notice entries removed from, or added to, the end of the chain; the anchor, a head moved back over them.
 */
public record ChainHead(String cycleKey, long length, String hash, String anchor) {

    public ChainHead {
        anchor = anchor == null ? "" : anchor;
    }

    /** A head without a keyed anchor. */
    public ChainHead(String cycleKey, long length, String hash) {
        this(cycleKey, length, hash, "");
    }
}
