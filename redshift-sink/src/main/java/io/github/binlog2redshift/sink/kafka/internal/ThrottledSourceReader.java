package io.github.binlog2redshift.sink.kafka.internal;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiter;
import org.apache.flink.core.io.InputStatus;

/**
 * Asks the rate limiter before every record the wrapped reader emits (a split reader emits one
 * record per {@code pollNext}). Unlike Flink 1.20's {@code RateLimitedSourceReader}, which this
 * follows, it forwards checkpoint notifications, source events and split pausing to the wrapped
 * reader: the Kafka reader commits offsets on {@code notifyCheckpointComplete}.
 */
final class ThrottledSourceReader<T, SplitT extends SourceSplit>
        implements SourceReader<T, SplitT> {

    private final SourceReader<T, SplitT> delegate;
    private final RateLimiter limiter;
    private CompletableFuture<Void> available;

    ThrottledSourceReader(SourceReader<T, SplitT> delegate, RateLimiter limiter) {
        this.delegate = delegate;
        this.limiter = limiter;
    }

    @Override
    public void start() {
        delegate.start();
    }

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        if (available == null) {
            // isAvailable() must run first: it takes the permit for the next record.
            return InputStatus.NOTHING_AVAILABLE;
        }
        available = null;
        InputStatus status = delegate.pollNext(output);
        return status == InputStatus.MORE_AVAILABLE ? InputStatus.NOTHING_AVAILABLE : status;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        if (available == null) {
            available =
                    limiter.acquire()
                            .toCompletableFuture()
                            .thenCombine(delegate.isAvailable(), (a, b) -> null);
        }
        return available;
    }

    @Override
    public List<SplitT> snapshotState(long checkpointId) {
        return delegate.snapshotState(checkpointId);
    }

    @Override
    public void addSplits(List<SplitT> splits) {
        delegate.addSplits(splits);
    }

    @Override
    public void notifyNoMoreSplits() {
        delegate.notifyNoMoreSplits();
    }

    @Override
    public void handleSourceEvents(SourceEvent event) {
        delegate.handleSourceEvents(event);
    }

    @Override
    public void pauseOrResumeSplits(Collection<String> toPause, Collection<String> toResume) {
        delegate.pauseOrResumeSplits(toPause, toResume);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        limiter.notifyCheckpointComplete(checkpointId);
        delegate.notifyCheckpointComplete(checkpointId);
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
        delegate.notifyCheckpointAborted(checkpointId);
    }

    @Override
    public void close() throws Exception {
        delegate.close();
    }
}
