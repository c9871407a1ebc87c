"""Peer for the "extract" stage of the benchmark suite: readability-lxml (Debian python3-readability) on the same pages.

Usage: python3 readability-lxml-peer.py PAGES.jsonl PASSES OUT.jsonl   (PAGES: one {"id","url","html"} per line)
Writes {"id","text"} per page to OUT (the cold pass's output, which the suite scores) and prints one JSON line: pages, best
warm seconds, peak RSS. The text is the summary's text content, as readability-lxml's users take it.
"""
import json
import re
import sys
import time

import lxml.html
import readability
from readability import Document


def extract(page):
    try:
        summary = Document(page["html"], url=page.get("url")).summary(html_partial=True)
        return lxml.html.fromstring(summary).text_content() if summary.strip() else ""
    except Exception:  # noqa: BLE001 - a page the peer cannot read scores as empty, as ours would
        return ""


def peak_rss():
    with open("/proc/self/status", encoding="ascii") as status:
        match = re.search(r"VmHWM:\s+(\d+) kB", status.read())
    return int(match.group(1)) * 1024 if match else 0


def main():
    path, passes, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(path, encoding="utf-8") as f:
        pages = [json.loads(line) for line in f if line.strip()]
    with open(out, "w", encoding="utf-8") as f:
        for page in pages:
            f.write(json.dumps({"id": page["id"], "text": extract(page)}) + "\n")
    best = float("inf")
    for _ in range(passes):
        start = time.perf_counter()
        for page in pages:
            extract(page)
        best = min(best, time.perf_counter() - start)
    version = getattr(readability, "__version__", "0.8.1")
    print(json.dumps({"peer": f"readability-lxml {version} (Debian python3-readability)", "pages": len(pages), "seconds": best,
                      "peak_rss_bytes": peak_rss()}))


if __name__ == "__main__":
    main()
