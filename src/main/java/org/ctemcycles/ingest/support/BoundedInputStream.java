package org.ctemcycles.ingest.support;

import org.ctemcycles.ingest.ImportLimits;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it (after decompression) and stops the read with a {@link LimitException} once
 * more than the allowed number has come through, so that a gzip bomb or an endless stream cannot run on.
 */
public final class BoundedInputStream extends FilterInputStream {

    private final ImportLimits limits;
    private final String what;
    private long count;
    private long mark = -1;

    /** @param what the file, as messages name it ("the EPSS feed") */
    public BoundedInputStream(InputStream in, ImportLimits limits, String what) {
        super(in);
        this.limits = limits;
        this.what = what;
    }

    /** How many bytes have been read so far: the offset of the next byte. */
    public long offset() {
        return count;
    }

    private void add(long n) throws LimitException {
        count += n;
        if (count > limits.maxBytes()) {
            throw new LimitException(limits.tooLarge(limits.maxBytes(), what));
        }
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        if (skipped > 0) {
            add(skipped);
        }
        return skipped;
    }

    @Override
    public synchronized void mark(int readLimit) {
        in.mark(readLimit);
        mark = count;
    }

    @Override
    public synchronized void reset() throws IOException {
        in.reset();
        count = mark;
    }
}
