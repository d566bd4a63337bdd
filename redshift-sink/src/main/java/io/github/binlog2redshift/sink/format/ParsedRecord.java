package io.github.binlog2redshift.sink.format;

import io.github.binlog2redshift.event.ChangeEvent;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * What one Kafka record held: change events (a Canal message may hold several rows), or nothing
 * with the reason it was deliberately skipped (e.g. a DMS control record), which is counted.
 */
public final class ParsedRecord {

    private final List<ChangeEvent> events;
    @Nullable private final String skipped;

    private ParsedRecord(List<ChangeEvent> events, @Nullable String skipped) {
        this.events = List.copyOf(events);
        this.skipped = skipped;
    }

    public static ParsedRecord of(List<ChangeEvent> events) {
        return new ParsedRecord(events, null);
    }

    public static ParsedRecord skip(String why) {
        return new ParsedRecord(List.of(), why);
    }

    public List<ChangeEvent> events() {
        return events;
    }

    /** Why the record was skipped, or null when it was not. */
    @Nullable
    public String skipped() {
        return skipped;
    }

    public boolean isSkipped() {
        return skipped != null;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ParsedRecord)) {
            return false;
        }
        ParsedRecord other = (ParsedRecord) o;
        return events.equals(other.events) && Objects.equals(skipped, other.skipped);
    }

    @Override
    public int hashCode() {
        return Objects.hash(events, skipped);
    }

    @Override
    public String toString() {
        return "ParsedRecord[events=" + events + ", skipped=" + skipped + "]";
    }
}
