// Peer for the "extract" stage of the benchmark suite: Mozilla's Readability.js on jsdom (npm @mozilla/readability, jsdom),
// the extractor of Firefox Reader View, on the same pages.
// Usage: node readability-peer.mjs PAGES.jsonl PASSES OUT.jsonl   (PAGES: one {"id","url","html"} per line)
// Writes {"id","text"} per page to OUT (the cold pass's output, which the suite scores) and prints one JSON line: pages,
// best warm seconds, peak RSS. Parsing the HTML into a DOM is part of the work, as it is of ours.
import { readFileSync, writeFileSync } from "node:fs";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const [path, passesArg, out] = process.argv.slice(2);
const passes = Number(passesArg ?? 3);
const pages = readFileSync(path, "utf8").split("\n").filter((l) => l.length > 0).map((l) => JSON.parse(l));
const quiet = new VirtualConsole(); // pages' CSS and script errors are not the benchmark's output
// jsdom's CSS parser (css-tree) throws on some pages' stylesheets (SCSS left in a <style>): such a page counts as a failure.
let failures = 0;

function extract(page) {
  let dom;
  try {
    dom = new JSDOM(page.html, { url: page.url, virtualConsole: quiet });
    return new Readability(dom.window.document).parse()?.textContent ?? "";
  } catch {
    failures++;
    return ""; // a page the peer cannot read scores as empty, as ours would
  } finally {
    try { dom?.window.close(); } catch { /* closing a broken page's window */ }
  }
}

const texts = pages.map((p) => ({ id: p.id, text: extract(p) }));
writeFileSync(out, texts.map((t) => JSON.stringify(t)).join("\n") + "\n");

let best = Infinity;
for (let p = 0; p < passes; p++) {
  const start = process.hrtime.bigint();
  for (const page of pages) extract(page);
  best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
}

const version = (name) => JSON.parse(readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url))).version;
console.log(JSON.stringify({
  peer: `Readability.js ${version("@mozilla/readability")} + jsdom ${version("jsdom")} (npm)`,
  pages: pages.length, seconds: best, peak_rss_bytes: peakRss(), failures: failures / (passes + 1),
}));

// VmHWM of this process's own memory: getrusage's maxRSS would carry over the parent's peak across fork and exec.
function peakRss() {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
  return m ? Number(m[1]) * 1024 : process.resourceUsage().maxRSS * 1024;
}
