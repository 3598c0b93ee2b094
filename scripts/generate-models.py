#!/usr/bin/env python3
"""Generates lib/protocol/models/{iam,sts}.json from AWS's service models (Debian's python3-botocore data).

Keeps only what the wire needs: operations (input/output shape, result wrapper) and shapes (type, members,
list member, enum, min/max, pattern, required). Documentation is dropped. Run at development time; the
output is checked in so that the server never depends on botocore at run time.
"""
import json, os, sys

BOTO = os.environ.get("BOTOCORE_DATA", "/usr/lib/python3/dist-packages/botocore/data")
OUT = os.path.join(os.path.dirname(__file__), "..", "lib", "protocol", "models")

def compact(service, version):
    with open(os.path.join(BOTO, service, version, "service-2.json")) as f:
        model = json.load(f)
    shapes = {}
    for name, s in model["shapes"].items():
        out = {"type": s["type"]}
        for key in ("min", "max", "enum", "pattern", "required"):
            if key in s:
                out[key] = s[key]
        if s["type"] == "structure":
            out["members"] = {m: v["shape"] for m, v in s.get("members", {}).items()}
            if s.get("error"):
                out["error"] = s["error"]
        elif s["type"] == "list":
            out["member"] = s["member"]["shape"]
        elif s["type"] == "map":
            out["key"] = s["key"]["shape"]
            out["value"] = s["value"]["shape"]
        shapes[name] = out
    operations = {}
    for name, op in model["operations"].items():
        o = {}
        if "input" in op:
            o["input"] = op["input"]["shape"]
        if "output" in op:
            o["output"] = op["output"]["shape"]
            if "resultWrapper" in op["output"]:
                o["resultWrapper"] = op["output"]["resultWrapper"]
        o["errors"] = [e["shape"] for e in op.get("errors", [])]
        operations[name] = o
    meta = model["metadata"]
    return {
        "apiVersion": meta["apiVersion"],
        "xmlNamespace": meta.get("xmlNamespace", {}).get("uri") if isinstance(meta.get("xmlNamespace"), dict) else meta.get("xmlNamespace"),
        "operations": operations,
        "shapes": shapes,
    }

for service, version in (("iam", "2010-05-08"), ("sts", "2011-06-15")):
    data = compact(service, version)
    path = os.path.join(OUT, service + ".json")
    with open(path, "w") as f:
        json.dump(data, f, separators=(",", ":"), sort_keys=True)
    print(path, len(data["operations"]), "operations")
