package io.github.binlog2redshift.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.localstack.internal.UniqueNames;
import org.junit.jupiter.api.Test;

class UniqueNamesTest {

    @Test
    void namesAreShortIdentifiersAndUnique() {
        UniqueNames names = new UniqueNames();
        String a = names.next("snapshotAndBinlogRowsArriveAsChangeEvents");
        String b = names.next("snapshotAndBinlogRowsArriveAsChangeEvents");
        assertThat(a).matches("[a-z0-9_]{1,25}").isNotEqualTo(b);
        assertThat(a).contains("_snapshotandb_");
        assertThat(names.next("--")).matches("t[a-z0-9]+_x_\\d+");
    }
}
