package dev.forewarn.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https with a private CA: a Prometheus-API fake behind a certificate that keytool makes for
 * 127.0.0.1 is trusted with {@code --ca-file} and refused, with the hint, without it.
 */
class PrometheusTlsTest {

    @TempDir
    Path dir;

    @Test
    void aCustomCaFileIsTrustedAndWithoutItTheHandshakeFailureSaysWhatToDo() throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Path ks = dir.resolve("server.p12");
        RealPrometheus.run(dir, 60, keytool, "-genkeypair", "-alias", "prom", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", ks.toString(), "-storepass", "changeit", "-keypass", "changeit");
        Path pem = dir.resolve("ca.pem");
        RealPrometheus.run(dir, 60, keytool, "-exportcert", "-rfc", "-alias", "prom", "-keystore", ks.toString(),
                "-storepass", "changeit", "-file", pem.toString());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(ks)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        server.createContext("/", x -> {
            byte[] b = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, b.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(b);
            }
        });
        server.start();
        try {
            URI url = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
            PrometheusClient trusted = new PrometheusClient(new PrometheusConfig(url, null, null, pem, Duration.ofSeconds(3),
                    Duration.ofSeconds(5), PrometheusConfig.DEFAULT_MAX_RESPONSE_BYTES));
            assertEquals(List.of(), trusted.queryRange("up", 1_700_000_000, 1_700_000_060, 60));
            PrometheusClient plain = new PrometheusClient(new PrometheusConfig(url, null, null, null, Duration.ofSeconds(3),
                    Duration.ofSeconds(5), PrometheusConfig.DEFAULT_MAX_RESPONSE_BYTES));
            PrometheusException e = assertThrows(PrometheusException.class, () -> plain.queryRange("up", 1_700_000_000, 1_700_000_060, 60));
            assertTrue(e.getMessage().contains("TLS handshake failed") && e.getMessage().contains("--ca-file"), e.getMessage());
        } finally {
            server.stop(0);
        }
    }
}
