package dev.forewarn.fleet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

/**
 * The Prometheus HTTP API v1, read with the JDK's {@link HttpClient} and Jackson's streaming
 * parser: {@code /api/v1/status/buildinfo}, {@code /api/v1/label/NAME/values} and
 * {@code /api/v1/query_range}. Every call ends within the query timeout (body included) and
 * fails with one {@link PrometheusException} whose message says what went wrong and where;
 * answers larger than the configured limit are refused while they stream in.
 */
public final class PrometheusClient {

    private static final JsonFactory JSON = new JsonFactory();
    /** Reads answer bodies, so a body that stalls can be abandoned at the deadline (the common pool has one thread on two cores). */
    private static final java.util.concurrent.ExecutorService READERS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "prometheus-reader");
        t.setDaemon(true);
        return t;
    });

    private final PrometheusConfig config;
    private final HttpClient http;
    private final String authorization;

    /** A client for one server; reads the credential and CA files now, so a bad one fails at once. */
    public PrometheusClient(PrometheusConfig config) {
        this(config, System.getenv());
    }

    PrometheusClient(PrometheusConfig config, Map<String, String> env) {
        this.config = config;
        this.authorization = authorization(config);
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL);
        EnvironmentProxy proxy = EnvironmentProxy.from(env);
        if (proxy != null) {
            b.proxy(proxy);
        }
        if (config.caFile() != null) {
            b.sslContext(sslContext(config.caFile()));
        }
        this.http = b.build();
    }

    /** Where this client reads from. */
    public URI baseUri() {
        return config.baseUri();
    }

    private static String authorization(PrometheusConfig c) {
        try {
            if (c.bearerTokenFile() != null) {
                String token = Files.readString(c.bearerTokenFile(), StandardCharsets.UTF_8).strip();
                if (token.isEmpty()) {
                    throw new PrometheusException("the bearer token file " + c.bearerTokenFile() + " is empty");
                }
                return "Bearer " + token;
            }
            if (c.basicAuthFile() != null) {
                String line = Files.readString(c.basicAuthFile(), StandardCharsets.UTF_8).strip().lines().findFirst().orElse("");
                if (!line.contains(":")) {
                    throw new PrometheusException("the basic auth file " + c.basicAuthFile() + " must hold user:password on its first line");
                }
                return "Basic " + Base64.getEncoder().encodeToString(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new PrometheusException("cannot read the credentials file: " + e.getMessage(), e);
        }
        return null;
    }

    private static SSLContext sslContext(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                ks.setCertificateEntry("ca" + i++, cert);
            }
            if (i == 0) {
                throw new PrometheusException("the CA file " + caFile + " holds no PEM certificate");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new PrometheusException("cannot read the CA file " + caFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * The server's version from {@code /api/v1/status/buildinfo}, or null when the server has no
     * such endpoint (Thanos, Mimir and VictoriaMetrics answer the query API without it).
     *
     * @throws PrometheusException when the server is down, refuses us, or is a Prometheus older than 2.x
     */
    public String version() {
        Answer a = get("/api/v1/status/buildinfo", Map.of(), p -> {
            String version = null;
            expectObject(p);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (f.equals("data") && p.currentToken() == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String g = p.currentName();
                        p.nextToken();
                        if (g.equals("version")) {
                            version = p.getValueAsString();
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            return version;
        }, true);
        if (a.status() == 404) {
            return null;
        }
        String v = (String) a.value();
        if (v != null && v.matches("[01]\\..*")) {
            throw new PrometheusException("Prometheus at " + config.baseUri() + " is version " + v
                    + ": the HTTP API v1 needs Prometheus 2.0 or later");
        }
        return v;
    }

    /** The values of one label over the series that match any of {@code matchers}, in {@code [from, to]} (epoch ms). */
    @SuppressWarnings("unchecked")
    public List<String> labelValues(String label, List<String> matchers, long fromMillis, long toMillis) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("match[]", matchers);
        form.put("start", seconds(fromMillis));
        form.put("end", seconds(toMillis));
        Answer a = get("/api/v1/label/" + label + "/values", form, p -> {
            List<String> out = new ArrayList<>();
            readEnvelope(p, () -> {
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    throw new IOException("data is not a list");
                }
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    out.add(p.getValueAsString());
                }
            });
            return out;
        }, false);
        return (List<String>) a.value();
    }

    /**
     * One range query ({@code /api/v1/query_range}); the caller keeps within 11,000 points a
     * series (see {@link QueryPlan}).
     *
     * @param query PromQL
     * @param startSeconds first evaluation time, epoch seconds
     * @param endSeconds   last evaluation time, epoch seconds
     * @param stepSeconds  resolution
     */
    @SuppressWarnings("unchecked")
    public List<RawSeries> queryRange(String query, long startSeconds, long endSeconds, long stepSeconds) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("query", query);
        form.put("start", Long.toString(startSeconds));
        form.put("end", Long.toString(endSeconds));
        form.put("step", Long.toString(stepSeconds));
        form.put("timeout", config.queryTimeout().toSeconds() + "s");
        Answer a = get("/api/v1/query_range", form, p -> {
            List<RawSeries> out = new ArrayList<>();
            readEnvelope(p, () -> readMatrix(p, out));
            return out;
        }, false);
        return (List<RawSeries>) a.value();
    }

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** What a body parser makes of the answer. */
    @FunctionalInterface
    private interface BodyParser {
        Object parse(JsonParser p) throws IOException;
    }

    @FunctionalInterface
    private interface Section {
        void read() throws IOException;
    }

    private record Answer(int status, Object value) {
    }

    /** One call, within the query timeout from the request to the answer's last byte. */
    private Answer get(String path, Map<String, Object> form, BodyParser parser, boolean allow404) {
        URI uri = resolve(path);
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(config.queryTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("User-Agent", "forewarn");
        if (authorization != null) {
            rb.header("Authorization", authorization);
        }
        // query_range takes a POST form, which keeps long selectors clear of URL limits; the others answer GET only
        boolean post = path.equals("/api/v1/query_range");
        HttpRequest req = (post ? rb.POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                : rb.uri(form.isEmpty() ? uri : URI.create(uri + "?" + encode(form))).GET()).build();
        long deadline = System.nanoTime() + config.queryTimeout().toNanos();
        String where = "Prometheus at " + config.baseUri();
        CompletableFuture<HttpResponse<InputStream>> sent = http.sendAsync(req, HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> resp;
        try {
            resp = sent.get(config.queryTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            sent.cancel(true);
            throw new PrometheusException(where + " did not answer " + path + " within " + human(config.queryTimeout())
                    + " (--query-timeout)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrometheusException(where + ": interrupted", e);
        } catch (ExecutionException e) {
            throw transport(where, path, e.getCause());
        }
        int status = resp.statusCode();
        if (status == 404 && allow404) {
            close(resp.body());
            return new Answer(404, null);
        }
        CompletableFuture<Object> parsed = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = new Limited(resp.body(), config.maxResponseBytes())) {
                if (status / 100 != 2) {
                    throw new PrometheusException(httpError(where, path, status, in));
                }
                try (JsonParser p = JSON.createParser(in)) {
                    return parser.parse(p);
                }
            } catch (IOException e) {
                throw new PrometheusException(where + " sent an answer to " + path + " that is not the Prometheus HTTP API: "
                        + oneLine(e.getMessage()), e);
            } catch (PrometheusException e) {
                throw e.getMessage().startsWith(where) ? e : new PrometheusException(where + ": " + e.getMessage(), e);
            }
        }, READERS);
        try {
            return new Answer(status, parsed.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            close(resp.body());
            parsed.cancel(true);
            throw new PrometheusException(where + " did not finish its answer to " + path + " within "
                    + human(config.queryTimeout()) + " (--query-timeout)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close(resp.body());
            throw new PrometheusException(where + ": interrupted", e);
        } catch (ExecutionException | CancellationException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            if (c instanceof PrometheusException pe) {
                throw pe;
            }
            throw new PrometheusException(where + ": " + oneLine(String.valueOf(c.getMessage())), c);
        }
    }

    private URI resolve(String path) {
        String base = config.baseUri().toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + path);
    }

    private static String encode(Map<String, Object> form) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : form.entrySet()) {
            List<?> values = e.getValue() instanceof List<?> l ? l : List.of(e.getValue());
            for (Object v : values) {
                if (sb.length() > 0) {
                    sb.append('&');
                }
                sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }

    private PrometheusException transport(String where, String path, Throwable c) {
        if (c instanceof HttpConnectTimeoutException) {
            return new PrometheusException(where + " did not accept a connection within " + human(config.connectTimeout())
                    + " (--connect-timeout)", c);
        }
        if (c instanceof HttpTimeoutException) {
            return new PrometheusException(where + " did not answer " + path + " within " + human(config.queryTimeout())
                    + " (--query-timeout)", c);
        }
        if (c instanceof ConnectException) {
            return new PrometheusException(where + " refused the connection: is it running, and is the URL right?", c);
        }
        if (c instanceof SSLHandshakeException) {
            return new PrometheusException(where + ": TLS handshake failed (" + oneLine(String.valueOf(c.getMessage()))
                    + "); give the server's CA with --ca-file", c);
        }
        return new PrometheusException(where + ": " + c.getClass().getSimpleName()
                + (c.getMessage() == null ? "" : " " + oneLine(c.getMessage())), c);
    }

    /** The error line for a non-2xx answer: the API's own "error" field when it sent JSON. */
    private static String httpError(String where, String path, int status, InputStream in) {
        String detail = "";
        try {
            byte[] head = in.readNBytes(4096);
            String text = new String(head, StandardCharsets.UTF_8);
            try (JsonParser p = JSON.createParser(head)) {
                if (p.nextToken() == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String f = p.currentName();
                        p.nextToken();
                        if (f.equals("error")) {
                            detail = p.getValueAsString();
                        } else {
                            p.skipChildren();
                        }
                    }
                }
            } catch (IOException notJson) {
                detail = text.strip();
            }
        } catch (IOException e) {
            detail = "";
        }
        detail = oneLine(detail);
        if (detail.length() > 200) {
            detail = detail.substring(0, 200) + "...";
        }
        String what = switch (status) {
            case 401 -> "refused the credentials (HTTP 401): give --bearer-token-file or --basic-auth-file";
            case 403 -> "forbids access (HTTP 403)";
            case 404 -> "has no " + path + " (HTTP 404): the URL is not a Prometheus HTTP API v1 (wrong path or version?)";
            default -> "answered " + path + " with HTTP " + status;
        };
        return where + " " + what + (detail.isEmpty() ? "" : ": " + detail);
    }

    private static void readEnvelope(JsonParser p, Section data) throws IOException {
        expectObject(p);
        String status = null;
        String error = null;
        boolean sawData = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "status" -> status = p.getValueAsString();
                case "error" -> error = p.getValueAsString();
                case "data" -> {
                    sawData = true;
                    data.read();
                }
                default -> p.skipChildren();
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new IOException("the answer ends early");
        }
        if (!"success".equals(status)) {
            throw new PrometheusException("the query failed (status " + status + ")" + (error == null ? "" : ": " + oneLine(error)));
        }
        if (!sawData) {
            throw new IOException("no data in the answer");
        }
    }

    private static void expectObject(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("the answer is not a JSON object");
        }
    }

    private static void readMatrix(JsonParser p, List<RawSeries> out) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new IOException("data is not an object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            if (f.equals("resultType")) {
                if (!"matrix".equals(p.getValueAsString())) {
                    throw new IOException("resultType is " + p.getValueAsString() + ", not matrix");
                }
            } else if (f.equals("result")) {
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    throw new IOException("result is not a list");
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    out.add(readSeries(p));
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private static RawSeries readSeries(JsonParser p) throws IOException {
        Map<String, String> labels = new TreeMap<>();
        long[] t = new long[64];
        double[] v = new double[64];
        int n = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            if (f.equals("metric")) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    labels.put(name, p.getValueAsString());
                }
            } else if (f.equals("values")) {
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    throw new IOException("values is not a list");
                }
                while (p.nextToken() == JsonToken.START_ARRAY) {
                    p.nextToken();
                    double ts = p.getValueAsDouble(Double.NaN);
                    p.nextToken();
                    String value = p.getValueAsString();
                    if (p.nextToken() != JsonToken.END_ARRAY || value == null || Double.isNaN(ts)) {
                        throw new IOException("a point is not [time, \"value\"]");
                    }
                    if (n == t.length) {
                        t = java.util.Arrays.copyOf(t, n * 2);
                        v = java.util.Arrays.copyOf(v, n * 2);
                    }
                    t[n] = Math.round(ts * 1000);
                    v[n] = parseValue(value);
                    n++;
                }
            } else {
                p.skipChildren();
            }
        }
        return new RawSeries(labels, java.util.Arrays.copyOf(t, n), java.util.Arrays.copyOf(v, n));
    }

    /** Prometheus writes values as Go formats them: "NaN", "+Inf", "-Inf" besides plain numbers. */
    static double parseValue(String s) {
        return switch (s) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(s);
        };
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing only stops the transfer
        }
    }

    /** A timeout in the one duration style of messages: "2 seconds", "0.5 seconds". */
    static String human(Duration d) {
        return dev.forewarn.series.Times.human(d);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    /** Stops reading past the limit, with an error that says so. */
    private static final class Limited extends FilterInputStream {
        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                throw new PrometheusException("the answer is larger than " + (limit >> 20)
                        + " MiB: narrow it with --instance or --match, or a coarser --step");
            }
        }
    }
}
