package dev.steward.notify.email;

import dev.steward.notify.Notifier.Delivery;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * What an SMTP failure means for a retry: refused credentials, a missing STARTTLS and permanent (5xx) refusals will
 * not change; transient (4xx) refusals, unreachable or slow servers may.
 */
final class SmtpFailures {
    private SmtpFailures() {}

    static Delivery.Failed classify(MessagingException e, String server) {
        if (e instanceof AuthenticationFailedException) {
            return new Delivery.Failed("auth", server + " refused the credentials" + message(e), false);
        }
        int code = code(e);
        if (code >= 400) {
            return new Delivery.Failed("status " + code, server + " refused the mail" + message(e), code < 500);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return new Delivery.Failed("dns", "cannot resolve " + server, true);
            }
            if (t instanceof SocketTimeoutException) {
                return new Delivery.Failed("timeout", "no answer from " + server + " in time", true);
            }
            if (t instanceof ConnectException) {
                return new Delivery.Failed("connect", "cannot connect to " + server + message(t), true);
            }
            if (t instanceof SSLException) {
                return new Delivery.Failed("tls", "TLS with " + server + " failed" + message(t), true);
            }
            if (t instanceof IOException) {
                return new Delivery.Failed("io", "exchange with " + server + " failed" + message(t), true);
            }
        }
        if (String.valueOf(e.getMessage()).contains("STARTTLS")) {
            return new Delivery.Failed("tls", server + message(e), false);
        }
        if (e instanceof SendFailedException) {
            return new Delivery.Failed("rejected", server + " refused the recipients" + message(e), false);
        }
        return new Delivery.Failed("smtp", "sending through " + server + " failed" + message(e), true);
    }

    /** The SMTP reply code of a refusal, 0 when the failure was not a reply. */
    private static int code(MessagingException e) {
        for (Exception x = e; x != null; ) {
            if (x instanceof SMTPSendFailedException s) {
                return s.getReturnCode();
            }
            if (x instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            x = x instanceof MessagingException m ? m.getNextException() : null;
        }
        return 0;
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? "" : ": " + t.getMessage().strip();
    }
}
