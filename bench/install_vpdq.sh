#!/bin/sh
# Build Meta's vpdq (the benchmark anchor and compatibility oracle) into the project venv.
# vpdq 0.2.5 ships only as source: it compiles against the system FFmpeg headers, so it
# needs Debian's libav*-dev packages (FFmpeg 5.1 on Debian 12), pkg-config and cmake.
# Not a dependency of safeguard itself (see DESIGN.md); run as root on Debian 12.
set -eu
cd "$(dirname "$0")/.."
apt-get update
apt-get install -y --no-install-recommends \
    libavcodec-dev libavformat-dev libavutil-dev libswscale-dev \
    libavdevice-dev libavfilter-dev pkg-config cmake g++
.venv/bin/pip install vpdq==0.2.5
.venv/bin/python -c "import vpdq; print('vpdq', vpdq.__file__)"
