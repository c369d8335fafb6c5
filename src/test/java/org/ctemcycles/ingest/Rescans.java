package org.ctemcycles.ingest;

import org.ctemcycles.core.finding.FindingIdentity;
import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.core.scope.Asset;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertTrue;

/**
 * Test helper for identities across two scans: the finding identity of each observation (as discovery forms it),
 * and a second scan made from a sample by changing what changes between scans of an unchanged target.
 */
public final class Rescans {

    private Rescans() {
    }

    public static FindingIdentity identity(Observation observation) {
        return FindingIdentity.of(observation, Asset.of(observation.asset()));
    }

    /** The identity hashes of a read, in observation order (repeats kept: two observations may be one finding). */
    public static List<String> identities(Reports.Read read) {
        List<String> hashes = new ArrayList<>();
        for (Observation observation : read.observations()) {
            hashes.add(identity(observation).hash());
        }
        return hashes;
    }

    /** The identity hashes of a report read by the importer (with the default limits). */
    public static List<String> identities(Importer importer, byte[] content) throws ImportException {
        return identities(Reports.read(importer, content, ImportLimits.defaults()));
    }

    /**
     * The sample with each {@code from} replaced by the {@code to} after it (pairs); every {@code from} must occur,
     * so that a test cannot pass because its edit silently did nothing.
     */
    public static byte[] edited(byte[] sample, String... fromTo) {
        String text = new String(sample, StandardCharsets.UTF_8);
        for (int i = 0; i + 1 < fromTo.length; i += 2) {
            assertTrue("the sample holds '" + fromTo[i] + "'", text.contains(fromTo[i]));
            text = text.replace(fromTo[i], fromTo[i + 1]);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
