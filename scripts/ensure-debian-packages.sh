#!/usr/bin/env bash
# Install the Debian packages named as arguments when they are missing (root only).
# Used by `make setup` (a CJK font for charts) and `make test` (Chromium for browser tests; nodejs and npm where
# there is no npm, for the workflow checks).
set -euo pipefail
missing=()
for pkg in "$@"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "缺少系统软件包：${missing[*]}。请运行：sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "正在安装系统软件包：${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
