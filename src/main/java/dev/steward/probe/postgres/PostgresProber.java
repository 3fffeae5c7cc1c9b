package dev.steward.probe.postgres;

import dev.steward.core.config.ProbeSpec;
import dev.steward.core.expect.Observation;
import dev.steward.core.expect.Value;
import dev.steward.core.probe.Failure;
import dev.steward.core.probe.FailureKind;
import dev.steward.core.probe.ProbeObservation;
import dev.steward.core.probe.Prober;
import dev.steward.probe.FailureClassifier;
import dev.steward.probe.TimeBox;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * The {@code postgres} probe. Facts: {@code latency}, {@code rows} (rows returned, at most {@link #ROW_CAP}, or the
 * update count), {@code value} (first column of the first row: Num if numeric, Bool if boolean, else Text; absent when
 * there is no row or it is NULL) and {@code server_version}.
 *
 * <p>Time: the driver's {@code connectTimeout} and {@code socketTimeout} (whole seconds, rounded up) bound the
 * network; after connecting, {@code SET statement_timeout} to the milliseconds left makes the server cancel a slow
 * query itself (SQLSTATE 57014, reported as TIMEOUT); a {@link TimeBox} is the backstop for what neither covers (name
 * resolution). {@code loginTimeout} is deliberately not used: with it the driver starts a new platform thread for every
 * connection.
 *
 * <p>Failures: authentication refused or database missing (SQLSTATE 28xxx, 3D000) is CONNECT with the server's
 * message (never the password); a query the server rejects (syntax, missing table, permission) is PROTOCOL with its
 * SQLSTATE.
 */
public final class PostgresProber implements Prober<ProbeSpec.Postgres> {
    /** At most this many rows are fetched and counted. */
    public static final int ROW_CAP = 10_000;

    @Override
    public ProbeObservation probe(ProbeSpec.Postgres spec, Duration timeout) {
        long start = System.nanoTime();
        String target = display(spec.jdbcUrl());
        return TimeBox.run("probe-postgres", target, timeout, start, abort -> {
            try (Connection connection = DriverManager.getConnection(spec.jdbcUrl(), properties(spec, timeout))) {
                abort.onAbandon(() -> connection.abort(Runnable::run));
                return query(spec, connection, start, timeout);
            } catch (SQLException e) {
                Failure failure = classify(e, target, timeout);
                String safe = failure.message().replace(spec.jdbcUrl(), target);
                return ProbeObservation.failed(elapsed(start), Failure.of(failure.kind(), safe));
            }
        });
    }

    private static Properties properties(ProbeSpec.Postgres spec, Duration timeout) {
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        Properties p = new Properties();
        spec.user().ifPresent(u -> p.setProperty("user", u));
        spec.password().ifPresent(pw -> p.setProperty("password", pw.reveal()));
        p.setProperty("connectTimeout", Long.toString(seconds));
        p.setProperty("socketTimeout", Long.toString(seconds + 1));
        p.setProperty("loginTimeout", "0");
        p.setProperty("ApplicationName", "steward-probe");
        return p;
    }

    private static ProbeObservation query(ProbeSpec.Postgres spec, Connection connection, long start, Duration timeout)
            throws SQLException {
        long leftMillis = timeout.toMillis() - elapsed(start).toMillis();
        if (leftMillis <= 0) {
            return ProbeObservation.failed(
                    elapsed(start),
                    Failure.of(
                            FailureKind.TIMEOUT,
                            "connected to " + display(spec.jdbcUrl()) + " but no time was left for the query"));
        }
        Observation.Builder facts = Observation.builder();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET statement_timeout = " + leftMillis);
            statement.setMaxRows(ROW_CAP);
            if (statement.execute(spec.query())) {
                try (ResultSet rows = statement.getResultSet()) {
                    facts.fact("rows", Value.num(read(rows, facts)));
                }
            } else {
                facts.fact("rows", Value.num(Math.max(0, statement.getUpdateCount())));
            }
        }
        facts.fact("server_version", Value.text(connection.getMetaData().getDatabaseProductVersion()));
        Duration latency = elapsed(start);
        return ProbeObservation.answered(
                latency, facts.fact("latency", Value.dur(latency)).build());
    }

    /** Counts the rows and puts the first column of the first row as {@code value}. */
    private static int read(ResultSet rows, Observation.Builder facts) throws SQLException {
        int count = 0;
        while (rows.next()) {
            if (count++ == 0 && rows.getMetaData().getColumnCount() > 0) {
                Object first = rows.getObject(1);
                switch (first) {
                    case null -> {}
                    case Number n -> facts.fact("value", Value.num(n.doubleValue()));
                    case Boolean b -> facts.fact("value", Value.bool(b));
                    default -> facts.fact("value", Value.text(first.toString()));
                }
            }
        }
        return count;
    }

    static Failure classify(SQLException e, String target, Duration timeout) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("57014")) {
            return Failure.of(
                    FailureKind.TIMEOUT,
                    "query on " + target + " cancelled: no result within " + timeout.toMillis() + " ms");
        }
        if (state.startsWith("28") || state.equals("3D000")) {
            return Failure.of(FailureKind.CONNECT, target + " refused the connection: " + e.getMessage());
        }
        if (state.startsWith("08") || e.getCause() != null) {
            Failure network = FailureClassifier.classify(e.getCause() == null ? e : e.getCause(), target);
            return network.kind() == FailureKind.PROTOCOL
                    ? Failure.of(FailureKind.CONNECT, "cannot connect to " + target + ": " + e.getMessage())
                    : network;
        }
        return Failure.of(
                FailureKind.PROTOCOL,
                "query on " + target + " failed: " + e.getMessage() + " (SQLSTATE " + (state.isEmpty() ? "none" : state)
                        + ")");
    }

    /** The JDBC URL without its parameters, which may hold a password. */
    static String display(String jdbcUrl) {
        int q = jdbcUrl.indexOf('?');
        return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
