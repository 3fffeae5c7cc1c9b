package dev.steward.core.config;

/** Identity of a check within a stack: service name plus check name. */
public record CheckId(String service, String check) implements Comparable<CheckId> {
    @Override
    public int compareTo(CheckId o) {
        int c = service.compareTo(o.service);
        return c != 0 ? c : check.compareTo(o.check);
    }

    @Override
    public String toString() {
        return service + "/" + check;
    }
}
