package org.ctemcycles.core.audit;

import java.util.Optional;

/**
 * The port to where an installation keeps the key of the activity log's keyed anchor ({@link LogAnchor}): outside
 * the database, so that someone who can write to the database, but not read that place, cannot write anchors for a
 * re-hashed log. The command line keeps it in a file beside its database ({@code cli/AnchorKeyFile}); inside Jira
 * the key belongs in Jira's (shared) home directory, which a Jira adapter will supply through this same port.
 */
public interface AnchorKeySource {

    /**
     * The key, made on first use where the source can make one; empty when the installation keeps none (the log is
     * then anchored by its hash chain, its head and the heads recorded at checkpoints and closure only).
     */
    Optional<AnchorKey> key();

    /** A source for an installation that keeps no key. */
    static AnchorKeySource none() {
        return Optional::empty;
    }

    /**
     * An anchor key.
     *
     * @param bytes   the secret, at least {@link LogAnchor#MIN_KEY_BYTES} bytes
     * @param madeNow whether this call made it: the chains written before it then get their anchors
     *                ({@code AoActivityLog#anchorChainsWrittenWithoutKey}), once
     */
    record AnchorKey(byte[] bytes, boolean madeNow) {

        public AnchorKey {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }
}
