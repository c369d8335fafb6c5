package org.ctemcycles.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The command's output stream to a terminal: control characters that came with the data (an ANSI escape sequence
 * in a scanner's finding title, a carriage return that would overwrite the line before it, a bidirectional override
 * that reorders what follows) are written escaped as {@code \u001b}, so the terminal shows them instead of obeying
 * them. Tab and newline pass. Works on the UTF-8 bytes: C0 controls and DEL are single bytes, C1 controls are
 * {@code C2 80..9F}, the bidirectional controls U+202A..U+202E and U+2066..U+2069 are {@code E2 80 AA..AE} and
 * {@code E2 81 A6..A9}. JSON output never holds a raw control character (Gson escapes them), so it passes unchanged.
 */
final class ControlEscaping extends FilterOutputStream {

    private final byte[] pending = new byte[2];
    private int held;

    ControlEscaping(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int start = offset; // the start of the run of bytes that pass unchanged
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            int b = bytes[i] & 0xff;
            if (held > 0) {
                out.write(bytes, start, i - start);
                start = i + 1;
                resume(b);
            } else if (b < 0x20 && b != '\t' && b != '\n' || b == 0x7f) {
                out.write(bytes, start, i - start);
                start = i + 1;
                escape(b);
            } else if (b == 0xc2 || b == 0xe2) {
                out.write(bytes, start, i - start);
                start = i + 1;
                pending[held++] = (byte) b;
            }
        }
        out.write(bytes, start, end - start);
    }

    /** The byte after a held lead byte (or two): escaped when the sequence is a control, else written as it was. */
    private void resume(int b) throws IOException {
        int lead = pending[0] & 0xff;
        if (held == 1 && lead == 0xc2) {
            held = 0;
            if (b >= 0x80 && b <= 0x9f) {
                escape(b);
            } else {
                out.write(lead);
                reprocess(b);
            }
        } else if (held == 1 && (b == 0x80 || b == 0x81)) {
            pending[held++] = (byte) b; // E2 80 or E2 81: wait for the third byte
        } else if (held == 2) {
            int second = pending[1] & 0xff;
            held = 0;
            if (second == 0x80 && b >= 0xaa && b <= 0xae) {
                escape(0x2000 + b - 0x80);
            } else if (second == 0x81 && b >= 0xa6 && b <= 0xa9) {
                escape(0x2040 + b - 0x80);
            } else {
                out.write(lead);
                out.write(second);
                reprocess(b);
            }
        } else {
            held = 0;
            out.write(lead);
            reprocess(b);
        }
    }

    private void reprocess(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    private void escape(int codePoint) throws IOException {
        out.write(String.format("\\u%04x", codePoint).getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void flush() throws IOException {
        if (held > 0) {
            out.write(pending, 0, held);
            held = 0;
        }
        out.flush();
    }
}
