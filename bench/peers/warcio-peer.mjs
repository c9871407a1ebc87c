// Peer for the "warc-read" stage of the benchmark suite: warcio.js (npm warcio) on the same WARC bytes, in memory.
// Usage: node warcio-peer.mjs CORPUS.warc.gz PASSES
// Each pass parses every record (WARC headers, HTTP headers of response/request records) and reads its whole payload
// decoded (de-chunked, Content-Encoding removed). Prints one JSON line: records, responses, best seconds, peak RSS.
import { readFileSync } from "node:fs";
import { WARCParser } from "warcio";

const [path, passesArg] = process.argv.slice(2);
const passes = Number(passesArg ?? 3);
const bytes = new Uint8Array(readFileSync(path));

// 64 KiB views, as a file stream would deliver them (one 30 MB chunk makes warcio's buffering quadratic).
function* chunks() {
  for (let i = 0; i < bytes.length; i += 65536) yield bytes.subarray(i, Math.min(i + 65536, bytes.length));
}

async function pass() {
  let records = 0, responses = 0, payload = 0;
  const parser = new WARCParser(chunks());
  for await (const record of parser) {
    records++;
    if (record.warcType === "response") responses++;
    const body = await record.readFully(true);
    payload += body.length;
  }
  return { records, responses, payload };
}

const counts = await pass(); // warm-up, and the counts
let best = Infinity;
for (let p = 0; p < passes; p++) {
  const start = process.hrtime.bigint();
  await pass();
  best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
}
console.log(JSON.stringify({
  peer: "warcio.js (npm) " + JSON.parse(readFileSync(new URL("./node_modules/warcio/package.json", import.meta.url))).version,
  ...counts, seconds: best, peak_rss_bytes: peakRss(),
}));

// VmHWM of this process's own memory: getrusage's maxRSS would carry over the parent's peak across fork and exec.
function peakRss() {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
  return m ? Number(m[1]) * 1024 : process.resourceUsage().maxRSS * 1024;
}
