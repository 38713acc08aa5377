#!/bin/sh
# One command for the SMTP benchmarks (as root: they start a private Postfix and Dovecot).
#   bench/run-smtp-benchmark.sh                       loopback: 1,000 messages, 10,000 streamed, a group of 5,000
#   bench/run-smtp-benchmark.sh latency [300 10000 20,50 3]   through the latency relay
# The benchmark runs as this shell's own process (exec, not dotnet run), so Ctrl-C, SIGTERM and
# SIGHUP reach it and it stops Postfix and Dovecot before it exits.
set -e
cd "$(dirname "$0")/.."
dotnet build src/MessagingProvider -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build bench/MessagingProvider.SmtpBenchmark -c Release -nologo -clp:ErrorsOnly >/dev/null
exec dotnet bench/MessagingProvider.SmtpBenchmark/bin/Release/net10.0/MessagingProvider.SmtpBenchmark.dll "$@"
