package io.cordee.api.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

/**
 * {@code Forwarded} / {@code X-Forwarded-*} headers (ADR 26), believed only from a trusted proxy: a TLS
 * proxy in front of Cordée says {@code X-Forwarded-Proto: https}, so the session cookie is {@code Secure}
 * and the request's scheme, host and client address are the browser's. Spring's
 * {@link ForwardedHeaderTransformer} believes anyone; this one applies the headers only when the
 * connection comes from an address of {@code cordee.http.trusted-proxies} (CIDR ranges; by default
 * loopback and the private networks, as Tomcat's {@code internal-proxies}) and removes them from any
 * other, so that a client on the internet reaching the port directly cannot pass itself off as another
 * address or scheme. Registered as Boot's {@code forwardedHeaderTransformer} bean
 * ({@code server.forward-headers-strategy=framework}).
 */
public class TrustedForwardedHeaders extends ForwardedHeaderTransformer {

    public static final String DEFAULT_TRUSTED_PROXIES = "127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,"
            + "192.168.0.0/16,169.254.0.0/16,100.64.0.0/10,fc00::/7,fe80::/10";

    private final List<Cidr> trusted;
    private final ForwardedHeaderTransformer remover = new ForwardedHeaderTransformer();

    public TrustedForwardedHeaders(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
        remover.setRemoveOnly(true);
    }

    @Override
    public ServerHttpRequest apply(ServerHttpRequest request) {
        return trusted(request.getRemoteAddress()) ? super.apply(request) : remover.apply(request);
    }

    boolean trusted(InetSocketAddress remote) {
        if (remote == null || remote.getAddress() == null) {
            return false;
        }
        InetAddress address = remote.getAddress();
        return trusted.stream().anyMatch(range -> range.contains(address));
    }

    /** An address range such as {@code 10.0.0.0/8} or {@code fc00::/7}; a bare address is one address. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            String host = slash < 0 ? text : text.substring(0, slash);
            if (!host.matches("[0-9A-Fa-f:.]+")) {
                throw new IllegalArgumentException("cordee.http.trusted-proxies: '" + text
                        + "' is not an address range such as 10.0.0.0/8 (no host names)");
            }
            byte[] network;
            try {
                network = InetAddress.getByName(host).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("cordee.http.trusted-proxies: '" + text + "' is not an address", e);
            }
            int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("cordee.http.trusted-proxies: bad prefix length in '" + text + "'");
            }
            return new Cidr(network, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false; // an IPv4 range never holds an IPv6 address and conversely
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }
}
