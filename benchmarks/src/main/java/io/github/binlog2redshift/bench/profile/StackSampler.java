package io.github.binlog2redshift.bench.profile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A poor man's async profiler for the MiniCluster in this JVM: every {@code periodMs} it takes a
 * thread dump of the threads whose name matches, and counts, per thread state, the first frames
 * that belong to the code under study. Enough to tell "busy decoding" from "parked in a poll loop",
 * which is what the per-chunk wait of the snapshot needs.
 */
public final class StackSampler implements AutoCloseable {

    private static final int DEPTH = 4;

    private final Pattern threads;
    private final Pattern frames;
    private final long periodMs;
    private final Map<String, Integer> counts = new HashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;
    private int samples;

    /**
     * @param threads names of the threads to sample
     * @param frames class-name prefix of the frames that count as "ours" (the rest is skipped up to
     *     the first one)
     */
    public StackSampler(Pattern threads, Pattern frames, long periodMs) {
        this.threads = threads;
        this.frames = frames;
        this.periodMs = periodMs;
        this.sampler = new Thread(this::loop, "stack-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void loop() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        while (running) {
            for (ThreadInfo t : mx.dumpAllThreads(false, false)) {
                if (t == null || !threads.matcher(t.getThreadName()).find()) {
                    continue;
                }
                String key = key(t);
                if (key == null) {
                    continue; // parked in framework code only: not the code under study
                }
                synchronized (counts) {
                    counts.merge(key, 1, Integer::sum);
                    samples++;
                }
            }
            try {
                Thread.sleep(periodMs);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private String key(ThreadInfo t) {
        StackTraceElement[] stack = t.getStackTrace();
        int first = 0;
        while (first < stack.length && !frames.matcher(stack[first].getClassName()).find()) {
            first++;
        }
        if (first == stack.length) {
            return null;
        }
        StringBuilder k = new StringBuilder(t.getThreadState().name()).append(' ');
        String top =
                stack.length == 0 ? "?" : stack[0].getClassName() + "." + stack[0].getMethodName();
        k.append(top).append(" <- ");
        for (int i = first; i < Math.min(stack.length, first + DEPTH); i++) {
            if (i > first) {
                k.append(" <- ");
            }
            k.append(simple(stack[i]));
        }
        return k.toString();
    }

    private static String simple(StackTraceElement e) {
        String c = e.getClassName();
        return c.substring(c.lastIndexOf('.') + 1)
                + "."
                + e.getMethodName()
                + ":"
                + e.getLineNumber();
    }

    /** The {@code n} most frequent stacks with their share of all samples, most frequent first. */
    public List<String> top(int n) {
        synchronized (counts) {
            int total = Math.max(samples, 1);
            return counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(n)
                    .map(
                            e ->
                                    String.format(
                                            java.util.Locale.ROOT,
                                            "%4.1f%% %s",
                                            100.0 * e.getValue() / total,
                                            e.getKey()))
                    .collect(Collectors.toList());
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
    }
}
