#!/usr/bin/env bash
# Run HERE (machine with .NET): publishes the benchmark self-contained for linux-x64 and cuts every file over 60 MiB into
# parts, so each upload to the GPU machine stays under its 64 MiB limit. Output: out/gpu-check/{payload,parts}/ + run.sh.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
out="$repo/out/gpu-check"
rm -rf "$out" && mkdir -p "$out/payload" "$out/parts"
dotnet publish "$repo/bench/CurationPipeline.Benchmarks" -c Release -r linux-x64 --self-contained true -o "$out/payload"
# The TensorRT provider is not used (and needs TensorRT); leave it out.
rm -f "$out/payload/libonnxruntime_providers_tensorrt.so"
cd "$out/payload"
find . -type f -size +60M -print0 | while IFS= read -r -d '' big; do
  name="${big#./}"
  split -b 60M -d -a 2 "$name" "$out/parts/${name//\//__}.part-"
  sha256sum "$name" >> "$out/parts/SHA256SUMS"
  rm "$name"
done
cp "$repo/scripts/gpu-check/run.sh" "$out/"
( cd "$out/payload" && tar czf "$out/payload.tgz" . ) && rm -rf "$out/payload"
echo "upload $out/payload.tgz, $out/run.sh and each file of $out/parts/ (each < 64 MiB), then on the GPU machine: bash run.sh"
ls -la "$out" "$out/parts"
