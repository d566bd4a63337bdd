package io.github.binlog2redshift.localstack.junit;

import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.PostgresDatabase;
import io.github.binlog2redshift.localstack.S3Location;
import io.github.binlog2redshift.localstack.redshift.RedshiftDatabase;
import java.lang.reflect.Method;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests the {@link LocalStack} shared by the whole test run, and fresh resources of their own
 * on it.
 *
 * <p>Test methods, constructors and lifecycle methods may declare parameters of these types:
 *
 * <ul>
 *   <li>{@link LocalStack}: the shared stack (services start on first use);
 *   <li>{@link MySqlDatabase}: a new database with an owner and a least-privilege CDC user;
 *   <li>{@link PostgresDatabase}: a new database;
 *   <li>{@link RedshiftDatabase}: a new database on the local Redshift, with its own user;
 *   <li>{@link KafkaTopic}: a new topic with {@link Partitions} partitions (default 1);
 *   <li>{@link S3Location}: a new prefix of the local bucket; call {@code
 *       FlinkS3Plugin.initialize(stack.s3())} before a Flink job writes there.
 * </ul>
 *
 * Resources are named after the test method and are unique. Databases on an external MySQL ({@code
 * B2R_MYSQL_URL}) are dropped after the test (or class) that asked for them. The stack starts once
 * per JVM, lives in the root context store and is closed when the test run ends, or by its shutdown
 * hook if the JVM is stopped.
 */
public final class LocalStackExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LocalStackExtension.class);
    private static final Set<Class<?>> TYPES =
            Set.of(
                    LocalStack.class,
                    MySqlDatabase.class,
                    PostgresDatabase.class,
                    KafkaTopic.class,
                    S3Location.class,
                    RedshiftDatabase.class);

    /** The stack shared by every test of this JVM, started on first call. */
    public static LocalStack stack(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        SharedStack.class,
                        key -> new SharedStack(LocalStack.create()),
                        SharedStack.class)
                .stack();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return TYPES.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalStack stack = stack(context);
        Class<?> type = parameter.getParameter().getType();
        String hint = context.getTestMethod().map(Method::getName).orElse(context.getDisplayName());
        if (type == LocalStack.class) {
            return stack;
        } else if (type == MySqlDatabase.class) {
            MySqlDatabase db = stack.newMySqlDatabase(hint);
            if (stack.usesExternalMySql()) {
                // A local server disappears with the stack; a shared one would keep every test's
                // database.
                context.getStore(NAMESPACE)
                        .put(
                                db,
                                (ExtensionContext.Store.CloseableResource)
                                        () -> stack.mySql().dropDatabase(db));
            }
            return db;
        } else if (type == PostgresDatabase.class) {
            return stack.newPostgresDatabase(hint);
        } else if (type == KafkaTopic.class) {
            int partitions =
                    parameter.findAnnotation(Partitions.class).map(Partitions::value).orElse(1);
            return stack.newTopic(hint, partitions);
        } else if (type == S3Location.class) {
            return stack.newS3Location(hint);
        } else if (type == RedshiftDatabase.class) {
            return stack.newRedshiftDatabase(hint);
        }
        throw new ParameterResolutionException("unsupported parameter type " + type);
    }

    /** Closes the stack when JUnit closes the root store at the end of the run. */
    private record SharedStack(LocalStack stack)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stack.close();
        }
    }
}
