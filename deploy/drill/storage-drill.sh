#!/usr/bin/env bash
# Storage node backup drill on loopback: a standalone node (storage-node.jar) takes objects through
# S3 (Debian's aws CLI: /usr/bin/aws) in an Object Lock bucket, is stopped and backed up with
# deploy/storage/storage-backup.sh (scrubbed), takes more objects and a legal hold, is backed up
# again (incremental: unchanged files hard-linked), then its data directory is destroyed and the
# second backup restored: every object comes back with its SHA-256, retention and legal hold. A
# byte flipped in a backup makes the next scrub of it fail. Exit status 0 only when every check
# passed. Needs rsync and awscli from Debian. Usage: deploy/drill/storage-drill.sh [objects, default 200]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
n=${1:-200}
jar=$repo/storage-node/target/storage-node.jar
[ -f "$jar" ] || (cd "$repo" && mvn -B -q -DskipTests -pl storage-node package)
aws=/usr/bin/aws
command -v rsync >/dev/null && [ -x "$aws" ] || { echo "drill: needs rsync and awscli (apt-get install -y rsync awscli)"; exit 2; }
work=$(mktemp -d /tmp/tangthu-storage-drill.XXXXXX)
data=$work/node
backups=$work/backups
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export AWS_ACCESS_KEY_ID=drill AWS_SECRET_ACCESS_KEY=drill-secret-key AWS_DEFAULT_REGION=us-east-1 \
  AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
s3() { "$aws" --endpoint-url "http://127.0.0.1:$port" s3api "$@"; }
node=
start_node() {
  STORAGE_DATA_DIR=$data STORAGE_PORT=$port STORAGE_ACCESS_KEY=$AWS_ACCESS_KEY_ID \
    STORAGE_SECRET_KEY=$AWS_SECRET_ACCESS_KEY java -Xmx256m -jar "$jar" >> "$work/node.log" 2>&1 &
  node=$!
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return; sleep 0.5; done
  echo "DRILL FAILED: the node did not start"; exit 1
}
stop_node() { kill "$node"; wait "$node" 2>/dev/null || true; node=; }
cleanup() { [ -n "$node" ] && kill "$node" 2>/dev/null; [ -n "${DRILL_KEEP:-}" ] || rm -rf "$work"; }
trap cleanup EXIT
t0=$(date +%s.%N)
say() { printf '[%5.1f s] %s\n' "$(echo "$(date +%s.%N) - $t0" | bc)" "$*"; }
fail() { echo "DRILL FAILED: $*"; exit 1; }
put_objects() { # from to
  for i in $(seq "$1" "$2"); do
    f=$work/src/$i.bin
    head -c $(( (i * 7919) % 300000 + 1 )) /dev/urandom > "$f"
    s3 put-object --bucket tangthu-originals --key "records/$i/Quyết định $i.pdf" --body "$f" \
      --object-lock-mode COMPLIANCE --object-lock-retain-until-date 2099-01-01T00:00:00Z >/dev/null
  done
}
check_objects() { # count
  for i in $(seq 1 "$1"); do
    s3 get-object --bucket tangthu-originals --key "records/$i/Quyết định $i.pdf" "$work/got" >/dev/null
    cmp -s "$work/got" "$work/src/$i.bin" || fail "object $i differs after the restore"
  done
}
mkdir -p "$work/src"
start_node
s3 create-bucket --bucket tangthu-originals --object-lock-enabled-for-bucket >/dev/null
put_objects 1 "$n"
say "node on port $port: $n objects (1 B - 300 KB, COMPLIANCE until 2099) in an Object Lock bucket"
stop_node
"$repo/deploy/storage/storage-backup.sh" "$data" "$backups" "$jar" | sed "s/^/[backup 1] /"
sleep 1
start_node
put_objects $((n + 1)) $((n + n / 4))
s3 put-object-legal-hold --bucket tangthu-originals --key "records/1/Quyết định 1.pdf" --legal-hold Status=ON
say "$((n / 4)) more objects, a legal hold on object 1"
stop_node
"$repo/deploy/storage/storage-backup.sh" "$data" "$backups" "$jar" | sed "s/^/[backup 2] /"
latest=$(ls -1 "$backups" | grep -E '^[0-9]{8}T[0-9]{6}Z$' | sort | tail -n 1)
rm -rf "$data"
say "data directory destroyed; restoring $latest"
cp -a "$backups/$latest" "$data"
start_node
total=$((n + n / 4))
check_objects "$total"
hold=$(s3 get-object-legal-hold --bucket tangthu-originals --key "records/1/Quyết định 1.pdf" --query LegalHold.Status --output text)
mode=$(s3 get-object-retention --bucket tangthu-originals --key "records/$total/Quyết định $total.pdf" --query Retention.Mode --output text)
[ "$hold" = ON ] && [ "$mode" = COMPLIANCE ] || fail "legal hold '$hold', retention '$mode' after the restore"
if s3 delete-object --bucket tangthu-originals --key "records/2/Quyết định 2.pdf" \
  --version-id "$(s3 head-object --bucket tangthu-originals --key "records/2/Quyết định 2.pdf" --query VersionId --output text)" >/dev/null 2>&1; then
  fail "a COMPLIANCE version was deleted after the restore"
fi
say "restored: $total objects bit-exact, legal hold ON, COMPLIANCE retention kept (a version delete is refused)"
stop_node
# a flipped byte in a backup is found by its scrub
victim=$(find "$backups/$latest" -name 'd-*.bin' -size +1k | head -n 1)
cp --remove-destination "$victim" "$victim.tmp" && mv "$victim.tmp" "$victim"   # own inode: the other backup keeps its copy
printf '\xff' | dd of="$victim" bs=1 seek=100 conv=notrunc 2>/dev/null
if java -jar "$jar" scrub "$backups/$latest" > "$work/scrub.log" 2>&1; then
  fail "scrub did not notice a flipped byte"
fi
say "a byte flipped in the backup: scrub exits 1 ($(tail -n 1 "$work/scrub.log"))"
say "DRILL PASSED"
