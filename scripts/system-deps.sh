#!/usr/bin/env bash
# Installs the Debian packages the product and its tests need, only when one is missing.
#   libharfbuzz-subset0  WeasyPrint font subsetting      fonts-liberation2  Liberation Serif 2.x
#   poppler-utils        pdftotext/pdftoppm in tests     chromium           browser tests (Playwright)
#   gnupg                encrypted backups (make backup with BACKUP_PASSPHRASE, make restore)
#   wrk                  HTTP load generator (make bench)  libreoffice-writer-nogui  .docx -> PDF anchor (make bench)
set -euo pipefail
packages=(libharfbuzz-subset0 fonts-liberation2 poppler-utils chromium gnupg wrk libreoffice-writer-nogui)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "system-deps: installing ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "system-deps: not root; install these Debian packages: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
