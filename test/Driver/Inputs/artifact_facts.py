"""Prints the facts of an artifact directory that the driver tests check.

    %python artifact_facts.py OUT

One line per fact, in a stable order: the files (sorted), the manifest's
keys (sorted), and each input and output as `input NAME DTYPE SHAPE`.
"""
import json
import os
import sys


def main(out):
    print("files:", " ".join(sorted(os.listdir(out))))
    with open(os.path.join(out, "manifest.json")) as f:
        manifest = json.load(f)
    print("keys:", " ".join(sorted(manifest)))
    print("weights keys:", " ".join(sorted(manifest["weights"])))
    for key in ("format", "model", "source", "target", "library", "header",
                "descriptor"):
        print(f"{key}: {manifest[key]}")
    size = os.path.getsize(os.path.join(out, manifest["weights"]["file"]))
    print("weights.bin matches bytes:", size == manifest["weights"]["bytes"])
    for kind in ("inputs", "outputs"):
        for t in manifest[kind]:
            shape = "x".join(str(d) for d in t["shape"])
            print(f"{kind[:-1]} {t['name']} {t['dtype']} {shape}")


if __name__ == "__main__":
    main(sys.argv[1])
