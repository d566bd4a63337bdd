package io.github.binlog2redshift.sink.format;

import io.github.binlog2redshift.event.ChangeEvent;
import java.util.List;

/**
 * What one Kafka record held: change events (a Canal message may hold several rows), or nothing
 * with the reason it was deliberately skipped (e.g. a DMS control record), which is counted.
 */
public record ParsedRecord(List<ChangeEvent> events, String skipped) {

    public ParsedRecord {
        events = List.copyOf(events);
    }

    public static ParsedRecord of(List<ChangeEvent> events) {
        return new ParsedRecord(events, null);
    }

    public static ParsedRecord skip(String why) {
        return new ParsedRecord(List.of(), why);
    }

    public boolean isSkipped() {
        return skipped != null;
    }
}
