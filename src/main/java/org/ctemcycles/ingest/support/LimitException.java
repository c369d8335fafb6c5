package org.ctemcycles.ingest.support;

import java.io.IOException;

/**
 * A report went over one of the {@link org.ctemcycles.ingest.ImportLimits} while it was being read. It is an
 * {@link IOException} so that it passes through the parsers' own reading code unchanged; its message is complete
 * (it names the limit and the line or offset) and importers pass it on as it is.
 */
public class LimitException extends IOException {

    public LimitException(String message) {
        super(message);
    }
}
