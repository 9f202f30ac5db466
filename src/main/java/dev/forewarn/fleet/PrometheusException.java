package dev.forewarn.fleet;

/**
 * A Prometheus server that cannot be read as asked: down, too slow, refusing the credentials,
 * answering with an error or with something that is not the Prometheus HTTP API. The message is
 * one line meant for the admin ("Prometheus at http://... did not answer within 30 s").
 */
public class PrometheusException extends RuntimeException {

    /** A failure with its one-line message. */
    public PrometheusException(String message) {
        super(message);
    }

    /** A failure with its one-line message and the cause (kept for {@code -v}). */
    public PrometheusException(String message, Throwable cause) {
        super(message, cause);
    }
}
