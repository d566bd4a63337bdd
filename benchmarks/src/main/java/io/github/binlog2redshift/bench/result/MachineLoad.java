package io.github.binlog2redshift.bench.result;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine's load during a run: the 1-minute load average ({@code /proc/loadavg}) sampled every
 * second, and the share of CPU time that was busy and that the hypervisor stole ({@code
 * /proc/stat}, first line: user nice system idle iowait irq softirq steal), between start and stop.
 * Figures taken while the load average is above the core count measure the neighbours too.
 *
 * @param loadMean mean of the 1-minute load average samples
 * @param loadMax the highest sample
 * @param busyPercent CPU time not idle (nor iowait), of all cores, over the run
 * @param stealPercent CPU time stolen by the hypervisor, of all cores, over the run
 */
public record MachineLoad(
        double loadMean, double loadMax, double busyPercent, double stealPercent) {

    /** {@code load 3.1 (max 4.2), busy 87%, steal 0.0%}. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "load %.1f (max %.1f), busy %.0f%%, steal %.1f%%",
                loadMean,
                loadMax,
                busyPercent,
                stealPercent);
    }

    /** Samples the load on a daemon thread until {@link Sampler#stop}. */
    public static Sampler start() {
        return new Sampler();
    }

    /** A running measurement. */
    public static final class Sampler {
        private final long[] first = cpu();
        private final Thread thread;
        private double sum;
        private double max;
        private int samples;

        private Sampler() {
            sample();
            thread = new Thread(this::loop, "bench-machine-load");
            thread.setDaemon(true);
            thread.start();
        }

        /** Stops sampling and returns the load over the run. */
        public MachineLoad stop() {
            thread.interrupt();
            long[] last = cpu();
            synchronized (this) {
                sample();
                long total = 0;
                for (int i = 0; i < last.length; i++) {
                    total += last[i] - first[i];
                }
                long idle = (last[3] - first[3]) + (last[4] - first[4]);
                long steal = last.length > 7 ? last[7] - first[7] : 0;
                double t = Math.max(total, 1);
                return new MachineLoad(
                        sum / samples, max, 100.0 * (total - idle) / t, 100.0 * steal / t);
            }
        }

        private void loop() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(1000);
                    synchronized (this) {
                        sample();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void sample() {
            double load = Double.parseDouble(read("/proc/loadavg").split(" ")[0]);
            sum += load;
            max = Math.max(max, load);
            samples++;
        }
    }

    /** The aggregate CPU line's first 8 counters (jiffies). */
    static long[] cpu() {
        String[] f = read("/proc/stat").lines().findFirst().orElse("cpu").trim().split("\\s+");
        long[] v = new long[Math.min(8, f.length - 1)];
        for (int i = 0; i < v.length; i++) {
            v[i] = Long.parseLong(f[i + 1]);
        }
        return v;
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
