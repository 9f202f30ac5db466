package dev.forewarn.fleet;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP proxy from the usual environment, as curl and wget read it: {@code https_proxy} /
 * {@code HTTPS_PROXY} for https URLs, {@code http_proxy} / {@code HTTP_PROXY} for http, and
 * {@code no_proxy} / {@code NO_PROXY} (comma-separated host names or domain suffixes, {@code *} for
 * all) for the hosts reached directly. Loopback is always reached directly. The JDK's client reads
 * only Java system properties, hence this selector.
 */
final class EnvironmentProxy extends ProxySelector {

    private final Proxy http;
    private final Proxy https;
    private final List<String> noProxy;

    private EnvironmentProxy(Proxy http, Proxy https, List<String> noProxy) {
        this.http = http;
        this.https = https;
        this.noProxy = noProxy;
    }

    /** The selector for an environment, or null when it names no proxy. */
    static EnvironmentProxy from(Map<String, String> env) {
        Proxy http = proxy(first(env, "http_proxy", "HTTP_PROXY"));
        Proxy https = proxy(first(env, "https_proxy", "HTTPS_PROXY"));
        if (http == null && https == null) {
            return null;
        }
        String no = first(env, "no_proxy", "NO_PROXY");
        List<String> hosts = no == null ? List.of()
                : java.util.Arrays.stream(no.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
        return new EnvironmentProxy(http, https, hosts);
    }

    private static String first(Map<String, String> env, String a, String b) {
        String v = env.get(a);
        if (v == null || v.isBlank()) {
            v = env.get(b);
        }
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static Proxy proxy(String text) {
        if (text == null) {
            return null;
        }
        URI u = URI.create(text.contains("://") ? text : "http://" + text);
        int port = u.getPort() > 0 ? u.getPort() : 80;
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(u.getHost(), port));
    }

    @Override
    public List<Proxy> select(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        Proxy p = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
        if (p == null || direct(host)) {
            return List.of(Proxy.NO_PROXY);
        }
        return List.of(p);
    }

    boolean direct(String host) {
        if (host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]")) {
            return true;
        }
        for (String n : noProxy) {
            String suffix = n.startsWith(".") ? n : "." + n;
            if (n.equals("*") || host.equals(n) || host.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // the request fails with its own message; nothing to remember
    }
}
