"""The analytic dense FLOP count of one training iteration of each model in common.MODELS.

2 FLOPs per multiply-add. Counted: MatMul and convolution products -- forward, input gradient and
filter gradient, each of which costs the same multiply-adds as the layer's forward product.
Skipped: everything elementwise (biases, activations, batch/layer norm, losses, Adam) and the
max over maxout pieces. Transposed convolutions count as the convolution they are the adjoint of.

Per sample, with F_l the forward multiply-adds of linear layer l of a network N, F(N) = sum F_l:

- a D pass that trains D (D update, on real or fake): forward F(D) + filter gradients F(D) +
  input gradients of every layer but the first (nothing needs the gradient w.r.t. the batch);
- the G update: G forward F(G), D forward F(D), D's input gradients down to the image F(D)
  (D's filter gradients are not needed), G's filter gradients F(G) and G's input gradients
  except its first layer's (the latent needs none);
- a D update also runs G forward on its fake batch (no gradient to G).

    python3 benchmarks/peers/flops.py   # prints GFLOP per iteration of each model
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import MODELS, Model  # noqa: E402


def linear_macs(layers, sample):
    """Forward multiply-adds per sample of each dense/maxout/conv/deconv layer, in order.
    sample: the per-sample input shape, (features,) or (H, W, C)."""
    shape = tuple(sample)
    macs = []
    for layer in layers:
        k = layer.kind
        if k == "dense":
            macs.append(layer.inputs * layer.outputs)
            shape = (layer.outputs,)
        elif k == "maxout":
            macs.append(layer.inputs * layer.outputs * layer.pieces)
            shape = (layer.outputs,)
        elif k == "conv":  # SAME, stride s: each output pixel sees k*k*C_in inputs
            h, w, _ = shape
            shape = (-(-h // layer.stride), -(-w // layer.stride), layer.outputs)
            macs.append(shape[0] * shape[1] * layer.outputs * layer.kernel**2 * layer.inputs)
        elif k == "deconv":  # the adjoint of the conv from the output back to the input
            h, w, _ = shape
            macs.append(h * w * layer.inputs * layer.kernel**2 * layer.outputs)
            shape = (h * layer.stride, w * layer.stride, layer.outputs)
        elif k == "reshape":
            shape = layer.shape
        elif k == "flatten":
            n = 1
            for d in shape:
                n *= d
            shape = (n,)
    return macs


def penalty_macs(d):
    """Multiply-adds per sample of WGAN-GP's penalty term of a critic update, the critic being
    conv1 -> conv2 -> LayerNorm -> dense (forward MACs d = [F0, F1, F2]).

    The penalty P = lambda (||g0|| - 1)^2 needs g0 = dD(x^)/dx^, and then dP/dW for every critic
    weight (double backprop). Write the first backward pass as, per linear layer l,
    g_l = W_l^T h_l (h_l: the gradient arriving from above, masked by the activation's derivative;
    for the top dense layer h_2 = 1, the seed of d sum D / dD). Reverse mode through that graph:

    (a) forward of D at x^:                              F0 + F1 + F2
    (b) first backward, input gradients down to x^:      F0 + F1 + F2   (all layers, incl. conv1)
    (c) adjoint of each backward product g_l = W_l^T h_l, given the adjoint of g_l:
        dP/dW_l += h_l (adj g_l)^T  -- a filter-gradient-shaped product, F_l, every layer;
        adj h_l  = W_l (adj g_l)     -- a forward-shaped product, F_l, conv1 and conv2 only
                                         (h_2 is the constant seed, nothing to propagate);
                                                         2 F0 + 2 F1 + F2
    (d) LayerNorm's backward depends on its input (conv2's output), so (c) also sends an adjoint
        into the forward pass at conv2's output; through the forward products:
        conv2 filter gradient F1 and input gradient F1, conv1 filter gradient F0 (the input x^ is
        a constant of the critic's update). LeakyReLU is piecewise linear (its mask has zero
        derivative) and the dense layer's backward does not depend on its input, so nothing else
        reaches the forward pass:                        F0 + 2 F1
    Total: 5 F0 + 6 F1 + 3 F2. Without the layer norm (d) would vanish.
    """
    f0, f1, f2 = d
    forward = f0 + f1 + f2
    first_backward = f0 + f1 + f2
    double_backward = (2 * f0 + 2 * f1 + f2) + (f0 + 2 * f1)
    return forward + first_backward + double_backward


def iteration_macs(model: Model):
    """Multiply-adds per sample of one iteration: d_steps D updates and one G update."""
    g = linear_macs(model.generator, (model.latent,))
    d = linear_macs(model.discriminator, model.sample)
    fg, fd = sum(g), sum(d)
    d_pass = fd + fd + (fd - d[0])  # forward, filter gradients, input gradients but the first
    d_update = fg + 2 * d_pass  # G forward for the fake batch; D on real and on fake separately
    if model.gp_weight:
        assert len(d) == 3, "penalty_macs is derived for conv, conv, dense"
        d_update += penalty_macs(d)
    g_update = fg + fd + fd + fg + (fg - g[0])
    return model.d_steps * d_update + g_update


def gflop_per_iteration(name: str) -> float:
    model = MODELS[name]
    return 2 * model.batch * iteration_macs(model) / 1e9


if __name__ == "__main__":
    for name in MODELS:
        print(f"{name}: {gflop_per_iteration(name):.3f} GFLOP per iteration "
              f"(batch {MODELS[name].batch})")
