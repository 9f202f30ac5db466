package dev.forewarn.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Prometheus that is down, silent, refusing, failing, flooding or garbling: each is one
 * {@link PrometheusException} with a message that says which, well within the timeout; never a
 * hang. The fakes are the JDK's own HTTP server (or a bare socket) on 127.0.0.1.
 */
class PrometheusFaultsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<AutoCloseable> closeLater = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop(0);
        }
        for (AutoCloseable c : closeLater) {
            c.close();
        }
    }

    private PrometheusClient client(String url) {
        return new PrometheusClient(new PrometheusConfig(URI.create(url), null, null, null, TIMEOUT, TIMEOUT,
                PrometheusConfig.DEFAULT_MAX_RESPONSE_BYTES));
    }

    private String serve(HttpHandler h) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", h);
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, b.length);
        try (OutputStream o = x.getResponseBody()) {
            o.write(b);
        }
    }

    /** Runs the call and returns its failure's message, asserting it came within the timeout and a margin. */
    private static String failure(Runnable call) {
        long t0 = System.nanoTime();
        PrometheusException e = assertThrows(PrometheusException.class, call::run);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < TIMEOUT.toMillis() + 1500, "took " + ms + " ms");
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    private static void query(PrometheusClient c) {
        c.queryRange("up", 1_700_000_000, 1_700_003_600, 60);
    }

    @Test
    void aPortThatRefusesSaysTheServerIsNotRunning() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String msg = failure(() -> query(client("http://127.0.0.1:" + port)));
        assertTrue(msg.contains("refused the connection"), msg);
    }

    @Test
    void aPortThatAcceptsAndNeverAnswersTimesOut() throws IOException {
        ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        closeLater.add(s);
        List<Socket> held = new ArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    held.add(s.accept()); // accepted, read nothing, answer nothing
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        String msg = failure(() -> query(client("http://127.0.0.1:" + s.getLocalPort())));
        assertTrue(msg.contains("did not answer /api/v1/query_range within 2 seconds"), msg);
    }

    @Test
    void unauthorizedNamesTheCredentialOptions() throws IOException {
        String url = serve(x -> answer(x, 401, "Unauthorized\n"));
        String msg = failure(() -> query(client(url)));
        assertTrue(msg.contains("refused the credentials (HTTP 401)") && msg.contains("--bearer-token-file"), msg);
    }

    @Test
    void serverErrorCarriesTheApisOwnErrorText() throws IOException {
        String url = serve(x -> answer(x, 500, "{\"status\":\"error\",\"errorType\":\"internal\",\"error\":\"disk on fire\"}"));
        String msg = failure(() -> query(client(url)));
        assertTrue(msg.contains("HTTP 500") && msg.contains("disk on fire"), msg);
    }

    @Test
    void aHundredMegabyteAnswerIsRefusedWhileItStreams() throws IOException {
        String url = serve(x -> {
            x.sendResponseHeaders(200, 0);
            byte[] chunk = "[1700000000,\"1\"],".repeat(1000).getBytes(StandardCharsets.UTF_8);
            try (OutputStream o = x.getResponseBody()) {
                o.write("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[".getBytes(StandardCharsets.UTF_8));
                for (long sent = 0; sent < 100L << 20; sent += chunk.length) {
                    o.write(chunk);
                }
            } catch (IOException clientGone) {
                // the client stopped reading: what we want
            }
        });
        PrometheusClient small = new PrometheusClient(new PrometheusConfig(URI.create(url), null, null, null, TIMEOUT,
                Duration.ofSeconds(10), 8L << 20));
        long t0 = System.nanoTime();
        PrometheusException e = assertThrows(PrometheusException.class, () -> query(small));
        assertTrue(e.getMessage().contains("larger than 8 MiB"), e.getMessage());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 10_000);
    }

    @Test
    void malformedJsonIsNotThePrometheusApi() throws IOException {
        String url = serve(x -> answer(x, 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"a\""));
        String msg = failure(() -> query(client(url)));
        assertTrue(msg.contains("not the Prometheus HTTP API"), msg);
    }

    @Test
    void aPrometheusOneIsTooOld() throws IOException {
        String url = serve(x -> answer(x, 200, "{\"status\":\"success\",\"data\":{\"version\":\"1.8.2\"}}"));
        String msg = failure(() -> client(url).version());
        assertTrue(msg.contains("version 1.8.2") && msg.contains("2.0 or later"), msg);
    }

    @Test
    void aServerWithoutTheApiSaysSo() throws IOException {
        String url = serve(x -> answer(x, 404, "404 page not found"));
        String msg = failure(() -> query(client(url)));
        assertTrue(msg.contains("HTTP 404") && msg.contains("not a Prometheus HTTP API"), msg);
    }

    @Test
    void bearerTokenComesFromTheFileAndGoesInTheHeader() throws IOException {
        AtomicReference<String> auth = new AtomicReference<>();
        String url = serve(x -> {
            auth.set(x.getRequestHeaders().getFirst("Authorization"));
            answer(x, 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}");
        });
        Path token = Files.writeString(dir.resolve("token"), "s3cret\n");
        PrometheusClient c = new PrometheusClient(new PrometheusConfig(URI.create(url), token, null, null, TIMEOUT, TIMEOUT,
                PrometheusConfig.DEFAULT_MAX_RESPONSE_BYTES));
        assertEquals(List.of(), c.queryRange("up", 1_700_000_000, 1_700_000_060, 60));
        assertEquals("Bearer s3cret", auth.get());
        Path basic = Files.writeString(dir.resolve("basic"), "alice:pa:ss\n");
        c = new PrometheusClient(new PrometheusConfig(URI.create(url), null, basic, null, TIMEOUT, TIMEOUT,
                PrometheusConfig.DEFAULT_MAX_RESPONSE_BYTES));
        c.queryRange("up", 1_700_000_000, 1_700_000_060, 60);
        assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString("alice:pa:ss".getBytes(StandardCharsets.UTF_8)), auth.get());
    }

    @Test
    void matrixValuesParseGoFormats() throws IOException {
        String url = serve(x -> answer(x, 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                + "{\"metric\":{\"__name__\":\"x\",\"instance\":\"a:1\"},\"values\":[[1700000000,\"1.5\"],[1700000060.5,\"NaN\"],"
                + "[1700000120,\"+Inf\"],[1700000180,\"-Inf\"],[1700000240,\"1e+21\"]]}]},\"warnings\":[\"w\"]}"));
        RawSeries r = client(url).queryRange("x", 1_700_000_000, 1_700_000_240, 60).get(0);
        assertEquals("a:1", r.labels().get("instance"));
        assertEquals(1_700_000_060_500L, r.timesMillis()[1]);
        assertEquals(1.5, r.values()[0]);
        assertTrue(Double.isNaN(r.values()[1]));
        assertEquals(Double.POSITIVE_INFINITY, r.values()[2]);
        assertEquals(Double.NEGATIVE_INFINITY, r.values()[3]);
        assertEquals(1e21, r.values()[4]);
    }
}
