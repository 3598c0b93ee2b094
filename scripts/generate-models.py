#!/usr/bin/env python3
"""Generates lib/protocol/models/{iam,sts,accessanalyzer}.json from AWS's service models (botocore's data).

Keeps only what the wire needs: operations (input/output shape, result wrapper) and shapes (type, members,
list member, enum, min/max, pattern, required). Documentation is dropped. Run at development time; the
output is checked in so that the server never depends on botocore at run time.
"""
import gzip, json, os, sys

BOTO = os.environ.get("BOTOCORE_DATA", "/usr/lib/python3/dist-packages/botocore/data")
# Botocore data directories to look in: Debian's awscli vendors an older botocore (its accessanalyzer model
# predates the custom policy checks); a pip-installed botocore (BOTOCORE_SEARCH, or the one this python
# imports) is newer. The model with the most operations wins.
SEARCH = [BOTO, "/usr/lib/python3/dist-packages/awscli/botocore/data"] + os.environ.get("BOTOCORE_SEARCH", "").split(os.pathsep)
try:
    import botocore

    SEARCH.append(os.path.join(os.path.dirname(botocore.__file__), "data"))
except ImportError:
    pass


def load_model(service, version):
    found = []
    for base in [d for d in SEARCH if d]:
        for name in ("service-2.json", "service-2.json.gz"):
            path = os.path.join(base, service, version, name)
            if os.path.exists(path):
                with (gzip.open(path, "rt") if name.endswith(".gz") else open(path)) as f:
                    found.append(json.load(f))
    if not found:
        sys.exit(f"no botocore model for {service} {version}; set BOTOCORE_DATA or BOTOCORE_SEARCH")
    return max(found, key=lambda model: len(model["operations"]))
OUT = os.path.join(os.path.dirname(__file__), "..", "lib", "protocol", "models")

def compact(service, version):
    model = load_model(service, version)
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

def compact_rest_json(service, version):
    """A REST-JSON model: operations with their HTTP binding, shapes with member locations (uri, querystring)."""
    model = load_model(service, version)
    shapes = {}
    for name, s in model["shapes"].items():
        out = {"type": s["type"]}
        for key in ("min", "max", "enum", "pattern", "required", "timestampFormat"):
            if key in s:
                out[key] = s[key]
        if s["type"] == "structure":
            members = {}
            for m, v in s.get("members", {}).items():
                member = {"shape": v["shape"]}
                for key in ("location", "locationName", "idempotencyToken"):
                    if key in v:
                        member[key] = v[key]
                members[m] = member
            out["members"] = members
            if s.get("error"):
                out["error"] = s["error"]
            if s.get("exception"):
                out["exception"] = True
            if s.get("union"):
                out["union"] = True
        elif s["type"] == "list":
            out["member"] = s["member"]["shape"]
        elif s["type"] == "map":
            out["key"] = s["key"]["shape"]
            out["value"] = s["value"]["shape"]
        shapes[name] = out
    operations = {}
    for name, op in model["operations"].items():
        o = {"http": {"method": op["http"]["method"], "requestUri": op["http"]["requestUri"], "responseCode": op["http"].get("responseCode", 200)}}
        if "input" in op:
            o["input"] = op["input"]["shape"]
        if "output" in op:
            o["output"] = op["output"]["shape"]
        o["errors"] = [e["shape"] for e in op.get("errors", [])]
        operations[name] = o
    meta = model["metadata"]
    return {
        "apiVersion": meta["apiVersion"],
        "signingName": meta.get("signingName", meta["endpointPrefix"]),
        "protocol": meta["protocol"],
        "operations": operations,
        "shapes": shapes,
    }


SERVICES = {
    "iam": lambda: compact("iam", "2010-05-08"),
    "sts": lambda: compact("sts", "2011-06-15"),
    "accessanalyzer": lambda: compact_rest_json("accessanalyzer", "2019-11-01"),
}

# `generate-models.py accessanalyzer` regenerates one model; no argument regenerates all.
for service in sys.argv[1:] or list(SERVICES):
    data = SERVICES[service]()
    path = os.path.join(OUT, service + ".json")
    with open(path, "w") as f:
        json.dump(data, f, separators=(",", ":"), sort_keys=True)
    print(path, len(data["operations"]), "operations")
