package dev.steward.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Which real servers answer on this machine's default ports, so the demo can watch them too: PostgreSQL on
 * 127.0.0.1:5432 and Redis on 127.0.0.1:6379. "Answers" means a TCP connection was accepted; nothing is sent.
 */
public record LocalServers(boolean postgres, boolean redis) {

    public static final InetSocketAddress POSTGRES = new InetSocketAddress("127.0.0.1", 5432);
    public static final InetSocketAddress REDIS = new InetSocketAddress("127.0.0.1", 6379);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(300);

    public static final LocalServers NONE = new LocalServers(false, false);

    public static LocalServers detect() {
        return new LocalServers(answers(POSTGRES, DEFAULT_TIMEOUT), answers(REDIS, DEFAULT_TIMEOUT));
    }

    /** Whether a TCP connection to {@code address} is accepted within {@code timeout}. */
    public static boolean answers(InetSocketAddress address, Duration timeout) {
        try (var socket = new Socket()) {
            socket.connect(address, (int) Math.max(1, timeout.toMillis()));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
