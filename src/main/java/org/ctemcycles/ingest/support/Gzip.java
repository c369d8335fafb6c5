package org.ctemcycles.ingest.support;

import org.ctemcycles.ingest.ImportLimits;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Feed files may arrive gzip-compressed; recognised by the gzip magic bytes, not the file name. */
public final class Gzip {

    private Gzip() {
    }

    /** The content of {@code in}, decompressed when it starts with the gzip magic bytes. */
    public static InputStream decompress(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
    }

    /**
     * The content of {@code in}, decompressed when it starts with the gzip magic bytes, and bounded after
     * decompression by {@link ImportLimits#maxBytes()}: a feed of a few megabytes that expands to gigabytes is refused
     * at the limit. The stream supports mark and reset.
     *
     * @param what the file, as messages name it ("the EPSS feed")
     */
    public static InputStream decompress(InputStream in, ImportLimits limits, String what) throws IOException {
        return new BufferedInputStream(new BoundedInputStream(decompress(in), limits, what), 1 << 16);
    }
}
