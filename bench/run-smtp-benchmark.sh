#!/bin/sh
# One command for the SMTP benchmarks (as root: they start a private Postfix and Dovecot).
#   bench/run-smtp-benchmark.sh                       loopback: 1,000 messages, 10,000 streamed, a group of 5,000
#   bench/run-smtp-benchmark.sh latency [300 10000 20,50 3]   through the latency relay
#   bench/run-smtp-benchmark.sh --separate-cores [...]  the same, with this benchmark on CPU 0 and the
#       mail server on the other cores (as a server on another host: they do not compete for CPU)
# The benchmark runs as this shell's own process (exec, not dotnet run), so Ctrl-C, SIGTERM and
# SIGHUP reach it and it stops Postfix and Dovecot before it exits.
set -e
cd "$(dirname "$0")/.."
dotnet build src/MessagingProvider -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build bench/MessagingProvider.SmtpBenchmark -c Release -nologo -clp:ErrorsOnly >/dev/null
run=
if [ "$1" = "--separate-cores" ]; then
    shift
    last=$(($(nproc) - 1)); MP_BENCH_SERVER_CPUS=$([ "$last" = 1 ] && echo 1 || echo "1-$last")
    export MP_BENCH_SERVER_CPUS
    run="taskset -c 0"
fi
exec $run dotnet bench/MessagingProvider.SmtpBenchmark/bin/Release/net10.0/MessagingProvider.SmtpBenchmark.dll "$@"
