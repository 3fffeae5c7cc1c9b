package dev.steward.stackfile;

import dev.steward.core.config.ProbeSpec;
import dev.steward.core.config.ProbeSpec.Auth;
import dev.steward.core.config.ProbeSpec.Tls;
import dev.steward.core.config.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Reads the probe part of a check ({@code http: {...}}, {@code tcp: {...}}, ...) into a {@link ProbeSpec}. */
final class ProbeReader {
    static final List<String> TYPES = List.of("http", "health", "tcp", "postgres", "redis", "elasticsearch", "command");
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final NodeReader r;
    private final Path baseDirectory;

    ProbeReader(NodeReader reader, Path baseDirectory) {
        this.r = reader;
        this.baseDirectory = baseDirectory;
    }

    /** The probe of type {@code type} described by {@code node}; empty if anything in it is wrong. */
    Optional<ProbeSpec> read(String type, YamlNode node, String path) {
        int errorsBefore = r.diagnostics.count();
        Supplier<Optional<? extends ProbeSpec>> reader = switch (type) {
            case "http" -> () -> http(node, path);
            case "health" -> () -> health(node, path);
            case "tcp" -> () -> tcp(node, path);
            case "postgres" -> () -> postgres(node, path);
            case "redis" -> () -> redis(node, path);
            case "elasticsearch" -> () -> elasticsearch(node, path);
            case "command" -> () -> command(node, path);
            default -> throw new IllegalArgumentException(type);
        };
        Optional<? extends ProbeSpec> spec = reader.get();
        return r.diagnostics.count() == errorsBefore ? spec.map(ProbeSpec.class::cast) : Optional.empty();
    }

    private Optional<ProbeSpec.Http> http(YamlNode node, String path) {
        List<String> keys =
                List.of("url", "method", "headers", "body", "follow_redirects", "tls", "basic_auth", "bearer_token");
        return r.fields(node, path, "a mapping with url and optional method, headers, body, ...", keys)
                .flatMap(f -> {
                    Optional<URI> url = httpUrl(f);
                    String method = f.get("method")
                            .flatMap(n -> method(n, f.path("method")))
                            .orElse("GET");
                    Map<String, Secret> headers = headers(f);
                    Optional<String> body = f.get("body").flatMap(n -> r.text(n, f.path("body")));
                    boolean follow = f.get("follow_redirects")
                            .flatMap(n -> r.bool(n, f.path("follow_redirects")))
                            .orElse(true);
                    Tls tls = tls(f);
                    Optional<Auth> auth = auth(f, headers);
                    return url.map(u -> new ProbeSpec.Http(method, u, headers, body, follow, tls, auth));
                });
    }

    private Optional<ProbeSpec.Health> health(YamlNode node, String path) {
        List<String> keys = List.of("url", "headers", "tls", "basic_auth", "bearer_token");
        return r.fields(node, path, "a mapping with url and optional headers, tls, basic_auth or bearer_token", keys)
                .flatMap(f -> {
                    Optional<URI> url = httpUrl(f);
                    Map<String, Secret> headers = headers(f);
                    Tls tls = tls(f);
                    Optional<Auth> auth = auth(f, headers);
                    return url.map(u -> new ProbeSpec.Health(u, headers, tls, auth));
                });
    }

    private Optional<ProbeSpec.Elasticsearch> elasticsearch(YamlNode node, String path) {
        List<String> keys = List.of("url", "headers", "basic_auth", "bearer_token");
        return r.fields(node, path, "a mapping with url and optional headers, basic_auth or bearer_token", keys)
                .flatMap(f -> {
                    Optional<URI> url = httpUrl(f);
                    Map<String, Secret> headers = headers(f);
                    Optional<Auth> auth = auth(f, headers);
                    return url.map(u -> new ProbeSpec.Elasticsearch(u, headers, auth));
                });
    }

    private Optional<ProbeSpec.Postgres> postgres(YamlNode node, String path) {
        List<String> keys = List.of("url", "user", "password", "query");
        return r.fields(node, path, "a mapping with url and optional user, password, query", keys)
                .flatMap(f -> {
                    String expected = "a JDBC URL such as jdbc:postgresql://127.0.0.1:5432/app";
                    Optional<String> url =
                            r.require(f, "url", expected).flatMap(n -> jdbcUrl(n, f.path("url"), expected));
                    Optional<String> user = f.get("user").flatMap(n -> r.text(n, f.path("user")));
                    Optional<Secret> password = f.get("password").flatMap(n -> r.secret(n, f.path("password")));
                    String query = f.get("query")
                            .flatMap(n -> r.text(n, f.path("query")))
                            .orElse("select 1");
                    return url.map(u -> new ProbeSpec.Postgres(u, user, password, query));
                });
    }

    private Optional<String> jdbcUrl(YamlNode node, String path, String expected) {
        Optional<String> url = r.text(node, path);
        if (url.isPresent()
                && (!url.get().startsWith("jdbc:postgresql://") || url.get().length() == 18)) {
            r.diagnostics.add(node, path, "invalid URL", Quote.of(((YamlNode.Scalar) node).value()), expected);
            return Optional.empty();
        }
        return url;
    }

    private Optional<ProbeSpec.Redis> redis(YamlNode node, String path) {
        String expected = "a redis:// or rediss:// URL with a host";
        String urlPath = KeyPath.key(path, "url");
        return r.fields(node, path, "a mapping with url", List.of("url"))
                .flatMap(f -> r.require(f, "url", expected))
                .flatMap(n ->
                        r.url(n, urlPath, List.of("redis", "rediss"), expected).flatMap(valid -> r.secret(n, urlPath)))
                .map(ProbeSpec.Redis::new);
    }

    private Optional<ProbeSpec.Tcp> tcp(YamlNode node, String path) {
        List<String> keys = List.of("host", "port", "address", "send", "expect", "tls");
        return r.fields(node, path, "a mapping with host and port (or address) and optional send, expect, tls", keys)
                .flatMap(f -> {
                    Optional<HostPort> target = TcpTarget.read(r, f);
                    Optional<String> send = f.get("send").flatMap(n -> r.text(n, f.path("send")));
                    Optional<String> expect = f.get("expect").flatMap(n -> r.text(n, f.path("expect")));
                    boolean tls =
                            f.get("tls").flatMap(n -> r.bool(n, f.path("tls"))).orElse(false);
                    return target.map(t -> new ProbeSpec.Tcp(t.host(), t.port(), send, expect, tls));
                });
    }

    record HostPort(String host, int port) {}

    private Optional<ProbeSpec.Command> command(YamlNode node, String path) {
        return r.fields(node, path, "a mapping with run and optional env, workdir", List.of("run", "env", "workdir"))
                .flatMap(f -> {
                    Optional<List<String>> argv = r.require(f, "run", "a command line or a list of arguments")
                            .flatMap(n -> argv(n, f.path("run")));
                    Map<String, Secret> env =
                            f.get("env").map(n -> environment(n, f.path("env"))).orElse(Map.of());
                    Optional<Path> workdir = f.get("workdir")
                            .flatMap(n -> r.text(n, f.path("workdir")))
                            .map(baseDirectory::resolve);
                    return argv.map(a -> new ProbeSpec.Command(a, env, workdir));
                });
    }

    /** A string runs through {@code /bin/sh -c}; a list is the argument vector, run without a shell. */
    private Optional<List<String>> argv(YamlNode node, String path) {
        if (node instanceof YamlNode.Scalar) {
            Optional<String> line = r.text(node, path);
            if (line.isPresent() && line.get().isBlank()) {
                r.diagnostics.add(node, path, "empty command", null, "at least the program to run");
                return Optional.empty();
            }
            return line.map(s -> List.of("/bin/sh", "-c", s));
        }
        Optional<List<YamlNode>> items = r.list(node, path, "a command line or a list of arguments");
        if (items.isEmpty()) {
            return Optional.empty();
        }
        if (items.get().isEmpty()) {
            r.diagnostics.add(node, path, "empty command", null, "at least the program to run");
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.get().size(); i++) {
            r.text(items.get().get(i), KeyPath.index(path, i)).ifPresent(out::add);
        }
        return out.size() == items.get().size() ? Optional.of(List.copyOf(out)) : Optional.empty();
    }

    private Map<String, Secret> environment(YamlNode node, String path) {
        Map<String, Secret> out = new LinkedHashMap<>();
        if (!(node instanceof YamlNode.Mapping m)) {
            r.wrongType(node, path, "a mapping of variable names to values");
            return out;
        }
        for (YamlNode.Entry e : m.entries()) {
            String name = e.key().value();
            String p = KeyPath.key(path, name);
            if (!ENV_NAME.matcher(name).matches()) {
                r.diagnostics.add(
                        e.key(), p, "invalid environment variable name", Quote.of(name), "a name such as API_TOKEN");
                continue;
            }
            r.secret(e.value(), p).ifPresent(v -> out.put(name, v));
        }
        return Collections.unmodifiableMap(out);
    }

    private Optional<String> method(YamlNode node, String path) {
        Optional<String> m = r.text(node, path).map(s -> s.toUpperCase(Locale.ROOT));
        if (m.isPresent() && !METHODS.contains(m.get())) {
            r.diagnostics.add(
                    node,
                    path,
                    "unsupported HTTP method",
                    Quote.of(((YamlNode.Scalar) node).value()),
                    "one of " + String.join(", ", METHODS));
            return Optional.empty();
        }
        return m;
    }

    private Optional<URI> httpUrl(Fields f) {
        return r.require(f, "url", "an http:// or https:// URL").flatMap(n -> r.httpUrl(n, f.path("url")));
    }

    private Map<String, Secret> headers(Fields f) {
        return f.get("headers").map(n -> r.headers(n, f.path("headers"))).orElse(Map.of());
    }

    private Tls tls(Fields f) {
        return f.get("tls")
                .flatMap(n -> r.fields(
                        n,
                        f.path("tls"),
                        "a mapping with insecure_skip_verify, ca_file",
                        List.of("insecure_skip_verify", "ca_file")))
                .map(t -> new Tls(
                        t.get("insecure_skip_verify")
                                .flatMap(n -> r.bool(n, t.path("insecure_skip_verify")))
                                .orElse(false),
                        t.get("ca_file")
                                .flatMap(n -> r.text(n, t.path("ca_file")))
                                .map(baseDirectory::resolve)))
                .orElse(Tls.DEFAULT);
    }

    private Optional<Auth> auth(Fields f, Map<String, Secret> headers) {
        Optional<Auth> basic = f.get("basic_auth").flatMap(n -> basicAuth(n, f.path("basic_auth")));
        Optional<Auth> bearer = f.get("bearer_token")
                .flatMap(n -> r.secret(n, f.path("bearer_token")))
                .map(Auth.Bearer::new);
        if (f.has("basic_auth") && f.has("bearer_token")) {
            r.diagnostics.add(
                    f.keyNode("bearer_token").orElseThrow(),
                    f.path("bearer_token"),
                    "basic_auth and bearer_token both set",
                    null,
                    "at most one of them");
        }
        boolean authorizationHeader = headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Authorization"));
        if (authorizationHeader && (f.has("basic_auth") || f.has("bearer_token"))) {
            String key = f.has("basic_auth") ? "basic_auth" : "bearer_token";
            r.diagnostics.add(
                    f.keyNode(key).orElseThrow(),
                    f.path(key),
                    "an Authorization header and " + key + " both set",
                    null,
                    "credentials in one place only");
        }
        return basic.or(() -> bearer);
    }

    private Optional<Auth> basicAuth(YamlNode node, String path) {
        return r.fields(node, path, "a mapping with username and password", List.of("username", "password"))
                .flatMap(f -> {
                    Optional<String> user =
                            r.require(f, "username", "text").flatMap(n -> r.text(n, f.path("username")));
                    Optional<Secret> password = r.require(f, "password", "text, usually ${env:NAME} or ${file:/path}")
                            .flatMap(n -> r.secret(n, f.path("password")));
                    return user.flatMap(u -> password.map(p -> new Auth.Basic(u, p)));
                });
    }
}
