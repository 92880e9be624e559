#!/bin/bash
# HTTP health probe for containers without curl or wget.
# Usage: healthcheck [path]   (default /actuator/health/liveness; port from SERVER_PORT, default 8080)
# Exits 0 only when the application answers the GET with status 200.
set -u
path="${1:-/actuator/health/liveness}"
port="${SERVER_PORT:-8080}"

exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nAccept: application/json\r\nConnection: close\r\n\r\n' "${path}" >&3
IFS= read -r -t 4 status_line <&3 || exit 1
exec 3<&-

case "${status_line}" in
  "HTTP/1."[01]" 200"*) exit 0 ;;
  *) echo "unhealthy: ${status_line%$'\r'}" >&2; exit 1 ;;
esac
