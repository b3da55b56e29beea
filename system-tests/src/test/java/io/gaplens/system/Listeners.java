package io.gaplens.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the listening TCP sockets of this machine from /proc/net, as {@code ss -ltn} shows them. */
final class Listeners {

    private static final String LISTEN = "0A";

    private Listeners() {
    }

    /** Returns every listening address as {@code host:port}, with IPv4-mapped IPv6 addresses shown as IPv4. */
    static List<String> listening() throws IOException {
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] columns = line.trim().split("\\s+");
                if (columns.length > 3 && columns[3].equals(LISTEN)) {
                    addresses.add(decode(columns[1]));
                }
            }
        }
        return addresses;
    }

    private static String decode(String hexAddress) {
        String[] parts = hexAddress.split(":");
        int port = Integer.parseInt(parts[1], 16);
        String host = parts[0];
        if (host.length() == 32) {
            // An IPv6 address; an IPv4-mapped one ends with the IPv4 address after ffff.
            if (host.startsWith("0000000000000000FFFF0000")) {
                host = host.substring(24);
            } else {
                return (host.equals("00000000000000000000000000000000") ? "::" : host) + ":" + port;
            }
        }
        // /proc/net stores IPv4 addresses as little-endian hexadecimal.
        StringBuilder ipv4 = new StringBuilder();
        for (int i = 6; i >= 0; i -= 2) {
            ipv4.append(Integer.parseInt(host.substring(i, i + 2), 16));
            if (i > 0) {
                ipv4.append('.');
            }
        }
        return ipv4 + ":" + port;
    }
}
