#!/usr/bin/env bash
# Installs the Debian 12 packages revsearch needs to build and test, only
# those that are missing. Uses sudo when not run as root.
set -euo pipefail
packages=(g++ cmake make pkg-config libxapian-dev libicu-dev libspdlog-dev catch2 libcli11-dev
  nlohmann-json3-dev zlib1g-dev xapian-tools
  clang libclang-rt-14-dev  # hardening (issue 9): libFuzzer and its sanitizer runtimes
  libcpp-httplib-dev  # `revsearch serve`
  chromium fonts-nanum  # the browser test (headless) and Korean glyphs in its screenshots
  wrk  # the server load benchmark
  unzip)  # the polarity-v2 zip: sentiment accuracy benchmark and the model reproducibility test
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}" >&2
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
