package dev.forewarn.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Logging set up in code (found by logback through {@code META-INF/services}): WARN and above
 * to stderr as {@code HH:mm:ss.SSS LEVEL Logger - message}; {@link Verbosity} raises the level
 * for {@code -v}/{@code -vv}. Done in code rather than in logback.xml because parsing the XML
 * costs a cold {@code forewarn sample} about a third of its CPU (an XML parser and some 400
 * classes), and cron runs it every minute. {@code -Dlogback.configurationFile=...} still wins.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("STDERR");
        appender.setTarget("System.err");
        LineLayout layout = new LineLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(appender);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** {@code 17:04:05.123 WARN  Sampler - message}, then the stack trace when the event has one. */
    static final class LineLayout extends LayoutBase<ILoggingEvent> {
        private ZoneId zone; // on the first line: reading the time zone costs a silent cron run for nothing

        @Override
        public String doLayout(ILoggingEvent event) {
            if (zone == null) {
                zone = ZoneId.systemDefault();
            }
            LocalTime t = LocalTime.ofInstant(Instant.ofEpochMilli(event.getTimeStamp()), zone);
            String logger = event.getLoggerName();
            StringBuilder sb = new StringBuilder(128);
            sb.append(String.format("%02d:%02d:%02d.%03d ", t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1_000_000));
            String level = event.getLevel().toString();
            sb.append(level).append(" ".repeat(Math.max(1, 6 - level.length())));
            sb.append(logger.substring(logger.lastIndexOf('.') + 1)).append(" - ").append(event.getFormattedMessage())
                    .append(CoreConstants.LINE_SEPARATOR);
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                sb.append(ThrowableProxyUtil.asString(thrown)).append(CoreConstants.LINE_SEPARATOR);
            }
            return sb.toString();
        }
    }
}
