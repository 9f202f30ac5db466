package dev.forewarn.sampling;

import oshi.SystemInfo;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;
import oshi.util.GlobalConfig;

/**
 * What collector factories are built from: the OSHI layers (made on first use, so a run whose
 * collectors read only {@code /proc} never initialises OSHI), the {@code /proc} reader and the
 * options. This is the only place in sampling that knows {@link SystemInfo}; collectors get
 * the interfaces they read, so tests can hand them fakes.
 */
public final class CollectorContext {

    private final ProcFs proc;
    private final SamplingOptions options;
    private SystemInfo systemInfo;
    private HardwareAbstractionLayer hardware;
    private OperatingSystem operatingSystem;

    public CollectorContext(ProcFs proc, SamplingOptions options) {
        this.proc = proc;
        this.options = options;
    }

    /** The host: the real {@code /proc} and OSHI. */
    public static CollectorContext system(SamplingOptions options) {
        return new CollectorContext(ProcFs.system(), options);
    }

    /** The {@code /proc} reader. */
    public ProcFs proc() {
        return proc;
    }

    /** The options in force. */
    public SamplingOptions options() {
        return options;
    }

    /** OSHI's hardware layer (memory, sensors, power sources, disks). */
    public synchronized HardwareAbstractionLayer hardware() {
        if (hardware == null) {
            hardware = systemInfo().getHardware();
        }
        return hardware;
    }

    /** OSHI's operating-system layer (file systems, processes). */
    public synchronized OperatingSystem operatingSystem() {
        if (operatingSystem == null) {
            operatingSystem = systemInfo().getOperatingSystem();
        }
        return operatingSystem;
    }

    private SystemInfo systemInfo() {
        if (systemInfo == null) {
            // No collector needs udev (power supplies are then listed from /sys/class/power_supply),
            // and loading it costs a cold sample a JNA library search that runs 'ldconfig -p'.
            GlobalConfig.set(GlobalConfig.OSHI_OS_LINUX_ALLOWUDEV, false);
            systemInfo = new SystemInfo();
        }
        return systemInfo;
    }
}
