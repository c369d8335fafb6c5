package org.ctemcycles.core.discovery;

import org.junit.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The spill file's own buffered writer and reader: values of every kind round-trip across buffer boundaries, texts
 * longer than the buffer, non-ASCII texts and null included, in the byte layout DataOutput would write.
 */
public class SpillCodecTest {

    private static final int SMALL_BUFFER = 64;

    @Test
    public void valuesRoundTripAcrossBufferBoundaries() throws IOException {
        List<String> texts = new ArrayList<>(Arrays.asList("", "a", null, "x".repeat(59), "y".repeat(60),
                "z".repeat(61), "w".repeat(200), "café", "é".repeat(40), "\uD83D\uDD12 locked", "e\u0301" + "a".repeat(70),
                "line\nbreak\u0000nul"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SpillCodec.Out out = new SpillCodec.Out(bytes, SMALL_BUFFER)) {
            for (int round = 0; round < 3; round++) {
                for (String text : texts) {
                    out.writeLong(-1L - round);
                    out.writeByte(7);
                    out.text(text);
                    out.writeInt(Integer.MIN_VALUE + round);
                    out.writeBoolean(round % 2 == 0);
                }
            }
        }
        try (SpillCodec.In in = new SpillCodec.In(new ByteArrayInputStream(bytes.toByteArray()), SMALL_BUFFER)) {
            for (int round = 0; round < 3; round++) {
                for (String text : texts) {
                    assertFalse(in.atEnd());
                    assertEquals(-1L - round, in.readLong());
                    assertEquals(7, in.readByte());
                    assertEquals(text, in.text());
                    assertEquals(Integer.MIN_VALUE + round, in.readInt());
                    assertEquals(round % 2 == 0, in.readBoolean());
                }
            }
            assertTrue(in.atEnd());
        }
    }

    @Test
    public void writesWhatDataOutputWould() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SpillCodec.Out out = new SpillCodec.Out(bytes, SMALL_BUFFER)) {
            out.writeLong(0x0102030405060708L);
            out.text("naïve");
            out.text(null);
            out.writeInt(-2);
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(0x0102030405060708L, in.readLong());
        byte[] text = new byte[in.readInt()];
        in.readFully(text);
        assertEquals("naïve", new String(text, StandardCharsets.UTF_8));
        assertEquals(-1, in.readInt());
        assertEquals(-2, in.readInt());
        assertEquals(-1, in.read());
    }

    @Test
    public void aFileThatEndsInsideAnEntryIsAnError() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SpillCodec.Out out = new SpillCodec.Out(bytes, SMALL_BUFFER)) {
            out.text("w".repeat(200));
        }
        byte[] whole = bytes.toByteArray();
        for (int cut : new int[] {2, 10, 150}) {
            SpillCodec.In in = new SpillCodec.In(new ByteArrayInputStream(Arrays.copyOf(whole, cut)), SMALL_BUFFER);
            try {
                in.text();
                fail("read a text from " + cut + " of " + whole.length + " bytes");
            } catch (EOFException expected) {
                // the file is cut
            }
        }
        assertNull(SpillCodec.read(new SpillCodec.In(new ByteArrayInputStream(new byte[0]), SMALL_BUFFER)));
    }
}
