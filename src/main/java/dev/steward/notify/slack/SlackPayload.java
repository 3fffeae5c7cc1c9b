package dev.steward.notify.slack;

import dev.steward.core.notify.Message;
import dev.steward.core.notify.MessageText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The incoming-webhook body: {@code text} is the one-line subject (what notifications and old clients show), one
 * attachment coloured by state carries the body as a mrkdwn section and buttons to acknowledge and to the runbook.
 */
final class SlackPayload {
    static final String RED = "#d63232";
    static final String ORANGE = "#e8a317";
    static final String GREEN = "#2eb67d";
    static final String BLUE = "#439fe0";
    static final String GREY = "#9e9e9e";

    /** Slack refuses section texts over 3000 characters. */
    static final int MAX_SECTION = 3000;

    private SlackPayload() {}

    static Map<String, Object> of(Message m, SlackConfig c) {
        Map<String, Object> out = new LinkedHashMap<>();
        c.channel().ifPresent(v -> out.put("channel", v));
        c.username().ifPresent(v -> out.put("username", v));
        c.iconEmoji().ifPresent(v -> out.put("icon_emoji", v));
        c.iconUrl().ifPresent(v -> out.put("icon_url", v));
        String subject = escape(MessageText.subject(m));
        out.put("text", subject);
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("color", color(m));
        attachment.put("fallback", subject);
        attachment.put("blocks", blocks(m));
        out.put("attachments", List.of(attachment));
        return out;
    }

    /** Red for a critical problem, orange for a lesser one or flapping, green resolved, blue acknowledged. */
    static String color(Message m) {
        return switch (m.kind()) {
            case TRIGGERED, ESCALATED ->
                m.severity().equals("critical") || m.severity().isEmpty() ? RED : ORANGE;
            case FLAPPING -> ORANGE;
            case RESOLVED -> GREEN;
            case ACKNOWLEDGED, ANNOUNCEMENT -> BLUE;
            case SILENCE_EXPIRING -> GREY;
        };
    }

    private static List<Map<String, Object>> blocks(Message m) {
        String body = escape(MessageText.body(m, MessageText.Style.SLACK));
        if (body.length() > MAX_SECTION) {
            body = body.substring(0, MAX_SECTION - 1) + "…";
        }
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", body)));
        List<Map<String, Object>> buttons = new ArrayList<>();
        m.ackUrl().ifPresent(u -> buttons.add(button("Acknowledge", u)));
        MessageText.runbook(m).ifPresent(u -> buttons.add(button("Runbook", u)));
        if (!buttons.isEmpty()) {
            blocks.add(Map.of("type", "actions", "elements", buttons));
        }
        return blocks;
    }

    private static Map<String, Object> button(String text, String url) {
        return Map.of("type", "button", "text", Map.of("type", "plain_text", "text", text), "url", url);
    }

    /**
     * Slack's control characters in texts: {@code &}, {@code <} and {@code >} become entities, except in the {@code
     * <url|text>} links the renderer wrote.
     */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            int close = ch == '<' ? text.indexOf('>', i) : -1;
            if (close > 0 && text.substring(i + 1, close).matches("https?://[^\\s<>]+(\\|[^<>]*)?")) {
                b.append(text, i, close + 1);
                i = close + 1;
                continue;
            }
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                default -> b.append(ch);
            }
            i++;
        }
        return b.toString();
    }
}
