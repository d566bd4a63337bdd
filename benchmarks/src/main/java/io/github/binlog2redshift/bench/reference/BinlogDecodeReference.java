package io.github.binlog2redshift.bench.reference;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The physical ceiling of reading a binlog on this machine: {@code mariadb-binlog
 * --base64-output=decode-rows -v} decoding the backlog's files to /dev/null (C, one thread, no
 * network, no JSON). Our source and the peer are reported as a fraction of it.
 */
public final class BinlogDecodeReference {

    private BinlogDecodeReference() {}

    /** Wall time in milliseconds to decode {@code files}. */
    public static long decodeMillis(List<Path> files) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(executable());
        command.add("--base64-output=decode-rows");
        command.add("-v");
        files.forEach(f -> command.add(f.toString()));
        long start = System.nanoTime();
        Process p =
                new ProcessBuilder(command)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("mariadb-binlog did not finish within 10 minutes");
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (p.exitValue() != 0) {
            throw new IllegalStateException(
                    "mariadb-binlog exited with " + p.exitValue() + ": " + command);
        }
        return ms;
    }

    /** {@code mariadb-binlog} (MariaDB 10.5+), else the older {@code mysqlbinlog} name. */
    static String executable() {
        for (String name : List.of("mariadb-binlog", "mysqlbinlog")) {
            for (String dir :
                    System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        throw new IllegalStateException("neither mariadb-binlog nor mysqlbinlog is on the PATH");
    }
}
