#!/usr/bin/env bash
# Shared by run-cdc-source.sh and run-redshift-sink.sh (sourced, not run): option parsing and the
# `flink run -t yarn-application|yarn-session` command line for one job on YARN (e.g. Amazon EMR).
#
# The caller sets JOB_NAME, JOB_JAR_NAME and CHECKPOINT_INTERVAL, then calls flink_yarn_main "$@".

usage() {
    cat <<USAGE
Usage: $(basename "$0") [options] [-- job options...]

Runs the ${JOB_NAME} job on YARN with the Flink CLI (\$FLINK_HOME/bin/flink, else flink on PATH).

Options:
  --mode application|session  application (default): a YARN application per job, main() on the
                              cluster (flink run -t yarn-application).
                              session: submit to a running yarn-session (flink run -t yarn-session).
  --application-id ID         session mode: the YARN application id of the session (required).
  --checkpoint-dir URI        checkpoint root, e.g. s3://bucket/flink/checkpoints (required); the job
                              writes below <URI>/${JOB_NAME}.
  --savepoint-dir URI         savepoint root (default: the checkpoint root's sibling "savepoints").
  --from-savepoint PATH       resume from this savepoint or retained checkpoint (flink run -s).
  --allow-non-restored-state  with --from-savepoint: skip state of operators that no longer exist.
  --config FILE               job properties file; shipped to the cluster in application mode.
  --jar FILE                  job jar (default: deploy/${JOB_JAR_NAME}/target/${JOB_JAR_NAME}-*.jar).
  --parallelism N             default parallelism (default 2).
  --queue NAME                YARN queue.
  --tm-memory SIZE            application mode: TaskManager process size (default 4g).
  --jm-memory SIZE            application mode: JobManager process size (default 2g).
  --slots N                   application mode: slots per TaskManager (default 2).
  --prometheus-port RANGE     expose metrics to Prometheus on this port range, e.g. 9250-9260.
  --install-s3-plugin         copy opt/flink-s3-fs-hadoop-*.jar to plugins/s3-fs-hadoop first.
  --dry-run                   print the command instead of running it.
  -h, --help                  this text.

Everything after -- goes to the job's main(), e.g. -- --source.hostname=db.example --source.port=3306
USAGE
}

die() {
    echo "$(basename "$0"): $*" >&2
    exit 2
}

# Flink's S3 file system must be a plugin (its own class loader), never in lib/ or the job jar: it
# bundles Hadoop and an old Guava. EMR's EMRFS serves checkpoints, but the sink's FileSink needs the
# plugin's recoverable writer.
ensure_s3_plugin() {
    local install=$1 plugin_dir="${FLINK_HOME}/plugins/s3-fs-hadoop"
    if compgen -G "${plugin_dir}/flink-s3-fs-hadoop-*.jar" > /dev/null; then
        return 0
    fi
    local -a candidates
    mapfile -t candidates < <(compgen -G "${FLINK_HOME}/opt/flink-s3-fs-hadoop-*.jar" || true)
    if [[ ${#candidates[@]} -eq 0 ]]; then
        die "no ${plugin_dir}/flink-s3-fs-hadoop-*.jar and none in ${FLINK_HOME}/opt to install"
    fi
    if [[ ${install} != true ]]; then
        die "no S3 plugin: run with --install-s3-plugin, or: mkdir -p ${plugin_dir} && cp ${candidates[0]} ${plugin_dir}/"
    fi
    mkdir -p "${plugin_dir}"
    cp "${candidates[0]}" "${plugin_dir}/"
}

default_jar() {
    local here jars
    here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
    jars=$(compgen -G "${here}/../${JOB_JAR_NAME}/target/${JOB_JAR_NAME}-*.jar" | grep -v '/original-' | head -n 1 || true)
    [[ -n ${jars} ]] || die "no jar in deploy/${JOB_JAR_NAME}/target: build with ./mvnw -pl deploy -am package, or pass --jar"
    echo "${jars}"
}

flink_yarn_main() {
    local mode=application app_id="" checkpoint_dir="" savepoint_dir="" from_savepoint=""
    local allow_non_restored=false config="" jar="" parallelism=2 queue="" tm_memory=4g jm_memory=2g
    local slots=2 prom_port="" install_plugin=false dry_run=false
    local -a job_args=()
    while [[ $# -gt 0 ]]; do
        case $1 in
            --mode) mode=${2:?}; shift 2 ;;
            --application-id) app_id=${2:?}; shift 2 ;;
            --checkpoint-dir) checkpoint_dir=${2:?}; shift 2 ;;
            --savepoint-dir) savepoint_dir=${2:?}; shift 2 ;;
            --from-savepoint) from_savepoint=${2:?}; shift 2 ;;
            --allow-non-restored-state) allow_non_restored=true; shift ;;
            --config) config=${2:?}; shift 2 ;;
            --jar) jar=${2:?}; shift 2 ;;
            --parallelism) parallelism=${2:?}; shift 2 ;;
            --queue) queue=${2:?}; shift 2 ;;
            --tm-memory) tm_memory=${2:?}; shift 2 ;;
            --jm-memory) jm_memory=${2:?}; shift 2 ;;
            --slots) slots=${2:?}; shift 2 ;;
            --prometheus-port) prom_port=${2:?}; shift 2 ;;
            --install-s3-plugin) install_plugin=true; shift ;;
            --dry-run) dry_run=true; shift ;;
            -h | --help) usage; exit 0 ;;
            --) shift; job_args=("$@"); break ;;
            *) usage >&2; die "unknown option: $1" ;;
        esac
    done

    [[ -n ${checkpoint_dir} ]] || die "--checkpoint-dir is required (e.g. s3://bucket/flink/checkpoints)"
    [[ -n ${savepoint_dir} ]] || savepoint_dir="${checkpoint_dir%/*}/savepoints"
    [[ -n ${jar} ]] || jar=$(default_jar)

    local flink=flink
    if [[ -n ${FLINK_HOME:-} ]]; then
        flink="${FLINK_HOME}/bin/flink"
        [[ ${dry_run} == true ]] || ensure_s3_plugin "${install_plugin}"
    fi

    # Job-level settings: valid in both modes (flink run -D reaches the job's configuration).
    local -a conf=(
        -Dstate.backend.type=rocksdb
        -Dstate.backend.incremental=true
        "-Dstate.checkpoints.dir=${checkpoint_dir}/${JOB_NAME}"
        "-Dstate.savepoints.dir=${savepoint_dir}/${JOB_NAME}"
        "-Dexecution.checkpointing.interval=${CHECKPOINT_INTERVAL}"
        -Dexecution.checkpointing.externalized-checkpoint-retention=RETAIN_ON_CANCELLATION
        -Dexecution.checkpointing.min-pause=5s
        -Drestart-strategy.type=exponential-delay
        -Drestart-strategy.exponential-delay.initial-backoff=10s
        -Drestart-strategy.exponential-delay.max-backoff=5min
        -Drestart-strategy.exponential-delay.backoff-multiplier=2.0
        -Drestart-strategy.exponential-delay.reset-backoff-threshold=1h
        -Drestart-strategy.exponential-delay.jitter-factor=0.1
        "-Dparallelism.default=${parallelism}"
        "-Dpipeline.name=${JOB_NAME}"
    )
    if [[ -n ${from_savepoint} ]]; then
        conf+=(-s "${from_savepoint}")
        if [[ ${allow_non_restored} == true ]]; then
            conf+=(--allowNonRestoredState)
        fi
    fi

    local -a cmd
    if [[ ${mode} == application ]]; then
        # Cluster-level settings: only a new cluster (application mode) can take them.
        conf+=(
            "-Dyarn.application.name=binlog2redshift-${JOB_NAME}"
            "-Dtaskmanager.memory.process.size=${tm_memory}"
            "-Djobmanager.memory.process.size=${jm_memory}"
            "-Dtaskmanager.numberOfTaskSlots=${slots}"
            -Dstate.backend.rocksdb.memory.managed=true
        )
        if [[ -n ${queue} ]]; then
            conf+=("-Dyarn.application.queue=${queue}")
        fi
        if [[ -n ${prom_port} ]]; then
            conf+=(
                -Dmetrics.reporter.prom.factory.class=org.apache.flink.metrics.prometheus.PrometheusReporterFactory
                "-Dmetrics.reporter.prom.port=${prom_port}"
            )
        fi
        if [[ -n ${config} ]]; then
            # main() runs in the JobManager container: ship the file, refer to it by its name there.
            [[ -f ${config} ]] || die "no such config file: ${config}"
            conf+=("-Dyarn.ship-files=${config}")
            job_args=(--config-file "$(basename "${config}")" "${job_args[@]}")
        fi
        cmd=("${flink}" run -t yarn-application "${conf[@]}" "${jar}" "${job_args[@]}")
    elif [[ ${mode} == session ]]; then
        [[ -n ${app_id} ]] || die "--mode session needs --application-id of the running yarn-session"
        if [[ -n ${config} ]]; then
            job_args=(--config-file "${config}" "${job_args[@]}")
        fi
        cmd=("${flink}" run -t yarn-session "-Dyarn.application.id=${app_id}" --detached
            "${conf[@]}" "${jar}" "${job_args[@]}")
    else
        die "--mode must be application or session, not '${mode}'"
    fi

    if [[ ${dry_run} == true ]]; then
        printf '%q ' "${cmd[@]}"
        echo
    else
        exec "${cmd[@]}"
    fi
}
