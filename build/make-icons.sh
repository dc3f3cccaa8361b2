#!/usr/bin/env bash
# Renders build/icon.svg into the PNGs electron-builder packages. Needs rsvg-convert
# (Debian: `apt-get install librsvg2-bin`). The PNGs are committed, so packaging never needs it.
# electron-builder makes the Windows .ico and the macOS .icns from build/icon.png (1024 px).
set -euo pipefail
cd "$(dirname "$0")"
rsvg-convert -w 1024 -h 1024 icon.svg -o icon.png
for size in 16 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" icon.svg -o "icons/${size}x${size}.png"
done
