package dev.forewarn.fleet;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exporter behind {@code forewarn serve}: the Prometheus Java client's HTTP server answers
 * {@code /metrics} from the last finished evaluation ({@link ForecastMetrics}), and {@code /}
 * (HTML) and {@code /report.json} from the same evaluation through the renderers it is given.
 * Evaluations run on their own thread at a fixed interval, never inside a scrape; one that
 * fails keeps the previous results and sets {@code forewarn_last_evaluation_success} to 0.
 */
public final class ForecastServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ForecastServer.class);

    /** What the last evaluation left for the scrapes. */
    private record State(FleetEvaluation evaluation, MetricSnapshots metrics, byte[] html, byte[] json, boolean success) {
    }

    private final AtomicReference<State> state = new AtomicReference<>();
    private final HTTPServer http;
    private final ScheduledExecutorService schedule;
    private final Supplier<FleetEvaluation> evaluate;
    private final Function<FleetEvaluation, String> html;
    private final Function<FleetEvaluation, String> json;

    /**
     * Binds and starts the first evaluation at once.
     *
     * @param address        where to listen
     * @param port           the port, 0 for any free one
     * @param evaluate       one evaluation of the fleet (may throw; the previous results stay)
     * @param intervalMillis time between the starts of evaluations
     * @param html           the report page of an evaluation
     * @param json           the report JSON of an evaluation
     */
    public ForecastServer(InetAddress address, int port, Supplier<FleetEvaluation> evaluate, long intervalMillis,
                          Function<FleetEvaluation, String> html, Function<FleetEvaluation, String> json) throws IOException {
        this.evaluate = evaluate;
        this.html = html;
        this.json = json;
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new MultiCollector() {
            @Override
            public MetricSnapshots collect() {
                State s = state.get();
                return s == null ? MetricSnapshots.of() : s.metrics();
            }
        });
        this.http = HTTPServer.builder().inetAddress(address).port(port).registry(registry)
                .defaultHandler(this::page).buildAndStart();
        this.schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "forewarn-evaluation");
            t.setDaemon(true);
            return t;
        });
        schedule.scheduleAtFixedRate(this::evaluateOnce, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** The port bound. */
    public int port() {
        return http.getPort();
    }

    /** True once an evaluation has finished. */
    public boolean ready() {
        return state.get() != null;
    }

    private void evaluateOnce() {
        try {
            FleetEvaluation ev = evaluate.get();
            MetricSnapshots m = withSuccess(ForecastMetrics.of(ev), true);
            state.set(new State(ev, m, html.apply(ev).getBytes(StandardCharsets.UTF_8),
                    json.apply(ev).getBytes(StandardCharsets.UTF_8), true));
            LOG.info("evaluated {} instances in {} ms", ev.instances().size(), ev.durationMillis());
        } catch (RuntimeException e) {
            LOG.warn("evaluation failed, serving the previous one: {}", e.getMessage());
            LOG.debug("evaluation failure", e);
            State s = state.get();
            if (s != null) {
                state.set(new State(s.evaluation(), withSuccess(s.metrics(), false), s.html(), s.json(), false));
            } else {
                FleetEvaluation empty = new FleetEvaluation(System.currentTimeMillis(), "", java.util.List.of(), 0);
                byte[] msg = ("forewarn: the first evaluation failed: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
                state.set(new State(empty, withSuccess(MetricSnapshots.of(), false), msg, msg, false));
            }
        }
    }

    private static MetricSnapshots withSuccess(MetricSnapshots m, boolean ok) {
        MetricSnapshots.Builder b = MetricSnapshots.builder();
        m.stream().filter(s -> !s.getMetadata().getName().equals("forewarn_last_evaluation_success")).forEach(b::metricSnapshot);
        b.metricSnapshot(io.prometheus.metrics.model.snapshots.GaugeSnapshot.builder().name("forewarn_last_evaluation_success")
                .help("1 when the last evaluation finished, 0 when it failed and older results are served")
                .dataPoint(io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot.builder().value(ok ? 1 : 0).build())
                .build());
        return b.build();
    }

    private void page(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            State s = state.get();
            if (!x.getRequestMethod().equals("GET") && !x.getRequestMethod().equals("HEAD")) {
                send(x, 405, "text/plain; charset=utf-8", "only GET\n".getBytes(StandardCharsets.UTF_8));
            } else if (!path.equals("/") && !path.equals("/report.json")) {
                send(x, 404, "text/plain; charset=utf-8", "not found: try /, /report.json or /metrics\n".getBytes(StandardCharsets.UTF_8));
            } else if (s == null) {
                x.getResponseHeaders().add("Retry-After", "5");
                send(x, 503, "text/plain; charset=utf-8", "forewarn: the first evaluation is still running\n".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/")) {
                send(x, 200, "text/html; charset=utf-8", s.html());
            } else {
                send(x, 200, "application/json", s.json());
            }
        }
    }

    private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().add("Content-Type", type);
        boolean head = x.getRequestMethod().equals("HEAD");
        x.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream o = x.getResponseBody()) {
                o.write(body);
            }
        }
    }

    @Override
    public void close() {
        schedule.shutdownNow();
        http.close();
    }
}
