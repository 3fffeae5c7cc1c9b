package dev.steward.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The services of the demo stack, with the faults each one accepts. */
public enum DemoService {
    API("api", List.of("down", "error", "slow", "dependency")),
    SEARCH("search", List.of("down", "error", "slow", "status")),
    FRONTEND("frontend", List.of("down", "error", "slow"));

    private final String id;
    private final List<String> faultKinds;

    DemoService(String id, List<String> faultKinds) {
        this.id = id;
        this.faultKinds = faultKinds;
    }

    /** The name used in the stack file and in the fault API ({@code api}, {@code search}, {@code frontend}). */
    public String id() {
        return id;
    }

    /** The fault kinds this service accepts, without {@code clear}, which every service accepts. */
    public List<String> faultKinds() {
        return faultKinds;
    }

    public boolean accepts(Fault fault) {
        return faultKinds.contains(fault.kind());
    }

    public static Optional<DemoService> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(DemoService::id).toList();
    }
}
