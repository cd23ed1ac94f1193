#!/usr/bin/python3
"""Checks a `kdx --json` document with readers kdx does not contain.

json_check.py SCHEMA DOCUMENT: the whole of DOCUMENT (a command's stdout)
must be one JSON value, valid against SCHEMA (JSON Schema 2020-12, checked
with python3-jsonschema). Prints each scalar of the document as
"path=value" (diagnostics.0.location.cell=C12; strings as they are, numbers
and true/false/null as JSON writes them) for the test to compare; exits 1
with the reason when the document does not parse or is not valid.
"""
import json
import sys

import jsonschema


def flatten(value, path, out):
    if isinstance(value, dict):
        for k, v in value.items():
            flatten(v, path + [k], out)
    elif isinstance(value, list):
        out.append(".".join(path + ["size"]) + "=" + str(len(value)))
        for i, v in enumerate(value):
            flatten(v, path + [str(i)], out)
    else:
        text = value if isinstance(value, str) else json.dumps(value)
        out.append(".".join(path) + "=" + text.replace("\n", "\\n"))


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        text = f.read()
    try:
        document = json.loads(text)
    except json.JSONDecodeError as e:
        print("stdout is not one JSON document: %s" % e)
        return 1
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    if errors:
        for e in errors:
            print("not valid at /%s: %s" % ("/".join(map(str, e.path)), e.message))
        return 1
    lines = []
    flatten(document, [], lines)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
