package dev.forewarn.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentProxyTest {

    private static String via(EnvironmentProxy p, String url) {
        Proxy x = p.select(URI.create(url)).get(0);
        return x.type() == Proxy.Type.DIRECT ? "direct" : ((InetSocketAddress) x.address()).getHostString() + ":"
                + ((InetSocketAddress) x.address()).getPort();
    }

    @Test
    void httpsAndHttpUseTheirOwnVariableAndLoopbackAndNoProxyGoDirect() {
        EnvironmentProxy p = EnvironmentProxy.from(Map.of("https_proxy", "http://proxy.corp:3128", "HTTP_PROXY", "proxy.corp:8080",
                "no_proxy", "internal.example, .lan"));
        assertEquals("proxy.corp:3128", via(p, "https://prom.example.com:9090"));
        assertEquals("proxy.corp:8080", via(p, "http://prom.example.com:9090"));
        assertEquals("direct", via(p, "http://127.0.0.1:9090"));
        assertEquals("direct", via(p, "http://localhost:9090"));
        assertEquals("direct", via(p, "http://internal.example:9090"));
        assertEquals("direct", via(p, "http://prom.internal.example:9090"));
        assertEquals("direct", via(p, "http://prom.lan:9090"));
        assertEquals("proxy.corp:8080", via(p, "http://notinternal.example:9090"));
    }

    @Test
    void noVariableMeansNoSelector() {
        assertNull(EnvironmentProxy.from(Map.of("no_proxy", "*")));
    }
}
