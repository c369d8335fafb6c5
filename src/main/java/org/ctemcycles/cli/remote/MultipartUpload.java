package org.ctemcycles.cli.remote;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Flow;
import java.util.function.LongConsumer;

/**
 * A {@code multipart/form-data} body of files, one part named {@code file} each, streamed from disk as the HTTP client
 * sends it (each file is read a buffer at a time, never whole), with its length known beforehand and every byte
 * handed to the client counted for the progress line.
 */
public final class MultipartUpload {

    private final String boundary = "ctem-" + UUID.randomUUID();
    private final List<HttpRequest.BodyPublisher> pieces = new ArrayList<>();

    /**
     * @param files the reports; each part carries the file's name (without its folders)
     * @throws FileNotFoundException when a file is missing or unreadable
     */
    public MultipartUpload(List<Path> files) throws FileNotFoundException {
        for (Path file : files) {
            pieces.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data;"
                    + " name=\"file\"; filename=\"" + fileName(file) + "\"\r\nContent-Type: application/octet-stream"
                    + "\r\n\r\n", StandardCharsets.UTF_8));
            pieces.add(HttpRequest.BodyPublishers.ofFile(file));
            pieces.add(HttpRequest.BodyPublishers.ofString("\r\n"));
        }
        pieces.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n"));
    }

    /** The file name as a form sends it: quotes and line breaks percent-encoded (WHATWG's form encoding). */
    static String fileName(Path file) {
        return file.getFileName().toString().replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The body, reporting each chunk handed to the HTTP client to {@code sent}. */
    public HttpRequest.BodyPublisher publisher(LongConsumer sent) {
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(pieces.toArray(HttpRequest.BodyPublisher[]::new));
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return body.contentLength();
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                body.subscribe(new Flow.Subscriber<>() {
                    @Override
                    public void onSubscribe(Flow.Subscription subscription) {
                        subscriber.onSubscribe(subscription);
                    }

                    @Override
                    public void onNext(ByteBuffer item) {
                        sent.accept(item.remaining());
                        subscriber.onNext(item);
                    }

                    @Override
                    public void onError(Throwable failure) {
                        subscriber.onError(failure);
                    }

                    @Override
                    public void onComplete() {
                        subscriber.onComplete();
                    }
                });
            }
        };
    }

    /** The whole body's length in bytes. */
    public long length() {
        return HttpRequest.BodyPublishers.concat(pieces.toArray(HttpRequest.BodyPublisher[]::new)).contentLength();
    }
}
