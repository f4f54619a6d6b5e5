package io.cordee.api.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

/**
 * {@code Forwarded} / {@code X-Forwarded-*} headers (ADR 26), believed only from a trusted proxy: a TLS
 * proxy in front of Cordée says {@code X-Forwarded-Proto: https}, so the session cookie is {@code Secure}
 * and the request's scheme and host are the browser's; the client address is the first one, reading the
 * forwarded chain from the right, that is not a trusted proxy ({@link #client}). Spring's
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
        if (!hasForwardedHeaders(request)) {
            return request; // most requests: nothing to believe or remove, and a copy of the request is not free
        }
        if (!trusted(request.getRemoteAddress())) {
            return remover.apply(request);
        }
        InetAddress client = client(request.getHeaders(), request.getRemoteAddress().getAddress());
        ServerHttpRequest forwarded = super.apply(request);
        int port = forwarded.getRemoteAddress() == null ? 0 : forwarded.getRemoteAddress().getPort();
        return forwarded.mutate().remoteAddress(new InetSocketAddress(client, port)).build();
    }

    /**
     * The client's address: the forwarded chain read from the right (the entry our own proxy appended)
     * leftwards, skipping trusted proxies; the first address that is not one is the client. Spring takes
     * the leftmost entry, which the client writes itself when a proxy appends to the header it sent
     * (nginx's {@code $proxy_add_x_forwarded_for}, load balancers), so anyone could pick a new address per
     * request and escape the per-address limits. An entry that is not an address literal ({@code unknown},
     * an obfuscated name) stops the walk: nothing left of it can be believed.
     */
    InetAddress client(HttpHeaders headers, InetAddress peer) {
        List<String> chain = forwardedFor(headers);
        InetAddress client = peer;
        for (int i = chain.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(chain.get(i));
            if (hop == null) {
                return client;
            }
            client = hop;
            if (!trusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** The {@code for=} entries of {@code Forwarded} if present, else {@code X-Forwarded-For}, in order. */
    static List<String> forwardedFor(HttpHeaders headers) {
        List<String> entries = new ArrayList<>();
        List<String> forwarded = headers.getOrEmpty("Forwarded");
        if (!forwarded.isEmpty()) {
            for (String header : forwarded) {
                for (String element : header.split(",")) {
                    for (String pair : element.split(";")) {
                        String p = pair.strip();
                        if (p.regionMatches(true, 0, "for=", 0, 4)) {
                            entries.add(p.substring(4).replace("\"", ""));
                        }
                    }
                }
            }
            return entries;
        }
        for (String header : headers.getOrEmpty("X-Forwarded-For")) {
            for (String entry : header.split(",")) {
                entries.add(entry.strip());
            }
        }
        return entries;
    }

    /** {@code 1.2.3.4}, {@code 1.2.3.4:80}, {@code [2001:db8::1]:80} or {@code 2001:db8::1}; null if not a literal. */
    static InetAddress literal(String entry) {
        String host = entry;
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            host = end < 0 ? "" : host.substring(1, end);
        } else if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
            host = host.substring(0, host.indexOf(':')); // IPv4 with a port
        }
        String literal;
        if (host.matches("(\\d{1,3}\\.){3}\\d{1,3}")) {
            literal = host;
        } else if (host.contains(":") && host.matches("[0-9A-Fa-f:.]+")) {
            literal = "[" + host + "]"; // in brackets an invalid IPv6 text is refused, never looked up by name
        } else {
            return null;
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    boolean trusted(InetSocketAddress remote) {
        return remote != null && remote.getAddress() != null && trusted(remote.getAddress());
    }

    boolean trusted(InetAddress address) {
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
