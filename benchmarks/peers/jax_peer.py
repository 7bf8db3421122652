"""JAX peer of Nash's training benchmark: a whole iteration (d_steps D updates and one G update)
is one jax.jit-compiled function, NHWC as in Nash.

The layers are written with jax.lax / jax.numpy and Adam by hand (below, as Nash's ApplyAdam
computes it) so that the venv needs neither flax nor optax: two small functions instead of two
more dependencies.

    python jax_peer.py --model dcgan --warmup 10 --iterations 50 --repeats 3 --threads 2
    python jax_peer.py --matmul --threads 2
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

ARGS = common.parse_args()
# Threads must be fixed before jax is imported: JAX has no thread-count API. XLA's CPU client
# sizes its intra-op pool from PJRT_NPROC (else NPROC, else every core), and
# --xla_cpu_multi_thread_eigen=false keeps Eigen's own kernels (matmul, convolution) on one thread.
os.environ["PJRT_NPROC"] = os.environ["NPROC"] = str(ARGS.threads)
if ARGS.threads == 1:
    os.environ["XLA_FLAGS"] = (os.environ.get("XLA_FLAGS", "")
                               + " --xla_cpu_multi_thread_eigen=false").strip()
common.quiet_native_logs()

import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402

PEER = "jax"
DIMS = ("NHWC", "HWIO", "NHWC")


# ---- layers: parameters and batch-norm state are pytrees (lists of dicts, one per layer) ----


def init(layers, sample, init_kind, key):
    """(params, state) of a network; state holds batch norm's moving averages."""
    params, state = [], []
    for layer in layers:
        key, sub = jax.random.split(key)
        k, p, s = layer.kind, {}, {}
        if k in ("dense", "maxout"):
            shape = (layer.inputs, layer.outputs * max(layer.pieces, 1))
        elif k == "conv":
            shape = (layer.kernel, layer.kernel, layer.inputs, layer.outputs)
        elif k == "deconv":  # the kernel of the convolution it transposes: [k, k, out, in]
            shape = (layer.kernel, layer.kernel, layer.outputs, layer.inputs)
        if k in ("dense", "maxout", "conv", "deconv"):
            if init_kind == "normal-0.02":
                p["w"] = 0.02 * jax.random.normal(sub, shape)
            else:
                p["w"] = jax.nn.initializers.glorot_uniform()(sub, shape)
            p["b"] = jnp.zeros(shape[1] if len(shape) == 2 else layer.outputs)
        elif k in ("batchnorm", "layernorm"):
            p = {"gamma": jnp.ones(layer.inputs), "beta": jnp.zeros(layer.inputs)}
            if k == "batchnorm":
                s = {"mean": jnp.zeros(layer.inputs), "var": jnp.ones(layer.inputs)}
        params.append(p)
        state.append(s)
    return params, state


def apply(layers, params, state, x):
    """Training mode: batch norm uses batch statistics and returns updated moving averages."""
    new_state = []
    for layer, p, s in zip(layers, params, state):
        k = layer.kind
        if k == "dense":
            x = x @ p["w"] + p["b"]
        elif k == "maxout":
            x = (x @ p["w"] + p["b"]).reshape(-1, layer.outputs, layer.pieces).max(axis=-1)
        elif k == "conv":
            x = jax.lax.conv_general_dilated(x, p["w"], (layer.stride,) * 2, "SAME",
                                             dimension_numbers=DIMS) + p["b"]
        elif k == "deconv":  # transpose_kernel: the gradient of a conv, as tf.nn.conv2d_transpose
            x = jax.lax.conv_transpose(x, p["w"], (layer.stride,) * 2, "SAME",
                                       dimension_numbers=DIMS, transpose_kernel=True) + p["b"]
        elif k == "batchnorm":
            axes = tuple(range(x.ndim - 1))
            mean, var = x.mean(axes), x.var(axes)
            n = x.size / x.shape[-1]
            m = common.BN_MOMENTUM
            s = {"mean": m * s["mean"] + (1 - m) * mean,  # the unbiased variance, as Nash's
                 "var": m * s["var"] + (1 - m) * var * n / (n - 1)}
            x = (x - mean) * jax.lax.rsqrt(var + common.NORM_EPS) * p["gamma"] + p["beta"]
        elif k == "layernorm":
            axes = tuple(range(1, x.ndim))
            mean, var = x.mean(axes, keepdims=True), x.var(axes, keepdims=True)
            x = (x - mean) * jax.lax.rsqrt(var + common.NORM_EPS) * p["gamma"] + p["beta"]
        elif k == "relu":
            x = jax.nn.relu(x)
        elif k == "leaky_relu":
            x = jax.nn.leaky_relu(x, layer.slope)
        elif k == "tanh":
            x = jnp.tanh(x)
        elif k == "reshape":
            x = x.reshape(-1, *layer.shape)
        elif k == "flatten":
            x = x.reshape(x.shape[0], -1)
        else:
            raise ValueError(k)
        new_state.append(s)
    return x, new_state


# ---- Adam, as TensorFlow's ApplyAdam (Nash): lr_t = lr sqrt(1 - b2^t) / (1 - b1^t),
# w -= lr_t m / (sqrt(v) + eps) ----


def adam_init(params):
    def zeros():  # separate buffers for m and v: the iteration donates its state
        return jax.tree.map(jnp.zeros_like, params)

    return {"t": jnp.zeros((), jnp.int32), "m": zeros(), "v": zeros()}


def adam_update(a: common.Adam, params, grads, opt):
    t = opt["t"] + 1
    m = jax.tree.map(lambda m, g: a.beta1 * m + (1 - a.beta1) * g, opt["m"], grads)
    v = jax.tree.map(lambda v, g: a.beta2 * v + (1 - a.beta2) * g * g, opt["v"], grads)
    lr = a.lr * jnp.sqrt(1 - a.beta2**t) / (1 - a.beta1**t)
    params = jax.tree.map(lambda w, m, v: w - lr * m / (jnp.sqrt(v) + a.eps), params, m, v)
    return params, {"t": t, "m": m, "v": v}


# ---- the iteration ----


def trainer(model: common.Model):
    G, D, b = model.generator, model.discriminator, model.batch
    wasserstein = model.loss == "wasserstein"
    key = jax.random.key(1)
    key, kg, kd = jax.random.split(key, 3)
    g_params, g_state = init(G, (model.latent,), model.init, kg)
    d_params, d_state = init(D, model.sample, model.init, kd)
    train = {"g": g_params, "gs": g_state, "d": d_params, "ds": d_state,
             "g_opt": adam_init(g_params), "d_opt": adam_init(d_params), "key": key}
    data = jnp.asarray(common.real_data(model))

    def d_loss_fn(d_params, d_state, real, fake, e):
        d_real, d_state = apply(D, d_params, d_state, real)  # separate passes: BN per pass
        d_fake, d_state = apply(D, d_params, d_state, fake)
        if wasserstein:
            loss = d_fake.mean() - d_real.mean()
        else:
            loss = jax.nn.softplus(-d_real).mean() + jax.nn.softplus(d_fake).mean()
        if model.gp_weight:
            x = e * real + (1 - e) * fake
            grad = jax.grad(lambda x: apply(D, d_params, d_state, x)[0].sum())(x)
            norm = jnp.sqrt((grad**2).reshape(b, -1).sum(axis=1))
            loss = loss + model.gp_weight * ((norm - 1) ** 2).mean()
        return loss, d_state

    def g_loss_fn(g_params, g_state, d_params, d_state, z):
        fake, g_state = apply(G, g_params, g_state, z)
        out, d_state = apply(D, d_params, d_state, fake)
        loss = -out.mean() if wasserstein else jax.nn.softplus(-out).mean()
        return loss, (g_state, d_state)

    def iteration(s, data, start):
        key = s["key"]
        for k in range(model.d_steps):  # unrolled: d_steps is a constant
            key, kz, ke = jax.random.split(key, 3)
            real = jax.lax.dynamic_slice_in_dim(data, start + k * b, b)
            fake, gs = apply(G, s["g"], s["gs"], jax.random.normal(kz, (b, model.latent)))
            fake = jax.lax.stop_gradient(fake)
            e = jax.random.uniform(ke, (b,) + (1,) * len(model.sample))
            (d_loss, ds), grads = jax.value_and_grad(d_loss_fn, has_aux=True)(
                s["d"], s["ds"], real, fake, e)
            d, d_opt = adam_update(model.adam_d, s["d"], grads, s["d_opt"])
            s = {**s, "gs": gs, "d": d, "ds": ds, "d_opt": d_opt}
        key, kz = jax.random.split(key)
        z = jax.random.normal(kz, (b, model.latent))
        (g_loss, (gs, ds)), grads = jax.value_and_grad(g_loss_fn, has_aux=True)(
            s["g"], s["gs"], s["d"], s["ds"], z)
        g, g_opt = adam_update(model.adam_g, s["g"], grads, s["g_opt"])
        s = {**s, "g": g, "gs": gs, "ds": ds, "g_opt": g_opt, "key": key}
        return s, d_loss, g_loss

    compiled = jax.jit(iteration, donate_argnums=0)  # the old state's buffers are reused
    starts = common.batch_starts(model)

    def step(fetch):
        nonlocal train
        train, d_loss, g_loss = compiled(train, data, np.int32(next(starts)))
        return (round(float(d_loss), 4), round(float(g_loss), 4)) if fetch else None

    def sync():
        jax.block_until_ready(train)

    return step, sync


def matmul_peak():
    n = common.MATMUL_SIZE
    a, b = jnp.full((n, n), 0.5), jnp.full((n, n), 0.25)
    product = jax.jit(jnp.matmul)
    return common.time_matmul(lambda: product(a, b).block_until_ready(), n)


def main():
    version = f"{jax.__version__} (jaxlib {jax.lib.__version__})"
    common.run_peer(PEER, version, ARGS, matmul_peak, trainer)


if __name__ == "__main__":
    main()
