package io.cordee.api.limits;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * The key a per-address limit counts under. An IPv4 client is its address; an IPv6 client is its /64,
 * because one subscriber (one home, one cloud instance) is given a whole /64 and could otherwise take a
 * fresh address, and a fresh bucket, for every request.
 */
public final class ClientAddresses {

    private ClientAddresses() {
    }

    public static String key(InetSocketAddress remote) {
        if (remote == null || remote.getAddress() == null) {
            return "unknown";
        }
        InetAddress address = remote.getAddress();
        if (address instanceof Inet6Address) {
            byte[] prefix = new byte[16];
            System.arraycopy(address.getAddress(), 0, prefix, 0, 8);
            try {
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e); // 16 bytes are always an IPv6 address
            }
        }
        return address.getHostAddress();
    }
}
