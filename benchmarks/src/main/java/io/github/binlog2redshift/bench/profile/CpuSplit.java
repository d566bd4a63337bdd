package io.github.binlog2redshift.bench.profile;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where the CPU of a measured window went: this JVM (the MiniCluster, and the local Redshift, which
 * runs in the same JVM), the JVM's threads whose name starts with a prefix (the emulator's
 * sessions), and child service processes (PostgreSQL, S3Proxy) read from {@code /proc}. Threads are
 * sampled every 250 ms, because a pooled thread that ends takes its count with it.
 */
public final class CpuSplit implements AutoCloseable {

    /** Linux's USER_HZ: {@code /proc/<pid>/stat} counts CPU in 1/100 s on every architecture. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private static final long PERIOD_MS = 250;

    /**
     * CPU seconds of one window.
     *
     * @param threadsCpuS of the threads named by the prefix (part of {@code jvmCpuS})
     * @param processesCpuS of each named process tree, in the order given
     */
    public record Window(
            double wallS, double jvmCpuS, double threadsCpuS, Map<String, Double> processesCpuS) {

        /** {@code JVM 40.1 s (emulator threads 9.2 s), PostgreSQL 11.0 s, ... of 74 s}. */
        public String describe(String threadsName, int cores) {
            StringBuilder s =
                    new StringBuilder(String.format(Locale.ROOT, "JVM %.1f CPU-s", jvmCpuS));
            if (threadsName != null) {
                s.append(String.format(Locale.ROOT, " (%s %.1f)", threadsName, threadsCpuS));
            }
            processesCpuS.forEach(
                    (name, cpu) -> s.append(String.format(Locale.ROOT, ", %s %.1f", name, cpu)));
            s.append(
                    String.format(
                            Locale.ROOT,
                            " of %.0f available (%.1f s x %d cores)",
                            wallS * cores,
                            wallS,
                            cores));
            return s.toString();
        }
    }

    private final String threadPrefix;
    private final Map<String, Supplier<List<Long>>> processes;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> threadStart = new HashMap<>();
    private final Map<Long, Long> threadLast = new HashMap<>();
    private final Map<String, Long> processStart = new HashMap<>();
    private final long jvmStart;
    private final long wallStart = System.nanoTime();
    private final Thread sampler;
    private volatile boolean running = true;

    /**
     * Starts the window now.
     *
     * @param threadPrefix name prefix of the threads to count apart, or null
     * @param processes process trees by name (each supplier lists the tree's pids as of now)
     */
    public CpuSplit(String threadPrefix, Map<String, Supplier<List<Long>>> processes) {
        this.threadPrefix = threadPrefix;
        this.processes = processes;
        processes.forEach((name, pids) -> processStart.put(name, ticks(pids.get())));
        this.jvmStart = jvmCpuNanos();
        sampleThreads(threadStart);
        this.sampler = new Thread(this::loop, "cpu-split-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Ends the window and returns its figures. */
    public Window stop() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double jvm = (jvmCpuNanos() - jvmStart) / 1e9;
        long threadNanos;
        synchronized (threadLast) {
            sampleThreads(threadLast);
            threadNanos = 0;
            for (Map.Entry<Long, Long> e : threadLast.entrySet()) {
                threadNanos += e.getValue() - threadStart.getOrDefault(e.getKey(), 0L);
            }
        }
        Map<String, Double> procs = new java.util.LinkedHashMap<>();
        processes.forEach(
                (name, pids) ->
                        procs.put(
                                name,
                                (ticks(pids.get()) - processStart.get(name))
                                        * NANOS_PER_TICK
                                        / 1e9));
        return new Window(wall, jvm, threadNanos / 1e9, procs);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    private void loop() {
        while (running) {
            synchronized (threadLast) {
                sampleThreads(threadLast);
            }
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sampleThreads(Map<Long, Long> into) {
        if (threadPrefix == null) {
            return;
        }
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t == null || !t.getThreadName().startsWith(threadPrefix)) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(t.getThreadId());
            if (cpu >= 0) {
                into.merge(t.getThreadId(), cpu, Math::max);
            }
        }
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * utime + stime of every process of the tree, plus cutime + cstime (children that ended and
     * were waited for: PostgreSQL's finished backends are counted in the postmaster's).
     */
    private static long ticks(List<Long> pids) {
        long total = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                // The command name is in parentheses and may hold spaces: fields start after it.
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // Fields 14-17 of proc(5) are utime, stime, cutime, cstime; f[0] is field 3.
                for (int i = 11; i <= 14; i++) {
                    total += Long.parseLong(f[i]);
                }
            } catch (IOException | RuntimeException e) {
                // The process ended between listing and reading: its time is in its parent's.
            }
        }
        return total;
    }
}
