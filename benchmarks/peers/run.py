#!/usr/bin/env python3
"""Nash against TensorFlow-Python, PyTorch and JAX on the same GAN training steps.

    python3 benchmarks/peers/run.py [--rounds 3] [--models dcgan,wgan-gp,ring]
        [--peers tensorflow,pytorch,jax] [--iterations N | dcgan=50,ring=500]
        [--out benchmarks/RESULTS.md]

Standard library only: run it with the system python3 from anywhere. The peers run in a venv at
${NASH_PEERS_VENV:-~/.cache/nash/peers-venv}, made and filled from requirements.txt when their
imports fail. Each round runs, per model, Nash and every peer one after another (the order rotated
between rounds), and each framework's MatMul peak once. Never run in CI.
"""

import argparse
import datetime
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
import flops  # noqa: E402
from common import MODELS  # noqa: E402

PEERS = {  # name: (script, module its import check needs)
    "tensorflow": ("tf_peer.py", "tensorflow"),
    "pytorch": ("torch_peer.py", "torch"),
    "jax": ("jax_peer.py", "jax"),
}
NASH_VERSION = "TensorFlow Java 1.1 (native TensorFlow 2.18)"

# What each implementation does differently from Nash's step (the README's and RESULTS.md's list).
DIFFERENCES = {
    "all peers": [
        "Real data: a fixed in-memory array of 60,000 samples (uniform in [-1, 1] standing in for "
        "Fashion-MNIST; for ring, 60,000 precomputed points of the 8 Gaussians), sliced "
        "consecutively per D update. Nash feeds a fresh batch from the host to every D update "
        "(Fashion-MNIST from memory; ring points freshly sampled).",
        "Latents are drawn per update inside each framework (its own RNG); Nash draws them on the "
        "host and feeds them. WGAN-GP's interpolation weights are drawn in-graph by everyone.",
        "Initial weights are the same distributions but different random draws.",
        "Batch norm's moving averages (never read while training) are updated wherever each "
        "framework's training-mode layer updates them: in the peers on every training-mode pass, "
        "including G's during the D update and D's during the G update.",
        "One untimed iteration before the warm-up and one after the timed repeats fetch the "
        "losses, so that a short run shows them move.",
    ],
    "tensorflow": [
        "A whole iteration (d-steps D updates and the G update) is one tf.function call; Nash "
        "makes one Session.run per update (2 per dcgan or ring iteration, 6 per wgan-gp).",
        "Keras 3 layers and Adam: Adam is the same formula as Nash's ApplyAdam "
        "(lr sqrt(1-b2^t)/(1-b1^t) m / (sqrt(v) + eps)) but built from elementwise ops per "
        "variable, not the fused ApplyAdam kernel.",
        "Keras BatchNormalization's moving variance averages the biased batch variance; Nash's "
        "the unbiased one (n/(n-1) times). Not read while training.",
        "Grappler's remapper is off as in Nash (on, it fails on the BiasAdd + LeakyRelu gradient "
        "pattern of docs/tensorflow-java.md trap 3 and logs an error); the other graph "
        "optimisations are TensorFlow Python's defaults.",
        "Layer norm is a small custom Keras layer (moments over H, W, C; per-channel gamma and "
        "beta): keras.layers.LayerNormalization would have a gamma and beta per element.",
    ],
    "pytorch": [
        "NCHW, PyTorch's idiomatic layout (Nash: NHWC).",
        "Eager: every op dispatched from Python, no graph; Nash runs a TensorFlow graph.",
        "SAME padding of the 5x5 stride-2 convolutions is padding=2 (symmetric; the transposed "
        "ones add output_padding=1) where TensorFlow pads 1 before and 2 after: same shapes and "
        "FLOPs, kernels shifted by a pixel.",
        "torch.optim.Adam adds eps to sqrt(v-hat) after bias correction; Nash's ApplyAdam adds it "
        "to sqrt(v) before: identical up to the size of eps.",
        "In the G update D's parameters are set requires_grad=False, so D's filter gradients are "
        "not computed (Nash's graph never computes them either).",
        "Layer norm is F.layer_norm without affine, then a per-channel gamma and beta "
        "(nn.LayerNorm's affine part would be per element).",
        "G's dense output is unflattened to (C, H, W), a permutation of Nash's (H, W, C).",
    ],
    "jax": [
        "A whole iteration is one jax.jit call, compiled by XLA (elementwise ops fused across "
        "layers and the updates, state buffers donated); Nash makes one Session.run per update "
        "and TensorFlow runs its kernels op by op.",
        "Layers written with jax.lax / jax.numpy and Adam by hand (the formula of Nash's "
        "ApplyAdam), so that no flax or optax is needed.",
        "Threads: JAX has no thread-count API; PJRT_NPROC/NPROC size XLA's CPU pool (and "
        "--xla_cpu_multi_thread_eigen=false at 1 thread).",
        "Not a difference in the step, but it sets JAX's dcgan and wgan-gp speed: XLA's CPU "
        "backend takes about 275 ms for the kernel gradient of G's 128->64 transposed "
        "convolution at batch 64 (lax.conv_transpose, or the vjp of a conv; oneDNN and XNNPACK "
        "flags do not change it), where the same products as a forward convolution's filter "
        "gradient take about 8 ms.",
    ],
}


def venv_dir():
    return Path(os.environ.get("NASH_PEERS_VENV", Path.home() / ".cache/nash/peers-venv"))


def ensure_venv(peers):
    """The venv's python, created and filled from requirements.txt if the peers' imports fail."""
    venv = venv_dir()
    python = venv / "bin" / "python"
    imports = ", ".join(PEERS[p][1] for p in peers)
    check = [str(python), "-c", f"import {imports}"]
    if python.exists() and subprocess.run(check, capture_output=True).returncode == 0:
        return python
    if not python.exists():
        print(f"Creating the peers' venv at {venv}", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    print(f"Installing benchmarks/peers/requirements.txt into {venv}: TensorFlow, PyTorch and "
          "JAX; PyTorch's Linux wheel brings about 5 GB of CUDA packages with it.", flush=True)
    subprocess.run([str(python), "-m", "pip", "install", "-r", str(HERE / "requirements.txt")],
                   check=True)
    subprocess.run(check, check=True)
    return python


# ---- running one implementation ----

def last_json(stdout):
    for line in reversed(stdout.strip().splitlines()):
        try:
            value = json.loads(line)
        except ValueError:
            continue
        if isinstance(value, dict):
            return value
    return None


class Runner:
    def __init__(self, args, python):
        self.args, self.python = args, python
        self.runs = []

    def run(self, cmd, timeout=3600):
        env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", "NASH_ROOT": str(ROOT)}
        try:
            p = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True,
                               timeout=timeout)
        except subprocess.TimeoutExpired:
            return None, f"timed out after {timeout} s"
        return p, None

    def nash(self, model, w, n, r):
        base = shlex.split(self.args.nash) + ["bench", model]
        timing = ["--warmup", str(w), "--iterations", str(n), "--repeats", str(r)]
        p, error = self.run(base + ["--json"] + timing)
        return self.record("nash", model, p, error, last_json)

    def peer(self, peer, model, w, n, r):
        what = (["--matmul"] if model == "matmul" else
                ["--model", model, "--warmup", str(w), "--iterations", str(n),
                 "--repeats", str(r)])
        cmd = [str(self.python), str(HERE / PEERS[peer][0]), *what,
               "--threads", str(self.args.threads)]
        p, error = self.run(cmd)
        return self.record(peer, model, p, error, last_json)

    def record(self, impl, model, p, error, parse):
        result = None
        if p is not None:
            result = parse(p.stdout) if p.returncode == 0 else None
            if result is None:
                error = f"exit {p.returncode}: {p.stderr.strip()[-2000:]}"
        run = {"round": self.round, "implementation": impl, "model": model,
               "command": shlex.join(p.args) if p is not None else None,
               "result": result, "error": error,
               "stderr_tail": p.stderr.strip()[-600:] if p is not None else None}
        self.runs.append(run)
        (HERE / "last-run.json").write_text(json.dumps(self.runs, indent=1) + "\n")
        value = result and result.get("median", result.get("matmul_gflops"))
        shown = (f"{value:.2f}" if result
                 else f"FAILED ({error[:200]})")
        unit = "GFLOP/s" if model == "matmul" else "iterations/s"
        print(f"  round {self.round} {model:8} {impl:10} {shown} {unit if result else ''}",
              flush=True)
        return result


# ---- the report ----


def machine():
    name = "unknown CPU"
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        name = re.search(r"Model name:\s*(.+)", out)[1].strip()
    except (OSError, TypeError):
        pass
    flags = set()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("flags"):
                flags = set(line.split(":", 1)[1].split())
                break
    except OSError:
        pass
    present = ", ".join(f"{f} {'yes' if f in flags else 'no'}"
                        for f in ("avx2", "avx512f", "amx_tile"))
    return f"{name}, {os.cpu_count()} cores; {present}"


def java_version():
    try:
        p = subprocess.run(["java", "-version"], capture_output=True, text=True)
        return (p.stderr or p.stdout).strip().splitlines()[0]
    except (OSError, IndexError):
        return "java not found"


def spread(values):
    if not values:
        return None
    return statistics.median(values), min(values), max(values)


def fmt(x, digits=2):
    return "—" if x is None else f"{x:.{digits}f}"


def report(runner, args, command, started):
    ok = [r for r in runner.runs if r["result"]]
    medians = {}  # (impl, model) -> per-round medians
    for r in ok:
        key = (r["implementation"], r["model"])
        value = r["result"].get("matmul_gflops") if r["model"] == "matmul" else r["result"]["median"]
        medians.setdefault(key, []).append(value)
    nash_peaks = [r["result"]["matmul_peak_gflops"] for r in ok
                  if r["implementation"] == "nash" and "matmul_peak_gflops" in r["result"]]
    if nash_peaks:
        medians[("nash", "matmul")] = nash_peaks
    peaks = {impl: spread(v)[0] for (impl, m), v in medians.items() if m == "matmul"}
    best = max(peaks.values()) if peaks else None
    versions = {r["implementation"]: r["result"]["version"] for r in ok if "version" in r["result"]}
    impls = ["nash", *args.peers]
    label = {"nash": "Nash", "tensorflow": "TensorFlow (Python)", "pytorch": "PyTorch",
             "jax": "JAX"}

    lines = [
        "# Nash against TensorFlow-Python, PyTorch and JAX",
        "",
        f"Measured {started:%Y-%m-%d %H:%M} UTC. To reproduce (from the repository root):",
        "",
        f"    {command}",
        "",
        f"- Machine: {machine()}.",
        f"- Java: {java_version()}; Nash: {NASH_VERSION}.",
        *[f"- {label[p]}: {versions.get(p, 'not measured')}." for p in args.peers],
        f"- {args.rounds} round{'s' if args.rounds != 1 else ''}; in each, every implementation ran one after another (order "
        "rotated between rounds), each a warm-up then timed repeats, the median of the repeats "
        "kept. Tables give the median over rounds with the range (min–max). GFLOP/s is "
        "iterations/s times flops.py's analytic count for every implementation; the best MatMul "
        "peak is the highest framework median in the MatMul table.",
        "",
    ]
    for model in args.models:
        gflop = flops.gflop_per_iteration(model)
        nash_own = [r["result"]["gflop_per_iteration"] for r in ok if r["model"] == model
                    and r["implementation"] == "nash" and "gflop_per_iteration" in r["result"]]
        m = MODELS[model]
        own = f"; Nash measures {statistics.median(nash_own):.3f}" if nash_own else ""
        lines += [
            f"## {model} (batch {m.batch}; {gflop:.3f} GFLOP per iteration by flops.py{own})",
            "",
            "| implementation | iterations/s, median (min–max) | Nash ÷ peer | GFLOP/s "
            "| share of its MatMul peak | share of the best MatMul peak |",
            "|---|---|---|---|---|---|",
        ]
        nash = spread(medians.get(("nash", model), []))
        for impl in impls:
            s = spread(medians.get((impl, model), []))
            if s is None:
                lines.append(f"| {label[impl]} | not measured | | | | |")
                continue
            ratio = "1" if impl == "nash" else (fmt(nash[0] / s[0]) if nash else "—")
            rate = s[0] * gflop
            own_peak = peaks.get(impl)
            lines.append(
                f"| {label[impl]} | {s[0]:.2f} ({s[1]:.2f}–{s[2]:.2f}) | {ratio} | {rate:.1f} | "
                f"{fmt(rate / own_peak * 100, 1) + ' %' if own_peak else '—'} | "
                f"{fmt(rate / best * 100, 1) + ' %' if best else '—'} |")
        lines.append("")
    lines += [
        "## MatMul peaks",
        "",
        "float32 4096 x 4096 times 4096 x 4096, the best of several timed runs per round.",
        "",
        "| framework | GFLOP/s, median (min–max) |",
        "|---|---|",
    ]
    for impl in impls:
        s = spread(medians.get((impl, "matmul"), []))
        shown = f"{s[0]:.1f} ({s[1]:.1f}–{s[2]:.1f})" if s else "not measured"
        lines.append(f"| {label[impl]} | {shown} |")
    failures = [r for r in runner.runs if not r["result"]]
    if failures:
        lines += ["", "Failed runs (details in benchmarks/peers/last-run.json): "
                  + ", ".join(f"round {r['round']} {r['implementation']} {r['model']}"
                              for r in failures) + "."]
    lines += ["", "## Differences from Nash's step", ""]
    for impl in ["all peers", *args.peers]:
        lines.append(f"{label.get(impl, 'All peers')}:")
        lines.append("")
        lines += [f"- {d}" for d in DIFFERENCES[impl]]
        lines.append("")
    Path(args.out).write_text("\n".join(lines))


# ---- main ----


def iterations_option(text):
    """'50' for every model, or 'dcgan=50,ring=500'."""
    if text is None:
        return {}
    if "=" not in text:
        return {m: int(text) for m in MODELS}
    return {k: int(v) for k, v in (part.split("=") for part in text.split(","))}


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--models", default="dcgan,wgan-gp,ring")
    p.add_argument("--peers", default="tensorflow,pytorch,jax")
    p.add_argument("--iterations", help="per timed repeat: N for all, or dcgan=50,ring=500")
    p.add_argument("--warmup", help="untimed iterations first: N for all, or dcgan=10,...")
    p.add_argument("--repeats", type=int, help="timed repeats per run (default 3)")
    p.add_argument("--threads", type=int, default=os.cpu_count(), help="for the peers")
    p.add_argument("--nash", default="./nash", help="the command that runs Nash (default ./nash)")
    p.add_argument("--out", default=str(ROOT / "benchmarks" / "RESULTS.md"))
    args = p.parse_args()
    args.models = [m for m in args.models.split(",") if m]
    args.peers = [x for x in args.peers.split(",") if x]
    for m in args.models:
        if m not in MODELS:
            p.error(f"unknown model {m}; known: {', '.join(MODELS)}")
    for x in args.peers:
        if x not in PEERS:
            p.error(f"unknown peer {x}; known: {', '.join(PEERS)}")
    iterations, warmups = iterations_option(args.iterations), iterations_option(args.warmup)
    command = "python3 benchmarks/peers/run.py " + shlex.join(sys.argv[1:])
    started = datetime.datetime.now(datetime.timezone.utc)

    python = ensure_venv(args.peers) if args.peers else None
    runner = Runner(args, python)
    for model in args.models:
        print(f"{model}: {flops.gflop_per_iteration(model):.2f} GFLOP per iteration (flops.py)",
              flush=True)
    impls = ["nash", *args.peers]
    for rnd in range(1, args.rounds + 1):
        runner.round = rnd
        shift = (rnd - 1) % len(impls)
        order = impls[shift:] + impls[:shift]
        print(f"round {rnd}/{args.rounds}: {', '.join(order)}", flush=True)
        for model in args.models:
            m = MODELS[model]
            w, n = warmups.get(model, m.warmup), iterations.get(model, m.iterations)
            r = args.repeats or m.repeats
            for impl in order:
                if impl == "nash":
                    result = runner.nash(model, w, n, r)
                    if result and "gflop_per_iteration" in result:
                        print(f"    flops.py {flops.gflop_per_iteration(model):.3f} GFLOP per "
                              f"iteration, Nash measures {result['gflop_per_iteration']:.3f}",
                              flush=True)
                else:
                    runner.peer(impl, model, w, n, r)
        for impl in order:
            if impl != "nash":
                runner.peer(impl, "matmul", 0, 0, 0)
    report(runner, args, command, started)
    print(f"Wrote {args.out} and {HERE / 'last-run.json'}", flush=True)


if __name__ == "__main__":
    main()
