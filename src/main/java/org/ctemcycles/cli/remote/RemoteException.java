package org.ctemcycles.cli.remote;

import java.util.List;

/**
 * A remote call that failed, with what the command says about it (one line each, without the "ctem: " prefix) and
 * its exit code. The token never appears in a message.
 */
public final class RemoteException extends RuntimeException {

    /** The server cannot be reached: refused, unknown host, timed out, or the connection broke. */
    public static final int UNREACHABLE = 5;
    /** TLS failed: the server's certificate is not trusted, or the handshake failed (e.g. https to a plain port). */
    public static final int TLS_FAILED = 6;
    /** The server refused the token (401) or the permission (403). */
    public static final int REFUSED = 7;

    private final int exitCode;
    private final List<String> lines;

    public RemoteException(int exitCode, List<String> lines) {
        super(String.join("; ", lines));
        this.exitCode = exitCode;
        this.lines = List.copyOf(lines);
    }

    public RemoteException(int exitCode, String line) {
        this(exitCode, List.of(line));
    }

    public int exitCode() {
        return exitCode;
    }

    public List<String> lines() {
        return lines;
    }
}
