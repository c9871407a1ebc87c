// Peer for the "tokenize" stage of the benchmark suite: tiktoken's WASM build (npm tiktoken) on the same texts.
// Usage: node tiktoken-peer.mjs ENCODING TEXTS.jsonl PASSES   (one JSON string per line)
// Prints one JSON line: documents, tokens, best warm seconds, peak RSS, and the sha256 of every id as uint32 LE, per document
// concatenated, so the suite can check the ids are identical. encode_ordinary: special-token spellings are plain text, as ours.
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { get_encoding } from "tiktoken";

const [encoding, path, passesArg] = process.argv.slice(2);
const passes = Number(passesArg ?? 3);
const texts = readFileSync(path, "utf8").split("\n").filter((l) => l.length > 0).map((l) => JSON.parse(l));
const enc = get_encoding(encoding);

const hash = createHash("sha256");
let tokens = 0;
const coldStart = process.hrtime.bigint();
for (const t of texts) {
  const ids = enc.encode_ordinary(t);
  tokens += ids.length;
  const le = new Uint8Array(ids.length * 4);
  const view = new DataView(le.buffer);
  for (let i = 0; i < ids.length; i++) view.setUint32(i * 4, ids[i], true);
  hash.update(le);
}
const cold = Number(process.hrtime.bigint() - coldStart) / 1e9;

let best = Infinity;
for (let p = 0; p < passes; p++) {
  const start = process.hrtime.bigint();
  for (const t of texts) enc.encode_ordinary(t);
  best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
}
enc.free();
console.log(JSON.stringify({
  peer: "tiktoken (npm, WASM) " + JSON.parse(readFileSync(new URL("./node_modules/tiktoken/package.json", import.meta.url))).version,
  documents: texts.length, tokens, cold_seconds: cold, seconds: best,
  peak_rss_bytes: peakRss(), ids_sha256: hash.digest("hex"),
}));

// VmHWM of this process's own memory: getrusage's maxRSS would carry over the parent's peak across fork and exec.
function peakRss() {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
  return m ? Number(m[1]) * 1024 : process.resourceUsage().maxRSS * 1024;
}
