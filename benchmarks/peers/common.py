"""What the peers share: the models as data, the command line, the timing loop and the JSON line.

Standard library only, so that run.py (system python3) can import it too. The peers interpret the
layer lists below with their own framework's layers; flops.py counts them.
"""

import argparse
import json
import os
import statistics
import sys
import time
from typing import Callable, NamedTuple

LOG_EVERY = 50  # Nash's log-every in benchmarks/*.yaml: losses are fetched to the host this often


class Layer(NamedTuple):
    """One layer. kind: dense, maxout, conv, deconv, batchnorm, layernorm, relu, leaky_relu, tanh,
    reshape, flatten. inputs/outputs are features (dense, maxout units) or channels (conv)."""

    kind: str
    inputs: int = 0
    outputs: int = 0
    kernel: int = 0
    stride: int = 0
    pieces: int = 0  # maxout: affine pieces per unit
    slope: float = 0.0  # leaky_relu
    shape: tuple = ()  # reshape: the per-sample shape, NHWC order (H, W, C)


def dense(i, o):
    return Layer("dense", i, o)


def conv(i, o):  # DCGAN: 5x5, stride 2, SAME padding, bias
    return Layer("conv", i, o, kernel=5, stride=2)


def deconv(i, o):  # transposed 5x5, stride 2, SAME padding (doubles H and W), bias
    return Layer("deconv", i, o, kernel=5, stride=2)


def maxout(i, units, pieces):  # Dense i -> units*pieces (+bias), reshape [-1, units, pieces], max
    return Layer("maxout", i, units, pieces=pieces)


def act(kind, slope=0.0):
    return Layer(kind, slope=slope)


class Adam(NamedTuple):
    lr: float
    beta1: float
    beta2: float
    eps: float = 1e-8


class Model(NamedTuple):
    name: str
    batch: int
    latent: int  # z ~ N(0, 1) of this size
    sample: tuple  # one real sample, NHWC without N: (28, 28, 1) or (2,)
    generator: tuple  # of Layer
    discriminator: tuple  # of Layer
    init: str  # "normal-0.02" (weights N(0, 0.02)) or "glorot-uniform"; biases 0 either way
    loss: str  # "non-saturating" or "wasserstein"
    gp_weight: float  # lambda of WGAN-GP's penalty, 0 for none
    d_steps: int  # D updates per iteration (then one G update)
    adam_g: Adam
    adam_d: Adam
    warmup: int  # run.py's defaults
    iterations: int
    repeats: int = 3


def _dcgan_generator():
    return (
        dense(100, 7 * 7 * 128),
        Layer("reshape", shape=(7, 7, 128)),
        Layer("batchnorm", 128),
        act("relu"),
        deconv(128, 64),
        Layer("batchnorm", 64),
        act("relu"),
        deconv(64, 1),
        act("tanh"),
    )


def _dcgan_critic(norm):
    return (
        conv(1, 64),
        act("leaky_relu", 0.2),
        conv(64, 128),
        Layer(norm, 128),
        act("leaky_relu", 0.2),
        Layer("flatten"),
        dense(7 * 7 * 128, 1),
    )


BN_MOMENTUM = 0.9  # moving = 0.9 moving + 0.1 batch (Nash's BatchNorm; PyTorch's momentum 0.1)
NORM_EPS = 1e-5  # batch norm and layer norm

DCGAN = Model(
    name="dcgan", batch=64, latent=100, sample=(28, 28, 1),
    generator=_dcgan_generator(), discriminator=_dcgan_critic("batchnorm"),
    init="normal-0.02", loss="non-saturating", gp_weight=0.0, d_steps=1,
    adam_g=Adam(2e-4, 0.5, 0.999), adam_d=Adam(2e-4, 0.5, 0.999),
    warmup=10, iterations=50,
)

MODELS = {
    "dcgan": DCGAN,
    # experiments/wgan-gp-fashion.yaml: the DCGAN with a layer-norm critic, the Wasserstein loss
    # with lambda 10, 5 critic updates, Adam 1e-4 (0.5, 0.9).
    "wgan-gp": DCGAN._replace(
        name="wgan-gp", discriminator=_dcgan_critic("layernorm"), loss="wasserstein",
        gp_weight=10.0, d_steps=5, adam_g=Adam(1e-4, 0.5, 0.9), adam_d=Adam(1e-4, 0.5, 0.9),
        warmup=3, iterations=15,
    ),
    "ring": Model(
        name="ring", batch=100, latent=2, sample=(2,),
        generator=(dense(2, 400), act("relu"), dense(400, 400), act("relu"),
                   dense(400, 400), act("relu"), dense(400, 400), act("relu"), dense(400, 2)),
        discriminator=(maxout(2, 200, 5), maxout(200, 200, 5), maxout(200, 200, 5),
                       dense(200, 1)),
        init="glorot-uniform", loss="non-saturating", gp_weight=0.0, d_steps=1,
        adam_g=Adam(1e-4, 0.5, 0.999), adam_d=Adam(1e-4, 0.5, 0.999),
        warmup=100, iterations=500,
    ),
}

# ---- real data: a fixed in-memory array each peer slices (Nash feeds fresh batches) ----

DATA_SIZE = 60_000  # Fashion-MNIST's training split


def real_data(model: Model, seed: int = 1):
    """float32 numpy array [DATA_SIZE, *sample]: uniform in [-1, 1] standing in for Fashion-MNIST,
    or the ring of 8 Gaussians (radius 1, std 0.01)."""
    import numpy as np  # the peers' venv has it; run.py never calls this

    rng = np.random.default_rng(seed)
    if model.sample == (2,):
        angles = 2 * np.pi * rng.integers(0, 8, DATA_SIZE) / 8
        centres = np.stack([np.cos(angles), np.sin(angles)], axis=1)
        return (centres + 0.01 * rng.standard_normal((DATA_SIZE, 2))).astype(np.float32)
    return rng.uniform(-1, 1, (DATA_SIZE, *model.sample)).astype(np.float32)


def batch_starts(model: Model):
    """Endless offsets of the next d_steps consecutive real batches (wrapping before the end)."""
    span = model.d_steps * model.batch
    start = 0
    while True:
        if start + span > DATA_SIZE:
            start = 0
        yield start
        start += span


# ---- command line, threads ----


def parse_args(argv=None):
    p = argparse.ArgumentParser(description="One peer of Nash's training benchmark; one JSON line.")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--model", choices=sorted(MODELS))
    what.add_argument("--matmul", action="store_true", help="float32 4096^2 MatMul peak instead")
    p.add_argument("--warmup", type=int)
    p.add_argument("--iterations", type=int)
    p.add_argument("--repeats", type=int)
    p.add_argument("--threads", type=int, default=os.cpu_count())
    args = p.parse_args(argv)
    if args.model:
        m = MODELS[args.model]
        args.warmup = m.warmup if args.warmup is None else args.warmup
        args.iterations = m.iterations if args.iterations is None else args.iterations
        args.repeats = m.repeats if args.repeats is None else args.repeats
    return args


def quiet_native_logs():
    """TensorFlow's and XLA's C++ info lines go to stderr; keep them out of the way."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def log(*parts):
    print(*parts, file=sys.stderr, flush=True)


# ---- timing ----


def time_training(step: Callable[[bool], object], sync: Callable[[], None],
                  warmup: int, iterations: int, repeats: int):
    """Nash's Benchmark.measure: `warmup` untimed iterations, then `repeats` timed repeats of
    `iterations`, losses fetched to the host on every LOG_EVERY-th iteration of each (step(True)
    returns them). Returns (iterations/s per repeat, the fetched losses in order). One more
    untimed iteration before and after fetches losses, so that a short run shows them move."""
    fetched = [step(True)]
    for i in range(1, warmup + 1):
        out = step(i % LOG_EVERY == 0)
        if out is not None:
            fetched.append(out)
    sync()
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        for i in range(1, iterations + 1):
            out = step(i % LOG_EVERY == 0)
            if out is not None:
                fetched.append(out)
        sync()  # asynchronous dispatch (JAX) must finish inside the timed window
        rates.append(iterations / (time.perf_counter() - start))
    fetched.append(step(True))
    return rates, fetched


def time_matmul(matmul: Callable[[], None], size: int, runs: int = 5, per_run: int = 3):
    """The best GFLOP/s over `runs` timed runs of `per_run` products (after one untimed run);
    matmul() must compute one product and wait for it."""
    best = 0.0
    for run in range(runs + 1):
        start = time.perf_counter()
        for _ in range(per_run):
            matmul()
        seconds = time.perf_counter() - start
        if run > 0:
            best = max(best, per_run * 2.0 * size**3 / seconds / 1e9)
    return best


MATMUL_SIZE = 4096


# ---- output ----


def print_result(peer, version, **fields):
    """The peer's one stdout line."""
    print(json.dumps({"peer": peer, "version": version, **fields}), flush=True)


def report_training(peer, version, model: Model, rates, fetched):
    """Prints the JSON line; the first and last fetched losses go to stderr (they must move)."""
    if fetched:
        log(f"{peer} {model.name} losses (d, g): first {fetched[0]}, last {fetched[-1]}")
    print_result(peer, version, model=model.name, batch=model.batch,
                 iterations_per_second=[round(r, 3) for r in rates],
                 median=round(statistics.median(rates), 3))


def run_peer(peer, version, args, matmul_peak: Callable[[], float], trainer):
    """A peer's whole command: its MatMul peak with --matmul, else its timed training steps.
    trainer(model) returns (step, sync) for time_training."""
    if args.matmul:
        print_result(peer, version, matmul_gflops=round(matmul_peak(), 1), size=MATMUL_SIZE)
        return
    model = MODELS[args.model]
    step, sync = trainer(model)
    rates, fetched = time_training(step, sync, args.warmup, args.iterations, args.repeats)
    report_training(peer, version, model, rates, fetched)
