package io.github.binlog2redshift.verify.mapping;

import io.github.binlog2redshift.event.TableId;

/**
 * Where the sink writes a source table. verify must use the sink's own rule, or it would compare
 * against the wrong table; this interface is the seam where the sink's mapping class plugs in.
 */
@FunctionalInterface
public interface TableMapping {

    TargetName targetOf(TableId source);
}
