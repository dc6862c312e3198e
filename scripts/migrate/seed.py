#!/usr/bin/env python3
"""Seeds an emulator with COUNT tasks for scripts/bench-migrate: POSTs the product's example documents
(examples/PRODUCT/*.json, single task documents) the emulator accepts, then cycles through them, each
named apart (' #N' appended to the name)."""
import argparse
import glob
import json
import os
import urllib.error
import urllib.request

COLLECTIONS = {"wyn": "/api/v2/scheduler/tasks", "fylr": "/api/v1/task"}


def rename(product, document, suffix):
    document = json.loads(json.dumps(document))
    if product == "wyn":
        document["description"] = document.get("description", "task") + suffix
    else:
        task = document.setdefault("task", {})
        task["description"] = (task.get("description") or "task") + suffix
    return document


def post(url, headers, document):
    request = urllib.request.Request(url, data=json.dumps(document).encode(), headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return 200 <= response.status < 300
    except urllib.error.HTTPError:
        return False


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--product", choices=sorted(COLLECTIONS), required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--examples", default="examples")
    arguments = parser.parse_args()
    url = arguments.url.rstrip("/") + COLLECTIONS[arguments.product]
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if arguments.product == "wyn":
        headers["Reference-Token"] = arguments.token
    else:
        headers["Authorization"] = "Bearer " + arguments.token
    accepted = []
    for path in sorted(glob.glob(os.path.join(arguments.examples, arguments.product, "*.json"))):
        with open(path) as file:
            document = json.load(file)
        if isinstance(document, dict) and len(accepted) < arguments.count and post(url, headers, document):
            accepted.append(document)
    if not accepted:
        raise SystemExit(f"the {arguments.product} emulator accepted none of the examples")
    created, index = len(accepted), 0
    while created < arguments.count:
        if post(url, headers, rename(arguments.product, accepted[index % len(accepted)], f" #{index}")):
            created += 1
        index += 1
        if index > 4 * arguments.count:
            raise SystemExit(f"only {created} of {arguments.count} tasks were accepted")
    print(f"seeded {created} {arguments.product} tasks ({len(accepted)} examples)")


if __name__ == "__main__":
    main()
