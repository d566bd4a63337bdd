#!/usr/bin/env bash
# Job 2 (Kafka -> S3 -> COPY into Redshift) on YARN. Usage: run-redshift-sink.sh --help
set -euo pipefail

JOB_NAME=redshift-sink
JOB_JAR_NAME=redshift-sink-job
# The sink loads the warehouse once per checkpoint: this is its commit latency and batch size.
CHECKPOINT_INTERVAL=60s

# shellcheck source=flink-yarn.sh
source "$(dirname "${BASH_SOURCE[0]}")/flink-yarn.sh"
flink_yarn_main "$@"
