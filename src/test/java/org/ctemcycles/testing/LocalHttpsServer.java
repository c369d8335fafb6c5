package org.ctemcycles.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.rules.ExternalResource;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real HTTPS server on 127.0.0.1 for the discovery sources' tests: the JDK's HttpsServer with a self-signed
 * certificate for {@code localhost} that keytool makes for this run, and a client TLS context that trusts it (and
 * nothing else). Tests add handlers per path; {@link #url} names a path as {@code https://localhost:PORT/...}, so
 * the host a source names is {@code localhost} while the server is also reachable as {@code 127.0.0.1}: another
 * host to a source's allow-list.
 */
public final class LocalHttpsServer extends ExternalResource {

    private HttpsServer server;
    private SSLContext clientTls;
    private Path folder;

    @Override
    protected void before() throws Exception {
        folder = Files.createTempDirectory("ctem-https");
        Path store = folder.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                store.toString(), "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String said = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + said);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, new SecureRandom());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(keys);
        clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), new SecureRandom());
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.start();
    }

    @Override
    protected void after() {
        server.stop(0);
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers every request under {@code path} with {@code handler}. */
    public void serve(String path, HttpHandler handler) {
        server.createContext(path, handler);
    }

    /** The TLS context a client needs to trust this server. */
    public SSLContext clientTls() {
        return clientTls;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code https://localhost:PORT} + path. */
    public String url(String path) {
        return "https://localhost:" + port() + path;
    }

    /** Answers with a status and a body (none when empty). */
    public static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Answers 302 to {@code location}. */
    public static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        answer(exchange, 302, new byte[0]);
    }
}
