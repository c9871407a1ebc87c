#!/usr/bin/env python3
"""An independent reader of a Megatron-LM indexed dataset (PREFIX.bin + PREFIX.idx), standard library only.

Follows the layout of megatron/core/datasets/indexed_dataset.py (_IndexWriter / _IndexReader), not our C# writer:
  .idx: b"MMIDIDX\\x00\\x00", version <Q (1), dtype code <B, sequence count <Q, document-index count <Q,
        int32 sequence lengths, int64 sequence byte offsets, int64 document indices (0 first, sequence count last)
  .bin: the sequences' tokens back to back in the dtype.
Checks every structural invariant, then prints JSON to stdout: {"dtype": NAME, "documents": [[token, ...], ...]}
(one list per document: its sequences concatenated). Exits 1 with a message on stderr when the files are not valid.

Usage: read_indexed_dataset.py PREFIX
"""
import json
import struct
import sys

DTYPES = {1: ("uint8", "B"), 2: ("int8", "b"), 3: ("int16", "h"), 4: ("int32", "i"),
          5: ("int64", "q"), 6: ("float64", "d"), 7: ("float32", "f"), 8: ("uint16", "H")}


def fail(message):
    sys.stderr.write("invalid Megatron indexed dataset: " + message + "\n")
    sys.exit(1)


def read(prefix):
    with open(prefix + ".idx", "rb") as f:
        idx = f.read()
    with open(prefix + ".bin", "rb") as f:
        data = f.read()

    if idx[:9] != b"MMIDIDX\x00\x00":
        fail("bad header %r" % idx[:9])
    (version,) = struct.unpack_from("<Q", idx, 9)
    if version != 1:
        fail("version %d" % version)
    (code,) = struct.unpack_from("<B", idx, 17)
    if code not in DTYPES:
        fail("dtype code %d" % code)
    name, fmt = DTYPES[code]
    width = struct.calcsize("<" + fmt)
    sequences, doc_count = struct.unpack_from("<QQ", idx, 18)
    offset = 34
    expected = offset + 4 * sequences + 8 * sequences + 8 * doc_count
    if len(idx) != expected:
        fail(".idx is %d bytes, the header implies %d" % (len(idx), expected))

    lengths = struct.unpack_from("<%di" % sequences, idx, offset)
    offset += 4 * sequences
    pointers = struct.unpack_from("<%dq" % sequences, idx, offset)
    offset += 8 * sequences
    doc_indices = struct.unpack_from("<%dq" % doc_count, idx, offset)

    if doc_count < 1 or doc_indices[0] != 0 or doc_indices[-1] != sequences:
        fail("document indices must run from 0 to the sequence count")
    if any(b < a for a, b in zip(doc_indices, doc_indices[1:])):
        fail("document indices decrease")
    position = 0
    for i, (length, pointer) in enumerate(zip(lengths, pointers)):
        if length < 0 or pointer != position:
            fail("sequence %d: length %d at byte %d, expected byte %d" % (i, length, pointer, position))
        position += length * width
    if position != len(data):
        fail(".bin is %d bytes, the index covers %d" % (len(data), position))

    documents = []
    for d in range(doc_count - 1):
        tokens = []
        for s in range(doc_indices[d], doc_indices[d + 1]):
            tokens.extend(struct.unpack_from("<%d%s" % (lengths[s], fmt), data, pointers[s]))
        documents.append(tokens)
    return {"dtype": name, "documents": documents}


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        sys.exit(2)
    json.dump(read(sys.argv[1]), sys.stdout)
