#!/usr/bin/env bash
# Job 1 (MySQL binlog -> Kafka) on YARN. Usage: run-cdc-source.sh --help
set -euo pipefail

JOB_NAME=cdc-source
JOB_JAR_NAME=cdc-source-job
# Short: checkpoints commit the source's Kafka transactions, so they bound end-to-end latency.
CHECKPOINT_INTERVAL=30s

# shellcheck source=flink-yarn.sh
source "$(dirname "${BASH_SOURCE[0]}")/flink-yarn.sh"
flink_yarn_main "$@"
