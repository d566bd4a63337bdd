package io.github.binlog2redshift.localstack.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The partition count of a {@code KafkaTopic} parameter resolved by {@link LocalStackExtension}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface Partitions {
    int value();
}
