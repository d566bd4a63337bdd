package io.github.binlog2redshift.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.binlog2redshift.localstack.S3Location;
import io.github.binlog2redshift.standalone.FlinkCli;
import io.github.binlog2redshift.standalone.FlinkRest;
import io.github.binlog2redshift.standalone.PackagedJob;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Both jobs of a run on the standalone cluster, submitted with {@code flink run}. After a
 * JobManager kill (no high availability here) the jobs are gone with it: {@link
 * #resubmitFromLatestCheckpoints()} does what an operator does, {@code flink run -s} of each job
 * from its latest retained checkpoint ({@code <checkpoints>/<job id>/chk-<n>/_metadata}), or from
 * scratch when it has none yet.
 */
final class JobControl {
    private static final Pattern CHECKPOINT = Pattern.compile("(.*/chk-(\\d+))/_metadata");

    private final FlinkCli cli;
    private final FlinkRest rest;
    private final S3Client s3;
    private final S3Location checkpoints;
    private final List<Path> properties;
    private final List<String> jobIds = new ArrayList<>();

    JobControl(FlinkCli cli, FlinkRest rest, S3Client s3, S3Location root, Path source, Path sink) {
        this.cli = cli;
        this.rest = rest;
        this.s3 = s3;
        this.checkpoints = new S3Location(root.bucket(), root.prefix() + "checkpoints/");
        this.properties = List.of(source, sink);
    }

    /** Submits both jobs, their clients side by side (each runs the job's main for seconds). */
    void submit() {
        List<Optional<String>> none = List.of(Optional.empty(), Optional.empty());
        jobIds.clear();
        jobIds.addAll(submitBoth(none));
    }

    /** Resubmits both jobs from their latest retained checkpoints; returns what was restored. */
    List<String> resubmitFromLatestCheckpoints() {
        List<Optional<String>> checkpoints =
                List.of(latestCheckpoint(jobIds.get(0)), latestCheckpoint(jobIds.get(1)));
        List<String> ids = submitBoth(checkpoints);
        List<String> restored = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            jobIds.set(i, ids.get(i));
            restored.add(job(i).artifactId + " from " + checkpoints.get(i).orElse("scratch"));
        }
        return restored;
    }

    private List<String> submitBoth(List<Optional<String>> checkpoints) {
        List<CompletableFuture<String>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int job = i;
            runs.add(
                    CompletableFuture.supplyAsync(
                            () ->
                                    checkpoints.get(job).isPresent()
                                            ? cli.runFromSavepoint(
                                                    checkpoints.get(job).get(), job(job), args(job))
                                            : cli.run(job(job), args(job))));
        }
        return runs.stream().map(CompletableFuture::join).toList();
    }

    private Optional<String> latestCheckpoint(String jobId) {
        String prefix = checkpoints.prefix() + jobId + "/";
        long best = -1;
        String path = null;
        ListObjectsV2Request request =
                ListObjectsV2Request.builder().bucket(checkpoints.bucket()).prefix(prefix).build();
        for (S3Object object : s3.listObjectsV2Paginator(request).contents()) {
            Matcher m = CHECKPOINT.matcher(object.key());
            if (m.matches() && Long.parseLong(m.group(2)) > best) {
                best = Long.parseLong(m.group(2));
                path = "s3://" + checkpoints.bucket() + "/" + m.group(1);
            }
        }
        return Optional.ofNullable(path);
    }

    /** Whether both jobs run every task and completed a checkpoint after {@code sinceMillis}. */
    boolean runningWithCheckpointAfter(long sinceMillis) throws InterruptedException {
        try {
            for (String id : jobIds) {
                if (!rest.allTasksRunning(id)) {
                    return false;
                }
                JsonNode latest =
                        rest.get("/jobs/" + id + "/checkpoints").path("latest").path("completed");
                if (latest.path("latest_ack_timestamp").asLong(0) <= sinceMillis) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false; // the JobManager is down or does not know the job yet
        }
    }

    /**
     * Whether cdc-source completed a checkpoint triggered after {@code millis}: once one taken
     * while its binlog reader runs exists, a restore no longer re-reads table schemas from the live
     * database (docs/chaos.md, Findings).
     */
    boolean sourceCheckpointAfter(long millis) throws InterruptedException {
        try {
            JsonNode latest =
                    rest.get("/jobs/" + jobIds.get(0) + "/checkpoints")
                            .path("latest")
                            .path("completed");
            return latest.path("trigger_timestamp").asLong(0) > millis;
        } catch (IOException e) {
            return false;
        }
    }

    /** A job that ended (FAILED: its restarts ran out), with its root exception; else empty. */
    Optional<String> ended() throws InterruptedException {
        for (String id : jobIds) {
            try {
                String state = rest.jobState(id);
                if (state.equals("FAILED") || state.equals("FINISHED")) {
                    return Optional.of(id + " is " + state + ": " + rest.rootException(id));
                }
            } catch (IOException e) {
                // The JobManager is down: nothing known.
            }
        }
        return Optional.empty();
    }

    private static PackagedJob job(int i) {
        return i == 0 ? PackagedJob.CDC_SOURCE : PackagedJob.REDSHIFT_SINK;
    }

    private List<String> args(int i) {
        return List.of("--config-file", properties.get(i).toString());
    }
}
