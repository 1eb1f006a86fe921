#!/usr/bin/env bash
# Formats the sources in place (`scripts/format.sh`) or checks them (`scripts/format.sh --lint`).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--lint" ]; then
    swift format lint --strict --recursive --parallel Sources Tests Package.swift
else
    swift format format --in-place --recursive --parallel Sources Tests Package.swift
fi
