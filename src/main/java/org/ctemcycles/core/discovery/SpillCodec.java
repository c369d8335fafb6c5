package org.ctemcycles.core.discovery;

import org.ctemcycles.core.finding.FindingIdentity;
import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.finding.VexAnalysis;
import org.ctemcycles.core.scope.Asset;
import org.ctemcycles.core.scope.AssetKind;
import org.ctemcycles.core.scope.Placement;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A partly merged finding as the deduplicator writes it to a spill file and reads it back: every field of the
 * {@link ObservedFinding} and the position of its first observation in the report. Text is length-prefixed UTF-8, so
 * evidence of any accepted length round-trips (DataOutput's own writeUTF stops at 64 KiB).
 */
final class SpillCodec {

    private static final ObservedSeverity[] SEVERITIES = ObservedSeverity.values();
    private static final SourceKind[] SOURCE_KINDS = SourceKind.values();
    private static final AssetKind[] ASSET_KINDS = AssetKind.values();
    private static final FindingIdentity.Kind[] IDENTITY_KINDS = FindingIdentity.Kind.values();

    private SpillCodec() {
    }

    /** One finding with the report position of its first observation. */
    record Entry(long firstSeen, ObservedFinding finding) {
    }

    static void write(Out out, Entry entry) throws IOException {
        ObservedFinding f = entry.finding();
        out.writeLong(entry.firstSeen());
        out.writeByte(f.identity().kind().ordinal());
        text(out, f.identity().hash());
        Asset asset = f.placement().asset();
        out.writeByte(asset.kind().ordinal());
        text(out, asset.key());
        text(out, asset.value());
        text(out, f.placement().surfaceKey());
        text(out, f.title());
        text(out, f.tool());
        text(out, f.ruleId());
        text(out, f.location());
        text(out, f.deployment());
        out.writeByte(f.severity().ordinal());
        out.writeInt(f.observations());
        texts(out, f.cves());
        texts(out, f.cwes());
        texts(out, f.cvssVectors());
        out.writeInt(f.sightings().size());
        for (Sighting s : f.sightings()) {
            out.writeByte(s.source().kind().ordinal());
            text(out, s.source().toolKey());
            text(out, s.tool());
            text(out, s.toolVersion());
            out.writeByte(s.severity().ordinal());
            text(out, s.rawSeverity());
            out.writeInt(s.observations());
            text(out, s.location());
            text(out, s.evidence());
            out.writeInt(s.attributes().size());
            for (Map.Entry<String, String> attribute : s.attributes().entrySet()) {
                text(out, attribute.getKey());
                text(out, attribute.getValue());
            }
            VexAnalysis vex = s.vex();
            out.writeBoolean(vex != null);
            if (vex != null) {
                text(out, vex.state());
                text(out, vex.justification());
                text(out, vex.response());
                text(out, vex.detail());
            }
        }
    }

    /** The next entry, or null at the end of the file. */
    static Entry read(In in) throws IOException {
        if (in.atEnd()) {
            return null;
        }
        long firstSeen = in.readLong();
        FindingIdentity identity = new FindingIdentity(IDENTITY_KINDS[in.readByte()], text(in));
        Asset asset = new Asset(ASSET_KINDS[in.readByte()], text(in), text(in));
        Placement placement = new Placement(asset, text(in));
        String title = text(in);
        String tool = text(in);
        String ruleId = text(in);
        String location = text(in);
        String deployment = text(in);
        ObservedSeverity severity = SEVERITIES[in.readByte()];
        int observations = in.readInt();
        List<String> cves = texts(in);
        List<String> cwes = texts(in);
        List<String> vectors = texts(in);
        int count = in.readInt();
        List<Sighting> sightings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SourceKey source = new SourceKey(SOURCE_KINDS[in.readByte()], text(in));
            String sightingTool = text(in);
            String toolVersion = text(in);
            ObservedSeverity sightingSeverity = SEVERITIES[in.readByte()];
            String rawSeverity = text(in);
            int sightingObservations = in.readInt();
            String sightingLocation = text(in);
            String evidence = text(in);
            int attributeCount = in.readInt();
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int a = 0; a < attributeCount; a++) {
                attributes.put(text(in), text(in));
            }
            VexAnalysis vex = in.readBoolean() ? new VexAnalysis(text(in), text(in), text(in), text(in)) : null;
            sightings.add(new Sighting(source, sightingTool, toolVersion, sightingSeverity, rawSeverity,
                    sightingObservations, sightingLocation, evidence, attributes, vex));
        }
        return new Entry(firstSeen, new ObservedFinding(identity, placement, title, tool, ruleId, location, severity,
                cves, cwes, vectors, observations, sightings, deployment));
    }

    private static void text(Out out, String value) throws IOException {
        out.text(value);
    }

    private static String text(In in) throws IOException {
        return in.text();
    }

    private static void texts(Out out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            out.text(value);
        }
    }

    private static List<String> texts(In in) throws IOException {
        int count = in.readInt();
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(in.text());
        }
        return values;
    }

    /**
     * Writes a spill file through a buffer of its own: DataOutputStream over BufferedOutputStream takes two locks per
     * value and a new byte array per text, and a spill writes millions of values (a fifth of a 1,000,000-result
     * import's CPU went there). Numbers are big-endian as DataOutput writes them; a text is its UTF-8 length (-1 for
     * null) and bytes, encoded in place when it is ASCII.
     */
    static final class Out implements AutoCloseable {
        private final OutputStream out;
        private final byte[] buffer;
        private int at;

        Out(OutputStream out, int bufferSize) {
            this.out = out;
            this.buffer = new byte[Math.max(bufferSize, 64)];
        }

        void writeByte(int value) throws IOException {
            room(1);
            buffer[at++] = (byte) value;
        }

        void writeBoolean(boolean value) throws IOException {
            writeByte(value ? 1 : 0);
        }

        void writeInt(int value) throws IOException {
            room(4);
            put(at, value);
            at += 4;
        }

        void writeLong(long value) throws IOException {
            writeInt((int) (value >>> 32));
            writeInt((int) value);
        }

        void text(String value) throws IOException {
            if (value == null) {
                writeInt(-1);
                return;
            }
            int length = value.length();
            if (length <= buffer.length - 4) {
                room(4 + length);
                int start = at;
                int i = 0;
                for (; i < length; i++) {
                    char c = value.charAt(i);
                    if (c >= 0x80) {
                        break;
                    }
                    buffer[start + 4 + i] = (byte) c;
                }
                if (i == length) {
                    put(start, length);
                    at = start + 4 + length;
                    return;
                }
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            writeInt(bytes.length);
            if (bytes.length <= buffer.length - at) {
                System.arraycopy(bytes, 0, buffer, at, bytes.length);
                at += bytes.length;
            } else {
                flush();
                out.write(bytes);
            }
        }

        private void put(int index, int value) {
            buffer[index] = (byte) (value >>> 24);
            buffer[index + 1] = (byte) (value >>> 16);
            buffer[index + 2] = (byte) (value >>> 8);
            buffer[index + 3] = (byte) value;
        }

        private void room(int bytes) throws IOException {
            if (buffer.length - at < bytes) {
                flush();
            }
        }

        private void flush() throws IOException {
            out.write(buffer, 0, at);
            at = 0;
        }

        @Override
        public void close() throws IOException {
            try {
                flush();
            } finally {
                out.close();
            }
        }
    }

    /** Reads what {@link Out} wrote, through a buffer of its own (see there why). */
    static final class In implements AutoCloseable {
        private final InputStream in;
        private final byte[] buffer;
        private int at;
        private int end;

        In(InputStream in, int bufferSize) {
            this.in = in;
            this.buffer = new byte[Math.max(bufferSize, 64)];
        }

        /** Whether the file has no more bytes. */
        boolean atEnd() throws IOException {
            return at == end && !fill(1);
        }

        int readByte() throws IOException {
            need(1);
            return buffer[at++];
        }

        boolean readBoolean() throws IOException {
            return readByte() != 0;
        }

        int readInt() throws IOException {
            need(4);
            int value = (buffer[at] & 0xFF) << 24 | (buffer[at + 1] & 0xFF) << 16 | (buffer[at + 2] & 0xFF) << 8
                    | buffer[at + 3] & 0xFF;
            at += 4;
            return value;
        }

        long readLong() throws IOException {
            return (long) readInt() << 32 | readInt() & 0xFFFFFFFFL;
        }

        String text() throws IOException {
            int length = readInt();
            if (length < 0) {
                return null;
            }
            if (length <= buffer.length) {
                need(length);
                String value = new String(buffer, at, length, StandardCharsets.UTF_8);
                at += length;
                return value;
            }
            byte[] bytes = new byte[length];
            int copied = end - at;
            System.arraycopy(buffer, at, bytes, 0, copied);
            at = end;
            if (in.readNBytes(bytes, copied, length - copied) != length - copied) {
                throw new EOFException("the deduplication spill file ends inside a text");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }

        private void need(int bytes) throws IOException {
            if (end - at < bytes && !fill(bytes)) {
                throw new EOFException("the deduplication spill file ends inside an entry");
            }
        }

        /** Moves what is left to the front and reads until at least {@code bytes} are buffered; false at the end. */
        private boolean fill(int bytes) throws IOException {
            System.arraycopy(buffer, at, buffer, 0, end - at);
            end -= at;
            at = 0;
            while (end < bytes) {
                int n = in.read(buffer, end, buffer.length - end);
                if (n < 0) {
                    return false;
                }
                end += n;
            }
            return true;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
