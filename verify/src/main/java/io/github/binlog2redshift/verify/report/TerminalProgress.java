package io.github.binlog2redshift.verify.report;

import io.github.binlog2redshift.verify.compare.Progress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar per table on standard error (the report goes to standard output, so it can be
 * redirected without the bar). The expected total is both sides' row counts from phase 1.
 */
public final class TerminalProgress implements Progress {

    private ProgressBar bar;

    @Override
    public void start(String task, long expectedRows) {
        bar =
                new ProgressBarBuilder()
                        .setTaskName(task)
                        .setInitialMax(expectedRows)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setUnit(" rows", 1)
                        .showSpeed()
                        .continuousUpdate()
                        .build();
    }

    @Override
    public void step() {
        bar.step();
    }

    @Override
    public void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
