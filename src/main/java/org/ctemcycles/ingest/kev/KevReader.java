package org.ctemcycles.ingest.kev;

import org.ctemcycles.core.scoring.kev.KevCatalog;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.support.Gzip;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

/**
 * CISA's KEV catalogue in either of its forms, JSON or CSV, plain or gzip: told apart by the first character of the
 * (decompressed) content, a JSON object's brace, as it streams (the content is never read whole).
 */
public final class KevReader {

    /** How far a byte-order mark and leading white space may push the first character. */
    private static final int LOOK_AHEAD = 4096;

    private final ImportLimits limits;

    /** A reader within the import limits: the size after decompression, the length of a field, fields per row. */
    public KevReader(ImportLimits limits) {
        this.limits = limits;
    }

    public KevReader() {
        this(ImportLimits.defaults());
    }

    /**
     * @param source   where it came from (file name or URL), recorded as provenance
     * @param loadedAt when it is read
     */
    public KevCatalog read(InputStream in, String source, Instant loadedAt) throws ImportException {
        BufferedInputStream plain;
        boolean json;
        try {
            plain = new BufferedInputStream(Gzip.decompress(in, limits, "the KEV catalogue"), 1 << 16);
            plain.mark(LOOK_AHEAD);
            int b;
            int seen = 0;
            do {
                b = plain.read();
            } while (b >= 0 && ++seen < LOOK_AHEAD && (Character.isWhitespace(b) || b > 0x7f));
            plain.reset();
            json = b == '{';
        } catch (IOException e) {
            throw new ImportException("the KEV feed cannot be read (truncated or corrupt download?): " + e.getMessage(),
                    e);
        }
        return json ? new KevJsonReader(limits).read(plain, source, loadedAt)
                : new KevCsvReader(limits).read(plain, source, loadedAt);
    }
}
