package io.github.binlog2redshift.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.localstack.Warehouse;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RunPlanTest {
    private static final List<FaultKind> ALL = Arrays.asList(FaultKind.values());

    @Test
    void aSeedAlwaysDrawsTheSameRun() {
        assertThat(RunPlan.draw(42, ALL, 0.25, 0.5, 40))
                .isEqualTo(RunPlan.draw(42, ALL, 0.25, 0.5, 40));
    }

    @Test
    void seedsSpreadOverTheCatalogueBothWarehousesAndTheLoadWindow() {
        Set<FaultKind> faults = EnumSet.noneOf(FaultKind.class);
        Set<Warehouse> warehouses = EnumSet.noneOf(Warehouse.class);
        Set<Boolean> atLeastOnce = new java.util.HashSet<>();
        LongStream.range(0, 300)
                .mapToObj(seed -> RunPlan.draw(seed, ALL, 0.25, 0.5, 40))
                .forEach(
                        plan -> {
                            faults.add(plan.fault());
                            warehouses.add(plan.warehouse());
                            atLeastOnce.add(plan.atLeastOnce());
                            assertThat(plan.faultAtSeconds()).isBetween(8.0, 20.0);
                            assertThat(plan.snapshotShare()).isBetween(0.1, 0.6);
                        });
        assertThat(faults).containsExactlyInAnyOrderElementsOf(ALL);
        assertThat(warehouses).containsExactlyInAnyOrder(Warehouse.values());
        assertThat(atLeastOnce).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void onlyTheFaultsAskedForAreDrawn() {
        List<FaultKind> one = List.of(FaultKind.S3_OUTAGE);
        assertThat(RunPlan.draw(7, one, 0, 0, 40).fault()).isEqualTo(FaultKind.S3_OUTAGE);
        assertThat(RunPlan.draw(7, one, 0, 0, 40).warehouse()).isEqualTo(Warehouse.POSTGRES);
        assertThat(RunPlan.draw(7, one, 0, 0, 40).atLeastOnce()).isFalse();
        assertThat(RunPlan.draw(7, one, 0, 1, 40).atLeastOnce()).isTrue();
    }

    @Test
    void theDeliveryDrawLeavesEarlierDrawsOfASeedAsTheyWere() {
        RunPlan exactly = RunPlan.draw(1001, ALL, 0.25, 0, 40);
        RunPlan atLeast = RunPlan.draw(1001, ALL, 0.25, 1, 40);
        assertThat(atLeast.fault()).isEqualTo(exactly.fault());
        assertThat(atLeast.warehouse()).isEqualTo(exactly.warehouse());
        assertThat(atLeast.faultAtSeconds()).isEqualTo(exactly.faultAtSeconds());
        assertThat(atLeast.loadSeed()).isEqualTo(exactly.loadSeed());
    }
}
