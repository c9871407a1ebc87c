#!/usr/bin/env bash
# Makes TorchSharp-cpu 0.107.0's libLibTorchSharp.so load on Debian 12 (libstdc++ 12, GLIBCXX up to 3.4.30).
# The library was built with GCC 13 and needs GLIBCXX_3.4.32 for exactly one symbol, std::ios_base_library_init().
# Recipe: weaken the version requirement, clear the symbol's version, and add a
# tiny shim library that defines the symbol. Idempotent; a no-op where the system libstdc++ already has 3.4.32.
# Usage: patch-libtorchsharp.sh OUTPUT_DIR   (the folder holding libLibTorchSharp.so, or runtimes/linux-x64/native below it)
set -euo pipefail

out_dir="${1:?usage: patch-libtorchsharp.sh OUTPUT_DIR}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
symbol="_ZSt21ios_base_library_initv"
version="GLIBCXX_3.4.32"

lib=""
for candidate in "$out_dir/libLibTorchSharp.so" "$out_dir/runtimes/linux-x64/native/libLibTorchSharp.so"; do
  if [[ -f "$candidate" ]]; then lib="$candidate"; break; fi
done
if [[ -z "$lib" ]]; then
  echo "patch-libtorchsharp: no libLibTorchSharp.so under $out_dir; nothing to patch" >&2
  exit 0
fi

libstdcxx="$(/sbin/ldconfig -p 2>/dev/null | awk '/libstdc\+\+\.so\.6 .*x86-64/ {print $NF; exit}')"
if [[ -n "$libstdcxx" ]] && grep -qa "$version" "$libstdcxx"; then
  exit 0
fi

for tool in patchelf g++ python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    # Only `curate train` loads TorchSharp, so a missing tool must not break every other build; the build warns and
    # `curate train` explains the failure when it cannot load the library.
    echo "warning: patch-libtorchsharp: '$tool' is missing, so $lib stays unpatched and 'curate train' cannot load TorchSharp on this system (install: apt-get install -y patchelf g++ python3, then rebuild)" >&2
    exit 0
  fi
done

lib_dir="$(dirname "$lib")"
shim="$lib_dir/libiosshim.so"
if [[ ! -f "$shim" || "$here/iosshim/iosshim.cpp" -nt "$shim" ]]; then
  g++ -O2 -shared -fPIC -o "$shim.tmp" "$here/iosshim/iosshim.cpp"
  mv -f "$shim.tmp" "$shim"
fi

if patchelf --print-needed "$lib" | grep -qx "libiosshim.so"; then
  exit 0
fi

python3 "$here/iosshim/weaken_verneed.py" "$lib" "$version"
patchelf --clear-symbol-version "$symbol" "$lib"
patchelf --add-needed libiosshim.so "$lib"
echo "patch-libtorchsharp: patched $lib"
