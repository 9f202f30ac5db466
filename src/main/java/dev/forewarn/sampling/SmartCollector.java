package dev.forewarn.sampling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Disk health from SMART, read with smartmontools' {@code smartctl --json}: {@code smartctl --scan --json}
 * lists the disks, then {@code smartctl -a -n standby --json -d TYPE DEV} reads each one (a disk
 * asleep is left asleep and skipped). Reading is apart from parsing: {@link #parseScan} and
 * {@link #parseDevice} are pure and tested with saved real outputs.
 *
 * <table>
 *   <caption>metrics (label {@code disk}: the device, e.g. {@code /dev/sda})</caption>
 *   <tr><th>name</th><th>unit</th><th>source</th></tr>
 *   <tr><td>{@code smart.reallocated_sectors}</td><td>count</td><td>ATA attribute 5, raw</td></tr>
 *   <tr><td>{@code smart.reported_uncorrect}</td><td>count</td><td>ATA attribute 187, raw</td></tr>
 *   <tr><td>{@code smart.command_timeouts}</td><td>count (vendor-packed on some drives)</td><td>ATA attribute 188, raw</td></tr>
 *   <tr><td>{@code smart.pending_sectors}</td><td>count</td><td>ATA attribute 197, raw</td></tr>
 *   <tr><td>{@code smart.offline_uncorrectable}</td><td>count</td><td>ATA attribute 198, raw</td></tr>
 *   <tr><td>{@code smart.attribute_normalized}, {@code smart.attribute_threshold}</td><td>the vendor's
 *       normalized value and failure threshold of each pre-failure ATA attribute; extra label
 *       {@code attribute} (smartctl's name, lower case)</td><td>ATA attribute table</td></tr>
 *   <tr><td>{@code smart.temperature_celsius}</td><td>°C</td><td>temperature.current</td></tr>
 *   <tr><td>{@code smart.power_on_hours}</td><td>hours</td><td>power_on_time.hours</td></tr>
 *   <tr><td>{@code smart.healthy}</td><td>1 passed, 0 failed</td><td>smart_status.passed</td></tr>
 *   <tr><td>{@code smart.nvme_used_ratio}</td><td>0..1 (may exceed 1)</td><td>NVMe percentage_used</td></tr>
 *   <tr><td>{@code smart.nvme_media_errors_total}</td><td>counter</td><td>NVMe media_errors</td></tr>
 *   <tr><td>{@code smart.nvme_spare_ratio}, {@code smart.nvme_spare_threshold_ratio}</td><td>0..1</td>
 *       <td>NVMe available_spare, available_spare_threshold</td></tr>
 * </table>
 *
 * <p>Without smartctl, or when not root (the disks cannot be opened), {@link #collect} throws a
 * {@link CollectorUnavailableException} whose message {@link #unavailableReason} also gives
 * {@code check}, so the reason is said once instead of mailed every five minutes.
 */
public final class SmartCollector implements Collector {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** ATA attribute id to metric name, the five Backblaze found to predict failure. */
    static final Map<Integer, String> ATA = Map.of(5, "smart.reallocated_sectors", 187, "smart.reported_uncorrect",
            188, "smart.command_timeouts", 197, "smart.pending_sectors", 198, "smart.offline_uncorrectable");
    private static final long TIMEOUT_SECONDS = 20;

    /** One disk from the scan: the device and the type smartctl needs to open it. */
    record Device(String name, String type) {
    }

    /** A collector that looks for smartctl on the PATH (and the sbin directories) at each sample. */
    public SmartCollector() {
    }

    @Override
    public String name() {
        return "smart";
    }

    @Override
    public List<Sample> collect() throws IOException, InterruptedException, CollectorUnavailableException {
        Optional<String> why = unavailableReason(System.getenv("PATH"), isRoot());
        if (why.isPresent()) {
            throw new CollectorUnavailableException(why.get());
        }
        Path smartctl = find(System.getenv("PATH")).orElseThrow();
        List<Sample> out = new ArrayList<>();
        for (Device d : parseScan(run(List.of(smartctl.toString(), "--scan", "--json")))) {
            List<String> cmd = new ArrayList<>(List.of(smartctl.toString(), "-a", "-n", "standby", "--json"));
            if (d.type() != null && !d.type().isEmpty()) {
                cmd.addAll(List.of("-d", d.type()));
            }
            cmd.add(d.name());
            out.addAll(parseDevice(run(cmd), d.name()));
        }
        return out;
    }

    /** Why disk health cannot be watched here, or empty when it can: smartctl missing, or not root. */
    public static Optional<String> unavailableReason() {
        return unavailableReason(System.getenv("PATH"), isRoot());
    }

    static Optional<String> unavailableReason(String path, boolean root) {
        if (find(path).isEmpty()) {
            return Optional.of("smartctl is not installed (install smartmontools: apt-get install smartmontools)");
        }
        if (!root) {
            return Optional.of("forewarn runs as " + System.getProperty("user.name")
                    + ", and smartctl needs root to open the disks (run 'forewarn sample' as root, e.g. from the systemd timer of scripts/install)");
        }
        return Optional.empty();
    }

    /** smartctl on the PATH, or in the sbin directories cron's short PATH leaves out. */
    static Optional<Path> find(String path) {
        List<String> dirs = new ArrayList<>();
        if (path != null) {
            dirs.addAll(List.of(path.split(":")));
        }
        dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/local/sbin"));
        for (String d : dirs) {
            if (d.isEmpty()) {
                continue;
            }
            Path p = Path.of(d, "smartctl");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static boolean isRoot() {
        try {
            // /proc/self belongs to the effective user of this process.
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        // smartctl's exit status is a bit mask that is non-zero for many healthy cases; the JSON says the rest.
        return new String(out, StandardCharsets.UTF_8);
    }

    /** The disks of {@code smartctl --scan --json}. */
    static List<Device> parseScan(String json) throws IOException {
        List<Device> out = new ArrayList<>();
        for (JsonNode d : JSON.readTree(json).path("devices")) {
            String name = d.path("name").asText("");
            if (!name.isEmpty()) {
                out.add(new Device(name, d.path("type").asText("")));
            }
        }
        return out;
    }

    /** The metrics of one disk from {@code smartctl -a --json}; empty when the disk was asleep or unreadable. */
    static List<Sample> parseDevice(String json, String disk) throws IOException {
        JsonNode root = JSON.readTree(json);
        List<Sample> out = new ArrayList<>();
        JsonNode passed = root.path("smart_status").path("passed");
        if (passed.isBoolean()) {
            out.add(Sample.of("smart.healthy", passed.asBoolean() ? 1 : 0, "disk", disk));
        }
        number(root.path("temperature").path("current")).ifPresent(v -> out.add(Sample.of("smart.temperature_celsius", v, "disk", disk)));
        number(root.path("power_on_time").path("hours")).ifPresent(v -> out.add(Sample.of("smart.power_on_hours", v, "disk", disk)));
        for (JsonNode a : root.path("ata_smart_attributes").path("table")) {
            int id = a.path("id").asInt(-1);
            String metric = ATA.get(id);
            if (metric != null) {
                number(a.path("raw").path("value")).ifPresent(v -> out.add(Sample.of(metric, v, "disk", disk)));
            }
            int thresh = a.path("thresh").asInt(0);
            if (a.path("flags").path("prefailure").asBoolean(false) && thresh > 0 && a.path("value").isNumber()) {
                String attr = a.path("name").asText("attribute_" + id).toLowerCase(java.util.Locale.ROOT);
                out.add(Sample.of("smart.attribute_normalized", a.path("value").asDouble(), "disk", disk, "attribute", attr));
                out.add(Sample.of("smart.attribute_threshold", thresh, "disk", disk, "attribute", attr));
            }
        }
        JsonNode nvme = root.path("nvme_smart_health_information_log");
        if (nvme.isObject()) {
            number(nvme.path("percentage_used")).ifPresent(v -> out.add(Sample.of("smart.nvme_used_ratio", v / 100.0, "disk", disk)));
            number(nvme.path("media_errors")).ifPresent(v -> out.add(Sample.of("smart.nvme_media_errors_total", v, "disk", disk)));
            number(nvme.path("available_spare")).ifPresent(v -> out.add(Sample.of("smart.nvme_spare_ratio", v / 100.0, "disk", disk)));
            number(nvme.path("available_spare_threshold")).ifPresent(v -> out.add(Sample.of("smart.nvme_spare_threshold_ratio", v / 100.0, "disk", disk)));
        }
        return out;
    }

    private static Optional<Double> number(JsonNode n) {
        return n.isNumber() ? Optional.of(n.asDouble()) : Optional.empty();
    }
}
