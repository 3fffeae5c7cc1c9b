package dev.steward.core.silence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link SilenceStore} in memory: for tests and for a daemon that need not remember silences across restarts. */
public final class InMemorySilenceStore implements SilenceStore {
    private final Map<String, Silence> byId = new LinkedHashMap<>();

    @Override
    public synchronized List<Silence> loadAll() {
        return List.copyOf(new ArrayList<>(byId.values()));
    }

    @Override
    public synchronized void save(Silence silence) {
        byId.put(silence.id(), silence);
    }

    @Override
    public synchronized void remove(String id) {
        byId.remove(id);
    }
}
