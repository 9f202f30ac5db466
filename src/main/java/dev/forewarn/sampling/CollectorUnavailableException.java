package dev.forewarn.sampling;

/**
 * A collector cannot run on this host by design, not by accident (smartctl is not installed,
 * the process is not root): the sample records {@code forewarn.collector.success 0} for it as
 * for any failure, but the {@link Sampler} logs it at INFO, not WARN, so that a cron job does not
 * mail the same explanation every five minutes. {@code check} says it once, with the reason.
 */
public class CollectorUnavailableException extends Exception {

    /** The reason, in words a sysadmin can act on. */
    public CollectorUnavailableException(String reason) {
        super(reason);
    }
}
