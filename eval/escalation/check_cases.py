"""Sanity check for eval/escalation/cases.jsonl: JSON per line, fields, unique ids/texts,
no near-duplicates, tune/heldout balanced within each kind. Prints counts."""
import json, re, sys, itertools, collections, pathlib

path = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).with_name("cases.jsonl"))
errors = []
rows = []
for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
    try:
        rows.append(json.loads(line))
    except json.JSONDecodeError as e:
        errors.append(f"line {no}: invalid JSON ({e})")

def norm(t):
    t = t.lower().replace("ё", "е")
    return re.sub(r"[^\w+👍]+", " ", t).strip()

def lev(a, b):
    if abs(len(a) - len(b)) > 2: return 3
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]

for i, r in enumerate(rows, 1):
    want = f"esc-{i:03d}"
    if r.get("id") != want: errors.append(f"row {i}: id {r.get('id')} != {want}")
    if r.get("split") not in ("tune", "heldout"): errors.append(f"{r.get('id')}: bad split")
    if r.get("expect") not in ("ESCALATION", "QUESTION"): errors.append(f"{r.get('id')}: bad expect")
    if not r.get("kind") or not r.get("text"): errors.append(f"{r.get('id')}: missing kind/text")
    if "after" in r and r["after"] != "fallback": errors.append(f"{r['id']}: bad after")
    if r.get("text") != r.get("text", "").strip(): errors.append(f"{r['id']}: stray whitespace")

texts = collections.Counter(r["text"] for r in rows)
errors += [f"duplicate text: {t!r}" for t, c in texts.items() if c > 1]
for a, b in itertools.combinations(rows, 2):
    na, nb = norm(a["text"]), norm(b["text"])
    if na == nb or (min(len(na), len(nb)) > 4 and lev(na, nb) <= 2) or \
       (len(na.split()) > 1 and sorted(na.split()) == sorted(nb.split())):
        errors.append(f"near-duplicate: {a['id']} {a['text']!r} ~ {b['id']} {b['text']!r}")

by_kind = collections.defaultdict(collections.Counter)
for r in rows:
    by_kind[(r["expect"], r["kind"], r.get("after", "-"))][r["split"]] += 1
for k, c in by_kind.items():
    if c["tune"] != c["heldout"]:
        errors.append(f"kind {k}: tune {c['tune']} != heldout {c['heldout']}")

tot = collections.Counter((r["expect"], r["split"]) for r in rows)
print(f"{len(rows)} cases")
for e in ("ESCALATION", "QUESTION"):
    fb = sum(1 for r in rows if r["expect"] == e and r.get("after") == "fallback")
    print(f"{e}: total {tot[(e,'tune')] + tot[(e,'heldout')]} (tune {tot[(e,'tune')]}, heldout {tot[(e,'heldout')]}), after fallback {fb}")
for (e, k, a), c in by_kind.items():
    print(f"  {e:10} {k:24} after={a:8} tune {c['tune']:2} heldout {c['heldout']:2}")
print("ERRORS:" if errors else "OK: no errors")
for x in errors: print("  " + x)
sys.exit(1 if errors else 0)
