package dev.steward.app;

import dev.steward.core.exposition.MetricFamily;
import dev.steward.core.exposition.MetricType;
import dev.steward.core.series.Labels;
import dev.steward.engine.EngineMetrics;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

/** The process's own metrics: CPU time, start time, JVM memory, build info. */
final class ProcessMetrics {
    private ProcessMetrics() {}

    static List<MetricFamily> families() {
        List<MetricFamily> out = new ArrayList<>();
        out.add(new MetricFamily(
                "steward_build_info",
                MetricType.GAUGE,
                "Steward's version, as a label.",
                List.of(new MetricFamily.Sample("steward_build_info", Labels.of("version", Version.get()), 1))));
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            out.add(EngineMetrics.counter(
                    "process_cpu_seconds_total",
                    "Total user and system CPU time spent, in seconds.",
                    os.getProcessCpuTime() / 1e9));
        }
        ProcessHandle.current().info().startInstant().ifPresent(t -> {
            out.add(EngineMetrics.gauge(
                    "process_start_time_seconds",
                    "Start time of the process, unix seconds.",
                    t.toEpochMilli() / 1000.0));
            out.add(EngineMetrics.gauge(
                    "steward_start_time_seconds",
                    "Start time of the Steward process, unix seconds.",
                    t.toEpochMilli() / 1000.0));
        });
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        out.add(new MetricFamily(
                "jvm_memory_used_bytes",
                MetricType.GAUGE,
                "Used JVM memory, by area.",
                List.of(
                        new MetricFamily.Sample(
                                "jvm_memory_used_bytes",
                                Labels.of("area", "heap"),
                                mem.getHeapMemoryUsage().getUsed()),
                        new MetricFamily.Sample(
                                "jvm_memory_used_bytes",
                                Labels.of("area", "nonheap"),
                                mem.getNonHeapMemoryUsage().getUsed()))));
        return out;
    }
}
