package dev.forewarn.cli;

import dev.forewarn.fleet.FleetEvaluation;
import dev.forewarn.fleet.ForecastServer;
import dev.forewarn.report.ProjectionJson;
import dev.forewarn.rules.RuleSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code forewarn serve}: judges the fleet (from {@code --prometheus}) or this host (from the
 * store) every {@code --interval}, and serves the forecasts as Prometheus metrics on
 * {@code /metrics}, the report as HTML on {@code /} and as JSON on {@code /report.json}.
 * Binds to loopback unless {@code --listen} names another address; runs until SIGTERM or SIGINT.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the forecasts as Prometheus metrics (/metrics) and the report (/ and /report.json).",
                "Evaluates every --interval on its own schedule; a scrape answers from the last finished evaluation.",
                "Example: forewarn serve --prometheus http://prometheus:9090 --listen 127.0.0.1:9464"})
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    Verbosity verbosity;

    @Mixin
    StoreOption store;

    @Mixin
    PrometheusOptions prometheus;

    @Mixin
    SinceOption since;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:9464", description = "Address and port to listen on (default: ${DEFAULT-VALUE}, loopback only; 0.0.0.0:9464 for every address).")
    String listen;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "5m", description = "Time between evaluations (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--rules", paramLabel = "FILE", description = "One more rules file, read after the built-in set and the installed ones.")
    Path rulesFile;

    @Option(names = "--runway", paramLabel = "DURATION", defaultValue = "90d", description = "The report sizes capacity for this much headroom (default: ${DEFAULT-VALUE}).")
    String runway;

    @Option(names = "--lead-time", paramLabel = "DURATION", defaultValue = "30d", description = "Procurement lead time for the report's order-by dates (default: ${DEFAULT-VALUE}).")
    String leadTime;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        try (ForecastServer server = start()) {
            StopSignals.install(stop::countDown);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
        }
        return ExitCodes.SUCCESS;
    }

    /** Binds, says where on stderr, and starts evaluating; the caller closes the server. */
    ForecastServer start() throws IOException {
        long intervalMillis = PrometheusOptions.duration("--interval", interval);
        if (intervalMillis < 1000) {
            throw new UserException("--interval must be at least 1s, got " + interval, ExitCodes.USAGE, null);
        }
        Listen where = Listen.parse(listen);
        RuleSet rules = RuleSet.load(true, RuleSet.standardDirs(System.getenv()), rulesFile);
        long sinceMillis = since.millis();
        Supplier<FleetEvaluation> evaluate;
        long runwayMillis = PrometheusOptions.duration("--runway", runway);
        long leadMillis = PrometheusOptions.duration("--lead-time", leadTime);
        FleetReport report;
        if (prometheus.enabled()) {
            PrometheusOptions p = prometheus;
            p.reader(); // a bad option fails now, not at the first evaluation
            evaluate = () -> FleetCheck.evaluate(p, rules, System.currentTimeMillis(), sinceMillis, ExitCodes.FAILURE);
            report = new FleetReport(runwayMillis, leadMillis, ZoneId.systemDefault());
        } else {
            Path db = store.path();
            evaluate = () -> StoreFleet.evaluate(db, rules, System.currentTimeMillis(), sinceMillis);
            // a local store holds the processes' memory too: the page names the one behind a leak, as the host's report does
            report = new FleetReport(runwayMillis, leadMillis, ZoneId.systemDefault(), StoreFleet.culprits(db, ZoneId.systemDefault()));
        }
        ForecastServer server = new ForecastServer(where.address(), where.port(), evaluate, intervalMillis,
                ev -> report.html(ev, System.currentTimeMillis(), 0.8),
                ev -> {
                    try {
                        return ProjectionJson.MAPPER.writerWithDefaultPrettyPrinter()
                                .writeValueAsString(report.json(ev, System.currentTimeMillis(), 0.8)) + "\n";
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                });
        PrintWriter err = spec.commandLine().getErr();
        String host = where.address().isAnyLocalAddress() ? "0.0.0.0" : where.address().getHostAddress();
        err.println("forewarn serve: http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port()
                + "/metrics, / and /report.json; " + (where.address().isLoopbackAddress()
                ? "loopback only (--listen 0.0.0.0:" + server.port() + " to serve other hosts)"
                : "on a non-loopback address: anyone who reaches it can read the forecasts")
                + "; evaluating " + (prometheus.enabled() ? "the fleet at " + prometheus.url : "the store " + store.path())
                + " every " + interval);
        err.flush();
        return server;
    }

    /** A parsed {@code --listen}. */
    record Listen(InetAddress address, int port) {

        static Listen parse(String text) {
            int colon = text.lastIndexOf(':');
            if (colon < 0) {
                throw new UserException("--listen must be HOST:PORT, e.g. 127.0.0.1:9464; got " + text, ExitCodes.USAGE, null);
            }
            String host = text.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port;
            try {
                port = Integer.parseInt(text.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new UserException("--listen: bad port in " + text, ExitCodes.USAGE, e);
            }
            if (port < 0 || port > 65535) {
                throw new UserException("--listen: port must be 0..65535, got " + port, ExitCodes.USAGE, null);
            }
            try {
                return new Listen(host.isEmpty() ? InetAddress.getLoopbackAddress() : InetAddress.getByName(host), port);
            } catch (UnknownHostException e) {
                throw new UserException("--listen: unknown host " + host, ExitCodes.USAGE, e);
            }
        }
    }
}
