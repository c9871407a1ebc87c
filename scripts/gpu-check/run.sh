#!/usr/bin/env bash
# Run ON THE GPU MACHINE (no .NET needed), in the folder holding payload.tgz, run.sh and parts/.
# Reassembles the split files, points the loader at the pip nvidia wheels (CUDA 13, cuDNN 9), then embeds on CUDA and on CPU.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
app="$here/app"
mkdir -p "$app" && tar xzf "$here/payload.tgz" -C "$app"
for first in "$here"/parts/*.part-00; do
  base="$(basename "${first%.part-00}")"
  cat "$here/parts/$base".part-* > "$app/${base//__//}"
done
( cd "$app" && sha256sum -c "$here/parts/SHA256SUMS" )
chmod +x "$app/CurationPipeline.Benchmarks"

# libonnxruntime_providers_cuda.so needs libcudart/libcublas(Lt).so.13, libcurand.so.10, cuDNN 9 and the driver's libcuda.so.1.
nvidia_root="$(python3 -c 'import nvidia; print(list(nvidia.__path__)[0])')"  # a namespace package: no __file__
libs="$(find "$nvidia_root" -maxdepth 3 -type d -name lib | tr '\n' ':')"
export LD_LIBRARY_PATH="$app:${libs}${LD_LIBRARY_PATH:-}"
echo "missing libraries of the CUDA provider (empty = all found):"
ldd "$app/libonnxruntime_providers_cuda.so" | grep "not found" || true
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader || true

export CURATE_MODEL_CACHE="$here/model-cache"
cd "$app"
echo "== CUDA (a 'CUDA execution provider unavailable' line means it fell back; the lines then say CPU) =="
./CurationPipeline.Benchmarks embed --cuda --docs 4096 --skip-dedup
echo "== CPU, same machine =="
./CurationPipeline.Benchmarks embed --docs 512 --skip-dedup
