#!/usr/bin/python3
"""Merges bench/run.sh's JSON files into results.json and prints the table with ratios.

Usage: table.py RESULTS_DIR   (writes RESULTS_DIR/results.json and RESULTS_DIR/results.md)
"""

import json
import os
import statistics
import sys


def load(path):
    try:
        with open(path) as f:
            return json.loads(f.read().strip().splitlines()[-1])
    except (OSError, ValueError, IndexError):
        return None


def load_rounds(out, stem):
    """model-...-r1.json, -r2.json, ...: the rounds of one side of one preset."""
    rounds, r = [], 1
    while True:
        d = load(os.path.join(out, f"{stem}-r{r}.json"))
        if d is None:
            return rounds
        rounds.append(d)
        r += 1


def load_json(path):
    """A whole (pretty-printed) JSON file, or None."""
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def median(values):
    return statistics.median(values) if values else None


def fmt(v, digits=1):
    return "-" if v is None else f"{v:,.{digits}f}"


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def rate(section, variant):
    try:
        return section[variant]["images_per_s"]
    except (KeyError, TypeError):
        return None


def main():
    out = sys.argv[1]
    results = {"machine": load(os.path.join(out, "machine.json")) or {}}
    lines = []

    def emit(text=""):
        lines.append(text)

    peak_cpp = load(os.path.join(out, "peak-cpp.json"))
    peak_py = load(os.path.join(out, "peak-python.json"))
    m = results["machine"]
    emit(f"Machine: {m.get('cpu', '?')}, {m.get('cores', '?')} cores; threads {m.get('threads', '?')}; "
         f"load average before {m.get('load_before', '?')}, after {m.get('load_after', '?')}")
    emit()
    if peak_cpp:
        results["peak"] = {"fp32": peak_cpp["fp32"], "bf16": peak_cpp["bf16"]}
        emit("Peak (4096^3 matrix product, all threads): GFLOP/s")
        emit()
        emit("| | float32 (OpenBLAS) | bfloat16 (oneDNN) |")
        emit("|---|---:|---:|")
        emit(f"| LibTorch C++ | {fmt(peak_cpp['fp32'])} | {fmt(peak_cpp['bf16'])} |")
        if peak_py:
            emit(f"| PyTorch | {fmt(peak_py['fp32'])} | {fmt(peak_py['bf16'])} |")
        emit()

    presets = []
    for name in ["tiny", "demo", "fast", "paper"]:
        cpp_rounds = load_rounds(out, f"model-{name}-cpp")
        py_rounds = load_rounds(out, f"model-{name}-python")
        if not cpp_rounds:
            continue
        cpp, py = cpp_rounds[0], (py_rounds[0] if py_rounds else None)
        same = py is not None and py["parameters"] == cpp["parameters"] and \
            abs(py["forward_gflops"] - cpp["forward_gflops"]) < 1e-9
        entry = {"name": name, "forward_gflops": cpp["forward_gflops"],
                 "parameters": cpp["parameters"], "same_model": same,
                 "train_batch": cpp["train_batch"], "infer_batch": cpp["infer_batch"],
                 "rounds": len(cpp_rounds), "train": {}, "infer": {},
                 "max_probability_difference": {}}
        for phase in ("train", "infer"):
            for variant in cpp.get(phase, {}):
                entry[phase][variant] = median(
                    [r[phase][variant]["images_per_s"] for r in cpp_rounds if variant in r.get(phase, {})])
                if phase == "infer":
                    entry["max_probability_difference"][variant] = max(
                        r[phase][variant].get("max_probability_difference") or 0 for r in cpp_rounds)
        if py_rounds:
            entry["train"]["eager"] = median([r["train_images_per_s"] for r in py_rounds])
            entry["infer"]["eager"] = median([r["infer_images_per_s"] for r in py_rounds])
        bf_rounds = load_rounds(out, f"model-{name}-pybf16")
        if bf_rounds:
            entry["train"]["eager-bf16"] = median([r["train_images_per_s"] for r in bf_rounds])
            entry["infer"]["eager-bf16"] = median([r["infer_images_per_s"] for r in bf_rounds])
        presets.append(entry)
    results["presets"] = presets

    def pct(gf, peak):
        return None if gf is None or not peak else 100 * gf / peak

    if presets:
        peak = results.get("peak", {})
        emit(f"Training, images/s: the median over {presets[0]['rounds']} rounds of the median of "
             "5 timed repeats (paper: one round, 2 repeats of one batch). LibTorch NCHW = the same "
             "C++ step without FlyStage's changes; + channels-last; FlyStage = channels-last + the "
             "memory pool, as the Trainer runs (float32, the default); bf16 = `--precision "
             "bfloat16` (autocast). PyTorch eager bf16 = channels-last + bfloat16 autocast in "
             "Python. GFLOP/s = 3 x forward FLOPs x images/s, % of the measured matmul peak of that "
             "type.")
        emit()
        emit("| preset | GFLOP/img | same model | PyTorch eager | LibTorch NCHW | + channels-last | "
             "FlyStage | **FlyStage / eager** | GFLOP/s (% fp32 peak) | PyTorch eager bf16 | "
             "FlyStage bf16 | **bf16 / eager** | bf16 / eager bf16 | GFLOP/s (% bf16 peak) |")
        emit("|---|---:|:-:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for p in presets:
            t, g = p["train"], p["forward_gflops"]
            fly, bf = t.get("flystage-pool"), t.get("flystage-bf16")
            gf = None if fly is None else 3 * g * fly
            gb = None if bf is None else 3 * g * bf
            emit(f"| {p['name']} (batch {p['train_batch']}) | {g:.3f} | "
                 f"{'yes' if p['same_model'] else 'NO'} | {fmt(t.get('eager'))} | "
                 f"{fmt(t.get('libtorch-nchw'))} | {fmt(t.get('flystage'))} | {fmt(fly)} | "
                 f"**{fmt(ratio(fly, t.get('eager')), 2)}x** | "
                 f"{fmt(gf)} ({fmt(pct(gf, peak.get('fp32')), 0)} %) | {fmt(t.get('eager-bf16'))} | "
                 f"{fmt(bf)} | **{fmt(ratio(bf, t.get('eager')), 2)}x** | "
                 f"{fmt(ratio(bf, t.get('eager-bf16')), 2)}x | "
                 f"{fmt(gb)} ({fmt(pct(gb, peak.get('bf16')), 0)} %) |")
        emit()
        emit("Inference, images/s (same rounds). Each column adds one change; FlyStage = "
             "channels-last + batch norm folded + memory pool, as predictStages runs; max dp = "
             "largest probability difference to LibTorch NCHW on one batch.")
        emit()
        emit("| preset | PyTorch eager | LibTorch NCHW | + channels-last | + BN folded | "
             "FlyStage (+ pool) | **FlyStage / eager** | GFLOP/s | % fp32 peak | max dp | "
             "PyTorch eager bf16 | bf16 (not used) | bf16 / eager | bf16 / eager bf16 | max dp bf16 |")
        emit("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for p in presets:
            i, g = p["infer"], p["forward_gflops"]
            fly = i.get("flystage")
            gf = None if fly is None else g * fly
            dp = p["max_probability_difference"]
            emit(f"| {p['name']} (batch {p['infer_batch']}) | {fmt(i.get('eager'))} | "
                 f"{fmt(i.get('libtorch-nchw'))} | {fmt(i.get('flystage-module'))} | "
                 f"{fmt(i.get('flystage-folded'))} | {fmt(fly)} | "
                 f"**{fmt(ratio(fly, i.get('eager')), 2)}x** | {fmt(gf)} | "
                 f"{fmt(pct(gf, peak.get('fp32')), 0)} | {(dp.get('flystage') or 0):.1e} | "
                 f"{fmt(i.get('eager-bf16'))} | {fmt(i.get('flystage-bf16'))} | "
                 f"{fmt(ratio(i.get('flystage-bf16'), i.get('eager')), 2)}x | "
                 f"{fmt(ratio(i.get('flystage-bf16'), i.get('eager-bf16')), 2)}x | "
                 f"{(dp.get('flystage-bf16') or 0):.1e} |")
        emit()
        paper = next((p for p in presets if p["name"] == "paper"), None)
        if paper:
            t, i = paper["train"], paper["infer"]
            emit("paper preset, seconds per batch: training (16 images) "
                 + ", ".join(f"{k} {16 / v:.1f} s" for k, v in t.items() if v)
                 + "; inference (16 images) "
                 + ", ".join(f"{k} {16 / v:.1f} s" for k, v in i.items() if v))
            emit()

    for key in ("trainer", "trainer-bf16"):
        trainer = load(os.path.join(out, f"{key}.json"))
        if not trainer:
            continue
        results[key] = trainer
        ph = trainer.get("phases", {})
        emit(f"Real Trainer (train(), data-level, preset {trainer['preset']}, "
             f"{trainer.get('precision', 'float32')}, {trainer['images']} images): "
             f"range phase {fmt(ph.get('range', {}).get('images_per_s'))} images/s, fine phase "
             f"{fmt(ph.get('fine', {}).get('images_per_s'))} images/s; whole run {fmt(trainer['seconds'])} s; "
             f"peak RSS {fmt(trainer['peak_rss_mib'], 0)} MiB")
    emit()

    bf16 = load(os.path.join(out, "bf16-accuracy.json"))
    if bf16:
        results["bf16_accuracy"] = bf16
        emit(f"bfloat16 accuracy ({bf16['preset']}, {bf16['task']}, {bf16['train_images']} training / "
             f"{bf16['test_images']} held-out images, {bf16['epochs']} epochs): trained in float32 "
             f"{100 * bf16['train_fp32_accuracy']:.1f} %, in bf16 {100 * bf16['train_bf16_accuracy']:.1f} % "
             f"(same call on {100 * bf16['train_agreement']:.1f} %); float32 model predicting in bf16: "
             f"{100 * bf16['infer_bf16_accuracy']:.1f} % vs {100 * bf16['infer_fp32_accuracy']:.1f} %, "
             f"same call on {100 * bf16['infer_agreement']:.1f} %, largest probability change "
             f"{bf16['infer_max_probability_difference']:.3f}")
        emit()

    scaling = {}
    imports = [load(os.path.join(out, f"import-{n}.json")) for n in (250, 500, 1000)]
    imports = [x for x in imports if x]
    if imports:
        scaling["import"] = [[x["images"], x["seconds"]] for x in imports]
        emit("Import + standardization of raw synthetic images: " + ", ".join(
            f"{x['images']} in {x['seconds']:.1f} s ({x['images_per_s']:.0f}/s)" for x in imports))
        emit()
    predict = load(os.path.join(out, "predict.json"))
    if predict:
        scaling["predict"] = [[x["images"], x["seconds"]] for x in predict["sizes"]]
        emit("predictStages: " + ", ".join(
            f"{x['images']} in {x['seconds']:.2f} s ({x['images_per_s']:.0f}/s)" for x in predict["sizes"]))
        emit()
    gems = load(os.path.join(out, "gem-scaling.json"))
    if gems:
        scaling["gem"] = [[x["images"], x["seconds"]] for x in gems.get("plain", [])]
        if gems.get("masked"):
            scaling["gem_masked"] = [[x["images"], x["seconds"]] for x in gems["masked"]]
        for kind in ("plain", "masked"):
            if gems.get(kind):
                emit(f"GEMs ({kind}, by prediction, all 14 stages): " + ", ".join(
                    f"{x['images']} images in {x['seconds']:.1f} s" for x in gems[kind]))
        emit()
    if scaling:
        results["scaling"] = scaling
        emit("Linearity (seconds per image at the largest size / at the smallest):")
        for k, pts in scaling.items():
            if len(pts) > 1:
                emit(f"  {k}: {(pts[-1][1] / pts[-1][0]) / (pts[0][1] / pts[0][0]):.2f}")
        emit()

    similar = [x for x in (load(os.path.join(out, f"similar-{p}.json"))
                           for p in ("tiny", "demo", "fast", "paper")) if x]
    if similar:
        results["similar"] = similar
        emit(f"Similar-embryo index ({similar[0]['images']:,} images, {similar[0]['threads']} "
             "threads, top 20; reference: exact cosine on the full features, same process):")
        emit()
        emit("| preset | D | dims | build s | query ms median | p95 | index MiB | "
             "exact ms median | exact MiB | speed vs exact | recall@20 |")
        emit("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for x in similar:
            emit(f"| {x['preset']} | {x['feature_size']} | {x['dims']} | {x['build_s']:.1f} | "
                 f"{x['query_ms_median']:.1f} | {x['query_ms_p95']:.1f} | {x['index_mib']:.0f} | "
                 f"{x['exact_query_ms_median']:.1f} | {x['exact_mib']:.0f} | "
                 f"{x['speedup_vs_exact']:.1f}x | {x['recall_at_k']:.3f} |")
        emit()

    sal = load(os.path.join(out, "saliency.json"))
    if sal:
        results["saliency"] = sal
        emit(f"Saliency, {sal['images']} images:")
        emit()
        emit("| method | passes per image | seconds | images/s |")
        emit("|---|---:|---:|---:|")
        for k, v in sal["methods"].items():
            emit(f"| {k} | {v['passes_per_image']} | {v['seconds']:.1f} | {v['images_per_s']:.1f} |")
        emit()

    stall = load_json(os.path.join(out, "gui-stall.json"))
    if stall:
        results["gui_stall"] = stall
        emit(f"GUI event loop (a {stall['interval_ms']} ms timer on the GUI thread of the real main "
             f"window; {stall['samples_imported']} BDGP samples and {stall['synthetic_images']} raw "
             f"synthetic images imported, a tiny run trained: {stall['training']}):")
        emit()
        emit("| activity | seconds | ticks | p50 ms | p99 ms | max ms |")
        emit("|---|---:|---:|---:|---:|---:|")
        for name, a in list(stall["by_activity"].items()) + [("all", stall["all"])]:
            emit(f"| {name} | {a['seconds']:.1f} | {a['ticks']} | {a['p50_ms']:.1f} | "
                 f"{a['p99_ms']:.1f} | {a['max_ms']:.1f} |")
        emit()

    for key, title in (("gui-1k", "GUI (flystage --screenshot), bench project"),
                       ("gui-40k", "GUI (flystage --screenshot), grown project"),
                       ("demo", "flystage-cli demo (one seed, default scale)")):
        t = load(os.path.join(out, f"{key}.json"))
        if t:
            results[key] = t
            emit(f"{title}: wall {t['seconds']:.1f} s, peak RSS {t['peak_rss_mib']:.0f} MiB"
                 + (f", {t['images']:,} images" if "images" in t else ""))
    emit()
    text = "\n".join(lines)
    print(text)
    with open(os.path.join(out, "results.md"), "w") as f:
        f.write(text + "\n")
    with open(os.path.join(out, "results.json"), "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
