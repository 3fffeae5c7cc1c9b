package dev.steward.core.rule.template;

/** Prometheus's {@code stripPort} and {@code stripDomain}, on Go's {@code net.SplitHostPort} rules. */
final class HostPort {
    private HostPort() {}

    /** {@code host:port} to {@code host} ({@code [::1]:80} to {@code ::1}); anything else unchanged. */
    static String stripPort(String hostPort) {
        String[] split = split(hostPort);
        return split == null ? hostPort : split[0];
    }

    /** {@code node1.example.com:9100} to {@code node1:9100}; IP addresses unchanged. */
    static String stripDomain(String hostPort) {
        String[] split = split(hostPort);
        String host = split == null ? hostPort : split[0];
        String port = split == null ? "" : split[1];
        if (isIp(host)) {
            return hostPort;
        }
        String first = host.split("\\.", -1)[0];
        if (port.isEmpty()) {
            return first;
        }
        return first.contains(":") ? "[" + first + "]:" + port : first + ":" + port;
    }

    /** Host and port as Go's {@code net.SplitHostPort} splits them, or null where it fails. */
    private static String[] split(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) {
            return null;
        }
        String host = hostPort.substring(0, colon);
        String port = hostPort.substring(colon + 1);
        if (host.startsWith("[")) {
            if (!host.endsWith("]") || host.indexOf(']') != host.length() - 1) {
                return null;
            }
            return new String[] {host.substring(1, host.length() - 1), port};
        }
        if (host.contains(":") || host.contains("[") || host.contains("]") || port.contains("]")) {
            return null;
        }
        return new String[] {host, port};
    }

    private static boolean isIp(String host) {
        if (host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
            for (String part : host.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
            return true;
        }
        return host.contains(":") && host.matches("[0-9a-fA-F:.]+");
    }
}
