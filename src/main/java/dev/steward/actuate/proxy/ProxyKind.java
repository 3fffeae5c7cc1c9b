package dev.steward.actuate.proxy;

import java.util.ArrayList;
import java.util.List;

/**
 * How each proxy writes a weighted pool. nginx: an {@code upstream} block; a weight must be at least 1, so a server
 * with no share is marked {@code down}. HAProxy: a {@code backend} section; weights go from 0 (no new traffic) to 256.
 */
public enum ProxyKind {
    NGINX("upstream", "nginx -s reload", Integer.MAX_VALUE),
    HAPROXY("backend", "systemctl reload haproxy", 256);

    private final String nameKey;
    private final String defaultReload;
    private final int maxWeight;

    ProxyKind(String nameKey, String defaultReload, int maxWeight) {
        this.nameKey = nameKey;
        this.defaultReload = defaultReload;
        this.maxWeight = maxWeight;
    }

    /** The setting that names the pool: {@code upstream} or {@code backend}. */
    public String nameKey() {
        return nameKey;
    }

    public String defaultReload() {
        return defaultReload;
    }

    /** The file's text: {@code header} as a comment, then the pool with each server's weight. */
    String render(
            String name, List<String> stable, List<String> canary, Weights weights, String options, String header) {
        List<Integer> w = weights.perServer(stable.size(), canary.size(), maxWeight);
        List<String> lines = new ArrayList<>();
        lines.add("# " + header);
        lines.add("# Written by Steward; do not edit: the next deployment step rewrites it.");
        lines.add(this == NGINX ? "upstream " + name + " {" : "backend " + name);
        if (this == HAPROXY) {
            lines.add("    balance roundrobin");
        }
        for (int i = 0; i < stable.size(); i++) {
            lines.add(server("stable", i, stable.get(i), w.get(0), options));
        }
        for (int i = 0; i < canary.size(); i++) {
            lines.add(server("canary", i, canary.get(i), w.get(1), options));
        }
        if (this == NGINX) {
            lines.add("}");
        }
        return String.join("\n", lines) + "\n";
    }

    private String server(String pool, int index, String address, int weight, String options) {
        String extra = options.isEmpty() ? "" : " " + options;
        if (this == NGINX) {
            String w = weight == 0 ? "down" : "weight=" + weight;
            return "    server " + address + " " + w + extra + "; # " + pool;
        }
        return "    server " + pool + "-" + (index + 1) + " " + address + " weight " + weight + extra;
    }
}
