#!/usr/bin/env bash
# The Debian package under a real systemd. Boots this machine's own systemd in a throw-away systemd-nspawn container
# (a tmpfs root; /etc, /usr and /var as overlays whose writes land in a temporary directory, so the host is never
# changed), installs the package there with dpkg -i as a user would, and checks the service as systemd runs it:
# ready (READY=1) and fed by its watchdog, the web port answering, colors reaching a real mosquitto broker, a clean
# stop that puts the light back as it was, a restart after SIGKILL, exit 78 without a restart loop on a bad config;
# then that remove and purge leave nothing behind.
#
#   bash tests/packaging/service-under-systemd.sh dist/dominant-colors_<version>_amd64.deb
#
# Needs root, systemd-nspawn (systemd-container), mosquitto, mosquitto-clients and curl; the package's architecture
# must be this machine's. Prints one "ok"/"FAIL" line per check with timings, and ends with "N passed, N failed".
# DominantColors' unit limits devices with DeviceAllow=, which nspawn does not enforce: that part is not tested here.
set -uo pipefail

readonly unit=dominant-colors.service
readonly broker_topic=light/tv
# A light's state as Home Assistant's MQTT JSON schema retains it on its state topic, before the daemon starts.
readonly light_before='{"state":"ON","brightness":77,"color":{"r":10,"g":20,"b":30}}'
# What the mqtt output's homeassistant preset sends on stop to put that state back (README, "MQTT, WLED and Home
# Assistant outputs"; tests/DominantColors.Mqtt.Tests/Restore): the same state, with the preset's transition.
readonly light_restored='{"state":"ON","brightness":77,"color":{"r":10,"g":20,"b":30},"transition":0.5}'

passed=0 failed=0
pass() { echo "ok - $*"; passed=$((passed + 1)); }
fail() { echo "FAIL - $*"; failed=$((failed + 1)); }
finish() { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit $?; }
# check NAME COMMAND...: one check, its output shown when it fails.
check() {
  local name=$1 out
  shift
  if out=$("$@" 2>&1); then pass "$name"; else fail "$name"; [ -z "$out" ] || sed 's/^/    /' <<<"$out"; fi
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }

if [ $# -ne 1 ] || [ ! -f "$1" ]; then
  echo "usage: bash tests/packaging/service-under-systemd.sh PACKAGE.deb" >&2
  fail "a package to test (got: ${1:-nothing})"
  finish
fi
package=$(realpath "$1")
if [ "$(id -u)" -ne 0 ]; then
  fail "the systemd test needs root: it boots systemd in a container (systemd-nspawn); run it as root"
  finish
fi
for command in systemd-nspawn nsenter mosquitto_sub curl; do
  if ! command -v "$command" >/dev/null; then
    fail "the systemd test needs $command"
    finish
  fi
done
if [ ! -x /usr/sbin/mosquitto ]; then
  fail "the systemd test needs mosquitto"
  finish
fi

work=$(mktemp -d /tmp/dominant-colors-nspawn-XXXXXX)
machine=dominant-colors-test-$$
cgroup=dominant-colors-nspawn-$$
nspawn_pid='' init=''

# Runs a command inside the container, as root there.
inside() { nsenter --target "$init" --all -- "$@"; }
show() { inside systemctl show -P "$1" "$unit"; }

cleanup() {
  if [ -n "$nspawn_pid" ] && kill -0 "$nspawn_pid" 2>/dev/null; then
    # SIGTERM: nspawn asks the container's systemd to shut down cleanly.
    kill -TERM "$nspawn_pid" 2>/dev/null
    timeout 30 tail --pid="$nspawn_pid" -f /dev/null || kill -KILL "$nspawn_pid" 2>/dev/null
    wait "$nspawn_pid" 2>/dev/null
  fi
  # Leftovers nspawn cannot remove itself when /run is not a tmpfs, and the container's cgroups.
  rm -rf "/run/systemd/nspawn/propagate/$machine"
  # Shared by every nspawn on this machine: removed only when empty and no other container runs.
  pgrep -x systemd-nspawn >/dev/null || rmdir /run/systemd/nspawn/propagate /run/systemd/nspawn /run/systemd/nspawn-root 2>/dev/null
  local hierarchy
  for hierarchy in /sys/fs/cgroup/unified /sys/fs/cgroup/systemd /sys/fs/cgroup; do
    [ -d "$hierarchy/$cgroup" ] && find "$hierarchy/$cgroup" -depth -type d -exec rmdir {} + 2>/dev/null
  done
  rm -rf "$work"
}
trap cleanup EXIT
# Stopped by a timeout or ^C: still shut the container down and clean up (the EXIT trap runs on exit).
trap 'exit 143' TERM
trap 'exit 130' INT

# --- Boot -------------------------------------------------------------------------------------------------------
# Services this machine has enabled would start in the container too (through the /etc overlay): masked on the
# container's command line, as is its console getty.
masks=(systemd.mask=console-getty.service)
for wanted in /etc/systemd/system/*.wants/*; do
  [ -e "$wanted" ] || [ -L "$wanted" ] || continue
  masks+=("systemd.mask=$(basename "$wanted")")
done
mkdir -p "$work/etc" "$work/usr" "$work/var" "$work/package"
cp "$package" "$work/package/"
boot_started=$(now_ms)
(
  # Without systemd as PID 1 nspawn puts the container in <its own cgroup>/payload: give it a cgroup of its own
  # first, so two runs never share one and cleanup knows what to remove.
  if [ ! -d /run/systemd/system ]; then
    for hierarchy in /sys/fs/cgroup/unified /sys/fs/cgroup/systemd; do
      if [ -d "$hierarchy" ] && mkdir -p "$hierarchy/$cgroup"; then echo "$BASHPID" > "$hierarchy/$cgroup/cgroup.procs"; fi
    done
    if [ -f /sys/fs/cgroup/cgroup.controllers ] && mkdir -p "/sys/fs/cgroup/$cgroup"; then
      echo "$BASHPID" > "/sys/fs/cgroup/$cgroup/cgroup.procs"
    fi
  fi
  SYSTEMD_NSPAWN_UNIFIED_HIERARCHY=1 exec systemd-nspawn -D / --volatile=yes \
    --overlay="/etc:$work/etc:/etc" --overlay="/usr:$work/usr:/usr" --overlay="/var:$work/var:/var" \
    --bind-ro="$work/package:/run/package" \
    --register=no --keep-unit --link-journal=no --private-network --machine="$machine" --console=passive \
    -b "${masks[@]}"
) > "$work/nspawn.log" 2>&1 &
nspawn_pid=$!

# The container's systemd is nspawn's child once the container is set up.
for _ in $(seq 1 300); do
  child=$(pgrep -P "$nspawn_pid" | head -n 1)
  if [ -n "$child" ] && [ "$(cat "/proc/$child/comm" 2>/dev/null)" = systemd ]; then init=$child; break; fi
  kill -0 "$nspawn_pid" 2>/dev/null || break
  sleep 0.2
done
if [ -z "$init" ]; then
  fail "systemd boots in systemd-nspawn"
  sed 's/^/    /' "$work/nspawn.log"
  finish
fi
# Until the container's systemd has its bus socket, systemctl cannot ask it anything.
for _ in $(seq 1 240); do
  state=$(timeout 120 nsenter --target "$init" --all -- systemctl is-system-running --wait 2>&1)
  [[ $state == *"Failed to connect to bus"* ]] || break
  sleep 0.5
done
if [ "$state" = running ] || [ "$state" = degraded ]; then
  pass "systemd boots in systemd-nspawn ($state, $(($(now_ms) - boot_started)) ms)"
else
  fail "systemd boots in systemd-nspawn (state: ${state:-none})"
  inside systemctl --failed --no-pager 2>&1 | sed 's/^/    /'
  finish
fi
[ "$state" = running ] || inside systemctl --failed --no-pager --plain 2>&1 | sed 's/^/    /'

# --- A broker and a light that reports its state ----------------------------------------------------------------
check "mosquitto runs in the container" inside systemd-run --quiet --unit=test-broker /usr/sbin/mosquitto
for _ in $(seq 1 50); do
  inside mosquitto_pub -h 127.0.0.1 -t "$broker_topic" -r -m "$light_before" 2>/dev/null && break
  sleep 0.2
done
check "the light's state is retained on $broker_topic" \
  inside mosquitto_sub -h 127.0.0.1 -t "$broker_topic" -C 1 -W 5
# Everything the daemon sends to the light, one payload per line, from a subscriber that is surely connected: it
# has received the marker published after it started.
check "a subscriber records $broker_topic/set" inside systemd-run --quiet --unit=test-light \
  sh -c "exec mosquitto_sub -h 127.0.0.1 -t $broker_topic/set > /run/light.log"
seen_marker() {
  for _ in $(seq 1 50); do
    inside mosquitto_pub -h 127.0.0.1 -t "$broker_topic/set" -m marker
    inside grep -qx marker /run/light.log && return 0
    sleep 0.2
  done
  return 1
}
check "the subscriber is connected" seen_marker

# --- Install ----------------------------------------------------------------------------------------------------
deb=/run/package/$(basename "$package")
inside cp /etc/passwd /etc/group /etc/shadow /etc/gshadow /run/
# A container image's policy-rc.d (Docker's base images deny every service action with 101) would keep the package's
# scripts from stopping the service; a Pi has none. Removed in the container's /usr overlay only.
inside rm -f /usr/sbin/policy-rc.d
check "dpkg -i installs the package" inside env DEBIAN_FRONTEND=noninteractive dpkg -i "$deb"
in_groups() { local groups; groups=$(inside id -nG dominant-colors) && grep -qw video <<<"$groups" && grep -qw dialout <<<"$groups"; }
check "the service user exists, in the video and dialout groups" in_groups
enabled_not_started() {
  [ "$(inside systemctl is-enabled "$unit")" = enabled ] || { echo "is-enabled: $(inside systemctl is-enabled "$unit")"; return 1; }
  ! inside systemctl is-active --quiet "$unit" || { echo "already running"; return 1; }
}
check "the unit is enabled and not started" enabled_not_started
state_directory() { [ "$(inside stat -c '%U %a' /var/lib/dominant-colors)" = 'dominant-colors 700' ]; }
check "the state directory belongs to the service user, mode 0700" state_directory
conffile() { inside dpkg-query -W -f='${Conffiles}' dominant-colors | grep -q ' /etc/dominant-colors/dominant-colors.yaml '; }
check "the sample config is a conffile" conffile

# Hue commands as root run as the service user, on its state directory (no credentials yet: the error names them).
hue_as_root() {
  local out
  out=$(inside dominant-colors hue lights 2>&1)
  grep -q /var/lib/dominant-colors/hue-credentials.json <<<"$out" || { echo "$out"; return 1; }
}
check "sudo dominant-colors hue ... reads the service's state directory" hue_as_root
hue_as_service_user() {
  local out
  # A credentials file only root may read: root would read it; the service user, which hue commands run as, cannot.
  inside install -m 0600 /dev/null /var/lib/dominant-colors/hue-credentials.json
  out=$(inside dominant-colors hue lights 2>&1)
  inside rm -f /var/lib/dominant-colors/hue-credentials.json
  grep -q "Cannot read Hue credentials '/var/lib/dominant-colors/hue-credentials.json': Access to the path .* is denied" <<<"$out" ||
    { echo "$out"; return 1; }
}
check "sudo dominant-colors hue ... runs as the service user" hue_as_service_user
as_service_user() {
  local out
  out=$(inside runuser -u dominant-colors -- dominant-colors hue lights 2>&1)
  grep -q /var/lib/dominant-colors/hue-credentials.json <<<"$out" || { echo "$out"; return 1; }
}
check "sudo -u dominant-colors dominant-colors hue ... reads the service's state directory" as_service_user

# The config a user writes after installing: the test pattern, one MQTT light, the web page.
write_config() {
  inside sh -c "cat > /etc/dominant-colors/dominant-colors.yaml" <<EOF
source:
  type: pattern
  fps: 10
lights:
  - name: tv
outputs:
  - type: mqtt
    broker: 127.0.0.1
    preset: homeassistant
    topic: $broker_topic
    lights: [tv]
web:
  enabled: true
  address: 127.0.0.1
  port: 8733
$1
EOF
}
write_config ""

# --- Start, ready, watchdog, web, colors ------------------------------------------------------------------------
started=$(now_ms)
if timeout 90 nsenter --target "$init" --all -- systemctl start "$unit"; then
  pass "systemctl start returns once the service is ready ($(($(now_ms) - started)) ms)"
else
  fail "systemctl start"
  inside journalctl -u "$unit" --no-pager -n 50 | sed 's/^/    /'
fi
ready_after() {
  local exec_start active
  exec_start=$(show ExecMainStartTimestampMonotonic) active=$(show ActiveEnterTimestampMonotonic)
  [ "$(show ActiveState)/$(show SubState)" = active/running ] && [ "$active" -gt 0 ] || return 1
  echo "$(((active - exec_start) / 1000))"
}
if ms=$(ready_after); then
  pass "active (running) after READY=1, $ms ms after the process started"
else
  fail "active (running) after READY=1 (state: $(show ActiveState)/$(show SubState))"
fi
# The systemd console format: one line per event, the level as a syslog priority (the plain one has two lines).
systemd_log() { inside journalctl -u "$unit" --no-pager -o cat | grep -q '^Microsoft.Hosting.Lifetime\[0\] Application started'; }
check "the log is in the systemd format" systemd_log

watchdog_fed() {
  # systemd stamps WatchdogTimestamp at READY=1 and at every WATCHDOG=1; the daemon pings at a third of WatchdogSec.
  local first
  first=$(show WatchdogTimestampMonotonic)
  for _ in $(seq 1 100); do
    [ "$(show WatchdogTimestampMonotonic)" != "$first" ] && return 0
    sleep 0.25
  done
  echo "WatchdogTimestampMonotonic stayed $first for 25 s (WatchdogUSec=$(show WatchdogUSec))"
  return 1
}
check "the watchdog is fed (WatchdogSec=$(show WatchdogUSec))" watchdog_fed
# eventually SECONDS COMMAND...: true once COMMAND is (polled every 0.25 s).
eventually() {
  local tries=$(($1 * 4))
  shift
  for _ in $(seq 1 "$tries"); do "$@" >/dev/null 2>&1 && return 0; sleep 0.25; done
  "$@"
}
# 200 once frames flow and the MQTT output has its broker.
check "the web port answers /healthz with 200" \
  eventually 15 inside curl -fsS --max-time 5 -o /dev/null http://127.0.0.1:8733/healthz
colors_sent() { inside grep -v -x -e marker -e "$light_restored" /run/light.log | grep -q '"color"'; }
check "colors reach the light over MQTT" eventually 15 colors_sent

# --- Stop -------------------------------------------------------------------------------------------------------
stopping=$(now_ms)
if timeout 60 nsenter --target "$init" --all -- systemctl stop "$unit"; then
  pass "systemctl stop exits 0 ($(($(now_ms) - stopping)) ms)"
else
  fail "systemctl stop"
fi
stopped_cleanly() { [ "$(show Result)/$(show ExecMainStatus)" = success/0 ] || { echo "$(show Result)/$(show ExecMainStatus)"; return 1; }; }
check "the service stopped cleanly (exit 0)" stopped_cleanly
last_light() { inside tail -n 1 /run/light.log; }
restored() { [ "$(last_light)" = "$light_restored" ] || { echo "last message: $(last_light)"; return 1; }; }
check "the light is back as it was before the daemon started" eventually 5 restored

# --- SIGKILL: restarted ------------------------------------------------------------------------------------------
restarted_after_kill() {
  local before restarts
  timeout 90 nsenter --target "$init" --all -- systemctl start "$unit" || return 1
  before=$(show MainPID) restarts=$(show NRestarts)
  inside systemctl kill -s KILL "$unit" || return 1
  # RestartSec=5, then a start up to READY=1.
  for _ in $(seq 1 240); do
    if [ "$(show NRestarts)" -gt "$restarts" ] && [ "$(show ActiveState)/$(show SubState)" = active/running ] &&
       [ "$(show MainPID)" != "$before" ]; then
      return 0
    fi
    sleep 0.25
  done
  echo "after SIGKILL: $(show ActiveState)/$(show SubState), NRestarts=$(show NRestarts), MainPID=$(show MainPID) (was $before)"
  return 1
}
check "systemctl kill -s KILL is followed by a restart" restarted_after_kill

# --- A bad config: 78, and no restart loop ----------------------------------------------------------------------
write_config "smoothing:
  intensity: wild"
bad_config_stops() {
  local restarts
  inside systemctl stop "$unit"
  if timeout 90 nsenter --target "$init" --all -- systemctl start "$unit"; then echo "started with a bad config"; return 1; fi
  [ "$(show ExecMainStatus)" = 78 ] || { echo "exit status $(show ExecMainStatus)"; return 1; }
  # (A start job resets NRestarts: counted from here.)
  restarts=$(show NRestarts)
  # Longer than RestartSec=5: a restart would have happened by now.
  sleep 7
  [ "$(show ActiveState)" = failed ] && [ "$(show NRestarts)" = "$restarts" ] ||
    { echo "$(show ActiveState), NRestarts $(show NRestarts) (was $restarts)"; return 1; }
  inside journalctl -u "$unit" --no-pager -o cat | grep -qE "smoothing\.intensity \(line [0-9]+\): 'wild' is not allowed" ||
    { echo "the journal does not name the key"; return 1; }
}
check "an invalid config exits 78 and is not restarted" bad_config_stops

# --- Remove and purge -------------------------------------------------------------------------------------------
write_config ""
check "the service runs again before removal" timeout 90 nsenter --target "$init" --all -- systemctl start "$unit"
check "dpkg -r removes the package" inside dpkg -r dominant-colors
removed() {
  inside systemctl is-active --quiet "$unit" && { echo "still running"; return 1; }
  inside test -e /usr/lib/dominant-colors -o -e /usr/bin/dominant-colors -o -e "/lib/systemd/system/$unit" &&
    { echo "program files left"; return 1; }
  [ -z "$(inside find /etc/systemd/system -name "$unit")" ] || { echo "still enabled"; return 1; }
  inside test -f /etc/dominant-colors/dominant-colors.yaml || { echo "the config went with remove"; return 1; }
}
check "remove stopped and disabled the service and kept the config" removed
check "the light is back after remove" eventually 5 restored
check "dpkg -P purges the package" inside dpkg -P dominant-colors
purged() {
  local left
  left=$(inside find /etc /usr /var /lib /run -xdev \( -name '*dominant-colors*' -o -user dominant-colors \) \
    -not -path '/var/log/*' -not -path '/run/package/*' 2>/dev/null)
  [ -z "$left" ] || { echo "left behind: $left"; return 1; }
  inside getent passwd dominant-colors >/dev/null && { echo "the user is left"; return 1; }
  inside getent group dominant-colors >/dev/null && { echo "the group is left"; return 1; }
  local file
  for file in passwd group shadow gshadow; do
    inside cmp -s "/run/$file" "/etc/$file" || { echo "/etc/$file differs from before the install"; return 1; }
  done
}
check "purge leaves nothing behind" purged

finish
