package dev.steward.probe.tcp;

import dev.steward.core.config.ProbeSpec;
import dev.steward.core.expect.Observation;
import dev.steward.core.expect.Value;
import dev.steward.core.probe.Failure;
import dev.steward.core.probe.FailureKind;
import dev.steward.core.probe.ProbeObservation;
import dev.steward.core.probe.Prober;
import dev.steward.probe.FailureClassifier;
import dev.steward.probe.TimeBox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The {@code tcp} probe. Facts: {@code latency} and, when an {@code expect} substring is given, {@code reply} (the
 * text read, UTF-8, at most {@link #REPLY_CAP} bytes). Reading stops as soon as the substring appears. Without {@code
 * expect} nothing is read: a successful connect (and send) is the answer. Expect not found: PROTOCOL with the reply
 * seen; nothing at all read before the timeout: TIMEOUT.
 */
public final class TcpProber implements Prober<ProbeSpec.Tcp> {
    /** Replies are read up to 16 KiB. */
    public static final int REPLY_CAP = 16 * 1024;

    @Override
    public ProbeObservation probe(ProbeSpec.Tcp spec, Duration timeout) {
        long start = System.nanoTime();
        return TimeBox.run("probe-tcp", spec.target(), timeout, start, abort -> {
            try (Socket socket = new Socket()) {
                abort.onAbandon(socket);
                return exchange(spec, socket, start + timeout.toNanos(), start);
            } catch (IOException e) {
                return ProbeObservation.failed(elapsed(start), FailureClassifier.classify(e, spec.target()));
            }
        });
    }

    private static ProbeObservation exchange(ProbeSpec.Tcp spec, Socket plain, long deadline, long start)
            throws IOException {
        InetAddress address = InetAddress.getByName(spec.host());
        plain.connect(new InetSocketAddress(address, spec.port()), Math.max(1, remainingMillis(deadline)));
        Socket socket = spec.tls() ? handshake(plain, spec, deadline) : plain;
        if (spec.send().isPresent()) {
            socket.getOutputStream().write(spec.send().get().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        }
        if (spec.expect().isEmpty()) {
            return ProbeObservation.answered(
                    elapsed(start),
                    Observation.builder()
                            .fact("latency", Value.dur(elapsed(start)))
                            .build());
        }
        return awaitReply(spec, socket.getInputStream(), socket, deadline, start);
    }

    private static Socket handshake(Socket plain, ProbeSpec.Tcp spec, long deadline) throws IOException {
        SSLSocket tls = (SSLSocket)
                ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, spec.host(), spec.port(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(parameters);
        tls.setSoTimeout(Math.max(1, remainingMillis(deadline)));
        tls.startHandshake();
        return tls;
    }

    private static ProbeObservation awaitReply(
            ProbeSpec.Tcp spec, InputStream in, Socket socket, long deadline, long start) throws IOException {
        String expect = spec.expect().orElseThrow();
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        String ending;
        while (true) {
            int left = remainingMillis(deadline);
            if (left <= 0) {
                ending = "timeout";
                break;
            }
            socket.setSoTimeout(left);
            int n;
            try {
                n = in.read(buffer, 0, Math.min(buffer.length, REPLY_CAP - reply.size()));
            } catch (SocketTimeoutException e) {
                ending = "timeout";
                break;
            }
            if (n < 0) {
                ending = "closed";
                break;
            }
            reply.write(buffer, 0, n);
            String text = reply.toString(StandardCharsets.UTF_8);
            if (text.contains(expect)) {
                Duration latency = elapsed(start);
                return ProbeObservation.answered(latency, facts(latency, text));
            }
            if (reply.size() >= REPLY_CAP) {
                ending = "cap";
                break;
            }
        }
        return notFound(spec, reply.toString(StandardCharsets.UTF_8), ending, start);
    }

    private static ProbeObservation notFound(ProbeSpec.Tcp spec, String reply, String ending, long start) {
        Duration latency = elapsed(start);
        if (reply.isEmpty() && ending.equals("timeout")) {
            return ProbeObservation.failed(
                    latency, Failure.of(FailureKind.TIMEOUT, "no reply from " + spec.target() + " in time"));
        }
        String why = switch (ending) {
            case "closed" -> " closed the connection";
            case "cap" -> " sent " + REPLY_CAP + " bytes";
            default -> " stopped answering";
        };
        String message = spec.target() + why + " without \"" + spec.expect().orElseThrow() + "\" in its reply";
        Failure failure = new Failure(FailureKind.PROTOCOL, message, Optional.empty(), Optional.of(reply));
        return new ProbeObservation(latency, facts(latency, reply), Optional.of(failure), List.of());
    }

    private static Observation facts(Duration latency, String reply) {
        return Observation.builder()
                .fact("latency", Value.dur(latency))
                .fact("reply", Value.text(reply))
                .build();
    }

    /** Milliseconds left; 0 when none (callers never pass 0 to a socket, where it means "forever"). */
    private static int remainingMillis(long deadline) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, left));
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
