package io.github.binlog2redshift.sink.kafka.internal;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.util.ratelimit.GatedRateLimiter;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A source that reads at most {@code recordsPerCheckpoint} records (over all its readers) between
 * two completed checkpoints, and otherwise is the wrapped source: same splits, same enumerator,
 * same state. Each reader gets an equal share, rounded up.
 */
public final class ThrottledSource<T, SplitT extends SourceSplit, EnumT>
        implements Source<T, SplitT, EnumT>, ResultTypeQueryable<T> {

    private static final long serialVersionUID = 1L;

    private final Source<T, SplitT, EnumT> delegate;
    private final int recordsPerCheckpoint;

    public <S extends Source<T, SplitT, EnumT> & ResultTypeQueryable<T>> ThrottledSource(
            S delegate, int recordsPerCheckpoint) {
        if (recordsPerCheckpoint <= 0) {
            throw new IllegalArgumentException(
                    "records per checkpoint must be positive, got " + recordsPerCheckpoint);
        }
        this.delegate = delegate;
        this.recordsPerCheckpoint = recordsPerCheckpoint;
    }

    @Override
    public Boundedness getBoundedness() {
        return delegate.getBoundedness();
    }

    @Override
    public SplitEnumerator<SplitT, EnumT> createEnumerator(SplitEnumeratorContext<SplitT> context)
            throws Exception {
        return delegate.createEnumerator(context);
    }

    @Override
    public SplitEnumerator<SplitT, EnumT> restoreEnumerator(
            SplitEnumeratorContext<SplitT> context, EnumT checkpoint) throws Exception {
        return delegate.restoreEnumerator(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<SplitT> getSplitSerializer() {
        return delegate.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<EnumT> getEnumeratorCheckpointSerializer() {
        return delegate.getEnumeratorCheckpointSerializer();
    }

    @Override
    public SourceReader<T, SplitT> createReader(SourceReaderContext context) throws Exception {
        int parallelism = Math.max(1, context.currentParallelism());
        int share = (recordsPerCheckpoint + parallelism - 1) / parallelism;
        return new ThrottledSourceReader<>(
                delegate.createReader(context), new GatedRateLimiter(share));
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeInformation<T> getProducedType() {
        return ((ResultTypeQueryable<T>) delegate).getProducedType();
    }
}
