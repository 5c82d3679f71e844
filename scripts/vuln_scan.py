#!/usr/bin/env python3
"""Matches the Lambda functions' runtime Maven artifacts against an OSV advisory database.

The database is OSV's Maven export (all.zip: one OSV JSON record per advisory, GitHub's advisory
database among its sources), the same file `osv-scanner --offline` reads. Exit codes: 0 nothing
critical, 1 a critical advisory affects a deployed artifact, 2 bad input, 3 no database to scan with.

    vuln_scan.py --db PATH [--deps-dir ROOT] [--json]   PATH: all.zip or a folder of OSV .json files
    vuln_scan.py --self-test
"""
import argparse
import io
import json
import math
import os
import re
import sys
import tempfile
import zipfile
from pathlib import Path

SEVERITY_ORDER = ["CRITICAL", "HIGH", "MODERATE", "LOW", "UNKNOWN"]

# ---------------------------------------------------------------- deployed artifacts


def read_dependency_lists(root):
    """{function: {"group:artifact": version}} from each functions/*/target/runtime-deps.txt
    (maven-dependency-plugin's list goal, runtime scope: what the shaded Lambda jar holds)."""
    line = re.compile(r"^\s+([^:\s]+):([^:\s]+):[^:\s]+(?::[^:\s]+)?:([^:\s]+):(compile|runtime)\b")
    functions = {}
    for listing in sorted(Path(root).glob("functions/*/target/runtime-deps.txt")):
        deps = {}
        for text in listing.read_text().splitlines():
            m = line.match(text)
            if m and m.group(1) != "dev.winback":
                deps[m.group(1) + ":" + m.group(2)] = m.group(3)
        functions[listing.parent.parent.name] = deps
    return functions


# ---------------------------------------------------------------- Maven versions


_QUALIFIERS = {"alpha": 0, "a": 0, "beta": 1, "b": 1, "milestone": 2, "m": 2, "rc": 3, "cr": 3,
               "snapshot": 4, "": 5, "ga": 5, "final": 5, "release": 5, "sp": 6}


def _tokens(version):
    """Maven's ComparableVersion, simplified: numbers compare as numbers, known qualifiers in
    Maven's order (alpha < beta < milestone < rc < snapshot < release < sp), others after them."""
    parts = re.findall(r"\d+|[a-zA-Z]+", version.lower())
    items = []
    for p in parts:
        if p.isdigit():
            items.append((1, int(p), ""))
        else:
            rank = _QUALIFIERS.get(p)
            items.append((0, rank, "") if rank is not None else (0, 7, p))
    # Zeros and release markers before a qualifier or the end mean nothing: 1.0.0 == 1 == 1-final, 1.0-rc1 == 1-rc1.
    kept = []
    for item in reversed(items):
        if item in ((1, 0, ""), (0, 5, "")) and (not kept or kept[-1][0] == 0):
            continue
        kept.append(item)
    return kept[::-1]


def compare_versions(a, b):
    ta, tb = _tokens(a), _tokens(b)
    for i in range(max(len(ta), len(tb))):
        x = ta[i] if i < len(ta) else None
        y = tb[i] if i < len(tb) else None
        if x == y:
            continue
        if x is None:  # 1.0 vs 1.0.1 is less; 1.0 vs 1.0-rc1 is more
            return -1 if y[0] == 1 or y[1] > 5 else 1
        if y is None:
            return 1 if x[0] == 1 or x[1] > 5 else -1
        if x[0] != y[0]:  # a number beats a qualifier at the same place: 1.1 > 1-rc
            return 1 if x[0] == 1 else -1
        return -1 if (x[1], x[2]) < (y[1], y[2]) else 1
    return 0


def affects(affected, version):
    """OSV's rule for one package entry: listed versions, or an ECOSYSTEM range walked in order."""
    if version in affected.get("versions", []):
        return True
    for rng in affected.get("ranges", []):
        if rng.get("type") != "ECOSYSTEM":
            continue
        events = sorted(rng.get("events", []), key=_event_key)
        vulnerable = False
        for e in events:
            if "introduced" in e and (e["introduced"] == "0" or compare_versions(version, e["introduced"]) >= 0):
                vulnerable = True
            elif "fixed" in e and compare_versions(version, e["fixed"]) >= 0:
                vulnerable = False
            elif "last_affected" in e and compare_versions(version, e["last_affected"]) > 0:
                vulnerable = False
        if vulnerable:
            return True
    return False


class _EventKey:
    def __init__(self, version):
        self.version = version

    def __lt__(self, other):
        if self.version == "0":
            return other.version != "0"
        if other.version == "0":
            return False
        return compare_versions(self.version, other.version) < 0


def _event_key(event):
    return _EventKey(next(iter(event.values())))


# ---------------------------------------------------------------- severity


def cvss3_base_score(vector):
    """The CVSS v3.x base score of a vector string (FIRST's formula), or None if it is not one."""
    m = dict(p.split(":", 1) for p in vector.split("/")[1:] if ":" in p)
    try:
        av = {"N": 0.85, "A": 0.62, "L": 0.55, "P": 0.2}[m["AV"]]
        ac = {"L": 0.77, "H": 0.44}[m["AC"]]
        ui = {"N": 0.85, "R": 0.62}[m["UI"]]
        changed = m["S"] == "C"
        pr = {"N": 0.85, "L": 0.68 if changed else 0.62, "H": 0.5 if changed else 0.27}[m["PR"]]
        c, i, a = ({"H": 0.56, "L": 0.22, "N": 0.0}[m[k]] for k in ("C", "I", "A"))
    except KeyError:
        return None
    iss = 1 - (1 - c) * (1 - i) * (1 - a)
    impact = 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15 if changed else 6.42 * iss
    if impact <= 0:
        return 0.0
    exploitability = 8.22 * av * ac * pr * ui
    raw = min(1.08 * (impact + exploitability), 10) if changed else min(impact + exploitability, 10)
    return math.ceil(raw * 10 - 1e-9) / 10


def severity(record):
    """The advisory's own rating (GitHub's database_specific.severity) or one from its CVSS v3 vector."""
    rated = str(record.get("database_specific", {}).get("severity", "")).upper()
    if rated in SEVERITY_ORDER:
        return rated
    scores = [cvss3_base_score(s.get("score", "")) for s in record.get("severity", [])
              if s.get("type") == "CVSS_V3"]
    scores = [s for s in scores if s is not None]
    if not scores:
        return "UNKNOWN"
    top = max(scores)
    return "CRITICAL" if top >= 9 else "HIGH" if top >= 7 else "MODERATE" if top >= 4 else "LOW"


# ---------------------------------------------------------------- database


def read_database(path):
    """Every OSV record of the database, from all.zip or a folder of .json files."""
    path = Path(path)
    if path.is_dir():
        for f in sorted(path.rglob("*.json")):
            yield json.loads(f.read_text())
        return
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".json"):
                yield json.loads(z.read(name))


def scan(functions, records):
    """Findings: one per advisory and artifact version, naming the functions that ship it."""
    wanted = {}
    for function, deps in functions.items():
        for name, version in deps.items():
            wanted.setdefault(name, {}).setdefault(version, []).append(function)
    findings, count, newest = [], 0, ""
    for record in records:
        count += 1
        newest = max(newest, record.get("modified", ""))
        if record.get("withdrawn"):
            continue
        for affected in record.get("affected", []):
            package = affected.get("package", {})
            if package.get("ecosystem") != "Maven" or package.get("name") not in wanted:
                continue
            for version, users in wanted[package["name"]].items():
                if affects(affected, version):
                    fixed = sorted({e["fixed"] for r in affected.get("ranges", []) for e in r.get("events", [])
                                    if "fixed" in e})
                    findings.append({"id": record.get("id"), "aliases": record.get("aliases", []),
                                     "severity": severity(record), "package": package["name"],
                                     "version": version, "functions": sorted(users), "fixed": fixed,
                                     "summary": record.get("summary", "")})
    findings.sort(key=lambda f: (SEVERITY_ORDER.index(f["severity"]), f["package"], f["id"]))
    return findings, count, newest


def report(functions, findings, count, newest, db, out):
    artifacts = {(n, v) for deps in functions.values() for n, v in deps.items()}
    by = {s: sum(1 for f in findings if f["severity"] == s) for s in SEVERITY_ORDER}
    out.write(f"vuln-scan: {len(functions)} Lambda functions, {len(artifacts)} distinct runtime artifacts, "
              f"against {db} ({count} advisories, newest change {newest[:10] or 'unknown'})\n")
    out.write("vuln-scan: " + ", ".join(f"{by[s]} {s.lower()}" for s in SEVERITY_ORDER) + "\n")
    for f in findings:
        cve = ",".join(a for a in f["aliases"] if a.startswith("CVE-")) or "-"
        fix = ", fixed in " + " / ".join(f["fixed"]) if f["fixed"] else ", no fixed version"
        out.write(f"  {f['severity']:<8} {f['id']} ({cve}) {f['package']}:{f['version']}{fix}"
                  f" [{', '.join(f['functions'])}] {f['summary'][:100]}\n")


# ---------------------------------------------------------------- self-test


def self_test():
    """The matcher on made-up advisories, so the scan is known to fail on a critical one."""
    assert compare_versions("2.22.4", "2.22.10") < 0
    assert compare_versions("2.22", "2.22.0") == 0
    assert compare_versions("1.0-rc1", "1.0") < 0 and compare_versions("1.0", "1.0-sp1") < 0
    assert compare_versions("1.0.1", "1.0-rc1") > 0 and compare_versions("2.0.0-M1", "2.0.0") < 0
    assert cvss3_base_score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H") == 9.8
    assert cvss3_base_score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H") == 10.0
    assert cvss3_base_score("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N") == 5.9
    functions = {"http-api": {"com.example:lib": "2.22.4"}, "ingest-events": {"com.example:lib": "2.22.4",
                                                                           "com.example:other": "1.0"}}

    def advisory(ident, name, events, rating=None, vector=None):
        record = {"id": ident, "modified": "2026-01-01T00:00:00Z", "aliases": ["CVE-2026-0001"],
                  "affected": [{"package": {"ecosystem": "Maven", "name": name},
                                "ranges": [{"type": "ECOSYSTEM", "events": events}]}]}
        if rating:
            record["database_specific"] = {"severity": rating}
        if vector:
            record["severity"] = [{"type": "CVSS_V3", "score": vector}]
        return record

    critical = advisory("GHSA-test-crit", "com.example:lib", [{"introduced": "2.0"}, {"fixed": "2.22.5"}], "CRITICAL")
    fixed_before = advisory("GHSA-test-old", "com.example:lib", [{"introduced": "0"}, {"fixed": "2.22.4"}], "CRITICAL")
    high = advisory("GHSA-test-high", "com.example:other", [{"introduced": "0"}, {"last_affected": "1.0"}],
                    vector="CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:N")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "all.zip"
        with zipfile.ZipFile(db, "w") as z:
            for r in (critical, fixed_before, high):
                z.writestr(r["id"] + ".json", json.dumps(r))
        findings, count, _ = scan(functions, read_database(db))
    assert count == 3
    assert [(f["id"], f["severity"]) for f in findings] == [("GHSA-test-crit", "CRITICAL"),
                                                            ("GHSA-test-high", "HIGH")], findings
    assert findings[0]["functions"] == ["http-api", "ingest-events"]
    sample = "   com.example:lib:jar:2.22.4:compile -- module x\n   dev.winback:winback-core:jar:0.1.0-SNAPSHOT:compile\n"
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "functions/http-api/target/runtime-deps.txt"
        listing.parent.mkdir(parents=True)
        listing.write_text("The following files have been resolved:\n" + sample)
        assert read_dependency_lists(tmp) == {"http-api": {"com.example:lib": "2.22.4"}}
    out = io.StringIO()
    report(functions, findings, 3, "2026-01-01", "test.zip", out)
    assert "1 critical, 1 high" in out.getvalue(), out.getvalue()
    print("vuln-scan self-test: matcher, versions, CVSS and report ok")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db")
    parser.add_argument("--deps-dir", default=os.getcwd())
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args(argv)
    if args.self_test:
        self_test()
        return 0
    functions = read_dependency_lists(args.deps_dir)
    if not functions:
        print("vuln-scan: no functions/*/target/runtime-deps.txt: list the dependencies first", file=sys.stderr)
        return 2
    if not args.db or not Path(args.db).exists():
        print(f"vuln-scan: no database at {args.db}", file=sys.stderr)
        return 3
    findings, count, newest = scan(functions, read_database(args.db))
    if count == 0:
        print(f"vuln-scan: {args.db} holds no advisories; not a database", file=sys.stderr)
        return 3
    report(functions, findings, count, newest, args.db, sys.stdout)
    return 1 if any(f["severity"] == "CRITICAL" for f in findings) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
