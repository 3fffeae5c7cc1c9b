package dev.steward.demo;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The faults currently injected into the demo services. Thread-safe: HTTP handlers read it on every request while the
 * fault API changes it.
 *
 * <p>Changes are serialized and each one is announced to the listeners after the new state is visible, outside the
 * state's monitor: a listener may stop or start a server, which waits for in-flight requests, and those requests may
 * be waiting in {@link #holdIfSlow} on that monitor.
 */
public final class FaultController {

    /** Told about every change of a service's fault; empty means the service was cleared. */
    @FunctionalInterface
    public interface Listener {
        void faultChanged(DemoService service, Optional<Fault> fault);
    }

    private final Map<DemoService, Fault> active = new EnumMap<>(DemoService.class);
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock changes = new ReentrantLock();
    private int held;

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** Injects {@code fault} into {@code service}, replacing the fault it had. */
    public void inject(DemoService service, Fault fault) {
        if (!service.accepts(fault)) {
            throw new IllegalArgumentException("service " + service.id() + " does not accept fault " + fault.kind()
                    + "; it accepts " + service.faultKinds());
        }
        change(service, Optional.of(fault));
    }

    /** Removes the fault of {@code service}, if any. */
    public void clear(DemoService service) {
        change(service, Optional.empty());
    }

    /** Removes every fault. */
    public void clearAll() {
        for (DemoService service : DemoService.values()) {
            if (current(service).isPresent()) {
                clear(service);
            }
        }
    }

    public synchronized Optional<Fault> current(DemoService service) {
        return Optional.ofNullable(active.get(service));
    }

    /** A snapshot of the active faults, in service order. */
    public synchronized Map<DemoService, Fault> active() {
        return active.isEmpty() ? Map.of() : new EnumMap<>(active);
    }

    /**
     * If {@code service} has a {@code slow} fault, waits its latency, returning early when that fault is cleared or
     * replaced (so clearing {@code slow}, or closing the stack, releases the requests it holds). Reading the fault and
     * starting to wait is one step: a change cannot slip in between and leave a request held for a fault that is gone.
     */
    public synchronized void holdIfSlow(DemoService service) throws InterruptedException {
        if (!(active.get(service) instanceof Fault.Slow slow)) {
            return;
        }
        long deadline = System.nanoTime() + slow.latency().toNanos();
        held++;
        try {
            while (active.get(service) == slow) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        } finally {
            held--;
        }
    }

    /** How many requests {@link #holdIfSlow} holds right now. */
    public synchronized int held() {
        return held;
    }

    private void change(DemoService service, Optional<Fault> fault) {
        changes.lock();
        try {
            synchronized (this) {
                fault.ifPresentOrElse(f -> active.put(service, f), () -> active.remove(service));
                notifyAll();
            }
            for (Listener listener : listeners) {
                listener.faultChanged(service, fault);
            }
        } finally {
            changes.unlock();
        }
    }
}
