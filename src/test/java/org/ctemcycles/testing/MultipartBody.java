package org.ctemcycles.testing;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/** A small multipart/form-data body built in memory, as a browser or curl would send it, for REST tests. */
public final class MultipartBody {

    public static final String BOUNDARY = "ctem-test-boundary-0123456789";

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    /** Adds a part named {@code name}; {@code fileName} null for a part without one. */
    public MultipartBody part(String name, String fileName, byte[] content) {
        text("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"")
                + "\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        text("\r\n");
        return this;
    }

    public MultipartBody file(String fileName, byte[] content) {
        return part("file", fileName, content);
    }

    /** The body with its closing boundary. */
    public byte[] bytes() {
        ByteArrayOutputStream closed = new ByteArrayOutputStream();
        closed.writeBytes(body.toByteArray());
        closed.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return closed.toByteArray();
    }

    public static String contentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    /** A POST of {@code body} as multipart/form-data with Jira's XSRF header. */
    public static HttpRequest.Builder post(HttpRequest.Builder request, byte[] body) {
        return request.header("Content-Type", contentType()).header("X-Atlassian-Token", "no-check")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private void text(String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
