package dev.steward.core.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a check probes and how. One record per probe type; each adapter in {@code dev.steward.probe.*} takes one. */
public sealed interface ProbeSpec {

    /** The probe type as written in the stack file ({@code http}, {@code postgres}, ...). */
    String type();

    /** Where the probe points, redacted, for display ({@code http://127.0.0.1:5000/health}). */
    String target();

    /** HTTP(S) request. {@code expect} conditions see status, latency, body, header[...], cert_expiry. */
    record Http(
            String method,
            URI url,
            Map<String, Secret> headers,
            Optional<String> body,
            boolean followRedirects,
            Tls tls,
            Optional<Auth> auth)
            implements ProbeSpec {
        public String type() {
            return "http";
        }

        public String target() {
            return withoutUserInfo(url);
        }
    }

    /** A Spring Boot Actuator or ASP.NET Core HealthChecks JSON endpoint; each component becomes a sub-status. */
    record Health(URI url, Map<String, Secret> headers, Tls tls, Optional<Auth> auth) implements ProbeSpec {
        public String type() {
            return "health";
        }

        public String target() {
            return withoutUserInfo(url);
        }
    }

    /** TCP connect, optionally send a line and expect a substring in the reply. */
    record Tcp(String host, int port, Optional<String> send, Optional<String> expect, boolean tls)
            implements ProbeSpec {
        public String type() {
            return "tcp";
        }

        public String target() {
            return host + ":" + port;
        }
    }

    /** JDBC connect to PostgreSQL and run a query. */
    record Postgres(String jdbcUrl, Optional<String> user, Optional<Secret> password, String query)
            implements ProbeSpec {
        public String type() {
            return "postgres";
        }

        public String target() {
            return jdbcUrl.replaceAll("(?i)([?&]password=)[^&]*", "$1<redacted>");
        }
    }

    /** Redis PING plus INFO fields ({@code info.used_memory}, {@code info.keyspace_hit_ratio}, ...). */
    record Redis(Secret url) implements ProbeSpec {
        public String type() {
            return "redis";
        }

        public String target() {
            return url.toString();
        }
    }

    /** Elasticsearch {@code _cluster/health}; conditions see {@code cluster.status} and friends. */
    record Elasticsearch(URI url, Map<String, Secret> headers, Optional<Auth> auth) implements ProbeSpec {
        public String type() {
            return "elasticsearch";
        }

        public String target() {
            return withoutUserInfo(url);
        }
    }

    /** A local command; conditions see exit_code, stdout, stderr. */
    record Command(List<String> argv, Map<String, Secret> env, Optional<Path> workdir) implements ProbeSpec {
        public String type() {
            return "command";
        }

        public String target() {
            return String.join(" ", argv);
        }
    }

    /** A URL for display: any {@code user:password@} part is replaced by {@code <redacted>@}. */
    static String withoutUserInfo(URI url) {
        return url.getRawUserInfo() == null
                ? url.toString()
                : url.toString().replace(url.getRawUserInfo() + "@", "<redacted>@");
    }

    /** TLS options for HTTP-based probes. */
    record Tls(boolean insecureSkipVerify, Optional<Path> caFile) {
        public static final Tls DEFAULT = new Tls(false, Optional.empty());
    }

    /** Credentials for HTTP-based probes. */
    sealed interface Auth {
        record Basic(String username, Secret password) implements Auth {}

        record Bearer(Secret token) implements Auth {}
    }
}
