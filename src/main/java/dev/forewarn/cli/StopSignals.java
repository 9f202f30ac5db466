package dev.forewarn.cli;

import org.slf4j.LoggerFactory;

/**
 * Turns SIGTERM and SIGINT into a polite stop request instead of an immediate JVM shutdown, so
 * that {@code collect} finishes the sample in flight and exits 0 (a shutdown started by a
 * signal would end with 143). Uses {@code sun.misc.Signal} from the jdk.unsupported module,
 * reached by reflection so the build has no internal-API warning; when it is missing, the
 * shutdown hook still stores the sample in flight.
 */
final class StopSignals {

    private StopSignals() {
    }

    /** Calls {@code onStop} on SIGTERM or SIGINT. */
    static void install(Runnable onStop) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object proxy = java.lang.reflect.Proxy.newProxyInstance(StopSignals.class.getClassLoader(), new Class<?>[] {handler},
                    (p, method, args) -> {
                        if (method.getName().equals("handle")) {
                            onStop.run();
                            return null;
                        }
                        return method.getName().equals("toString") ? "forewarn stop handler" : method.invoke(onStop, args);
                    });
            for (String name : new String[] {"TERM", "INT"}) {
                Object sig = signal.getConstructor(String.class).newInstance(name);
                signal.getMethod("handle", signal, handler).invoke(null, sig, proxy);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LoggerFactory.getLogger(StopSignals.class).debug("signal handlers unavailable; the shutdown hook stops collect", e);
        }
    }
}
