#!/usr/bin/env bash
# Downloads the third-party test fixtures (real WARC/ARC/WET files, the Scrapinghub and WCXB extraction benchmarks, the
# classifier data) from their public GitHub origins, pinned to commits, and checks every file against the sha256 in
# scripts/test-data.tsv (generated from the fixture folder the tests were written against; see the SOURCES.md files there).
#
# Usage: scripts/fetch-test-data.sh [DEST]     DEST defaults to ../shared/data next to the checkout, where the tests look.
#   With another DEST, run the tests with CURATE_SHARED_DATA=DEST scripts/test.sh.
# Needs: curl, sha256sum, xz, tar, python3. About 110 MB from raw.githubusercontent.com, ~15k requests (FETCH_JOBS at once,
# default 8). Rerunning resumes: files already present with the right checksum are not downloaded again.
# GITHUB_RAW replaces https://raw.githubusercontent.com (a mirror serving OWNER/REPO/COMMIT/PATH).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
manifest="$root/scripts/test-data.tsv"
dest="${1:-$root/../shared/data}"
jobs="${FETCH_JOBS:-8}"
export GITHUB_RAW="${GITHUB_RAW:-https://raw.githubusercontent.com}"

for tool in curl sha256sum xz tar python3; do
  command -v "$tool" >/dev/null || { echo "fetch-test-data.sh: $tool is required" >&2; exit 1; }
done
mkdir -p "$dest"
dest="$(cd "$dest" && pwd)"
stage="$dest/.fetch"          # downloads land here; only checked files are placed under DEST
mkdir -p "$stage"

# fetch_one URL OUT SHA256|-: downloads URL to OUT unless OUT already has the checksum; '-' = checked later, after deriving.
fetch_one() {
  local url="$1" out="$2" want="$3" got
  if [ -f "$out" ] && { [ "$want" = - ] || [ "$(sha256sum "$out" | cut -d' ' -f1)" = "$want" ]; }; then
    return 0
  fi
  mkdir -p "$(dirname "$out")"
  if ! curl -fsSL --retry 4 --retry-delay 2 --retry-connrefused -o "$out.part" "$url"; then
    echo "fetch-test-data.sh: download failed: $url" >&2
    rm -f "$out.part"
    return 1
  fi
  if [ "$want" != - ]; then
    got="$(sha256sum "$out.part" | cut -d' ' -f1)"
    if [ "$got" != "$want" ]; then
      echo "fetch-test-data.sh: sha256 mismatch for $url: got $got, want $want" >&2
      rm -f "$out.part"
      return 1
    fi
  fi
  mv "$out.part" "$out"
}
export -f fetch_one

# 1. Download every distinct origin file (repo, commit, path) into the stage. For file, xz and tar rows the origin file's
#    own checksum is known (xz: of the uncompressed file; tar: of the member), so it is checked on arrival.
echo "fetch-test-data.sh: downloading into $dest (stage $stage)"
awk -F'\t' -v stage="$stage" -v raw="$GITHUB_RAW" '
  /^#/ || $1 == "dest" { next }
  {
    key = $3 "/" $4 "/" $5
    if (key in seen) next
    seen[key] = 1
    want = ($2 == "file" || $2 == "xz" || $2 == "tar") ? $6 : "-"
    print raw "/" key; print stage "/src/" key; print want
  }' "$manifest" |
  if ! xargs -d '\n' -n 3 -P "$jobs" bash -c 'fetch_one "$@"' _; then
    echo "fetch-test-data.sh: some downloads failed (see above); rerun to resume" >&2
    exit 1
  fi

# 2. Place each fixture under DEST: copy, compress, decode or filter, and pack the tar archives.
python3 - "$manifest" "$stage" "$dest" <<'PY'
import base64, binascii, hashlib, json, os, shutil, subprocess, sys, tarfile

manifest, stage, dest = sys.argv[1:4]
def sha(b): return hashlib.sha256(b).hexdigest()
def src(r): return os.path.join(stage, "src", r["repo"], r["commit"], r["source"])
def put(path, data=None, from_file=None):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".part"
    if from_file: shutil.copyfile(from_file, tmp)
    else:
        with open(tmp, "wb") as f: f.write(data)
    os.replace(tmp, path)

def strings(value):
    if isinstance(value, str): yield value
    elif isinstance(value, dict):
        for v in value.values(): yield from strings(v)
    elif isinstance(value, list):
        for v in value: yield from strings(v)

rows, tars, failed = [], {}, []
with open(manifest, encoding="utf-8") as f:
    header = None
    for line in f:
        if line.startswith("#"): continue
        cells = line.rstrip("\n").split("\t")
        if header is None: header = cells; continue
        r = dict(zip(header, cells))
        (tars.setdefault(r["dest"], []) if r["kind"] == "tar" else rows).append(r)

for r in rows:
    out = os.path.join(dest, r["dest"])
    kind = r["kind"]
    if kind == "file":
        put(out, from_file=src(r))
    elif kind == "xz":
        # Not byte-identical to the original .xz (xz output depends on its version); the content was checked above.
        put(out, subprocess.run(["xz", "-9", "-c", src(r)], check=True, capture_output=True).stdout)
    elif kind == "b64json":
        # cdx_toolkit's recorded range GETs: the fixture is the base64 body of one recorded response; find it by checksum.
        found = None
        with open(src(r), encoding="utf-8") as f:
            for line in f:
                if not line.strip(): continue
                for s in strings(json.loads(line)):
                    try: data = base64.b64decode(s, validate=True)
                    except (binascii.Error, ValueError): continue
                    if sha(data) == r["sha256"]: found = data; break
                if found is not None: break
        if found is None: failed.append(f"{r['dest']}: no base64 string in {r['source']} has sha256 {r['sha256']}"); continue
        put(out, found)
    elif kind == "json-dev":
        with open(src(r), encoding="utf-8") as f: meta = json.load(f)
        meta["files"] = {k: v for k, v in meta["files"].items() if v.get("split") == "dev"}
        data = json.dumps(meta, indent=1, ensure_ascii=True).encode("utf-8")
        if sha(data) != r["sha256"]: failed.append(f"{r['dest']}: the dev-only metadata has sha256 {sha(data)}, want {r['sha256']}"); continue
        put(out, data)
    else:
        failed.append(f"{r['dest']}: unknown kind {kind}"); continue
    with open(out, "rb") as f:
        if sha(f.read()) != r["sha256"] and kind != "xz": failed.append(f"{r['dest']}: sha256 mismatch after placing")

for archive, members in tars.items():
    out = os.path.join(dest, archive)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    tmp = out + ".part"
    with tarfile.open(tmp, "w:xz") as tar:
        dirs = sorted({m["member"].split("/", 1)[0] for m in members if "/" in m["member"]})
        for d in dirs:
            info = tarfile.TarInfo(d); info.type = tarfile.DIRTYPE; info.mode = 0o755; tar.addfile(info)
        for m in members:
            path = src(m)
            with open(path, "rb") as f: data = f.read()
            if sha(data) != m["sha256"]: failed.append(f"{archive}: member {m['member']} sha256 mismatch"); continue
            info = tarfile.TarInfo(m["member"]); info.size = len(data); info.mode = 0o644
            with open(path, "rb") as f: tar.addfile(info, f)
    os.replace(tmp, out)

if failed:
    print("\n".join("fetch-test-data.sh: " + x for x in failed), file=sys.stderr)
    sys.exit(1)
print(f"fetch-test-data.sh: {len(rows)} files and {len(tars)} archives ({sum(map(len, tars.values()))} members) in place, checksums verified")
PY
rm -rf "$stage"
echo "fetch-test-data.sh: done; the tests find $dest$( [ "$dest" = "$(cd "$root/.." && pwd)/shared/data" ] || echo " with CURATE_SHARED_DATA=$dest")"
