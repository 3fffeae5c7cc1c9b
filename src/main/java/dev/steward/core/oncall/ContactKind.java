package dev.steward.core.oncall;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a person can be reached. Each kind knows what a well-formed address looks like, so that a typo in an address is
 * found when the configuration is loaded or in the coverage report, not when the page is due.
 */
public enum ContactKind {
    /** An e-mail address: {@code alice@example.com}. */
    EMAIL("email"),
    /** A Slack channel ({@code #ops}), member ({@code @alice}, {@code U0123ABC}) or incoming-webhook URL. */
    SLACK("slack"),
    /** An http:// or https:// URL that receives the page as JSON. */
    WEBHOOK("webhook"),
    /** A PagerDuty Events v2 routing (integration) key. */
    PAGERDUTY("pagerduty");

    private static final Pattern EMAIL_ADDRESS = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9-]+)+");
    private static final Pattern SLACK_TARGET = Pattern.compile("[#@][A-Za-z0-9._-]+|[UCGW][A-Z0-9]{6,}");
    private static final Pattern ROUTING_KEY = Pattern.compile("\\S+");

    private final String label;

    ContactKind(String label) {
        this.label = label;
    }

    /** The key in the stack file. */
    public String label() {
        return label;
    }

    public static Optional<ContactKind> byLabel(String label) {
        for (ContactKind k : values()) {
            if (k.label.equals(label)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code address} is well-formed for this kind. */
    public boolean accepts(String address) {
        return switch (this) {
            case EMAIL -> EMAIL_ADDRESS.matcher(address).matches();
            case SLACK -> SLACK_TARGET.matcher(address).matches() || isHttpUrl(address, true);
            case WEBHOOK -> isHttpUrl(address, false);
            case PAGERDUTY -> ROUTING_KEY.matcher(address).matches();
        };
    }

    /** What {@link #accepts} wants, for error messages. */
    public String expected() {
        return switch (this) {
            case EMAIL -> "an e-mail address such as alice@example.com";
            case SLACK -> "a Slack channel (#ops), member (@alice, U0123ABC) or an https:// incoming-webhook URL";
            case WEBHOOK -> "an http:// or https:// URL with a host";
            case PAGERDUTY -> "a PagerDuty Events v2 routing key (non-empty, no spaces)";
        };
    }

    private static boolean isHttpUrl(String text, boolean httpsOnly) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean schemeOk = scheme.equals("https") || (!httpsOnly && scheme.equals("http"));
            return schemeOk && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
