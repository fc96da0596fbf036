#!/usr/bin/env python3
"""Write testdata/holdout2/kNNN.txt and kNNN.json from the sources in docs/.

Each docs/kNNN.py defines META (the label's fields but its metrics) and SRC (the text,
with labelled figures written through lib.N and, for a truncated copy, lib.CUT where
the copy ends). Run from anywhere: python3 testdata/holdout2/src/build.py [--show kNNN]
"""
import importlib.util
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import lib  # noqa: E402

ORDER = ["source", "agency", "agency_aliases", "agency_from", "year", "period", "form", "published",
         "truncated", "metrics", "approx"]


def load(path):
    spec = importlib.util.spec_from_file_location(os.path.basename(path)[:-3], path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main():
    show = sys.argv[2] if len(sys.argv) > 2 and sys.argv[1] == "--show" else None
    docs = sorted(f for f in os.listdir(os.path.join(HERE, "docs")) if f.endswith(".py"))
    for f in docs:
        stem = f[:-3]
        if show and stem != show:
            continue
        mod = load(os.path.join(HERE, "docs", f))
        src = mod.SRC
        truncated = lib.CUT in src
        text, metrics, approx = lib.render(src)
        if hasattr(mod, "POST"):
            text = mod.POST(text)
        text = text.strip("\n") + ("\n" if not truncated else "")
        if truncated:
            text = text.rstrip("\n")
        lab = dict(mod.META)
        lab["truncated"] = truncated
        lab["metrics"] = metrics
        lab["approx"] = approx
        for k in lab:
            assert k in ORDER, (stem, k)
        lab = {k: lab[k] for k in ORDER if k in lab}
        if show:
            print(text)
            print(json.dumps(lab, ensure_ascii=False, indent=1))
            continue
        with open(os.path.join(OUT, stem + ".txt"), "w", encoding="utf-8") as fh:
            fh.write(text)
        with open(os.path.join(OUT, stem + ".json"), "w", encoding="utf-8") as fh:
            json.dump(lab, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        print(f"{stem}: {len(text.encode('utf-8'))} bytes, {len(metrics)} labels, truncated={truncated}")


if __name__ == "__main__":
    main()
