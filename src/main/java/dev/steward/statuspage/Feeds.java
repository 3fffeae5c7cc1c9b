package dev.steward.statuspage;

import dev.steward.core.statuspage.PublicIncident;
import dev.steward.core.statuspage.PublicUpdate;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The page's incidents as feeds: JSON Feed 1.1 and Atom 1.0 (written with an XML stream writer, so every text is
 * escaped). One item per public incident, its updates newest first in the content; an item's modification time is
 * its latest update, so readers show an incident again when it changes.
 */
public final class Feeds {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Feeds() {}

    /**
     * @param baseUrl the page's public address without a trailing slash ({@code https://status.example.com})
     * @param stack the stack's name, which makes ids unique among Steward instances
     */
    public record Feed(
            String title, String baseUrl, String stack, Instant generatedAt, List<PublicIncident> incidents) {}

    public static String jsonFeed(Feed feed) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", "https://jsonfeed.org/version/1.1");
        doc.put("title", feed.title() + " status");
        doc.put("home_page_url", feed.baseUrl() + "/status");
        doc.put("feed_url", feed.baseUrl() + "/status/feed.json");
        doc.put("description", "Incidents of " + feed.title());
        doc.put("language", "en");
        List<Object> items = new ArrayList<>();
        for (PublicIncident i : feed.incidents()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", id(feed, i));
            item.put("url", feed.baseUrl() + "/status#incident-" + i.id());
            item.put("title", i.title());
            item.put("content_text", content(i));
            item.put("date_published", i.publishedAt().orElse(i.createdAt()).toString());
            item.put("date_modified", i.lastChange().toString());
            item.put(
                    "tags",
                    List.of(
                            "impact:" + i.impact().label(),
                            "status:" + i.status().label()));
            items.add(item);
        }
        doc.put("items", items);
        return JSON.writeValueAsString(doc);
    }

    public static String atom(Feed feed) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.setDefaultNamespace(ATOM);
            x.writeStartElement(ATOM, "feed");
            x.writeDefaultNamespace(ATOM);
            text(x, "id", "urn:steward:" + feed.stack() + ":status");
            text(x, "title", feed.title() + " status");
            text(x, "updated", updated(feed).toString());
            link(x, "self", feed.baseUrl() + "/status/feed.atom", "application/atom+xml");
            link(x, "alternate", feed.baseUrl() + "/status", "text/html");
            x.writeStartElement(ATOM, "author");
            text(x, "name", feed.title());
            x.writeEndElement();
            for (PublicIncident i : feed.incidents()) {
                entry(x, feed, i);
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the Atom feed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter x, Feed feed, PublicIncident i) throws XMLStreamException {
        x.writeStartElement(ATOM, "entry");
        text(x, "id", id(feed, i));
        text(x, "title", i.title());
        text(x, "published", i.publishedAt().orElse(i.createdAt()).toString());
        text(x, "updated", i.lastChange().toString());
        link(x, "alternate", feed.baseUrl() + "/status#incident-" + i.id(), "text/html");
        x.writeStartElement(ATOM, "category");
        x.writeAttribute("term", "impact:" + i.impact().label());
        x.writeEndElement();
        x.writeStartElement(ATOM, "content");
        x.writeAttribute("type", "text");
        x.writeCharacters(xmlText(content(i)));
        x.writeEndElement();
        x.writeEndElement();
    }

    private static Instant updated(Feed feed) {
        return feed.incidents().stream()
                .map(PublicIncident::lastChange)
                .max(Instant::compareTo)
                .orElse(feed.generatedAt());
    }

    private static String id(Feed feed, PublicIncident i) {
        return "urn:steward:" + feed.stack() + ":status:incident:" + i.id();
    }

    /** The updates, newest first: "2028-02-29 12:05 UTC, Resolved: All good." one per paragraph. */
    private static String content(PublicIncident i) {
        List<String> parts = new ArrayList<>();
        parts.add("Impact: " + i.impact().label() + ". Affected: "
                + (i.components().isEmpty() ? "none named" : String.join(", ", i.components())) + ".");
        for (PublicUpdate u : i.updates().reversed()) {
            parts.add(Format.time(u.at()) + ", " + u.status().text() + ": " + u.message());
        }
        return String.join("\n\n", parts);
    }

    private static void text(XMLStreamWriter x, String element, String text) throws XMLStreamException {
        x.writeStartElement(ATOM, element);
        x.writeCharacters(xmlText(text));
        x.writeEndElement();
    }

    /** Drops the characters XML 1.0 cannot hold at all (control characters other than tab and line ends). */
    static String xmlText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> c == 0x9
                        || c == 0xA
                        || c == 0xD
                        || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD)
                        || c >= 0x10000)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeStartElement(ATOM, "link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
        x.writeAttribute("type", type);
        x.writeEndElement();
    }
}
