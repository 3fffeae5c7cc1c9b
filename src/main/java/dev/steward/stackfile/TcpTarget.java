package dev.steward.stackfile;

import dev.steward.stackfile.ProbeReader.HostPort;
import java.util.Optional;

/** The target of a TCP probe: {@code host} and {@code port}, or {@code address: "host:port"} ({@code [::1]:6379}). */
final class TcpTarget {
    private static final String PORT_EXPECTED = "a port number from 1 to 65535";

    private TcpTarget() {}

    static Optional<HostPort> read(NodeReader r, Fields f) {
        if (f.has("address") && (f.has("host") || f.has("port"))) {
            String other = f.has("host") ? "host" : "port";
            r.diagnostics.add(
                    f.keyNode("address").orElseThrow(),
                    f.path("address"),
                    "address and " + other + " both set",
                    null,
                    "either address or host and port");
            return Optional.empty();
        }
        if (f.has("address")) {
            YamlNode node = f.get("address").orElseThrow();
            return r.text(node, f.path("address")).flatMap(a -> address(r, node, f.path("address"), a));
        }
        Optional<String> host = r.require(f, "host", "a host name or IP address (or address: \"host:port\")")
                .flatMap(n -> r.text(n, f.path("host")));
        Optional<Integer> port =
                r.require(f, "port", PORT_EXPECTED).flatMap(n -> r.integer(n, f.path("port"), 1, 65535, PORT_EXPECTED));
        if (host.isPresent() && host.get().isBlank()) {
            r.diagnostics.add(
                    f.get("host").orElseThrow(), f.path("host"), "empty host", null, "a host name or IP address");
            return Optional.empty();
        }
        return host.flatMap(h -> port.map(p -> new HostPort(h, p)));
    }

    private static Optional<HostPort> address(NodeReader r, YamlNode node, String path, String address) {
        int colon = address.lastIndexOf(':');
        String host = colon < 0 ? "" : address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String port = colon < 0 ? "" : address.substring(colon + 1);
        boolean portOk = port.matches("[0-9]{1,5}") && Integer.parseInt(port) >= 1 && Integer.parseInt(port) <= 65535;
        if (host.isEmpty() || !portOk) {
            String written = ((YamlNode.Scalar) node).value();
            r.diagnostics.add(
                    node,
                    path,
                    host.isEmpty() ? "invalid address" : "invalid port in address",
                    Quote.of(written),
                    "host:port with " + PORT_EXPECTED);
            return Optional.empty();
        }
        return Optional.of(new HostPort(host, Integer.parseInt(port)));
    }
}
