package org.ctemcycles.testing.crash;

import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A disk that fills up: H2's files under {@code jdbc:h2:fulldisk:PATH} are the real files at PATH, but once a budget
 * of bytes has been written, every further write fails the way a full disk does on Linux ("No space left on
 * device"). The crash-safety test gives an import a random budget.
 */
public final class FullDiskFilePath extends FilePathWrapper {

    static final String SCHEME = "fulldisk";
    private static final AtomicLong LEFT = new AtomicLong(Long.MAX_VALUE);

    /** Registers the scheme with H2, with {@code bytes} left on the disk. */
    public static void install(long bytes) {
        LEFT.set(bytes);
        FilePath.register(new FullDiskFilePath());
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(getBase().open(mode));
    }

    private static final class Channel extends FileBase {

        private final FileChannel base;

        Channel(FileChannel base) {
            this.base = base;
        }

        private static void spend(int bytes) throws IOException {
            if (LEFT.addAndGet(-bytes) < 0) {
                throw new IOException("No space left on device");
            }
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            spend(src.remaining());
            return base.write(src);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            spend(src.remaining());
            return base.write(src, position);
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            base.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            base.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            base.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}
