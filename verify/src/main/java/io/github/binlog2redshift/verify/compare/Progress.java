package io.github.binlog2redshift.verify.compare;

/** Progress of one table's scan, in rows read from both sides. */
public interface Progress {

    Progress NONE =
            new Progress() {
                @Override
                public void start(String task, long expectedRows) {}

                @Override
                public void step() {}

                @Override
                public void finish() {}
            };

    void start(String task, long expectedRows);

    void step();

    void finish();
}
