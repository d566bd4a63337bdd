package io.github.binlog2redshift.config.source;

import io.github.binlog2redshift.config.ValueType;
import java.util.Objects;

/**
 * MySQL replica server ids for the source's readers: one id per parallel snapshot reader, each
 * unique among all replicas of the server.
 */
public final class ServerIdRange {

    /** Server ids are unsigned 32-bit; 0 is refused by MySQL for replicas. */
    private static final long MAX = 4294967295L;

    private final long start;
    private final long end;

    public ServerIdRange(long start, long end) {
        if (start < 1 || end > MAX || start > end) {
            throw new IllegalArgumentException(
                    "ids must satisfy 1 <= start <= end <= " + MAX + ", got " + start + "-" + end);
        }
        this.start = start;
        this.end = end;
    }

    /** First id (inclusive). */
    public long start() {
        return start;
    }

    /** Last id (inclusive). */
    public long end() {
        return end;
    }

    public static final ValueType<ServerIdRange> TYPE =
            ValueType.of(
                    "server id or inclusive range (e.g. 5400 or 5400-5404)",
                    ServerIdRange::parse,
                    ServerIdRange::toString);

    public static ServerIdRange parse(String text) {
        String[] parts = text.trim().split("\\s*-\\s*", -1);
        if (parts.length == 1) {
            long id = Long.parseLong(parts[0]);
            return new ServerIdRange(id, id);
        }
        if (parts.length == 2) {
            return new ServerIdRange(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        }
        throw new IllegalArgumentException("more than one '-'");
    }

    public long size() {
        return end - start + 1;
    }

    /** The form Flink CDC's {@code MySqlSourceBuilder.serverId(String)} accepts. */
    @Override
    public String toString() {
        return start == end ? Long.toString(start) : start + "-" + end;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ServerIdRange)) {
            return false;
        }
        ServerIdRange other = (ServerIdRange) o;
        return start == other.start && end == other.end;
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, end);
    }
}
