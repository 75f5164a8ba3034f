#!/usr/bin/env python3
"""Writes decode-fixtures' table: resource id (a schema's x-resourceId) -> the generated Swift type for that schema.

    resource-decoders.py SPEC GENERATED_DIR OUTPUT.swift

Type names are read back from the generated files (each component's type carries
`- Remark: Generated from `#/components/schemas/NAME`.`), so the table follows the generator's naming and
collision rules instead of repeating them. Prints one warning per resource id without a generated type.
"""
import os
import re
import sys


def resource_ids(spec_path):
    """x-resourceId -> schema name, for every component schema that has one."""
    try:
        import yaml
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        with open(spec_path, encoding="utf-8") as handle:
            document = yaml.load(handle, Loader=loader)
        schemas = document["components"]["schemas"]
        return {s["x-resourceId"]: name for name, s in schemas.items() if isinstance(s, dict) and "x-resourceId" in s}
    except ImportError:
        # Stripe's file layout: schemas at four spaces under `components: schemas:`, their keys at six.
        result, current, in_schemas = {}, None, False
        with open(spec_path, encoding="utf-8") as handle:
            for line in handle:
                if line.rstrip() == "  schemas:":
                    in_schemas = True
                elif in_schemas and re.match(r"^  \S", line):
                    in_schemas = False
                elif in_schemas:
                    match = re.match(r"^    ([^\s:]+):\s*$", line)
                    if match:
                        current = match.group(1).strip("'\"")
                    match = re.match(r"^      x-resourceId:\s*(\S+)\s*$", line)
                    if match and current:
                        result[match.group(1).strip("'\"")] = current
        return result


REMARK = re.compile(r"- Remark: Generated from `#/components/schemas/([^`]+)`")
DECL = re.compile(r"^\s*(?:@\w+\s+)*(?:public |internal |package )?(?:final |indirect )?(?:struct|enum|class) (\w+)")


def generated_types(folder):
    """schema name -> Swift type name, from the remark above each top-level declaration."""
    result = {}
    for directory, _, files in os.walk(folder):
        for file_name in sorted(files):
            if not file_name.endswith(".swift"):
                continue
            pending = None
            with open(os.path.join(directory, file_name), encoding="utf-8") as handle:
                for line in handle:
                    match = REMARK.search(line)
                    if match:
                        pending = match.group(1)
                        continue
                    if pending and not line.lstrip().startswith("///"):
                        match = DECL.match(line)
                        if match and not line.startswith(" "):
                            result.setdefault(pending, match.group(1))
                        pending = None
    return result


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    spec_path, folder, output = sys.argv[1:]
    ids = resource_ids(spec_path)
    types = generated_types(folder)
    lines = [
        "// Written by Benchmarks/full-api.sh from the spec's x-resourceId values and the generated type names.",
        "import StripeAPI",
        "",
        "/// Decodes the resource `id` at `key`; false when no generated type has that resource id.",
        "func decodeResource(_ id: String, in container: KeyedDecodingContainer<ResourceKey>, forKey key: ResourceKey) throws -> Bool {",
        "    switch id {",
    ]
    missing = []
    for resource in sorted(ids):
        type_name = types.get(ids[resource])
        if type_name is None:
            missing.append(resource)
            continue
        lines.append(f'    case "{resource}": _ = try container.decode(StripeAPI.{type_name}.self, forKey: key)')
    lines += ["    default: return false", "    }", "    return true", "}", ""]
    with open(output, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines))
    for resource in missing:
        print(f"resource-decoders: warning: no generated type for x-resourceId {resource} (schema {ids[resource]})",
              file=sys.stderr)
    print(f"resource-decoders: {len(ids) - len(missing)} of {len(ids)} resources mapped", file=sys.stderr)


if __name__ == "__main__":
    main()
