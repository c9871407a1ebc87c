#!/usr/bin/env python3
"""Writes scripts/test-data.tsv (what scripts/fetch-test-data.sh downloads) from a complete fixture folder.

Usage: scripts/make-test-data-manifest.py SHARED_DATA_DIR > scripts/test-data.tsv

Run it again whenever the fixtures change. The origins come from the fixture folder's SOURCES.md files (warc/),
classify/MANIFEST.tsv (classify/) and extraction/README.md (extraction/); every checksum is computed from the local copy,
so a download is accepted only if it is byte-identical to the files the tests were written against.

Columns: dest, kind, repo, commit, source, sha256, member
  file      dest is the file at source, unchanged; sha256 of dest
  xz        dest is the file at source, xz-compressed here; sha256 of the uncompressed file
  b64json   dest is a base64 string inside the JSON Lines file at source (cdx_toolkit's recorded responses); sha256 of dest
  json-dev  dest is the JSON file at source with only its "files" entries whose "split" is "dev"; sha256 of dest
  tar       one member of the .tar.xz dest: the file at source, stored as member; sha256 of the member
"""
import hashlib
import json
import lzma
import os
import re
import sys
import tarfile


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def main(root: str) -> None:
    rows = []

    # warc/: the per-section tables give repo, short commit and repo path; the last table the full commit and sha256.
    text = read(os.path.join(root, "SOURCES.md")).decode("utf-8")
    origin = {}
    full = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and cells[0].startswith("`"):
            name = cells[0].strip("`")
            m = re.match(r"^([\w.-]+/[\w.-]+) @ `([0-9a-f]+)`$", cells[1])
            if m:
                path = re.match(r"^`([^` ]+)", cells[2]).group(1)
                origin[name] = (m.group(1), path)
            elif re.fullmatch(r"`[0-9a-f]{40}`", cells[1]) and re.fullmatch(r"`[0-9a-f]{64}`", cells[2]):
                full[name] = (cells[1].strip("`"), cells[2].strip("`"))
    for name in sorted(full):
        repo, path = origin[name]
        commit, digest = full[name]
        local = os.path.join(root, "warc", name)
        if sha256(read(local)) != digest:
            sys.exit(f"{local}: sha256 differs from SOURCES.md")
        kind = "b64json" if path.endswith(".jsonl") and not name.endswith(".jsonl") else "file"
        rows.append(("warc/" + name, kind, repo, commit, path, digest, "-"))
    listed = {"warc/" + n for n in full}
    for dirpath, _, files in os.walk(os.path.join(root, "warc")):
        for f in files:
            rel = os.path.relpath(os.path.join(dirpath, f), root)
            if rel not in listed:
                sys.exit(f"{rel}: no origin in SOURCES.md")

    # classify/: MANIFEST.tsv lists every file with its origin.
    with open(os.path.join(root, "classify", "MANIFEST.tsv"), encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            r = dict(zip(header, line.rstrip("\n").split("\t")))
            dest = "classify/" + r["file"]
            local = os.path.join(root, dest)
            if r["source_path"].endswith("/"):
                with tarfile.open(local, "r:xz") as tar:
                    for m in tar.getmembers():
                        if m.isfile():
                            data = tar.extractfile(m).read()
                            src = r["source_path"] + m.name.split("/", 1)[1]
                            rows.append((dest, "tar", r["source_repo"], r["commit"], src, sha256(data), m.name))
            elif r["uncompressed_sha256"] != "-":
                if sha256(lzma.decompress(read(local))) != r["uncompressed_sha256"]:
                    sys.exit(f"{local}: uncompressed sha256 differs from MANIFEST.tsv")
                rows.append((dest, "xz", r["source_repo"], r["commit"], r["source_path"], r["uncompressed_sha256"], "-"))
            else:
                if sha256(read(local)) != r["sha256"]:
                    sys.exit(f"{local}: sha256 differs from MANIFEST.tsv")
                rows.append((dest, "file", r["source_repo"], r["commit"], r["source_path"], r["sha256"], "-"))

    # extraction/: two benchmarks, described in extraction/README.md.
    sh_repo, sh_commit = "scrapinghub/article-extraction-benchmark", "4a3bc979f76c0df73cb95fe272e2fc1b96f9f010"
    sh = os.path.join(root, "extraction", "scrapinghub")
    for f in sorted(os.listdir(os.path.join(sh, "html"))):
        rows.append((f"extraction/scrapinghub/html/{f}", "file", sh_repo, sh_commit, f"html/{f}", sha256(read(os.path.join(sh, "html", f))), "-"))
    for f in ("ground-truth.json", "LICENSE"):
        rows.append((f"extraction/scrapinghub/{f}", "file", sh_repo, sh_commit, f, sha256(read(os.path.join(sh, f))), "-"))
    with tarfile.open(os.path.join(sh, "tool-outputs.tar.xz"), "r:xz") as tar:
        for m in tar.getmembers():
            if m.isfile():
                rows.append(("extraction/scrapinghub/tool-outputs.tar.xz", "tar", sh_repo, sh_commit, m.name, sha256(tar.extractfile(m).read()), m.name))

    wc_repo, wc_commit = "Murrough-Foley/web-content-extraction-benchmark", "c039d5ee9f5a3a984a0e167e63aacd04e76e78a9"
    wc = os.path.join(root, "extraction", "wcxb-dev")
    for f in sorted(os.listdir(os.path.join(wc, "html"))):
        rows.append((f"extraction/wcxb-dev/html/{f}", "file", wc_repo, wc_commit, f"dev/html/{f}", sha256(read(os.path.join(wc, "html", f))), "-"))
    rows.append(("extraction/wcxb-dev/LICENSE", "file", wc_repo, wc_commit, "LICENSE", sha256(read(os.path.join(wc, "LICENSE"))), "-"))
    rows.append(("extraction/wcxb-dev/metadata.json", "json-dev", wc_repo, wc_commit, "metadata.json", sha256(read(os.path.join(wc, "metadata.json"))), "-"))
    with tarfile.open(os.path.join(wc, "ground-truth.tar.xz"), "r:xz") as tar:
        for m in tar.getmembers():
            if m.isfile():
                rows.append(("extraction/wcxb-dev/ground-truth.tar.xz", "tar", wc_repo, wc_commit, "dev/" + m.name, sha256(tar.extractfile(m).read()), m.name))

    out = sys.stdout
    out.write("# Generated by scripts/make-test-data-manifest.py; read by scripts/fetch-test-data.sh\n")
    out.write("dest\tkind\trepo\tcommit\tsource\tsha256\tmember\n")
    for r in rows:
        if any("\t" in c or "\n" in c for c in r):
            sys.exit(f"tab or newline in {r}")
        out.write("\t".join(r) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
