package io.github.binlog2redshift.bench.soak;

import io.github.binlog2redshift.bench.result.SvgLineChart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The soak's files under the output directory: {@code soak.csv} (one line per sample, appended as
 * it is taken, so an interrupted run leaves its samples), {@code verify.csv} (one line per check),
 * {@code soak.svg} (every checked series over time) and the growth verdict.
 *
 * <p>Growth criterion: after a warm-up (the retention horizon plus two prune intervals, when the
 * side tables reach their steady size), the remaining samples are split in halves; a series grows
 * without bound when the maximum of the second half exceeds 1.2 times the maximum of the first half
 * plus the series' slack ({@link SoakSample#CHECKED}). A linear growth over the run doubles its
 * value between the halves' maxima at best; a bounded one repeats its plateau.
 */
final class SoakReport {

    private final Path dir;
    private final List<SoakSample> samples = new ArrayList<>();

    SoakReport(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        Files.writeString(dir.resolve("soak.csv"), SoakSample.HEADER + "\n");
        Files.writeString(dir.resolve("verify.csv"), "seconds,round,exit_code,converged_after_s\n");
    }

    void add(SoakSample s) throws IOException {
        samples.add(s);
        append("soak.csv", s.csv());
    }

    void verified(long seconds, int round, int code, long convergedAfterS) throws IOException {
        append("verify.csv", seconds + "," + round + "," + code + "," + convergedAfterS);
    }

    /** The series that grew by the criterion, each with its figures; empty when none did. */
    List<String> growing(long warmupSeconds) {
        List<SoakSample> steady =
                samples.stream().filter(s -> s.seconds() >= warmupSeconds).toList();
        List<String> out = new ArrayList<>();
        if (steady.size() < 4) {
            return out;
        }
        List<SoakSample> first = steady.subList(0, steady.size() / 2);
        List<SoakSample> second = steady.subList(steady.size() / 2, steady.size());
        for (SoakSample.Series series : SoakSample.CHECKED) {
            long a = first.stream().mapToLong(s -> s.value(series.name())).max().orElse(0);
            long b = second.stream().mapToLong(s -> s.value(series.name())).max().orElse(0);
            if (b > a * 1.2 + series.slack()) {
                out.add(String.format(Locale.ROOT, "%s: max %d then %d", series.name(), a, b));
            }
        }
        return out;
    }

    /** True when there are enough samples past the warm-up for {@link #growing} to judge. */
    boolean judged(long warmupSeconds) {
        return samples.stream().filter(s -> s.seconds() >= warmupSeconds).count() >= 4;
    }

    Path plot(String title) throws IOException {
        List<Long> x = samples.stream().map(SoakSample::seconds).toList();
        List<SvgLineChart.Series> series = new ArrayList<>();
        for (SoakSample.Series s : SoakSample.CHECKED) {
            series.add(
                    new SvgLineChart.Series(
                            s.name(), samples.stream().map(v -> v.value(s.name())).toList()));
        }
        Path svg = dir.resolve("soak.svg");
        Files.writeString(svg, SvgLineChart.render(title, "seconds since start", x, series));
        return svg;
    }

    private void append(String file, String line) throws IOException {
        Files.writeString(
                dir.resolve(file), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
